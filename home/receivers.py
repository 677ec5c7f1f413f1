"""Any save or delete of a site or a page forgets the cached sites
(`home.sites`): a site's root page is cached with it."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site, get_page_models
from wagtail.signals import post_page_move


def sites_changed(**kwargs: Any) -> None:
    from .sites import forget_sites

    forget_sites()


def connect() -> None:
    for model in [Site, Page, *get_page_models()]:
        name = model._meta.label
        post_save.connect(sites_changed, sender=model, dispatch_uid=f"sites-s-{name}")
        post_delete.connect(sites_changed, sender=model, dispatch_uid=f"sites-d-{name}")
    post_page_move.connect(sites_changed, dispatch_uid="sites-move")
