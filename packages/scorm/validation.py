"""SCORM package validation: pure, complete, and before anything is stored.

`validate_scorm(source, limits=...)` reads a SCORM 1.2 or 2004 (2nd, 3rd, 4th
edition) zip once, with the archive checks H5P packages get (the shared
`read_archive`: size counted while reading, entries, names, symbolic links,
duplicates, encryption, no archive inside), then parses `imsmanifest.xml` with
defusedxml and checks the organisations, items and resources: every resource
an item names exists, every file a resource names is in the archive, every
launch address is a file inside the package (query strings are kept for the
launch and dropped for the look-up), dependencies resolve.

The default organisation: the content packaging spec makes
`organizations/@default` an IDREF to one of its organisations. SCORM 2004's
ADL test suite (CM-01) expects a package whose default names no organisation
to be refused, so a 2004 package is refused. SCORM 1.2 packages in the wild
carry the same mistake (Moodle's complexscorm.zip, whose default misses the
organisation's `mm-` prefix) and 1.2 LMSs, Moodle included, fall back to the
first organisation: a 1.2 package gets a warning and its first organisation.

Sequencing (SCORM 2004): the manifest's IMS Simple Sequencing (controls,
rules, limits, objectives and global objective maps, rollup, delivery
controls, collections, hideLMSUI) is read into the settings of scorm-again's
sequencing engine (`packages.scorm.sequencing`), which the player runs: it
decides which SCO may be opened and where Continue, Previous and a SCO's own
navigation requests lead. Whatever of it is not carried over is listed as a
warning; so are SCORM 1.2 prerequisites, which scorm-again does not run.

Imports neither Django nor Wagtail (an import-linter contract says so).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Protocol
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from lessons.h5p.validation import ArchiveRules, Limits, read_archive
from lessons.translatable import Translatable, gettext_noop

from . import pagescan
from .manifest_xml import attr as _attr
from .manifest_xml import child as _child
from .manifest_xml import children as _children
from .manifest_xml import local as _local
from .manifest_xml import text as _text
from .sequencing import read_sequencing

MANIFEST = "imsmanifest.xml"
_ARCHIVE = gettext_noop("archive")

# What the content origin serves: the web's own types. Other files (authoring
# tools' schema caches, read-me files without a type) stay out of the store,
# with a warning; an archive inside the package is refused whatever its name.
SERVED_EXTENSIONS = frozenset(
    {"html", "htm", "xhtml", "js", "mjs", "css", "json", "xml", "xsd", "dtd"}
    | {"txt", "md", "csv", "png", "jpg", "jpeg", "gif", "svg", "bmp", "ico"}
    | {"webp", "avif", "tif", "tiff", "mp3", "mp4", "m4a", "m4v", "ogg", "oga"}
    | {"ogv", "wav", "webm", "vtt", "srt", "pdf", "woff", "woff2", "ttf", "eot"}
    | {"otf", "wasm"}
)
LAUNCH_EXTENSIONS = frozenset({"html", "htm", "xhtml"})
# The limits of the data model's identifiers (SCORM 2004 long_identifier_type
# is 4000 characters; ours are stored in a column).
MAX_IDENTIFIER = 255
MAX_TITLE = 255
MAX_ITEMS = 2_000

VERSION_12 = "1.2"
VERSION_2004_2 = "2004 2nd Edition"
VERSION_2004_3 = "2004 3rd Edition"
VERSION_2004_4 = "2004 4th Edition"

# Sequencing elements (imsss, adlseq, adlnav) and what a learner would miss.
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:", re.IGNORECASE)
JUNK = re.compile(r"(^|/)(__MACOSX/|\.DS_Store$|Thumbs\.db$|\._)")


@dataclass
class Launchable:
    """One item of the organisation a learner can open (a SCO or an asset)."""

    identifier: str
    title: str
    # Inside the package, with the item's parameters and query kept.
    launch: str
    is_sco: bool
    depth: int
    visible: bool = True
    # SCORM 1.2 adlcp:masteryscore / 2004 adlcp:completionThreshold etc.
    mastery_score: str = ""
    data_from_lms: str = ""


@dataclass
class CoursewareReport:
    """What validating a courseware package (SCORM, cmi5) reports: errors and
    warnings (each a `Translatable`: English as `str`, shown in the reader's
    language), the kept files and their size, the files left out."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    total_bytes: int = 0
    skipped: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def add_error(self, where: str, reason: Translatable) -> None:
        self.errors.append(
            gettext_noop("%(where)s: %(reason)s", where=where, reason=reason)
        )

    def add_warning(self, where: str, reason: Translatable) -> None:
        self.warnings.append(
            gettext_noop("%(where)s: %(reason)s", where=where, reason=reason)
        )


