"""What a courseware package's web pages load, read before it is stored (pure).

The content origin serves a package under a strict policy: scripts, styles,
frames and media from its own files only (`lessons.views.content_policy`). A
page that loads jQuery or Bootstrap from a CDN imports cleanly and then fails
in the learner's browser. `external_hosts` lists the other sites a package's
HTML files load from (`<script src>`, `<link href>` of a stylesheet, icon or
preload, `<iframe src>`, `<frame src>`, media and `<object data>`), so the
import can say so.

`launch_markers` tells what a cmi5 AU's launch file speaks: ADL's "xAPI
Launch" (`ADL.launch`, the xAPILaunchService) or cmi5 (a cmi5 library, the
words `cmi5` or `LMS.LaunchData` in its scripts), reading the page's inline
scripts and the package's own scripts it loads.

HTML is read with the standard library's `html.parser`, never with regular
expressions, and every read is bounded: so many files, so many bytes each.
Imports neither Django nor Wagtail (an import-linter contract says so).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
# The most pages read, and how much of each (a page's head and body scripts
# come well within it).
MAX_PAGES = 300
MAX_PAGE_BYTES = 512 * 1024
# For the launch markers: the most of the package's scripts a launch file
# loads that are read, and how much of each.
MAX_SCRIPTS = 30
MAX_SCRIPT_BYTES = 2 * 1024 * 1024
# The most hosts and files a warning names.
MAX_NAMED = 6

# <link rel> values that make the browser load the address.
LOADING_RELS = frozenset(
    {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}
)
# Element → the attribute whose address it loads.
LOADING_ATTRIBUTES = {
    "script": "src",
    "iframe": "src",
    "frame": "src",
    "img": "src",
    "audio": "src",
    "video": "src",
    "source": "src",
    "track": "src",
    "embed": "src",
    "object": "data",
}
XAPI_LAUNCH_MARKERS = ("adl.launch(", "xapilaunchservice")
CMI5_MARKERS = ("cmi5", "lms.launchdata")


@dataclass
class PageFacts:
    """What one page loads: other sites' addresses, the package's own
    scripts (as written) and the text of its inline scripts."""

    external: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    inline: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "").strip() for name, value in attrs}
        address = ""
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels & LOADING_RELS:
                address = values.get("href", "")
        elif tag in LOADING_ATTRIBUTES:
            address = values.get(LOADING_ATTRIBUTES[tag], "")
        if address and _is_external(address):
            self.facts.external.append(address)
        elif tag == "script" and address:
            self.facts.scripts.append(address)
        if tag == "script":
            self._in_script = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.facts.inline.append(data)


def _is_external(address: str) -> bool:
    """An address on another site: an http(s) URL or a protocol-relative one
    (data:, blob: and the package's own files are not)."""
    if address.startswith("//"):
        return True
    scheme = address.split(":", 1)[0].lower() if ":" in address else ""
    return scheme in ("http", "https")


def _host(address: str) -> str:
    try:
        host = urlsplit(address if "//" in address else "//" + address).hostname
    except ValueError:
        return ""
    return (host or "").lower()[:200]


def read_page(data: bytes) -> PageFacts:
    """The facts of one HTML page, read from at most MAX_PAGE_BYTES of it."""
    reader = _Reader()
    # html.parser is lenient; what it may still raise on hostile markup ends
    # the read, and what was read is kept.
    with suppress(AssertionError, ValueError, IndexError):
        reader.feed(data[:MAX_PAGE_BYTES].decode("utf-8", errors="replace"))
        reader.close()
    return reader.facts


def html_names(files: dict[str, bytes], first: Iterable[str] = ()) -> list[str]:
    """The package's HTML files, its launch files (`first`, addresses with
    their queries) before the others in name order, at most MAX_PAGES."""
    launch = [urlsplit(address).path for address in first]
    pages = sorted(name for name in files if name.lower().endswith(HTML_EXTENSIONS))
    ordered = dict.fromkeys(name for name in launch if name in files)
    ordered.update(dict.fromkeys(pages))
    return list(ordered)[:MAX_PAGES]


@dataclass
class ExternalLoads:
    hosts: list[str]
    pages: list[str]


def external_hosts(files: dict[str, bytes], names: Iterable[str]) -> ExternalLoads:
    """The other sites the pages `names` (of `files`) load from, each once in
    order of appearance, and the pages that load them."""
    hosts: dict[str, None] = {}
    pages: list[str] = []
    for name in names:
        data = files.get(name)
        if data is None:
            continue
        found = [_host(address) for address in read_page(data).external]
        found = [host for host in found if host]
        if found:
            pages.append(name)
            hosts.update(dict.fromkeys(found))
    return ExternalLoads(hosts=list(hosts), pages=pages)


def named(values: list[str]) -> str:
    """At most MAX_NAMED values, comma separated, '…' when there are more."""
    shown = ", ".join(values[:MAX_NAMED])
    return shown + (", …" if len(values) > MAX_NAMED else "")


def _package_path(page: str, address: str) -> str | None:
    """The package file a page's relative address names, or None."""
    path = unquote(urlsplit(address).path)
    if not path or path.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return None if joined.startswith("..") else joined


@dataclass
class LaunchMarkers:
    xapi_launch: bool
    cmi5: bool


def launch_markers(files: dict[str, bytes], page: str) -> LaunchMarkers:
    """What the launch file `page` speaks, from its inline scripts, the names
    of the scripts it loads and the text of those that are the package's."""
    page = urlsplit(page).path
    data = files.get(page)
    if data is None:
        return LaunchMarkers(xapi_launch=False, cmi5=False)
    facts = read_page(data)
    texts = [text.lower() for text in facts.inline]
    for address in facts.scripts[:MAX_SCRIPTS]:
        texts.append(address.lower())
        path = _package_path(page, address)
        if path is not None and path in files:
            texts.append(
                files[path][:MAX_SCRIPT_BYTES].decode("utf-8", errors="replace").lower()
            )
    texts.extend(address.lower() for address in facts.external)
    return LaunchMarkers(
        xapi_launch=any(m in text for text in texts for m in XAPI_LAUNCH_MARKERS),
        cmi5=any(m in text for text in texts for m in CMI5_MARKERS),
    )
