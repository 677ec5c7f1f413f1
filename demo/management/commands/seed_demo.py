"""Load the demo: the network's pages, the CMI course catalog and demo accounts.

Idempotent: what exists (matched by slug or e-mail) is left as it is, so it is
safe to run again and never overwrites an editor's changes. Refuses to run
under production settings.
"""

from __future__ import annotations

import datetime
import io
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import ngettext
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from accounts.models import Role, User
from accounts.services import assign_role
from assessments import services as assessment_services
from assessments.models import AssessmentPage, AssessmentSlot
from certificates import services as certificate_services
from courses.models import (
    CourseIndexPage,
    CoursePage,
    LearningPathCourse,
    LearningPathPage,
    Topic,
)
from courses.services import grant_page_permission, sync_instructor_permissions
from demo import h5p as demo_h5p
from demo import images as demo_images
from demo import localize
from demo.content import courses_a, courses_b, french, network, quizzes
from demo.content import discussions as demo_discussions
from demo.content.topics import TOPICS
from discussions import services as discussion_services
from discussions.access import Member
from discussions.models import Thread
from enrollments import cohort_services
from enrollments import services as enrollment_services
from enrollments.models import Cohort, Enrollment, LessonProgress
from home.models import (
    EventIndexPage,
    EventPage,
    HomePage,
    Partner,
    PublicationIndexPage,
    PublicationPage,
    StandardPage,
)
from lessons.models import H5PContent, LessonPage
from lessons.services import import_h5p_package
from questions import services as question_services
from questions.models import Category, Question, QuestionAnswer, QuestionBank
from questions.sanitize import clean_html
from questions.services import check_question, import_questions

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 - documented demo credential
DEMO_COHORT = "Demo intake 2026"
# The manager's cohort: learners at different stages, so every report and
# every at-risk reason has something to show. (e-mail, name, stage)
COHORT_LEARNERS = [
    ("ana.complete@example.org", "Ana Complete", "complete"),
    ("ben.ontrack@example.org", "Ben On-Track", "on_track"),
    ("chloe.idle@example.org", "Chloe Idle", "inactive"),
    ("dev.late@example.org", "Dev Late", "overdue"),
    ("eve.retry@example.org", "Eve Retry", "failed_twice"),
]
DEMO_USERS = [
    ("student@example.org", "Alex Student", Role.STUDENT, False),
    ("instructor@example.org", "Dr. Ines Instructor", Role.INSTRUCTOR, False),
    ("manager@example.org", "Morgan Manager", Role.PROGRAM_MANAGER, False),
    ("admin@example.org", "Ada Admin", None, True),
]
# The content modules are plain data; name their shape once here.
COURSES: list[dict[str, Any]] = courses_a.COURSES + courses_b.COURSES
# Written in French, in the French catalog only.
FRENCH_ONLY: list[dict[str, Any]] = courses_b.FRENCH_ONLY
HOME: dict[str, Any] = network.HOME
PAGES: list[dict[str, Any]] = network.PAGES
EVENTS: list[dict[str, Any]] = network.EVENTS
PUBLICATIONS: list[dict[str, Any]] = network.PUBLICATIONS
BANKS: list[dict[str, Any]] = quizzes.BANKS
QUIZZES: list[dict[str, Any]] = quizzes.QUIZZES


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


