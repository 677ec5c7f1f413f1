from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock

from home.blocks import content_blocks


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text="A YouTube or Vimeo address.")
    transcript = blocks.TextBlock(
        required=False,
        help_text="A transcript or summary for those who cannot play it.",
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
    return [*content_blocks(), ("video", VideoBlock()), ("document", DocumentBlock())]
