from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import content_blocks


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
    return [
        *content_blocks(),
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
