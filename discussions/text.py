"""What people type in a post or an announcement, made safe to store and show.

A post is typed in a plain text box: blank lines make paragraphs and a line
break a `<br>`; a little HTML (bold, italics, links, lists, code, quotes) is
kept. Everything then goes through nh3 with the allow-list below (fails
closed: no script, no event handler, no style, no image, no `javascript:`
URL), as the question bank cleans its HTML (`questions.sanitize`)."""

import re
from html import unescape

import nh3
from django.utils.html import linebreaks

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
_BLOCK = re.compile(r"<\s*(p|ul|ol|pre|blockquote)\b", re.IGNORECASE)


def clean_body(typed: str) -> str:
    """The typed text as clean HTML."""
    typed = (typed or "").strip()
    if not typed:
        return ""
    if not _BLOCK.search(typed):
        typed = linebreaks(typed, autoescape=False)
    return nh3.clean(
        typed,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    ).strip()


def words(html: str) -> str:
    """The words of clean HTML, for search and for excerpts."""
    if not html:
        return ""
    spaced = re.sub(r"<(br|/p|/li|/blockquote|/pre)\b[^>]*>", " \\g<0>", html)
    return " ".join(unescape(nh3.clean(spaced, tags=set())).split())
