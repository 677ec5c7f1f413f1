"""Wires learner state into course and lesson pages; each hook calls one service
or selector."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from assessments.hooks import LEARNERS_IN_COURSES
from assessments.models import AssessmentPage
from courses import translations
from courses.hooks import (
    ANNOTATE_COURSES,
    CONSTRUCT_COURSE_CONTEXT,
    CONSTRUCT_PATH_CONTEXT,
)
from courses.models import CoursePage, LearningPathPage
from lessons.models import LessonPage
from packages.activities import PAGE_TYPES as PACKAGE_PAGES
from packages.hooks import LEARNERS_IN_COURSES as LEARNERS_IN_PACKAGE_COURSES

from . import dashboard, selectors, services
from .models import Cohort, Enrollment


@hooks.register(LEARNERS_IN_COURSES)
@hooks.register(LEARNERS_IN_PACKAGE_COURSES)
def learners_in_courses(courses):
    return selectors.learners_in(courses)


@hooks.register(ANNOTATE_COURSES)
def add_progress_to_cards(user, courses):
    progress = selectors.progress_for_courses(user, courses)
    for course in courses:
        course.learner_progress = progress[course.pk]


@hooks.register(CONSTRUCT_COURSE_CONTEXT)
def add_progress_to_course(request, course, context):
    context["progress"] = selectors.progress_for_courses(request.user, [course])[
        course.pk
    ]


@hooks.register(CONSTRUCT_PATH_CONTEXT)
def add_progress_to_path(request, path, context):
    context["path_progress"] = selectors.path_progress(
        request.user, path, context["path_courses"]
    )
    context["path_completion"] = selectors.path_completion_of(
        request.user, translations.original_id(path)
    )


@hooks.register("before_serve_page")
def gate_learning_pages(page, request, serve_args, serve_kwargs):
    if isinstance(page, CoursePage) and request.method == "POST":
        return _enrol_or_withdraw(page, request)
    if isinstance(page, LearningPathPage) and request.method == "POST":
        return _enrol_in_path(page, request)
    if isinstance(page, (LessonPage, AssessmentPage, *PACKAGE_PAGES)):
        return _open_learning_page(page, request)
    return None


def _enrol_or_withdraw(course, request):
    if not request.user.is_authenticated:
        return redirect_to_login(course.get_url(request))
    if request.POST.get("action") == "unenroll":
        services.unenroll(learner=request.user, course=course)
        messages.info(
            request,
            _("You have left %(course)s. Your progress is kept.")
            % {"course": course.title},
        )
        return redirect(course.get_url(request))
    if (refused := _unverified(request, course.get_url(request))) is not None:
        return refused
    services.enroll(learner=request.user, course=course)
    messages.success(
        request, _("You are enrolled in %(course)s.") % {"course": course.title}
    )
    return redirect(course.get_url(request))


def _unverified(request, back: str):
    """A self sign-up enrols once its e-mail address is confirmed: until then,
    the page that says so, with a button that sends the link again."""
    if request.user.email_verified_at is not None:
        return None
    messages.error(
        request,
        _("Confirm your e-mail address before you enrol: open the link we sent you."),
    )
    return redirect(
        reverse("notifications:verify_email") + "?" + urlencode({"next": back})
    )


def _enrol_in_path(path, request):
    if not request.user.is_authenticated:
        return redirect_to_login(path.get_url(request))
    if (refused := _unverified(request, path.get_url(request))) is not None:
        return refused
    services.enroll_in_path(learner=request.user, path=path)
    messages.success(
        request,
        _("You are enrolled in every course of %(path)s.") % {"path": path.title},
    )
    return redirect(path.get_url(request))


def _open_learning_page(page, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course = page.get_parent()
    # The learner's records are the original course's, whichever language
    # they read it in (`courses.translations`): both originals, one query.
    translations.original_ids([course, page], remember=True)
    enrollment = selectors.current_enrollment(
        learner=request.user, course_id=course.original_pk
    )
    if enrollment is None:
        if page.permissions_for_user(request.user).can_edit():
            return None  # Authors try their own lessons and quizzes without enrolling.
        messages.warning(
            request, _("Enrol in this course to open its lessons and quizzes.")
        )
        return redirect(course.get_url(request))
    if isinstance(page, LessonPage):
        services.record_lesson_view(enrollment=enrollment, lesson=page)
    return None


class EnrollmentViewSet(ModelViewSet):
    model = Enrollment
    icon = "group"
    menu_label = gettext_lazy("Enrolments")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["learner", "course", "status", "enrolled_at", "completed_at"]
    list_filter = ["status"]
    search_fields = ["learner__email", "learner__display_name"]
    panels = [FieldPanel("status"), FieldPanel("due_at")]
    inspect_view_enabled = True


def _lrs_names(cohort: Cohort) -> str:
    return ", ".join(forwarder.name for forwarder in cohort.forwarders.all())


class CohortPermissionPolicy(ModelPermissionPolicy):
    """Cohorts are not deleted from the admin (their announcements, member
    removals and the enrolments' grouping go with them); the rest follows
    the model's permissions."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        kept = [action for action in actions if action != "delete"]
        if not kept:
            return get_user_model().objects.none()
        return super().users_with_any_permission(kept)


register_permission_policy(Cohort, CohortPermissionPolicy(Cohort))


class CohortIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("forwarders")


def _lrs_label(forwarder) -> str:
    label = f"{forwarder.name} — {forwarder.endpoint}"
    if not forwarder.active:
        label += " " + _("(inactive: sent nothing)")
    return label


class CohortForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forwarders"].label_from_instance = _lrs_label


class CohortViewSet(ModelViewSet):
    """Cohorts as the site's administrators see them: their name, default
    deadline and the external LRSs their members' statements go to. Members,
    managers and courses are handled on the cohort's report page."""

    model = Cohort
    icon = "group"
    menu_label = gettext_lazy("Cohorts")
    add_to_admin_menu = True
    menu_order = 310
    index_view_class = CohortIndexView
    list_display = [
        "name",
        "deadline",
        Column("lrs", label=gettext_lazy("external LRSs"), accessor=_lrs_names),
        "created_at",
    ]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("deadline"),
        FieldPanel("forwarders", widget=forms.CheckboxSelectMultiple),
    ]
    edit_handler = ObjectList(panels, base_form_class=CohortForm)


@hooks.register("register_admin_viewset")
def register_enrollment_viewset():
    return EnrollmentViewSet("enrollment_records")


@hooks.register("register_admin_viewset")
def register_cohort_viewset():
    return CohortViewSet("cohorts")


@hooks.register("construct_homepage_panels")
def add_course_home(request, panels):
    if dashboard.teaches_anything(request.user):
        panels.append(dashboard.CourseHomePanel(request.user))
