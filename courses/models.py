"""Courses: the catalog, each module (CoursePage), the CMI topics they cover and
learning paths (LearningPathPage: an ordered set of courses, under the catalog).

A course's outline is its live children in tree order (lessons, and later
assessments). Learner state is not known here: higher layers add it to the
page context through the hooks named in `courses.hooks`.
"""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.pages import SitePage
from home.blocks import RICH_TEXT_FEATURES

from . import selectors, translations
from .hooks import ANNOTATE_COURSES, CONSTRUCT_COURSE_CONTEXT, CONSTRUCT_PATH_CONTEXT
from .page_cache import cache_for_anonymous


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A CMI focus area a course covers (protection of civilians, CPP, …).

    Translatable: the French topic is the English one's translation (same
    `translation_key`, same slug, so the catalog's topic filter reads alike in
    both languages)."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100)
    description = models.TextField(blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "name"], name="topic_name_once_per_locale"
            ),
            models.UniqueConstraint(
                fields=["locale", "slug"], name="topic_slug_once_per_locale"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Level(models.TextChoices):
    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class Duration(models.TextChoices):
    """Catalog filter buckets over `estimated_hours`."""

    SHORT = "short", _("Up to 3 hours")
    MEDIUM = "medium", _("4 to 8 hours")
    LONG = "long", _("More than 8 hours")


DURATION_BOUNDS: dict[str, tuple[int, int | None]] = {
    Duration.SHORT: (0, 3),
    Duration.MEDIUM: (4, 8),
    Duration.LONG: (9, None),
}


SORT_CHOICES = [
    (selectors.SORT_RELEVANCE, _("Best match")),
    (selectors.SORT_NEWEST, _("Newest")),
    (selectors.SORT_SHORTEST, _("Shortest")),
]

# Said on the catalog when a filter's value is not one it offers (an old or
# hand-edited address): the rest of the search still answers.
IGNORED_MESSAGES = {
    "q": _(
        "Your search was longer than %(limit)s characters: only its beginning was used."
    ),
    "topic": _(
        "That topic does not exist (any more): courses of every topic are shown."
    ),
    "level": _("That level is not one we offer: courses of every level are shown."),
    "language": _(
        "That language is not one we offer: courses in every language are shown."
    ),
    "duration": _(
        "That duration is not one we offer: courses of any duration are shown."
    ),
    "sort": _("That order is not one we offer: courses are shown by best match."),
}


def image_field() -> models.ForeignKey:
    return models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
        help_text=_(
            "Shown on the catalog's card and at the top of the page. The image "
            "needs a description (its alternative text) in the image library."
        ),
    )


def check_image_alt(page: Page) -> None:
    """A page's image must say what it shows to whoever cannot see it."""
    image = getattr(page, "image", None)
    if image is not None and not (image.description or "").strip():
        raise ValidationError(
            {
                "image": _(
                    "This image has no description (alternative text). Describe "
                    "it in the image library, then choose it again."
                )
            }
        )


