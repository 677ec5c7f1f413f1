"""French translations of demo pages through wagtail-localize's own records.

A page is translated as an editor would in the admin: a TranslationSource of
the English page, one StringTranslation per segment, then the Translation's
save_target(), so the admin lists the French page as the English one's
translation with its progress at 100 %.

The French text is given as field values (title, intro, a list of block values
for the body...). They are set on an unsaved copy of the English page and its
segments extracted the same way as the English page's: the two lists pair up
by content path and order, so each French string lands on its English segment.
"""

from __future__ import annotations

from typing import Any

from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    String,
    StringTranslation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.models import (
    Translation as LocalizeTranslation,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class DoesNotFit(Exception):
    """The French text does not follow the English page (an editor changed
    its blocks or paragraphs): the page is left untranslated."""


# The H5P block's own label, the one string the demo adds after the lesson text.
H5P_TITLE_FR = "Vérifiez vos acquis"


def french() -> Locale:
    return Locale.objects.get(language_code="fr")


def body_in_french(page: Page, values: list[str]) -> StreamValue:
    """The page's body with the French values in place of its text blocks,
    block for block (same ids, so the segments' paths match)."""
    raw = []
    texts = iter(values)
    for block in page.body:  # type: ignore[attr-defined]
        if block.block_type in {"heading", "paragraph", "callout", "quote"}:
            value = next(texts, None)
            if value is None:
                raise DoesNotFit(f"{page.title!r}: the French body is too short.")
            raw.append({"type": block.block_type, "value": value, "id": block.id})
        else:
            data = block.block.get_prep_value(block.value)
            if block.block_type == "h5p":
                data = {**data, "title": H5P_TITLE_FR}
            raw.append({"type": block.block_type, "value": data, "id": block.id})
    if next(texts, None) is not None:
        raise DoesNotFit(f"{page.title!r}: the French body is too long.")
    return StreamValue(page.body.stream_block, raw, is_lazy=True)  # type: ignore[attr-defined]


def _strings(instance: Any) -> list[StringSegmentValue]:
    return [s for s in extract_segments(instance) if isinstance(s, StringSegmentValue)]


def translate_page(page: Page, values: dict[str, Any]) -> tuple[Page, bool]:
    """The French translation of `page`, made from `values` (field -> French
    value; "body" is the list of its text blocks' values). A page already
    translated is left as it is. Returns (French page, created); raises
    DoesNotFit when the French text no longer follows the English page."""
    locale = french()
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    english = page.specific
    shadow = type(english).objects.get(pk=english.pk)
    for field, value in values.items():
        if field == "body":
            shadow.body = body_in_french(english, value)
        else:
            setattr(shadow, field, value)
    ours, theirs = _strings(english), _strings(shadow)
    if [(s.path, s.order) for s in ours] != [(s.path, s.order) for s in theirs]:
        raise DoesNotFit(
            f"{english.title!r}: the French text does not follow the English "
            "page's structure (same blocks, same paragraphs)."
        )
    source, _ = TranslationSource.update_or_create_from_instance(english)
    contexts = {
        context.path: context
        for context in TranslationContext.objects.filter(object_id=source.object_id)
    }
    strings = {
        string.data_hash: string
        for string in String.objects.filter(
            locale=source.locale,
            data_hash__in=[String._get_data_hash(s.string.data) for s in ours],
        )
    }
    for en, fr in zip(ours, theirs, strict=True):
        StringTranslation.objects.update_or_create(
            translation_of=strings[String._get_data_hash(en.string.data)],
            locale=locale,
            context=contexts[en.path],
            defaults={"data": fr.string.data},
        )
    translation, _ = LocalizeTranslation.objects.get_or_create(
        source=source, target_locale=locale
    )
    # A draft, published here: save_target(publish=True) would publish only
    # when the outer transaction commits, and seed_demo runs in one.
    translation.save_target(publish=False)
    translated = page.get_translation(locale).specific
    translated.get_latest_revision().publish()
    translated.refresh_from_db()
    return translated, True