# Demo partners: kinds of member the network has, not real organisations.
PARTNERS = [
    ("Centre for Civil-Military Studies", "CCMS"),
    ("Humanitarian Coordination Forum", "HCF"),
    ("Joint CIMIC Training School", "JCTS"),
    ("University Crisis Research Lab", "UCRL"),
    ("Civil Protection Academy", "CPA"),
    ("Peace Operations Institute", "POI"),
]


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
        added: list[str] = []
        with transaction.atomic():
            home = self.home_page()
            users = self.users()
            catalog = self.catalog(home, users["instructor@example.org"])
            self.student_progress(users["student@example.org"], catalog)
            added += self.question_banks(catalog)
            added += self.quizzes(catalog, users["student@example.org"])
            added += self.completed_course(users["student@example.org"], catalog)
            added += self.h5p_activity(catalog, users["instructor@example.org"])
            added += self.learning_path(users["student@example.org"], catalog)
            added += self.cohort(users, catalog)
            added += self.discussions(users, catalog)
            added += self.in_french(home, catalog)
            added += self.pictures_and_partners()
        # After the commit, as the worker would; idempotent, so the task the
        # completion enqueued finds the certificate already issued.
        for enrollment_id in (
            users["student@example.org"]
            .enrollments.filter(status=Enrollment.Status.COMPLETED)
            .values_list("pk", flat=True)
        ):
            certificate = certificate_services.issue_certificate(
                enrollment_id=enrollment_id
            )
            # The demo's PDF is there at once, whether a worker runs or not.
            if certificate is not None:
                certificate_services.render_certificate_pdf(
                    certificate_id=certificate.pk
                )
        english = Locale.get_default()

        def live(model: type[Page]) -> int:
            return model.objects.live().filter(locale=english).count()

        if options.get("verbosity", 1) >= 1:
            for line in added or ["No new question banks or quizzes."]:
                self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {counted(live(CoursePage), 'course', 'courses')}, "
                f"{counted(live(LessonPage), 'lesson', 'lessons')}, "
                f"{counted(live(AssessmentPage), 'quiz', 'quizzes')} in English. "
                f"Accounts use the password {DEMO_PASSWORD}."
            )
        )
        self.stdout.write(french_counts())

    def home_page(self) -> HomePage:
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
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

    def pictures_and_partners(self) -> list[str]:
        """Every course and path without a picture gets one (drawn by
        demo.images, CC0), its translations the same; the home page a hero
        picture; the network its partners."""
        from django.core.files.images import ImageFile
        from wagtail.images import get_image_model

        image_model = get_image_model()

        def picture(seed: int, title: str, description: str, logo: str = ""):
            name = f"demo-{slugify(title)[:60]}.png"
            existing = image_model.objects.filter(title=title).first()
            if existing is not None:
                return existing
            data = demo_images.draw_logo(seed, logo) if logo else demo_images.draw(seed)
            image = image_model(
                title=title,
                description=description,
                file=ImageFile(io.BytesIO(data), name=name),
            )
            image.save()
            return image

        added = 0
        for model in (CoursePage, LearningPathPage):
            originals: dict[Any, Any] = {}
            for page in model.objects.order_by("pk"):
                if page.image_id:
                    originals.setdefault(page.translation_key, page.image_id)
                    continue
                image_id = originals.get(page.translation_key)
                if image_id is None:
                    image_id = picture(
                        page.pk,
                        f"Illustration: {page.title}",
                        "An abstract map of a network: points of light joined by "
                        "lines over contour rings, in IGN blue.",
                    ).pk
                    originals[page.translation_key] = image_id
                model.objects.filter(pk=page.pk).update(image_id=image_id)
                added += 1
        hero = picture(
            7,
            "Illustration: the IGN network",
            "An abstract map of a network: points of light joined by lines, "
            "the network's members working together.",
        )
        HomePage.objects.filter(hero_image__isnull=True).update(hero_image=hero)
        for order, (name, initials) in enumerate(PARTNERS):
            if Partner.objects.filter(name=name).exists():
                continue
            logo = picture(order, f"Logo: {name}", f"{name} logo", logo=initials)
            Partner.objects.create(name=name, logo=logo, sort_order=order)
        if not added:
            return []
        return [f"{counted(added, 'picture', 'pictures')} given to courses and paths."]

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
        english = Locale.get_default()
        topics = {
            slug: Topic.objects.get_or_create(
                slug=slug, locale=english, defaults={"name": name}
            )[0]
            for slug, name in TOPICS.items()
        }
        courses: dict[str, CoursePage] = {}
        for item in COURSES:
            existing = catalog.get_children().filter(slug=item["slug"]).first()
            if existing is not None:
                courses[item["slug"]] = existing.specific
                continue
            course = _add_course(catalog, item, topics)
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

    def completed_course(self, student: User, catalog: CourseIndexPage) -> list[str]:
        """One course without a quiz, finished, so the student has a certificate."""
        if student.enrollments.filter(status=Enrollment.Status.COMPLETED).exists():
            return []
        taken = student.enrollments.values("course_id")
        with_quiz = {
            path[: -Page.steplen]
            for path in AssessmentPage.objects.values_list("path", flat=True)
        }
        course = next(
            (
                c
                for c in CoursePage.objects.live()
                .child_of(catalog)
                .exclude(pk__in=taken)
                .order_by("path")
                if c.path not in with_quiz
            ),
            None,
        )
        if course is None:
            return []
        course.certificate_validity_months = 24
        course.certificate_signatory_name = "Dr. Jana Example"
        course.certificate_signatory_title = "Director of Studies, IGN Academy"
        course.save_revision().publish()
        enrollment_services.enroll(learner=student, course=course)
        for lesson in LessonPage.objects.live().child_of(course):
            enrollment_services.complete_lesson(learner=student, lesson=lesson)
        return [f"{student.email} completed {course.title!r}."]

    def learning_path(self, student: User, catalog: CourseIndexPage) -> list[str]:
        """ "CIMIC Staff Officer": the student's completed course, a course in
        progress and one not started, so the path is in progress. A path whose
        slug exists is left alone."""
        slug = "cimic-staff-officer"
        if catalog.get_children().filter(slug=slug).exists():
            return []
        completed = student.enrollments.filter(
            status=Enrollment.Status.COMPLETED
        ).values("course_id")
        active = student.enrollments.filter(status=Enrollment.Status.ACTIVE).values(
            "course_id"
        )
        live = CoursePage.objects.live().child_of(catalog).order_by("path")
        chosen = [
            live.filter(pk__in=completed).first(),
            live.filter(pk__in=active).first(),
            live.exclude(pk__in=student.enrollments.values("course_id")).first(),
        ]
        courses = [course for course in chosen if course is not None]
        path = LearningPathPage(
            title="CIMIC Staff Officer",
            slug=slug,
            summary="The program for staff officers in a CIMIC branch: three "
            "courses, in order, and a certificate when all are complete.",
            description="<p>Work through the courses in order. Each course has its "
            "own certificate; completing all of them earns the learning path's "
            "certificate.</p>",
            # Orderable leaves sort_order unset outside the admin's formset.
            path_courses=[
                LearningPathCourse(course=course, sort_order=number)
                for number, course in enumerate(courses)
            ],
        )
        publish(catalog, path)
        return [
            f"Added learning path {path.title!r} of "
            f"{counted(len(courses), 'course', 'courses')}."
        ]

    # --- Question banks and quizzes -------------------------------------------

    def question_banks(self, catalog: CourseIndexPage) -> list[str]:
        """One bank per demo quiz course: GIFT through the real importer, then
        the kinds GIFT cannot express. A bank that exists is left alone."""
        added = []
        for item in BANKS:
            if QuestionBank.objects.filter(name=item["name"]).exists():
                continue
            course = _course(catalog, item["course"])
            if course is None:
                continue
            summary = import_questions(
                item["gift"].encode(), bank_name=item["name"], format="gift"
            )
            if not summary.ok:
                raise CommandError(
                    f"Demo bank {item['name']!r} did not import: "
                    + "; ".join(summary.errors)
                )
            bank = QuestionBank.objects.get(name=item["name"])
            bank.course = course
            bank.description = item["description"]
            bank.save(update_fields=["course", "description"])
            for extra in item["extra"]:
                _add_question(bank, extra)
            added.append(
                f"Added question bank {bank.name!r}: "
                f"{counted(bank.questions.count(), 'question', 'questions')} in "
                f"{counted(bank.categories.count(), 'category', 'categories')}."
            )
        return added

    def quizzes(self, catalog: CourseIndexPage, student: User) -> list[str]:
        """The demo quizzes, each at the end of its course's outline, and the
        student enrolled where they are. A quiz whose slug exists is left alone."""
        added = []
        for item in QUIZZES:
            course = _course(catalog, item["course"])
            if course is None:
                continue
            if not course.get_children().filter(slug=item["slug"]).exists():
                slots = _slots(item)
                if slots is None:
                    self.stderr.write(
                        f"Quiz {item['title']!r} not added: its questions are "
                        f"missing from the bank {item['bank']!r}."
                    )
                else:
                    quiz = AssessmentPage(
                        title=item["title"],
                        slug=item["slug"],
                        intro=item["intro"],
                        **item["settings"],
                    )
                    quiz.pass_mark = Decimal(item["settings"]["pass_mark"])
                    quiz.slots = slots
                    publish(course, quiz)
                    added.append(
                        f"Added quiz {quiz.title!r} ({len(slots)} slots) "
                        f"to {course.title!r}."
                    )
            if not student.enrollments.filter(course=course).exists():
                enrollment_services.enroll(learner=student, course=course)
                added.append(f"Enrolled {student.email} in {course.title!r}.")
        return added

    # --- Cohort -------------------------------------------------------------------

    def discussions(
        self, users: dict[str, User], catalog: CourseIndexPage
    ) -> list[str]:
        """Threads in the first course (taught by the demo instructor, followed
        by the student), an answered question, and one announcement of each
        kind."""
        course = CoursePage.objects.live().child_of(catalog).order_by("path").first()
        if course is None or Thread.objects.filter(course=course).exists():
            return []
        people = {
            "student": users["student@example.org"],
            "instructor": users["instructor@example.org"],
        }
        members = {
            key: Member(user=user, course=course, teaches=key == "instructor")
            for key, user in people.items()
        }
        for item in demo_discussions.THREADS:
            thread = discussion_services.start_thread(
                member=members[item["author"]],
                title=item["title"],
                body=item["body"],
                kind=item["kind"],
            )
            for author, body, is_answer in item["replies"]:
                post = discussion_services.reply(
                    member=members[author], thread=thread, body=body
                )
                if is_answer:
                    discussion_services.moderate_post(
                        member=members["instructor"],
                        post=post,
                        action="answer",
                        reason="Answers the question.",
                    )
        discussion_services.post_announcement(
            author=people["instructor"],
            course=course,
            **demo_discussions.COURSE_ANNOUNCEMENT,
        )
        discussion_services.post_announcement(
            author=users["admin@example.org"], **demo_discussions.SITE_ANNOUNCEMENT
        )
        cohort = Cohort.objects.filter(name=DEMO_COHORT).first()
        if cohort is not None:
            discussion_services.post_announcement(
                author=users["manager@example.org"],
                cohort=cohort,
                **demo_discussions.COHORT_ANNOUNCEMENT,
            )
        return [f"Discussion: {len(demo_discussions.THREADS)} threads in {course}."]

    def cohort(self, users: dict[str, User], catalog: CourseIndexPage) -> list[str]:
        """The demo manager's cohort: two courses due in three weeks, the
        student and five learners at different stages."""
        if Cohort.objects.filter(name=DEMO_COHORT).exists():
            return []
        now = timezone.now()
        quiz = (
            AssessmentPage.objects.live()
            .descendant_of(catalog)
            .filter(attempts_allowed__isnull=True)
            .order_by("path")
            .first()
        )
        if quiz is None:
            return []
        quiz_course = quiz.get_parent().specific
        other = (
            CoursePage.objects.live()
            .child_of(catalog)
            .exclude(pk=quiz_course.pk)
            .order_by("path")
            .first()
        )
        courses = [quiz_course] + ([other] if other is not None else [])
        cohort = cohort_services.create_cohort(
            name=DEMO_COHORT,
            managers=[users["manager@example.org"]],
            deadline=now + datetime.timedelta(days=21),
        )
        learners = {"student": users["student@example.org"]}
        for email, name, stage in COHORT_LEARNERS:
            learner = User.objects.filter(email=email).first()
            if learner is None:
                learner = User.objects.create_user(
                    email=email, password=DEMO_PASSWORD, display_name=name
                )
                assign_role(user=learner, role=Role.STUDENT)
            learners[stage] = learner
        for learner in learners.values():
            cohort_services.add_member(cohort=cohort, learner=learner)
        for course in courses:
            cohort_services.assign_course(
                cohort=cohort, course=course, due_at=cohort.deadline
            )
        lessons = {
            course.pk: list(LessonPage.objects.live().child_of(course))
            for course in courses
        }
        for course in courses:
            for lesson in lessons[course.pk]:
                enrollment_services.complete_lesson(
                    learner=learners["complete"], lesson=lesson
                )
            for lesson in lessons[course.pk][: len(lessons[course.pk]) // 2 or 1]:
                enrollment_services.complete_lesson(
                    learner=learners["on_track"], lesson=lesson
                )
        self._attempt(learners["complete"], quiz, right=True)
        self._attempt(learners["on_track"], quiz, right=True)
        self._attempt(learners["failed_twice"], quiz, right=False)
        self._attempt(learners["failed_twice"], quiz, right=False)
        # Chloe opened one lesson five weeks ago and has not been back.
        first = lessons[quiz_course.pk][:1]
        for lesson in first:
            enrollment_services.complete_lesson(
                learner=learners["inactive"], lesson=lesson
            )
        idle = Enrollment.objects.filter(learner=learners["inactive"])
        LessonProgress.objects.filter(enrollment__in=idle).update(
            first_seen_at=now - datetime.timedelta(days=35),
            last_seen_at=now - datetime.timedelta(days=35),
            completed_at=now - datetime.timedelta(days=35),
        )
        idle.update(enrolled_at=now - datetime.timedelta(days=40))
        enrollment_services.refresh_last_seen(
            enrollment_ids=idle.values_list("pk", flat=True)
        )
        # Dev was given an earlier date for the first course, and missed it.
        Enrollment.objects.filter(
            learner=learners["overdue"], course=quiz_course
        ).update(
            enrolled_at=now - datetime.timedelta(days=30),
            due_at=now - datetime.timedelta(days=3),
        )
        return [
            f"Cohort {DEMO_COHORT!r} managed by manager@example.org: "
            f"{counted(len(learners), 'learner', 'learners')}, "
            f"{counted(len(courses), 'course', 'courses')}."
        ]

    def _attempt(self, learner: User, quiz: AssessmentPage, *, right: bool) -> None:
        """A whole attempt through the quiz services, graded at once."""
        attempt = assessment_services.start_attempt(learner=learner, assessment=quiz)
        assessment_services.save_answers(
            attempt=attempt,
            answers={
                entry["slot"]: _answer(entry, right)
                for entry in attempt.questions_snapshot
            },
        )
        assessment_services.submit_attempt(attempt=attempt)
        assessment_services.grade_attempt(attempt_id=attempt.pk)

    # --- French ---------------------------------------------------------------------

    def in_french(self, home: HomePage, catalog: CourseIndexPage) -> list[str]:
        """The French site: topics, home, the network's pages, the catalog, the
        translated courses with their lessons and quiz (questions included), and
        the courses that exist only in French. What is translated is left alone."""
        made = 0
        fr = localize.french()
        topics = {}
        for topic in Topic.objects.filter(locale=Locale.get_default()):
            translated = topic.get_translation_or_none(fr)
            if translated is None and topic.slug in french.TOPICS:
                translated = topic.copy_for_translation(fr)
                translated.name = french.TOPICS[topic.slug]
                translated.save()
            if translated is not None:
                topics[topic.slug] = translated
        pages: list[tuple[Page, dict[str, Any]]] = [(home, french.HOME)]
        for child in home.get_children().specific().order_by("path"):
            if child.slug in french.PAGES:
                pages.append((child, french.PAGES[child.slug]))
            for grandchild in child.get_children().specific().order_by("path"):
                if grandchild.slug in french.ITEMS:
                    pages.append((grandchild, french.ITEMS[grandchild.slug]))
        for page, values in pages:
            made += self._translate(page, values)[1]
        for slug, item in french.COURSES.items():
            course = _course(catalog, slug)
            if course is None:
                continue
            fields = {k: v for k, v in item.items() if k not in {"lessons", "quiz"}}
            translated, created = self._translate(course, fields)
            if translated is None:
                continue
            made += created
            if created:
                translated.topics = [
                    topics.get(topic.slug, topic) for topic in course.topics.all()
                ]
                translated.save_revision().publish()
            for child in course.get_children().specific().order_by("path"):
                if child.slug in item["lessons"]:
                    made += self._translate(child, item["lessons"][child.slug])[1]
                elif isinstance(child, AssessmentPage) and "quiz" in item:
                    quiz, created = self._translate(child, item["quiz"])
                    made += created
                    if quiz is not None:
                        _translate_questions(child)
        french_catalog = catalog.get_translation(fr).specific
        new = []
        for item in FRENCH_ONLY:
            if not french_catalog.get_children().filter(slug=item["slug"]).exists():
                new.append(_add_course(french_catalog, item, topics))
        for course in new:
            item = next(i for i in FRENCH_ONLY if i["slug"] == course.slug)
            if item["prerequisites"]:
                course.prerequisites = [
                    _course(french_catalog, slug) for slug in item["prerequisites"]
                ]
                course.save_revision().publish()
        added = [f"Translated {counted(made, 'page', 'pages')} into French."]
        if not made:
            added = []
        if new:
            added.append(
                f"Added {counted(len(new), 'course', 'courses')} in French only."
            )
        return added + self.french_quiz(french_catalog)

    def _translate(
        self, page: Page, values: dict[str, Any]
    ) -> tuple[Page | None, bool]:
        """The page's French translation; a page an editor has reshaped since
        the demo wrote its French is left untranslated, with a warning."""
        try:
            return localize.translate_page(page, values)
        except localize.DoesNotFit as error:
            self.stderr.write(f"Not translated into French: {error}")
            return None, False

    def french_quiz(self, french_catalog: CourseIndexPage) -> list[str]:
        """The French-only introduction's quiz, from its own French bank."""
        item = french.ONLY_QUIZ
        course = _course(french_catalog, item["course"])
        if course is None or course.get_children().filter(slug=item["slug"]).exists():
            return []
        if not QuestionBank.objects.filter(name=item["bank"]).exists():
            summary = import_questions(
                item["gift"].encode(), bank_name=item["bank"], format="gift"
            )
            if not summary.ok:
                raise CommandError("; ".join(summary.errors))
            QuestionBank.objects.filter(name=item["bank"]).update(course=course)
        slots = _slots(item)
        if slots is None:
            return []
        quiz = AssessmentPage(
            title=item["title"],
            slug=item["slug"],
            intro=item["intro"],
            **item["settings"],
        )
        quiz.pass_mark = Decimal(item["settings"]["pass_mark"])
        quiz.slots = slots
        publish(course, quiz)
        return [f"Added quiz {quiz.title!r} to {course.title!r}."]

    # --- H5P ----------------------------------------------------------------------

    def h5p_activity(self, catalog: CourseIndexPage, instructor: User) -> list[str]:
        """Our own H5P self-check, through the real importer, at the end of the
        first lesson of the student's first course; made once."""
        if H5PContent.objects.filter(title=demo_h5p.TITLE).exists():
            return []
        result = import_h5p_package(
            source=demo_h5p.selfcheck_package(), uploaded_by=instructor
        )
        if result.content is None:
            raise CommandError(f"demo H5P package refused: {result.report.errors}")
        course = CoursePage.objects.live().child_of(catalog).order_by("path").first()
        lesson = (
            LessonPage.objects.live().child_of(course).order_by("path").first()
            if course
            else None
        )
        if lesson is None:
            return [f"Added H5P activity {result.content.title!r} (no lesson)"]
        lesson.body.append(
            (
                "h5p",
                {
                    "activity": result.content,
                    "title": "Check yourself",
                    "completes_lesson": "passed",
                    "pass_mark": 100,
                },
            )
        )
        lesson.save_revision().publish()
        return [f"Added H5P activity {result.content.title!r} to {lesson.title!r}"]


def counted(count: int, singular: str, plural: str) -> str:
    """ "1 course", "2 courses": the command's output counts through ngettext."""
    return f"{count} {ngettext(singular, plural, count)}"


def _add_course(
    parent: Page, item: dict[str, Any], topics: dict[str, Topic]
) -> CoursePage:
    """A published course and its lessons under `parent` (a catalog)."""
    course = CoursePage(
        title=item["title"],
        slug=item["slug"],
        summary=item["summary"],
        description=item["description"],
        level=item["level"],
        estimated_hours=item["estimated_hours"],
    )
    course.topics = [topics[slug] for slug in item["topics"]]
    parent.add_child(instance=course)
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
    return course


def _translate_questions(quiz: AssessmentPage) -> int:
    """The French text of the quiz's questions (demo.content.french.QUESTIONS),
    through questions.services.translate_question. Returns how many
    questions were translated."""
    done = 0
    slots = AssessmentSlot.objects.filter(page=quiz, question__isnull=False)
    for question in Question.objects.filter(
        pk__in=slots.values("question_id"), idnumber__in=french.QUESTIONS
    ):
        french_text = french.QUESTIONS[question.idnumber]
        given = french_text.get("answers", [])
        answers = []
        for number, answer in enumerate(question.answers.order_by("sort_order")):
            ours = given[number] if number < len(given) else {}
            text = ours.get("text", answer.text)
            if not answer.text.startswith("<"):  # plain in English, plain in French
                text = text.removeprefix("<p>").removesuffix("</p>")
            entry = {"text": text, "feedback": ours.get("feedback", answer.feedback)}
            if question.kind == Question.KindChoices.MATCHING:
                entry["match"] = ours.get("match", answer.match)
            answers.append(entry)
        question_services.translate_question(
            question,
            "fr",
            stem=french_text["stem"],
            title=french_text["title"],
            general_feedback=french_text.get("general_feedback", ""),
            answers=answers,
        )
        done += 1
    return done


def french_counts() -> str:
    """The demo in figures: the catalog's entries per language and the pages
    translated into French (pages in French sharing a key with an English one)."""
    english, fr = Locale.get_default(), Locale.objects.get(language_code="fr")
    en_keys = Page.objects.filter(locale=english).values("translation_key")
    translated = Page.objects.filter(locale=fr, translation_key__in=en_keys).count()
    catalog = {
        locale.language_code: CoursePage.objects.live().filter(locale=locale).count()
        for locale in (english, fr)
    }
    only_fr = (
        CoursePage.objects.live()
        .filter(locale=fr)
        .exclude(translation_key__in=en_keys)
        .count()
    )
    return (
        f"Catalogue entries: {counted(catalog['en'], 'course', 'courses')} in "
        f"English, {catalog['fr']} in "
        f"French ({only_fr} only in French); pages translated into French: "
        f"{translated}."
    )


def _answer(entry: dict[str, Any], right: bool) -> Any:
    """An answer to a snapshot entry, right or wrong (see docs/snapshot.md)."""
    kind = entry.get("type")
    if kind == "multiple":
        return [
            c["id"] for c in entry["choices"] if (Fraction(c["fraction"]) > 0) == right
        ][:3]
    if kind in {"single", "truefalse"}:
        ranked = sorted(entry["choices"], key=lambda c: Fraction(c["fraction"]))
        return (ranked[-1] if right else ranked[0])["id"]
    if kind == "shortanswer" and entry.get("accepted"):
        return entry["accepted"][0]["text"] if right else "?"
    if kind == "numeric" and entry.get("numeric"):
        value = entry["numeric"][0].get("value")
        return str(value) if right and value is not None else "-999999"
    if kind == "matching":
        pairs = entry["pairs"]
        if right:
            return {p["id"]: p["answer"] for p in pairs}
        return {
            p["id"]: pairs[(i + 1) % len(pairs)]["answer"] for i, p in enumerate(pairs)
        }
    if kind == "ordering":
        return entry["order"] if right else list(reversed(entry["order"]))
    return None


def _course(catalog: CourseIndexPage, slug: str) -> CoursePage | None:
    page = CoursePage.objects.child_of(catalog).filter(slug=slug).first()
    return page.specific if page is not None else None


def _add_question(bank: QuestionBank, item: dict[str, Any]) -> Question:
    """An ordering or fill-in-the-blanks question, checked like any other."""
    if item["kind"] == "ordering":
        answers = [
            {"text": clean_html(text), "fraction": 0, "gap": 0}
            for text in item["items"]
        ]
    else:
        answers = [
            {"text": text, "fraction": 1, "gap": number}
            for number, accepted in enumerate(item["gaps"], start=1)
            for text in accepted
        ]
    stem = clean_html(item["stem"])
    problems = check_question(kind=item["kind"], stem=stem, answers=answers)
    if problems:
        raise CommandError(f"Demo question {item['title']!r}: " + "; ".join(problems))
    category, _ = Category.objects.get_or_create(bank=bank, path=item["category"])
    question = Question.objects.create(
        bank=bank,
        category=category,
        kind=item["kind"],
        title=item["title"],
        idnumber=item["idnumber"],
        stem=stem,
        general_feedback=clean_html(item["general_feedback"]),
    )
    QuestionAnswer.objects.bulk_create(
        QuestionAnswer(question=question, sort_order=order, **answer)
        for order, answer in enumerate(answers)
    )
    return question


def _slots(item: dict[str, Any]) -> list[AssessmentSlot] | None:
    """The quiz's slots from its bank, or None when something named is gone."""
    bank = QuestionBank.objects.filter(name=item["bank"]).first()
    if bank is None:
        return None
    questions = {q.idnumber: q for q in bank.questions.exclude(idnumber="")}
    categories = {c.path: c for c in bank.categories.all()}
    slots = []
    for slot in item["slots"]:
        mark = Decimal(slot["mark"]) if "mark" in slot else None
        if "question" in slot:
            question = questions.get(slot["question"])
            if question is None:
                return None
            slots.append(AssessmentSlot(question=question, mark=mark))
        else:
            category = categories.get(slot["category"])
            if category is None:
                return None
            slots.append(
                AssessmentSlot(
                    source=AssessmentSlot.Source.RANDOM,
                    category=category,
                    count=slot["count"],
                    mark=mark,
                )
            )
    return slots