@dataclass
class ScormReport(CoursewareReport):
    version: str = ""
    identifier: str = ""
    title: str = ""
    organization: str = ""
    # In the organisation's order, depth-first; items that only group others
    # are not launchable.
    items: list[Launchable] = field(default_factory=list)
    # scorm-again's sequencing settings (SCORM 2004 with sequencing), or None.
    sequencing: dict | None = None

    @property
    def is_2004(self) -> bool:
        return self.version.startswith("2004")

    @property
    def scos(self) -> list[Launchable]:
        return [item for item in self.items if item.is_sco]


def validate_scorm(
    source: str | Path | IO[bytes], *, limits: Limits | None = None
) -> ScormReport:
    """Check everything about a SCORM package; return the report (never raises)."""
    report = ScormReport()
    every_name: set[str] = set()
    rules = courseware_rules(report.skipped, every_name)
    if not read_archive(source, limits or Limits(), report, rules=rules):
        report.files = {}
        return report
    if not report.errors:
        _check_manifest(report, every_name)
    warn_skipped(report)
    if not report.errors:
        warn_external_loads(report, [item.launch for item in report.items])
    if report.errors:
        report.files = {}
    return report


def courseware_rules(skipped: list[str], seen: set[str] | None = None) -> ArchiveRules:
    """The archive rules of courseware zips (SCORM, cmi5): any file type is
    read, archivers' junk ignored, and only what the content origin serves
    kept; the others are listed in `skipped` (and every name in `seen`)."""

    def kept(name: str) -> bool:
        if seen is not None:
            seen.add(name)
        if _suffix(name) in SERVED_EXTENSIONS:
            return True
        skipped.append(name)
        return False

    return ArchiveRules(
        type_problem=lambda name: None,
        ignored=lambda name: bool(JUNK.search(name)),
        kept=kept,
    )


class _SkippedReport(Protocol):
    skipped: list[str]
    errors: list[str]

    def add_warning(self, where: str, reason: Translatable) -> None: ...


def warn_skipped(report: _SkippedReport) -> None:
    """One warning for the files left out, if the package is otherwise good."""
    if report.skipped and not report.errors:
        report.add_warning(
            _ARCHIVE,
            gettext_noop(
                "%(count)d files of types the content origin does not serve are "
                "left out: %(names)s",
                count=len(report.skipped),
                names=", ".join(sorted(report.skipped)[:5]),
            ),
        )


def warn_external_loads(report: CoursewareReport, launch: list[str]) -> None:
    """One warning naming the other sites the package's pages load scripts,
    styles, frames or media from, which the content origin's policy blocks
    (`pagescan`): launch files first, then the other pages, bounded."""
    loads = pagescan.external_hosts(
        report.files, pagescan.html_names(report.files, launch)
    )
    if loads.hosts:
        report.add_warning(
            _ARCHIVE,
            gettext_noop(
                "its pages load scripts, styles, frames or media from other "
                "sites, which the content origin does not allow: %(hosts)s (in "
                "%(pages)s); the package may not work",
                pages=pagescan.named(loads.pages),
                hosts=pagescan.named(loads.hosts),
            ),
        )


def _suffix(name: str) -> str:
    return PurePosixPath(name).suffix.lower().lstrip(".")


def _check_manifest(report: ScormReport, every_name: set[str]) -> None:
    data = report.files.get(MANIFEST)
    if data is None:
        report.add_error(
            MANIFEST,
            gettext_noop("missing at the root of the package: this is not SCORM"),
        )
        return
    try:
        root = SafeET.fromstring(data)
    except DefusedXmlException:
        report.add_error(MANIFEST, gettext_noop("declaring entities is refused"))
        return
    except SafeET.ParseError as exc:
        report.add_error(
            MANIFEST,
            gettext_noop("not well-formed XML (%(error)s)", error=str(exc)),
        )
        return
    if _local(root.tag) != "manifest":
        report.add_error(MANIFEST, gettext_noop("the root element is not <manifest>"))
        return
    report.identifier = _attr(root, "identifier")[:MAX_IDENTIFIER]
    report.version = _detect_version(root)
    if not report.version:
        report.add_error(
            MANIFEST,
            gettext_noop(
                "no SCORM version found (neither a <schemaversion> nor a SCORM "
                "namespace)"
            ),
        )
        return
    resources = _read_resources(report, root, every_name)
    chosen = _read_organizations(report, root, resources)
    if chosen is not None:
        _read_sequencing(report, root, chosen)


