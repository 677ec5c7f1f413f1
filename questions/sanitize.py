"""Cleaning of author-written HTML with nh3 (allow-list, so new attack forms fail
closed). Everything stored in the question bank passes through `clean_html` on
save; templates then render it as trusted. Plain-text fields (accepted answers,
matching targets) are never marked safe, so autoescaping covers them."""

from html import unescape

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "span",
    "figure",
    "figcaption",
    "img",
    "hr",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def clean_html(html: str) -> str:
    """Author HTML reduced to the allow-list: no script, no event handlers, no
    style, no `javascript:` or `data:` URLs; links get rel=noopener noreferrer."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()


def plain_text(html: str) -> str:
    """The words of a text typed in a rich-text box, tags dropped (accepted
    answers, true/false labels, matching targets: rendered escaped)."""
    if not html:
        return ""
    return unescape(nh3.clean(html, tags=set())).strip()
