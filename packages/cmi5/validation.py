"""cmi5 course validation: pure, complete, and before anything is stored.

`validate_cmi5(source)` takes what an author uploads and the cmi5 spec (section
14) allows: a zip with `cmi5.xml` at its root, or a bare `cmi5.xml` course
structure whose AUs all live elsewhere (absolute URLs). A zip gets the archive
checks every package gets (the shared `read_archive`: size counted while
reading, entries, names, symbolic links, duplicates, encryption, no archive
inside); the course structure is parsed with defusedxml and checked against
the spec and the CATAPULT LMS test suite's import cases:

- the course, block, AU and objective ids are IRIs (3.0.0.0-1);
- every id is used once (13.1.2.0-1), every objective an AU or block names is
  declared;
- an AU's URL is a URL (13.1.4.0-2): absolute (http or https) or, in a zip
  only (14.2.0.0-1), relative to the package and naming a file in it; its
  query string does not carry a launch parameter the LMS sets (`endpoint`,
  `fetch`, `actor`, `registration`, `activityId`; 8.1.0.0-6);
- the structure follows the course structure schema (13.2.0.0-1): the
  required elements (a course with title and description; blocks and AUs with
  id, title, description; an AU's url), the allowed values of `moveOn`,
  `launchMethod` and `masteryScore` (a decimal from 0 to 1), no element of the
  cmi5 namespace the schema does not name (others are extensions and kept out).

Imports neither Django nor Wagtail (an import-linter contract says so).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO
from urllib.parse import parse_qsl, unquote, urlsplit
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from lessons.h5p.validation import Limits, read_archive
from lessons.translatable import gettext_noop
from packages.scorm import pagescan
from packages.scorm.validation import (
    CoursewareReport,
    courseware_rules,
    warn_external_loads,
    warn_skipped,
)

COURSE_STRUCTURE = "cmi5.xml"
NAMESPACE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
_ARCHIVE = gettext_noop("archive")

MOVE_ON = ("Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed")
MOVE_ON_DEFAULT = "NotApplicable"
LAUNCH_METHODS = ("AnyWindow", "OwnWindow")
# The launch parameters the LMS adds to an AU's URL (8.1): an AU's own query
# string may not carry them.
RESERVED_PARAMETERS = frozenset(
    {"endpoint", "fetch", "actor", "registration", "activityId"}
)
MAX_IRI = 2_048
MAX_TEXT = 2_000
MAX_AUS = 5_000
MAX_BLOCKS = 1_000
MAX_DEPTH = 20
MAX_URL = 2_048

_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S+$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
# Elements of the cmi5 namespace the schema names, by parent.
_ALLOWED = {
    "courseStructure": {"course", "objectives", "block", "au"},
    "course": {"title", "description"},
    "objectives": {"objective"},
    "objective": {"title", "description"},
    "block": {"title", "description", "objectives", "block", "au"},
    "au": {
        "title",
        "description",
        "objectives",
        "url",
        "launchParameters",
        "entitlementKey",
    },
    "title": {"langstring"},
    "description": {"langstring"},
}


@dataclass
class Objective:
    id: str
    title: dict[str, str] = field(default_factory=dict)


@dataclass
class Block:
    id: str
    title: dict[str, str]
    description: dict[str, str]
    # Ids of the blocks above it, outermost first.
    parents: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)


@dataclass
class AU:
    id: str
    title: dict[str, str]
    description: dict[str, str]
    # As written (whitespace around it removed).
    url: str
    # A file of the package (with the AU's query kept) or an absolute URL.
    launch: str
    external: bool
    move_on: str = MOVE_ON_DEFAULT
    mastery_score: Decimal | None = None
    launch_method: str = "AnyWindow"
    launch_parameters: str = ""
    entitlement_key: str = ""
    activity_type: str = ""
    parents: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)


@dataclass
class Cmi5Report(CoursewareReport):
    course_id: str = ""
    title: dict[str, str] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    objectives: dict[str, Objective] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    # In the course structure's order, depth-first.
    aus: list[AU] = field(default_factory=list)
    zipped: bool = False


def validate_cmi5(
    source: str | Path | IO[bytes], *, limits: Limits | None = None
) -> Cmi5Report:
    """Check everything about a cmi5 course (a zip, or a bare cmi5.xml);
    return the report (never raises)."""
    report = Cmi5Report()
    head = _peek(source)
    if head.startswith(b"PK"):
        report.zipped = True
        _read_zip(report, source, limits or Limits())
        if report.errors:
            report.files = {}
            return report
        data = report.files.get(COURSE_STRUCTURE)
        if data is None:
            report.add_error(
                COURSE_STRUCTURE,
                gettext_noop("missing at the root of the package: this is not cmi5"),
            )
            report.files = {}
            return report
    elif _looks_like_xml(head):
        data = _read_all(source, (limits or Limits()).max_file_bytes, report)
        if data is None:
            return report
    else:
        report.add_error(
            _ARCHIVE,
            gettext_noop(
                "neither a zip file nor a cmi5.xml course structure: a cmi5 course "
                "is one or the other"
            ),
        )
        return report
    _check_structure(report, data)
    if report.errors:
        report.files = {}
        return report
    if report.zipped:
        launch = [au.launch for au in report.aus if not au.external]
        warn_external_loads(report, launch)
        _warn_xapi_launch(report)
    return report


def _warn_xapi_launch(report: Cmi5Report) -> None:
    """An AU whose launch file speaks ADL's xAPI Launch and shows nothing of
    cmi5 reads none of cmi5's launch parameters: it would never record to
    the learner's registration (`pagescan.launch_markers`)."""
    for au in report.aus:
        if au.external:
            continue
        markers = pagescan.launch_markers(report.files, au.launch)
        if markers.xapi_launch and not markers.cmi5:
            report.add_warning(
                _where("au", au.id),
                gettext_noop(
                    "its launch file %(file)s uses ADL's xAPI Launch (ADL.launch), "
                    "not cmi5's launch parameters: it will not record to the "
                    "learner's registration",
                    file=au.launch.split("?", 1)[0][:200],
                ),
            )