def _detect_version(root: Element) -> str:
    metadata = _child(root, "metadata")
    declared = _text(_child(metadata, "schemaversion")) if metadata is not None else ""
    text = declared.lower()
    if text == "1.2":
        return VERSION_12
    if "4th" in text:
        return VERSION_2004_4
    if "3rd" in text:
        return VERSION_2004_3
    if text in ("cam 1.3", "2004 2nd edition"):
        return VERSION_2004_2
    namespaces = " ".join(
        str(element.tag) + " " + " ".join(element.attrib) for element in root.iter()
    )
    if "adlcp_rootv1p2" in namespaces:
        return VERSION_12
    if "adlcp_v1p3" in namespaces:
        return VERSION_2004_3
    return ""


@dataclass
class _Resource:
    identifier: str
    href: str
    is_sco: bool


def _join(base: str, href: str) -> str:
    return base + href if base and not _SCHEME.match(href) else href


def _package_path(href: str) -> str | None:
    """The archive name an address inside the package points at (query and
    fragment dropped, percent-escapes decoded), or None if it leaves it."""
    if _SCHEME.match(href) or href.startswith(("/", "\\")):
        return None
    path = unquote(urlsplit(href).path)
    normal = posixpath.normpath(path) if path else ""
    if not normal or normal.startswith("..") or normal == ".":
        return None
    return normal


def _read_resources(
    report: ScormReport, root: Element, every_name: set[str]
) -> dict[str, _Resource]:
    resources_element = _child(root, "resources")
    found: dict[str, _Resource] = {}
    if resources_element is None:
        report.add_error(MANIFEST, gettext_noop("no <resources> element"))
        return found
    base = _attr(resources_element, "base")
    dependencies: list[tuple[str, str]] = []
    for element in _children(resources_element, "resource"):
        identifier = _attr(element, "identifier")
        if not identifier:
            report.add_error(MANIFEST, gettext_noop("a <resource> has no identifier"))
            continue
        where = f"{MANIFEST} ({identifier})"
        resource_base = _join(base, _attr(element, "base"))
        href = _attr(element, "href")
        kind = _attr(element, "scormtype").lower()
        is_sco = kind == "sco"
        if href:
            href = _join(resource_base, href)
            path = _package_path(href)
            if path is None:
                report.add_error(
                    where,
                    gettext_noop(
                        "the launch address %(href)s is outside the package",
                        href=repr(href[:200]),
                    ),
                )
            elif path not in every_name:
                report.add_error(
                    where,
                    gettext_noop(
                        "the launch file %(file)s is not in the package",
                        file=repr(path[:200]),
                    ),
                )
        elif is_sco:
            report.add_error(where, gettext_noop("a SCO resource needs an href"))
        for file_element in _children(element, "file"):
            file_href = _attr(file_element, "href")
            path = _package_path(_join(resource_base, file_href))
            if path is None:
                report.add_error(
                    where,
                    gettext_noop(
                        "the file %(file)s is outside the package",
                        file=repr(file_href[:200]),
                    ),
                )
            elif path not in every_name:
                report.add_error(
                    where,
                    gettext_noop(
                        "the file %(file)s is not in the package",
                        file=repr(path[:200]),
                    ),
                )
        for dependency in _children(element, "dependency"):
            dependencies.append((where, _attr(dependency, "identifierref")))
        if identifier in found:
            report.add_error(
                where, gettext_noop("two resources have the same identifier")
            )
        found[identifier] = _Resource(identifier, href, is_sco)
    for where, target in dependencies:
        if target not in found:
            report.add_error(
                where,
                gettext_noop(
                    "depends on %(resource)s, which is not among the resources",
                    resource=repr(target[:200]),
                ),
            )
    return found


