"""cmi5 courses: one uploaded course structure (its blocks and AUs) and the
files of its package. Validated whole (`packages.cmi5.validation`) before its
row or files exist; files live under MEDIA_ROOT/cmi5/<uuid>/ and are to be
served only from the content origin, as SCORM's are."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from packages.pages import PackageActivityPage
from packages.stored import StoredPackage


class Cmi5Course(StoredPackage):  # type: ignore[django-manager-missing]
    # The course's IRI in its cmi5.xml: the activity id of its statements.
    course_iri = models.CharField(_("course IRI"), max_length=2048)
    # Language maps, as the course structure gives them.
    titles = models.JSONField(default=dict)
    descriptions = models.JSONField(default=dict)
    # Blocks: id, title, description, parents, objectives. AUs: id, title,
    # description, url, launch, external, move_on, mastery_score (a string or
    # null), launch_method, launch_parameters, entitlement_key, activity_type,
    # parents, objectives. In the course structure's order.
    blocks = models.JSONField(default=list)
    aus = models.JSONField(default=list)
    objectives = models.JSONField(default=dict)
    # False for a bare cmi5.xml whose AUs all live on other sites.
    zipped = models.BooleanField(default=True)

    class Meta(StoredPackage.Meta):
        verbose_name = _("cmi5 course")
        verbose_name_plural = _("cmi5 courses")


class Cmi5ActivityPage(PackageActivityPage):
    """A cmi5 course as an item of a course's outline, beside lessons,
    quizzes and SCORM activities: its AUs are launched from this page, and
    it is done once the cmi5 course is satisfied (every AU's moveOn met)."""

    cmi5_course = models.ForeignKey(
        Cmi5Course,
        verbose_name=_("cmi5 course"),
        on_delete=models.PROTECT,
        related_name="activities",
    )

    content_panels = PackageActivityPage.content_panels + [FieldPanel("cmi5_course")]
    template = "packages/cmi5_activity_page.html"

    class Meta:
        verbose_name = _("cmi5 activity")
        verbose_name_plural = _("cmi5 activities")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from .launch import page_context  # launch imports models

        context.update(page_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        # A POST launches one AU; the enrolment gate (a before_serve_page
        # hook) has let only an enrolled learner through.
        if request.method == "POST":
            from .views import launch_au

            return launch_au(self, request)
        return super().serve(request, *args, **kwargs)


class Cmi5Registration(models.Model):
    """A learner's registration in a cmi5 activity (cmi5 9.6.1): one per
    learner and activity, its id the `registration` of every statement."""

    wagtail_reference_index_ignore = True

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    activity = models.ForeignKey(
        Cmi5ActivityPage, on_delete=models.PROTECT, related_name="registrations"
    )
    registration = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    # Per AU (keyed by its index in the course structure): the cmi5 defined
    # results recorded in this registration: completed, passed, failed,
    # waived (true when seen), score (the passed/failed scaled score) and
    # satisfied (its moveOn met).
    au_states = models.JSONField(default=dict)
    # Indexes of the blocks whose "satisfied" statement was written.
    satisfied_blocks = models.JSONField(default=list)
    satisfied_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "activity"], name="cmi5_registration_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.activity} ({self.registration})"


class Cmi5Session(models.Model):
    """One launch of one AU (cmi5 9.6.3.1): its session id, the one-time
    fetch URL's secret and the auth token it hands out, both kept hashed."""

    wagtail_reference_index_ignore = True

    registration = models.ForeignKey(
        Cmi5Registration, on_delete=models.CASCADE, related_name="sessions"
    )
    au_index = models.PositiveIntegerField()
    session_id = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    launch_mode = models.CharField(max_length=10, default="Normal")
    fetch_hash = models.CharField(max_length=64, unique=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    token_key = models.CharField(max_length=64, unique=True)
    token_hash = models.CharField(max_length=64)
    launched_at = models.DateTimeField()
    initialized_at = models.DateTimeField(null=True, blank=True)
    terminated_at = models.DateTimeField(null=True, blank=True)
    abandoned_at = models.DateTimeField(null=True, blank=True)
    last_statement_at = models.DateTimeField(null=True, blank=True)
    # The cmi5 defined verbs the AU sent in this session (short names).
    verbs = models.JSONField(default=list)

    class Meta:
        indexes = [
            models.Index(fields=["registration", "au_index"], name="cmi5_session_au")
        ]

    def __str__(self) -> str:
        return str(self.session_id)

    @property
    def active(self) -> bool:
        return self.terminated_at is None and self.abandoned_at is None