class CourseIndexPage(SitePage, Page):
    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["courses.CoursePage", "courses.LearningPathPage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    per_page = 12

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # Searches are too many and too varied to keep; filters and pages are few.
        if not request.GET.get("q"):
            cache_for_anonymous(response)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = selectors.CatalogFilters.from_query(request.GET)
        topics = list(selectors.topics_in_language())
        if filters.topic and filters.topic not in {t.slug for t in topics}:
            filters = filters.without_topic()
        courses = selectors.catalog_courses(parent=self, filters=filters)
        page_obj = Paginator(courses, self.per_page).get_page(request.GET.get("page"))
        page_courses = list(page_obj.object_list)
        selectors.add_card_facts(page_courses)
        for annotate in hooks.get_hooks(ANNOTATE_COURSES):
            annotate(request.user, page_courses)
        query = request.GET.copy()
        query.pop("page", None)
        paths = []
        if page_obj.number == 1:
            paths = selectors.catalog_paths(parent=self, filters=filters)
        context.update(
            filters=filters,
            ignored=[
                str(IGNORED_MESSAGES[name]) % {"limit": selectors.MAX_QUERY_LENGTH}
                if name == "q"
                else IGNORED_MESSAGES[name]
                for name in dict.fromkeys(filters.ignored)
            ],
            page_obj=page_obj,
            courses=page_courses,
            paths=paths,
            catalog_url=self.get_url(request),
            topics=topics,
            sorts=SORT_CHOICES,
            levels=Level.choices,
            languages=settings.LANGUAGES,
            durations=Duration.choices,
            query_string=query.urlencode(),
        )
        return context


# What a certificate's signature image may be (courses.CoursePage.clean).
SIGNATURE_FORMATS = ("png", "jpg", "jpeg")
SIGNATURE_MAX_SIZE = (2000, 1000)


class CoursePage(SitePage, Page):
    summary = models.CharField(max_length=300)
    image = image_field()
    description = RichTextField(features=RICH_TEXT_FEATURES)
    topics = ParentalManyToManyField(Topic, blank=True, related_name="courses")
    level = models.CharField(
        max_length=20, choices=Level.choices, default=Level.INTRODUCTORY
    )
    estimated_hours = models.PositiveSmallIntegerField(
        default=2,
        help_text=_("Typical study time, in hours, shown on the certificate."),
    )
    prerequisites = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, related_name="required_by"
    )
    instructors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="courses_taught",
        limit_choices_to={"groups__name": "Instructors"},
        help_text=_("Instructors may edit and publish this course and its lessons."),
    )
    # Completion rule: every live lesson and quiz of the outline is required
    # unless listed in `optional_items`; optionally a minimum mean quiz grade.
    completion_min_score = models.DecimalField(
        _("minimum overall score (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
        help_text=_("Mean grade over the course's quizzes. Empty: no minimum."),
    )
    certificate_enabled = models.BooleanField(_("issue certificates"), default=True)
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("validity (months)"),
        null=True,
        blank=True,
        help_text=_("Empty: never expires."),
    )
    certificate_signatory_name = models.CharField(
        _("signatory"), max_length=150, blank=True
    )
    certificate_signatory_title = models.CharField(
        _("signatory's title"), max_length=150, blank=True
    )
    certificate_logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    # The signatory's handwritten signature, printed above their name: an
    # image uploaded through Wagtail's validated image form (type, size,
    # dimensions), checked again in `clean` (a transparent PNG reads best).
    certificate_signature = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("signature image"),
        help_text=_(
            "The signatory's signature, printed above their name on the "
            "certificate: a PNG or JPEG, at most 2000 × 1000 pixels."  # noqa: RUF001
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("level"),
                FieldPanel("estimated_hours"),
            ],
            "Catalog",
        ),
        FieldPanel("prerequisites"),
        FieldPanel("instructors"),
        MultiFieldPanel(
            [
                FieldPanel("completion_min_score"),
                InlinePanel(
                    "optional_items",
                    heading=_("Optional lessons and quizzes"),
                    label=_("Optional item"),
                ),
            ],
            "Completion",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("certificate_enabled"),
                        FieldPanel("certificate_validity_months"),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("certificate_signatory_name"),
                        FieldPanel("certificate_signatory_title"),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("certificate_logo"),
                        FieldPanel("certificate_signature"),
                    ]
                ),
            ],
            "Certificate",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("level"),
        index.FilterField("estimated_hours"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = [
        "lessons.LessonPage",
        "assessments.AssessmentPage",
        "packages.ScormActivityPage",
        "packages.Cmi5ActivityPage",
    ]

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(estimated_hours__gte=1),
                name="course_estimated_hours_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(completion_min_score__isnull=True)
                | models.Q(completion_min_score__gte=0, completion_min_score__lte=100),
                name="course_min_score_is_percent",
            ),
        ]

    def clean(self) -> None:
        super().clean()
        check_image_alt(self)
        signature = self.certificate_signature
        if signature is None:
            return
        errors = {}
        if signature.file.name.rsplit(".", 1)[-1].lower() not in SIGNATURE_FORMATS:
            errors["certificate_signature"] = _(
                "The signature must be a PNG or JPEG image."
            )
        elif (
            signature.width > SIGNATURE_MAX_SIZE[0]
            or signature.height > SIGNATURE_MAX_SIZE[1]
        ):
            errors["certificate_signature"] = _(
                "The signature image is too large: at most 2000 × 1000 pixels."  # noqa: RUF001
            )
        if not self.certificate_signatory_name.strip():
            errors["certificate_signatory_name"] = _(
                "Name the signatory whose signature is printed."
            )
        if errors:
            raise ValidationError(errors)

    def outline(self) -> list[Page]:
        """The live lessons and activities of this course, in order."""
        return list(self.get_children().live().specific())

    def serve(self, request, *args, **kwargs):
        return cache_for_anonymous(super().serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Who teaches and what comes before are the original's (the learner's
        # records are kept there: `courses.translations`); shown in the
        # reader's language.
        first, languages = translations.family(self)
        source = self if first == self.pk else translations.original(self)
        self.original_pk = first  # the progress hook reads it: no query
        context["outline"] = self.outline()
        context["catalog_url"] = self.get_parent().get_url(request)
        context["prerequisite_courses"] = translations.in_language(
            list(source.prerequisites.live())
        )
        context["course_topics"] = translations.in_language(
            list(self.topics.select_related("locale"))
        )
        context["course_instructors"] = source.instructors.all()
        context["available_languages"] = languages
        for construct in hooks.get_hooks(CONSTRUCT_COURSE_CONTEXT):
            construct(request, self, context)
        return context


class CourseOptionalItem(Orderable):
    """A lesson or quiz of the course's outline not required for completion."""

    course = ParentalKey(
        CoursePage, on_delete=models.CASCADE, related_name="optional_items"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )

    panels = [
        PageChooserPanel("page", ["lessons.LessonPage", "assessments.AssessmentPage"])
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["course", "page"], name="optional_item_once_per_course"
            )
        ]