def _read_organizations(
    report: ScormReport, root: Element, resources: dict[str, _Resource]
) -> Element | None:
    """Reads the default organisation's items; returns it (None: refused)."""
    organizations = _child(root, "organizations")
    elements = (
        _children(organizations, "organization") if organizations is not None else []
    )
    if organizations is None or not elements:
        report.add_error(
            MANIFEST, gettext_noop("no <organization>: there is nothing to launch")
        )
        return None
    by_id: dict[str, Element] = {}
    for element in elements:
        identifier = _attr(element, "identifier")
        if not identifier:
            report.add_error(
                MANIFEST, gettext_noop("an <organization> has no identifier")
            )
            return None
        by_id[identifier] = element
    default = _attr(organizations, "default")
    chosen = by_id.get(default) if default else elements[0]
    if chosen is None:
        if report.is_2004:
            report.add_error(
                MANIFEST,
                gettext_noop(
                    "the default organisation %(default)s does not exist",
                    default=repr(default[:200]),
                ),
            )
            return None
        chosen = elements[0]
        report.add_warning(
            MANIFEST,
            gettext_noop(
                "the default organisation %(default)s does not exist; the first "
                "one, %(first)s, is used",
                default=repr(default[:200]),
                first=repr(_attr(chosen, "identifier")[:200]),
            ),
        )
    report.organization = _attr(chosen, "identifier")[:MAX_IDENTIFIER]
    report.title = (_text(_child(chosen, "title")) or report.identifier)[:MAX_TITLE]
    _walk_items(report, chosen, resources, depth=0)
    if len(report.items) > MAX_ITEMS:
        report.add_error(
            MANIFEST,
            gettext_noop(
                "%(count)d items, more than the limit of %(limit)d",
                count=len(report.items),
                limit=MAX_ITEMS,
            ),
        )
    elif not report.items:
        report.add_error(
            MANIFEST,
            gettext_noop("the organisation has no item that launches anything"),
        )
    elif report.items and not report.scos:
        report.add_warning(
            MANIFEST,
            gettext_noop(
                "no SCO: the items are assets, complete as soon as they are opened"
            ),
        )
    return chosen


def _walk_items(
    report: ScormReport,
    parent: Element,
    resources: dict[str, _Resource],
    *,
    depth: int,
) -> None:
    seen = {item.identifier for item in report.items}
    for element in _children(parent, "item"):
        identifier = _attr(element, "identifier")
        if not identifier:
            report.add_error(MANIFEST, gettext_noop("an <item> has no identifier"))
            continue
        where = f"{MANIFEST} ({identifier})"
        if len(identifier) > MAX_IDENTIFIER or identifier in seen:
            report.add_error(
                where, gettext_noop("item identifiers must be unique and short")
            )
            continue
        item_visible = _attr(element, "isvisible").lower() != "false"
        reference = _attr(element, "identifierref")
        if reference:
            resource = resources.get(reference)
            if resource is None:
                report.add_error(
                    where,
                    gettext_noop(
                        "names the resource %(resource)s, which does not exist",
                        resource=repr(reference[:200]),
                    ),
                )
            elif not resource.href:
                report.add_error(
                    where, gettext_noop("its resource has no launch address (href)")
                )
            else:
                launch = _with_parameters(resource.href, _attr(element, "parameters"))
                if _suffix(_package_path(launch) or "") not in LAUNCH_EXTENSIONS:
                    report.add_error(
                        where, gettext_noop("the launch file is not a web page")
                    )
                report.items.append(
                    Launchable(
                        identifier=identifier,
                        title=(_text(_child(element, "title")) or identifier)[
                            :MAX_TITLE
                        ],
                        launch=launch,
                        is_sco=resource.is_sco,
                        depth=depth,
                        visible=item_visible,
                        mastery_score=_text(_child(element, "masteryscore"))[:20],
                        data_from_lms=_data_from_lms(element),
                    )
                )
                seen.add(identifier)
        _walk_items(report, element, resources, depth=depth + 1)


def _data_from_lms(element: Element) -> str:
    for name in ("datafromlms", "dataFromLMS"):
        found = _child(element, name)
        if found is not None:
            return _text(found)[:4096]
    return ""


def _with_parameters(href: str, parameters: str) -> str:
    """The launch address with the item's parameters, as the content packaging
    spec joins them (a leading '?' or '&' dropped when the address has a query)."""
    parameters = parameters.strip()
    if not parameters:
        return href
    if parameters.startswith("#"):
        return href if "#" in href else href + parameters
    parameters = parameters.lstrip("?&")
    return f"{href}{'&' if '?' in href else '?'}{parameters}"


def _read_sequencing(report: ScormReport, root: Element, chosen: Element) -> None:
    if not report.is_2004:
        prerequisites = sum(
            1 for element in root.iter() if _local(element.tag) == "prerequisites"
        )
        if prerequisites:
            report.add_warning(
                MANIFEST,
                gettext_noop(
                    "SCORM 1.2 prerequisites (%(count)d) declared but not enforced: "
                    "the learner may open the SCOs in any order",
                    count=prerequisites,
                ),
            )
        return
    sequencing = read_sequencing(root, chosen)
    report.sequencing = sequencing.settings
    if sequencing.not_carried:
        report.add_warning(
            MANIFEST,
            gettext_noop(
                "sequencing declared but not carried to the player, so not "
                "enforced: %(names)s",
                names=", ".join(sequencing.not_carried[:10]),
            ),
        )