def _peek(source: str | Path | IO[bytes]) -> bytes:
    if isinstance(source, (str, Path)):
        with open(source, "rb") as handle:
            return handle.read(512)
    position = source.tell()
    head = source.read(512)
    source.seek(position)
    return head


def _looks_like_xml(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    return text.startswith(b"<")


def _read_all(
    source: str | Path | IO[bytes], limit: int, report: Cmi5Report
) -> bytes | None:
    if isinstance(source, (str, Path)):
        with open(source, "rb") as handle:
            data = handle.read(limit + 1)
    else:
        data = source.read(limit + 1)
    if len(data) > limit:
        report.add_error(
            COURSE_STRUCTURE,
            gettext_noop("larger than %(limit)d bytes", limit=limit),
        )
        return None
    report.total_bytes = len(data)
    return data


def _read_zip(
    report: Cmi5Report, source: str | Path | IO[bytes], limits: Limits
) -> None:
    rules = courseware_rules(report.skipped)
    if not read_archive(source, limits, report, rules=rules):
        report.files = {}
        return
    warn_skipped(report)


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _ours(element: Element) -> bool:
    tag = element.tag
    return isinstance(tag, str) and tag.startswith("{" + NAMESPACE + "}")


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _ours(child) and _local(child.tag) == name]


def _child(element: Element, name: str) -> Element | None:
    found = _children(element, name)
    return found[0] if found else None


def _text(element: Element | None) -> str:
    if element is None:
        return ""
    return "".join(element.itertext()).strip()


def _check_structure(report: Cmi5Report, data: bytes) -> None:
    try:
        root = SafeET.fromstring(data)
    except DefusedXmlException:
        report.add_error(
            COURSE_STRUCTURE, gettext_noop("declaring entities is refused")
        )
        return
    except SafeET.ParseError as exc:
        report.add_error(
            COURSE_STRUCTURE,
            gettext_noop("not well-formed XML (%(error)s)", error=str(exc)),
        )
        return
    if not (_ours(root) and _local(root.tag) == "courseStructure"):
        report.add_error(
            COURSE_STRUCTURE,
            gettext_noop(
                "the root element is not <courseStructure> of the cmi5 namespace "
                "(%(namespace)s)",
                namespace=NAMESPACE,
            ),
        )
        return
    _check_schema(report, root, depth=0)
    if report.errors:
        return
    seen: dict[str, str] = {}
    course = _child(root, "course")
    if course is None:
        report.add_error(COURSE_STRUCTURE, gettext_noop("no <course> element"))
        return
    report.course_id = _iri(report, course, "course", seen)
    report.title = _langstrings(report, course, "title", "course", required=True)
    report.description = _langstrings(
        report, course, "description", "course", required=True
    )
    for objectives in _children(root, "objectives"):
        for objective in _children(objectives, "objective"):
            key = _iri(report, objective, "objective", seen)
            if key:
                report.objectives[key] = Objective(
                    key, _langstrings(report, objective, "title", "objective")
                )
    _walk(report, root, [], seen)
    if not report.aus and not report.errors:
        report.add_error(COURSE_STRUCTURE, gettext_noop("the course has no AU"))