class LearningPathPage(SitePage, Page):
    """A program: an ordered set of courses (e.g. "CIMIC Staff Officer"),
    completed, with its own certificate, when all its courses are."""

    summary = models.CharField(max_length=300)
    image = image_field()
    description = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("description"),
        InlinePanel("path_courses", heading=_("Courses, in order"), label=_("Course")),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary", boost=2)]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types: list[str] = []

    def clean(self):
        super().clean()
        check_image_alt(self)

    def courses(self) -> list[CoursePage]:
        """The path's live courses, in the path's order (one query)."""
        return [
            item.course
            for item in self.path_courses.filter(course__live=True)
            .select_related("course__locale")
            .order_by("sort_order")
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # In the reader's language where translated (no query when they are).
        context["path_courses"] = translations.in_language(self.courses())
        for construct in hooks.get_hooks(CONSTRUCT_PATH_CONTEXT):
            construct(request, self, context)
        return context


class LearningPathCourse(Orderable):
    """A course of a learning path, at its place in the path."""

    path = ParentalKey(
        LearningPathPage, on_delete=models.CASCADE, related_name="path_courses"
    )
    course = models.ForeignKey(
        CoursePage, on_delete=models.CASCADE, related_name="path_memberships"
    )

    panels = [PageChooserPanel("course", "courses.CoursePage")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["path", "course"], name="path_course_once_per_path"
            )
        ]


class ContentVersion(models.Model):
    """One row, bumped in the transaction that changes any page or topic: the
    anonymous page cache (`courses.page_cache`) keys its entries by it, so a
    change reaches every process the moment it commits (`core.versions`). The
    quiz draw has its own (`assessments.models.DrawVersion`)."""

    SINGLETON = 1

    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pk=1), name="content_version_single_row"
            )
        ]

    def __str__(self) -> str:
        return f"content version {self.value}"
