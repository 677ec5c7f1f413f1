"""The network's public pages: home, standard pages, events and publications.

Editors own all of it; nothing here knows about courses or learners.
"""

import copy

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core import memo
from core.pages import SitePage

from .blocks import RICH_TEXT_FEATURES, content_blocks
from .routing import route_below


class Partner(models.Model):
    """An organisation of the network, shown on the home page (a snippet)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    url = models.URLField(_("website"), max_length=500, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("logo"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name


class HomePage(SitePage, Page):
    hero_title = models.CharField(max_length=200)
    hero_text = models.TextField(blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
        help_text=_("Needs a description (alternative text) in the image library."),
    )
    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    open_to_all = models.TextField(
        blank=True, help_text=_("The invitation to sign up shown on the home page.")
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
            ],
            "Hero",
        ),
        FieldPanel("intro"),
        FieldPanel("open_to_all"),
    ]
    subpage_types = [
        "home.StandardPage",
        "home.EventIndexPage",
        "home.PublicationIndexPage",
        "courses.CourseIndexPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def clean(self):
        super().clean()
        image = self.hero_image
        if image is not None and not (image.description or "").strip():
            raise ValidationError(
                {
                    "hero_image": _(
                        "This image has no description (alternative text). "
                        "Describe it in the image library, then choose it again."
                    )
                }
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = list(Partner.objects.select_related("logo"))
        return context

    def route(self, request, path_components):
        # The site root: every page of the site is routed from here.
        return route_below(self, request, path_components)

    @property
    def localized(self):
        """The home page in the active language, as Wagtail's (the locale,
        then the translation: two queries each page view), remembered under
        the content version; a copy, so a request's changes stay its own."""
        key = ("home-localized", self.pk, translation.get_language())
        found = memo.remember(key, lambda: super(HomePage, self).localized)
        return copy.copy(found)


class StandardPage(SitePage, Page):
    intro = models.TextField(blank=True)
    body = StreamField(content_blocks(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    subpage_types = ["home.StandardPage"]


class EventIndexPage(SitePage, Page):
    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["home.EventPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.live().child_of(self).order_by("start_date")
        today = timezone.localdate()
        context["upcoming"] = [e for e in events if e.last_day >= today]
        context["past"] = [e for e in reversed(events) if e.last_day < today]
        return context


class EventPage(SitePage, Page):
    class Kind(models.TextChoices):
        SYMPOSIUM = "symposium", _("Symposium")
        SEMINAR = "seminar", _("Seminar")
        WORKSHOP = "workshop", _("Workshop")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    location = models.CharField(max_length=200)
    summary = models.TextField()
    body = StreamField(content_blocks(), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("start_date"),
                FieldPanel("end_date"),
                FieldPanel("location"),
            ],
            "Event",
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start_date"),
    ]
    parent_page_types = ["home.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="event_ends_after_start",
            )
        ]

    @property
    def last_day(self):
        return self.end_date or self.start_date


class PublicationIndexPage(SitePage, Page):
    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["home.PublicationPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["publications"] = (
            PublicationPage.objects.live().child_of(self).order_by("-published_date")
        )
        return context


class PublicationPage(SitePage, Page):
    class Kind(models.TextChoices):
        JOURNAL_ARTICLE = "journal-article", _("Journal article")
        WORKING_PAPER = "working-paper", _("Working paper")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    published_date = models.DateField()
    authors = models.CharField(max_length=500)
    abstract = models.TextField()
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(content_blocks(), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("published_date"), FieldPanel("authors")],
            "Publication",
        ),
        FieldPanel("abstract"),
        FieldPanel("document"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("abstract"),
        index.SearchField("authors"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.PublicationIndexPage"]
    subpage_types: list[str] = []