def _check_schema(report: Cmi5Report, element: Element, *, depth: int) -> None:
    if depth > MAX_DEPTH:
        report.add_error(
            COURSE_STRUCTURE,
            gettext_noop("blocks nested deeper than %(max)d", max=MAX_DEPTH),
        )
        return
    allowed = _ALLOWED.get(_local(element.tag), set())
    for child in element:
        if not isinstance(child.tag, str):
            continue  # a comment or processing instruction
        if not _ours(child):
            continue  # an extension of another namespace: allowed, not read
        name = _local(child.tag)
        if name not in allowed:
            report.add_error(
                COURSE_STRUCTURE,
                gettext_noop(
                    "<%(name)s> is not allowed inside <%(parent)s> (the cmi5 course "
                    "structure schema)",
                    name=name,
                    parent=_local(element.tag),
                ),
            )
            continue
        if name not in ("langstring", "url", "launchParameters", "entitlementKey"):
            _check_schema(report, child, depth=depth + 1)


def _where(kind: str, key: str) -> str:
    return f"{COURSE_STRUCTURE} {kind} {key}".strip()


def _iri(report: Cmi5Report, element: Element, kind: str, seen: dict[str, str]) -> str:
    value = (element.get("id") or "").strip()
    if not value:
        report.add_error(_where(kind, ""), gettext_noop("its id is missing"))
        return ""
    if len(value) > MAX_IRI or not _IRI.match(value):
        report.add_error(
            _where(kind, value[:200]),
            gettext_noop("its id is not an IRI (a scheme such as https: is required)"),
        )
        return ""
    if value in seen:
        report.add_error(
            _where(kind, value),
            gettext_noop(
                "its id is already the id of a %(other)s: every id is used once",
                other=seen[value],
            ),
        )
        return ""
    seen[value] = kind
    return value


def _langstrings(
    report: Cmi5Report,
    element: Element,
    name: str,
    kind: str,
    *,
    required: bool = False,
) -> dict[str, str]:
    holder = _child(element, name)
    values: dict[str, str] = {}
    if holder is not None:
        for langstring in _children(holder, "langstring"):
            text = " ".join(_text(langstring).split())
            if len(text) > MAX_TEXT:
                text = text[:MAX_TEXT]
                report.add_warning(
                    _where(kind, element.get("id") or ""),
                    gettext_noop(
                        "its %(name)s is cut to %(max)d characters",
                        name=name,
                        max=MAX_TEXT,
                    ),
                )
            language = (langstring.get("lang") or "und").strip()[:35] or "und"
            values.setdefault(language, text)
    if required and not any(values.values()):
        report.add_error(
            _where(kind, element.get("id") or ""),
            gettext_noop("its <%(name)s> is missing or empty", name=name),
        )
    return values


def _objective_refs(
    report: Cmi5Report, element: Element, kind: str, key: str
) -> list[str]:
    refs = []
    for objectives in _children(element, "objectives"):
        for objective in _children(objectives, "objective"):
            ref = (objective.get("idref") or "").strip()
            if ref not in report.objectives:
                report.add_error(
                    _where(kind, key),
                    gettext_noop(
                        "it names the objective %(ref)s, which the course does not "
                        "declare",
                        ref=ref[:200] or "''",
                    ),
                )
                continue
            refs.append(ref)
    return refs


def _walk(
    report: Cmi5Report, element: Element, parents: list[str], seen: dict[str, str]
) -> None:
    for child in element:
        if not _ours(child):
            continue
        name = _local(child.tag)
        if name == "block":
            if len(report.blocks) >= MAX_BLOCKS:
                report.add_error(
                    COURSE_STRUCTURE,
                    gettext_noop("more than %(max)d blocks", max=MAX_BLOCKS),
                )
                return
            key = _iri(report, child, "block", seen)
            block = Block(
                key,
                _langstrings(report, child, "title", "block", required=True),
                _langstrings(report, child, "description", "block", required=True),
                list(parents),
                _objective_refs(report, child, "block", key),
            )
            report.blocks.append(block)
            if not _children(child, "au") and not _children(child, "block"):
                report.add_error(
                    _where("block", key), gettext_noop("it holds no AU and no block")
                )
            _walk(report, child, [*parents, key], seen)
        elif name == "au":
            if len(report.aus) >= MAX_AUS:
                report.add_error(
                    COURSE_STRUCTURE,
                    gettext_noop("more than %(max)d AUs", max=MAX_AUS),
                )
                return
            _read_au(report, child, parents, seen)


