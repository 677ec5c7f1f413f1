"""Load the demo: the network's pages, the CMI course catalog and demo accounts.

Idempotent: what exists (matched by slug or e-mail) is left as it is, so it is
safe to run again and never overwrites an editor's changes. Refuses to run
under production settings.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from accounts.models import Role, User
from accounts.services import assign_role
from courses.models import CourseIndexPage, CoursePage, Topic
from courses.services import grant_page_permission, sync_instructor_permissions
from demo.content import courses_a, courses_b, network
from demo.content.topics import TOPICS
from enrollments import services as enrollment_services
from home.models import (
    EventIndexPage,
    EventPage,
    HomePage,
    PublicationIndexPage,
    PublicationPage,
    StandardPage,
)
from lessons.models import LessonPage

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 - documented demo credential
DEMO_USERS = [
    ("student@example.org", "Alex Student", Role.STUDENT, False),
    ("instructor@example.org", "Dr. Ines Instructor", Role.INSTRUCTOR, False),
    ("manager@example.org", "Morgan Manager", Role.PROGRAM_MANAGER, False),
    ("admin@example.org", "Ada Admin", None, True),
]
# The content modules are plain data; name their shape once here.
COURSES: list[dict[str, Any]] = courses_a.COURSES + courses_b.COURSES
HOME: dict[str, Any] = network.HOME
PAGES: list[dict[str, Any]] = network.PAGES
EVENTS: list[dict[str, Any]] = network.EVENTS
PUBLICATIONS: list[dict[str, Any]] = network.PUBLICATIONS


def stream(blocks: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [
        (kind, RichText(value) if kind == "paragraph" else value)
        for kind, value in blocks
    ]


def publish(parent: Page, page: Page) -> Page:
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


class Command(BaseCommand):
    help = "Create the demo site, courses and accounts (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds courses.",
        )

    def handle(self, *args, if_empty: bool = False, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("seed_demo never runs under production settings.")
        if if_empty and CoursePage.objects.exists():
            self.stdout.write("Courses exist; demo not loaded.")
            return
        with transaction.atomic():
            home = self.home_page()
            users = self.users()
            catalog = self.catalog(home, users["instructor@example.org"])
            self.student_progress(users["student@example.org"], catalog)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {CoursePage.objects.live().count()} courses, "
                f"{LessonPage.objects.live().count()} lessons. "
                f"Accounts use the password {DEMO_PASSWORD}."
            )
        )

    def home_page(self) -> HomePage:
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            welcome = root.get_children().filter(slug="home").first()
            if welcome is not None and welcome.specific_class is Page:
                welcome.delete()
            data = HOME
            home = HomePage(
                title=data["title"],
                slug="home",
                hero_title=data["hero_title"],
                hero_text=data["hero_text"],
                intro=data["intro"],
                open_to_all=data["open_to_all"],
                seo_title="IGN Academy — Civil-Military Interaction learning",
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            Site.objects.update_or_create(
                is_default_site=True,
                defaults={
                    "hostname": "localhost",
                    "port": 80,
                    "root_page": home,
                    "site_name": "IGN Academy",
                },
            )
        for item in PAGES:
            publish(
                home,
                StandardPage(
                    title=item["title"],
                    slug=item["slug"],
                    intro=item["intro"],
                    body=stream(item["body"]),
                    show_in_menus=True,
                ),
            )
        events = publish(
            home,
            EventIndexPage(
                title="Events",
                slug="events",
                intro="Symposia, seminars and workshops of the network.",
                show_in_menus=True,
            ),
        )
        for item in EVENTS:
            end = item["end_date"]
            publish(
                events,
                EventPage(
                    title=item["title"],
                    slug=item["slug"],
                    kind=item["kind"],
                    start_date=datetime.date.fromisoformat(item["start_date"]),
                    end_date=datetime.date.fromisoformat(end) if end else None,
                    location=item["location"],
                    summary=item["summary"],
                    body=stream(item["body"]),
                ),
            )
        publications = publish(
            home,
            PublicationIndexPage(
                title="Publications",
                slug="publications",
                intro="Journal articles and working papers from the network.",
                show_in_menus=True,
            ),
        )
        for item in PUBLICATIONS:
            publish(
                publications,
                PublicationPage(
                    title=item["title"],
                    slug=item["slug"],
                    kind=item["kind"],
                    published_date=datetime.date.fromisoformat(item["published_date"]),
                    authors=item["authors"],
                    abstract=item["abstract"],
                    body=stream(item["body"]),
                ),
            )
        return home

    def users(self) -> dict[str, User]:
        users = {}
        for email, name, role, is_admin in DEMO_USERS:
            user = User.objects.filter(email=email).first()
            if user is None:
                if is_admin:
                    user = User.objects.create_superuser(
                        email=email, password=DEMO_PASSWORD, display_name=name
                    )
                else:
                    user = User.objects.create_user(
                        email=email, password=DEMO_PASSWORD, display_name=name
                    )
            if role is not None:
                assign_role(user=user, role=role)
            users[email] = user
        return users

    def catalog(self, home: HomePage, instructor: User) -> CourseIndexPage:
        catalog = publish(
            home,
            CourseIndexPage(
                title="Courses",
                slug="courses",
                intro=(
                    "<p>Self-paced modules in Civil-Military Interaction and CIMIC, "
                    "open to officers, civil servants, NGO staff and students.</p>"
                ),
                show_in_menus=True,
            ),
        )
        # Instructors may start new courses; inside one, only its own teach.
        grant_page_permission(
            group=Group.objects.get(name=Role.INSTRUCTOR.value),
            page=catalog,
            permission_type="add",
        )
        topics = {
            slug: Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]
            for slug, name in TOPICS.items()
        }
        courses: dict[str, CoursePage] = {}
        for item in COURSES:
            existing = catalog.get_children().filter(slug=item["slug"]).first()
            if existing is not None:
                courses[item["slug"]] = existing.specific
                continue
            course = CoursePage(
                title=item["title"],
                slug=item["slug"],
                summary=item["summary"],
                description=item["description"],
                level=item["level"],
                language=item["language"],
                estimated_hours=item["estimated_hours"],
            )
            course.topics = [topics[slug] for slug in item["topics"]]
            catalog.add_child(instance=course)
            course.save_revision().publish()
            for lesson in item["lessons"]:
                publish(
                    course,
                    LessonPage(
                        title=lesson["title"],
                        slug=slugify(lesson["title"], allow_unicode=True),
                        summary=lesson["summary"],
                        body=stream(lesson["body"]),
                        estimated_minutes=20,
                    ),
                )
            courses[item["slug"]] = course
        for index, item in enumerate(COURSES):
            course = courses[item["slug"]]
            changed = False
            if item["prerequisites"] and not course.prerequisites.exists():
                course.prerequisites = [courses[s] for s in item["prerequisites"]]
                changed = True
            # The demo instructor teaches every third course.
            if index % 3 == 0 and not course.instructors.exists():
                course.instructors = [instructor]
                changed = True
            if changed:
                course.save_revision().publish()
            if course.instructors.exists():
                sync_instructor_permissions(course=course)
        return catalog

    def student_progress(self, student: User, catalog: CourseIndexPage) -> None:
        courses = list(CoursePage.objects.live().child_of(catalog).order_by("path"))
        for course, lessons_done in zip(courses[:2], (2, 1), strict=False):
            if student.enrollments.filter(course=course).exists():
                continue
            enrollment_services.enroll(learner=student, course=course)
            for lesson in LessonPage.objects.live().child_of(course)[:lessons_done]:
                enrollment_services.complete_lesson(learner=student, lesson=lesson)
