import html
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import RICH_TEXT_FEATURES, content_blocks

# Rich text with something to read: an image or embed, or text other than
# spaces once the tags are gone. "<p></p>", "<p><br></p>", "<p>&nbsp;</p>"
# have none.
_MEDIA = re.compile(r"<(?:img|embed|iframe|video|audio)\b", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def has_content(source: str) -> bool:
    if _MEDIA.search(source or ""):
        return True
    text = html.unescape(_TAG.sub(" ", source or ""))
    return bool(text.replace("\u00a0", " ").replace("\u200b", "").strip())


class LessonRichTextBlock(blocks.RichTextBlock):
    """A paragraph of a lesson. Required, as every rich-text block is, and
    an empty one is refused: the editor's empty paragraph (`<p></p>`) is not
    the blank Django's required check looks for, so it used to be stored
    and a lesson showed a hole where its text should be. Refused in a draft
    too (`required_on_save`): an empty block is never work in progress worth
    keeping, and saying so at once shows an author whose text was lost."""

    def clean(self, value):
        value = super().clean(value)
        if self.field.required and not has_content(value.source):
            raise ValidationError(
                _("This paragraph is empty: write its text, or delete the block."),
                code="required",
            )
        return value

    class Meta:
        icon = "pilcrow"
        required_on_save = True


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text=_("A YouTube or Vimeo address."))
    transcript = blocks.TextBlock(
        required=False,
        help_text=_("A transcript or summary for those who cannot play it."),
    )

    class Meta:
        icon = "media"
        template = "blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    description = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        template = "blocks/document.html"


def lesson_blocks() -> list[tuple[str, blocks.Block]]:
    # The shared paragraph, as a lesson's: an empty one is refused.
    shared = [
        (name, LessonRichTextBlock(features=RICH_TEXT_FEATURES))
        if name == "paragraph"
        else (name, block)
        for name, block in content_blocks()
    ]
    return [
        *shared,
        ("video", VideoBlock()),
        ("document", DocumentBlock()),
        ("h5p", H5PActivityBlock()),
    ]


class H5PActivityBlock(blocks.StructBlock):
    """An uploaded H5P activity, played from the content origin. The lesson page
    opens a launch for it (`LessonPage.get_context`); this block only shows it."""

    activity = SnippetChooserBlock("lessons.H5PContent")
    title = blocks.CharBlock(required=False, max_length=255)
    completes_lesson = blocks.ChoiceBlock(
        choices=[
            ("never", "Does not complete the lesson"),
            ("completed", "Completes the lesson when the activity is completed"),
            ("passed", "Completes the lesson when the activity is passed"),
        ],
        default="never",
    )
    pass_mark = blocks.IntegerBlock(
        min_value=0,
        max_value=100,
        default=80,
        help_text=_("Percent needed to pass, when the activity does not say itself."),
    )

    class Meta:
        icon = "pick"
        label = _("H5P activity")
        template = "blocks/h5p_activity.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        activity = value.get("activity")
        pk = activity.pk if activity else None
        context["h5p_launch"] = (context.get("h5p_launches") or {}).get(pk)
        context["h5p_result"] = (context.get("h5p_results") or {}).get(pk)
        return context