def _read_au(
    report: Cmi5Report, element: Element, parents: list[str], seen: dict[str, str]
) -> None:
    key = _iri(report, element, "AU", seen)
    where = _where("AU", key)
    au = AU(
        id=key,
        title=_langstrings(report, element, "title", "AU", required=True),
        description=_langstrings(report, element, "description", "AU", required=True),
        url="",
        launch="",
        external=False,
        parents=list(parents),
        objectives=_objective_refs(report, element, "AU", key),
    )
    move_on = (element.get("moveOn") or MOVE_ON_DEFAULT).strip()
    if move_on not in (*MOVE_ON, MOVE_ON_DEFAULT):
        report.add_error(
            where,
            gettext_noop(
                "moveOn %(value)s is not one of %(allowed)s",
                value=move_on[:50],
                allowed=", ".join((*MOVE_ON, MOVE_ON_DEFAULT)),
            ),
        )
    au.move_on = move_on
    method = (element.get("launchMethod") or "AnyWindow").strip()
    if method not in LAUNCH_METHODS:
        report.add_error(
            where,
            gettext_noop(
                "launchMethod %(value)s is not AnyWindow or OwnWindow",
                value=method[:50],
            ),
        )
    au.launch_method = method
    mastery = element.get("masteryScore")
    if mastery is not None:
        try:
            score = Decimal(mastery.strip())
        except InvalidOperation:
            score = Decimal(-1)
        if not score.is_finite() or not 0 <= score <= 1:
            report.add_error(
                where,
                gettext_noop(
                    "masteryScore %(value)s is not a decimal from 0 to 1",
                    value=mastery[:50],
                ),
            )
        else:
            au.mastery_score = score
    au.activity_type = (element.get("activityType") or "").strip()[:MAX_IRI]
    au.launch_parameters = _text(_child(element, "launchParameters"))[:MAX_TEXT]
    au.entitlement_key = _text(_child(element, "entitlementKey"))[:MAX_TEXT]
    url_element = _child(element, "url")
    if url_element is None or not _text(url_element):
        report.add_error(where, gettext_noop("its <url> is missing or empty"))
    else:
        _check_url(report, au, _text(url_element), where)
    report.aus.append(au)


def _check_url(report: Cmi5Report, au: AU, url: str, where: str) -> None:
    au.url = url
    if len(url) > MAX_URL or re.search(r"\s", url):
        report.add_error(
            where,
            gettext_noop(
                "its url %(url)s is not a URL (spaces are not allowed)", url=url[:200]
            ),
        )
        return
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        report.add_error(
            where,
            gettext_noop(
                "its url %(url)s is not a URL (%(error)s)",
                url=url[:200],
                error=str(exc),
            ),
        )
        return
    reserved = sorted(
        {name for name, _ in parse_qsl(parts.query, keep_blank_values=True)}
        & RESERVED_PARAMETERS
    )
    if reserved:
        report.add_error(
            where,
            gettext_noop(
                "its url's query string sets %(names)s, which the LMS adds at launch",
                names=", ".join(reserved),
            ),
        )
        return
    if _SCHEME.match(url):
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            report.add_error(
                where,
                gettext_noop(
                    "its url %(url)s is neither an http(s) address nor a file of the "
                    "package",
                    url=url[:200],
                ),
            )
            return
        au.external = True
        au.launch = url
        report.add_warning(
            where,
            gettext_noop(
                "it is served by another site (%(host)s), not from the package",
                host=parts.netloc[:200],
            ),
        )
        return
    if not report.zipped:
        report.add_error(
            where,
            gettext_noop(
                "its url %(url)s is relative, which needs a zip package holding the "
                "file (a bare cmi5.xml names its AUs by absolute URL)",
                url=url[:200],
            ),
        )
        return
    if parts.netloc or url.startswith("/"):
        report.add_error(
            where,
            gettext_noop("its url %(url)s leaves the package", url=url[:200]),
        )
        return
    path = posixpath.normpath(unquote(parts.path)) if parts.path else ""
    if not path or path.startswith("../") or path == "..":
        report.add_error(
            where,
            gettext_noop("its url %(url)s leaves the package", url=url[:200]),
        )
        return
    if path not in report.files:
        report.add_error(
            where,
            gettext_noop(
                "its url names %(path)s, which is not in the package", path=path
            ),
        )
        return
    au.launch = path + (f"?{parts.query}" if parts.query else "")
