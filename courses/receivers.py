"""Every change to a page or topic makes the anonymous page cache stale (in
the same transaction): saves and deletes of any page type (publishing and
unpublishing save the page), moves, and Wagtail's publish signals. So does a
change to a locale, or to a page's view restriction (set in the admin's
privacy dialog without saving the page): a page cached before a restriction
was added is no longer served, and `core.memo`'s "no page is restricted"
goes at once."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import Topic
from .page_cache import bump_content_version


def content_changed(**kwargs: Any) -> None:
    bump_content_version()


def connect() -> None:
    for model in [Page, *get_page_models(), Topic, Locale, PageViewRestriction]:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"pc-s-{model}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"pc-d-{model}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"pc-{id(signal)}")
