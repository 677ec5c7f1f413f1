"""H5P package validation: pure, complete, and before anything is stored.

`validate_package(source, limits=..., installed=...)` reads a `.h5p` archive once,
counting the real decompressed bytes as it reads (declared sizes are never
trusted), and returns a `PackageReport`. A report with errors must not be stored;
one without errors carries every file's bytes, so the store never re-opens the
archive. Each error is one line naming the file and the reason.

Imports neither Django nor Wagtail (an import-linter contract says so).
"""

from __future__ import annotations

import html
import json
import re
import stat
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path, PurePosixPath
from typing import IO, Any, Protocol
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from lessons.translatable import Translatable, gettext_noop

# H5P core's default allow-list, less the formats that are archives themselves
# (office documents are zip files; nested archives are refused) and Flash.
CONTENT_EXTENSIONS = frozenset(
    {"json", "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "svg", "eot", "ttf"}
    | {"woff", "woff2", "otf", "webm", "mp4", "ogg", "mp3", "m4a", "wav", "txt"}
    | {"pdf", "rtf", "xml", "csv", "diff", "patch", "md", "textile", "vtt", "webvtt"}
)
# Libraries may also carry code; content may not.
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | {"js", "css"}

MACHINE_NAME = re.compile(r"^[\w.\-]{1,255}$")
LIBRARY_FOLDER = re.compile(
    r"^(?P<name>[\w.\-]{1,255})-(?P<major>\d+)\.(?P<minor>\d+)$"
)
LANGUAGE_FILE = re.compile(r"^\.?[a-z]{2,3}(-[a-z0-9]{1,8})*\.json$", re.IGNORECASE)
LANGUAGE_CODE = re.compile(r"^[-a-zA-Z]{1,10}$")
# Archives inside the archive are refused whatever their name says.
ARCHIVE_MAGIC = (
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\x1f\x8b",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!",
    b"BZh",
    b"\xfd7zXZ",
)
# The H5P core API our player (h5p-standalone 3.8, in node_modules) provides:
# its bundled core has the offline result queue of core 1.24 and none of the
# later core's additions. A library's `coreApi` above it is refused, as H5P's
# own reference implementations do.
CORE_API = (1, 24)
# Deeper JSON is refused before it is parsed (Python's parser recurses).
MAX_JSON_DEPTH = 100
# A string (an unterminated one runs to the end: linear time whatever the input).
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_BRACKET_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")

SVG_NS = "http://www.w3.org/2000/svg"
# Editors' own bookkeeping: inert in a browser.
SVG_EDITOR_NAMESPACES = frozenset(
    {
        "http://www.inkscape.org/namespaces/inkscape",
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://creativecommons.org/ns#",
        "http://web.resource.org/cc/",
        "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/",
    }
)
# Static drawing only: no script, animation (`animate`, `set`, ...), links
# (`a`), foreignObject or other documents. `style` is allowed only with plain
# rules (see _css_problem); `json` is icon fonts' inert metadata.
SVG_ELEMENTS = frozenset(
    {"svg", "g", "defs", "symbol", "use", "desc", "title", "metadata", "switch"}
    | {"path", "rect", "circle", "ellipse", "line", "polyline", "polygon"}
    | {"text", "tspan", "textpath", "image", "style", "json"}
    | {"lineargradient", "radialgradient", "stop", "pattern", "clippath", "mask"}
    | {"marker", "filter", "font", "font-face", "glyph", "missing-glyph"}
    | {"hkern", "vkern", "font-face-src", "font-face-name"}
    | {"feblend", "fecolormatrix", "fecomponenttransfer", "fecomposite"}
    | {"feconvolvematrix", "fediffuselighting", "fedisplacementmap", "fedropshadow"}
    | {"feflood", "fefunca", "fefuncb", "fefuncg", "fefuncr", "fegaussianblur"}
    | {"femerge", "femergenode", "femorphology", "feoffset", "fespecularlighting"}
    | {"fetile", "feturbulence", "fedistantlight", "fepointlight", "fespotlight"}
)
SVG_ATTRIBUTES = frozenset(
    # core, text and accessibility
    {"id", "class", "style", "lang", "tabindex", "role", "focusable", "type"}
    | {"version", "baseprofile", "viewbox", "preserveaspectratio", "transform"}
    | {"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy"}
    | {"fr", "dx", "dy", "width", "height", "d", "points", "pathlength", "rotate"}
    | {"textlength", "lengthadjust", "startoffset", "method", "spacing", "side"}
    | {"href", "requiredfeatures", "requiredextensions", "systemlanguage"}
    # gradients, patterns, clipping, masks, markers
    | {"gradientunits", "gradienttransform", "spreadmethod", "offset"}
    | {"patternunits", "patterncontentunits", "patterntransform"}
    | {"clippathunits", "maskunits", "maskcontentunits", "markerunits"}
    | {"markerwidth", "markerheight", "refx", "refy", "orient"}
    # filters
    | {"filterunits", "primitiveunits", "in", "in2", "result", "stddeviation"}
    | {"mode", "operator", "k1", "k2", "k3", "k4", "values", "tablevalues"}
    | {"slope", "intercept", "amplitude", "exponent", "basefrequency", "numoctaves"}
    | {"seed", "stitchtiles", "scale", "xchannelselector", "ychannelselector"}
    | {"radius", "kernelmatrix", "order", "divisor", "bias", "targetx", "targety"}
    | {"edgemode", "kernelunitlength", "preservealpha", "surfacescale"}
    | {"diffuseconstant", "specularconstant", "specularexponent", "z"}
    | {"limitingconeangle", "pointsatx", "pointsaty", "pointsatz", "azimuth"}
    | {"elevation", "flood-color", "flood-opacity", "lighting-color"}
    # SVG fonts
    | {"horiz-adv-x", "horiz-origin-x", "horiz-origin-y", "vert-adv-y"}
    | {"vert-origin-x", "vert-origin-y", "unicode", "glyph-name", "units-per-em"}
    | {"ascent", "descent", "unicode-range", "x-height", "cap-height", "bbox"}
    | {"underline-position", "underline-thickness", "arabic-form", "orientation"}
    | {"k", "u1", "u2", "g1", "g2", "panose-1", "stemv", "stemh", "alphabetic"}
    | {"accent-height", "widths", "mathematical", "ideographic", "hanging"}
    # presentation
    | {"fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "opacity"}
    | {"stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity"}
    | {"stroke-dasharray", "stroke-dashoffset", "color", "display", "visibility"}
    | {"clip-path", "clip-rule", "mask", "filter", "marker-start", "marker-mid"}
    | {"marker-end", "font-family", "font-size", "font-weight", "font-style"}
    | {"font-variant", "font-stretch", "font-size-adjust", "text-anchor"}
    | {"dominant-baseline", "alignment-baseline", "baseline-shift", "kerning"}
    | {"letter-spacing", "word-spacing", "text-decoration", "writing-mode"}
    | {"direction", "unicode-bidi", "stop-color", "stop-opacity", "overflow"}
    | {"color-interpolation", "color-interpolation-filters", "color-rendering"}
    | {"shape-rendering", "text-rendering", "image-rendering", "clip"}
    | {"enable-background", "paint-order", "vector-effect", "mix-blend-mode"}
    | {"isolation", "transform-origin"}
)
SVG_FOREIGN_ATTRIBUTES = frozenset(
    {
        "{http://www.w3.org/1999/xlink}href",
        "{http://www.w3.org/1999/xlink}title",
        "{http://www.w3.org/XML/1998/namespace}space",
        "{http://www.w3.org/XML/1998/namespace}lang",
    }
)
# Raster images cannot run anything; other data: documents could.
SVG_DATA_IMAGE = re.compile(r"^data:image/(png|jpe?g|gif|webp)[;,]")
_URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:")
_SPACE_AND_CONTROLS = re.compile(r"[\s\x00-\x1f\x7f]+")
_CSS_URL = re.compile(r"url\(([^)]*)\)")
CHUNK = 64 * 1024
# Where an error is when it is about no one file.
_ARCHIVE = gettext_noop("archive")
_MANIFEST = "h5p.json"

LibraryKey = tuple[str, int, int]


@dataclass(frozen=True)
class Limits:
    """Bounds on what an upload may cost; the platform sets them from settings."""

    max_entries: int = 5_000
    max_total_bytes: int = 200 * 1024 * 1024
    max_file_bytes: int = 50 * 1024 * 1024


@dataclass
class LibraryInfo:
    machine_name: str
    major: int
    minor: int
    patch: int
    title: str
    runnable: bool
    preloaded_js: list[str]
    preloaded_css: list[str]
    preloaded_dependencies: list[LibraryKey]
    metadata: dict[str, Any]

    @property
    def key(self) -> LibraryKey:
        return (self.machine_name, self.major, self.minor)

    @property
    def folder(self) -> str:
        return f"{self.machine_name}-{self.major}.{self.minor}"


@dataclass
class PackageReport:
    # Each a `Translatable`: English as `str`, shown in the reader's language.
    errors: list[str] = field(default_factory=list)
    title: str = ""
    main_library: str = ""
    h5p_json: dict[str, Any] = field(default_factory=dict)
    # Libraries carried by the package, by folder name.
    libraries: dict[str, LibraryInfo] = field(default_factory=dict)
    # Keys of preloaded dependencies found in neither the package nor the store.
    missing: list[LibraryKey] = field(default_factory=list)
    # Every stored file: "h5p.json", "content/…", "<library folder>/…".
    files: dict[str, bytes] = field(default_factory=dict)
    total_bytes: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def add_error(self, where: str, reason: Translatable) -> None:
        """One line: the file (or "archive") and what is wrong with it."""
        self.errors.append(
            gettext_noop("%(where)s: %(reason)s", where=where, reason=reason)
        )

    def main_library_key(self) -> LibraryKey | None:
        for key in dependency_keys(self.h5p_json.get("preloadedDependencies")):
            if key[0] == self.main_library:
                return key
        return None


class _Stop(Exception):
    """Reading cannot go on (a limit is crossed or the archive is unreadable)."""


def validate_package(
    source: str | Path | IO[bytes],
    *,
    limits: Limits | None = None,
    installed: Iterable[LibraryKey] = (),
) -> PackageReport:
    """Check everything about a package; return the report (never raises)."""
    limits = limits or Limits()
    report = PackageReport()
    if not read_archive(source, limits, report, rules=_H5P_RULES):
        report.files = {}
        return report
    if report.errors:
        report.files = {}
        return report
    _check_manifest(report)
    _check_content(report)
    _check_libraries(report)
    _check_other_json(report)
    _check_dependencies(report, set(installed))
    if report.errors:
        report.files = {}
    return report


class ArchiveReport(Protocol):
    """What `read_archive` fills: errors, the kept files and the bytes read."""

    files: dict[str, bytes]
    total_bytes: int

    def add_error(self, where: str, reason: Translatable) -> None: ...


@dataclass(frozen=True)
class ArchiveRules:
    """What a package format allows, for `read_archive`.

    `type_problem(name)`: why a file type is refused, or None. `content_problem(
    name, data)`: why a file's bytes are refused, or None. `ignored(name)`: the
    entry is neither read nor kept (junk an archiver adds). `kept(name)`: the
    file is checked but not stored."""

    type_problem: Callable[[str], Translatable | None]
    content_problem: Callable[[str, bytes], Translatable | None] = lambda name, data: (
        None
    )
    ignored: Callable[[str], bool] = lambda name: False
    kept: Callable[[str], bool] = lambda name: True


def read_archive(
    source: str | Path | IO[bytes],
    limits: Limits,
    report: ArchiveReport,
    *,
    rules: ArchiveRules,
) -> bool:
    """The archive checks every package format shares (H5P, SCORM): a readable
    zip, bounded entries, safe names, no symbolic links, no duplicates, no
    encryption, file types from `rules`, real decompressed sizes counted while
    reading (zip bombs stop early), no archive inside. Fills `report.files`;
    returns False when reading had to stop (nothing may then be kept)."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        report.add_error(
            _ARCHIVE,
            gettext_noop("not a readable zip file (%(error)s)", error=str(exc)),
        )
        return False
    with archive:
        try:
            _read_entries(archive, limits, report, rules)
        except _Stop:
            return False
    return True


def _read_entries(
    archive: zipfile.ZipFile,
    limits: Limits,
    report: ArchiveReport,
    rules: ArchiveRules,
) -> None:
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        report.add_error(
            _ARCHIVE,
            gettext_noop(
                "%(count)d entries, more than the limit of %(limit)d",
                count=len(infos),
                limit=limits.max_entries,
            ),
        )
        raise _Stop
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        problem = _name_problem(name)
        if problem:
            report.add_error(repr(name), problem)
            continue
        if rules.ignored(name):
            continue
        if stat.S_ISLNK(info.external_attr >> 16):
            report.add_error(name, gettext_noop("symbolic links are not allowed"))
            continue
        folded = name.rstrip("/").casefold()
        if folded in seen:
            report.add_error(name, gettext_noop("duplicate name in the archive"))
            continue
        seen.add(folded)
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            report.add_error(name, gettext_noop("encrypted entries are not allowed"))
            continue
        type_problem = rules.type_problem(name)
        if type_problem:
            report.add_error(name, type_problem)
            continue
        data = _read_counted(archive, info, limits, report)
        if data is None:
            continue
        if data.startswith(ARCHIVE_MAGIC):
            report.add_error(
                name, gettext_noop("archives inside the package are not allowed")
            )
            continue
        content_problem = rules.content_problem(name, data)
        if content_problem:
            report.add_error(name, content_problem)
            continue
        if rules.kept(name):
            report.files[name] = data


def _read_counted(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    limits: Limits,
    report: ArchiveReport,
) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                report.total_bytes += len(chunk)
                if size > limits.max_file_bytes:
                    report.add_error(
                        info.filename,
                        gettext_noop(
                            "larger than the limit of %(limit)d bytes once "
                            "decompressed",
                            limit=limits.max_file_bytes,
                        ),
                    )
                    return None
                if report.total_bytes > limits.max_total_bytes:
                    report.add_error(
                        _ARCHIVE,
                        gettext_noop(
                            "more than the limit of %(limit)d bytes once decompressed",
                            limit=limits.max_total_bytes,
                        ),
                    )
                    raise _Stop
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        report.add_error(
            info.filename,
            gettext_noop("damaged or unreadable entry (%(error)s)", error=str(exc)),
        )
        return None
    return b"".join(chunks)


def _name_problem(name: str) -> Translatable | None:
    if not name or "\x00" in name or any(ord(c) < 32 for c in name):
        return gettext_noop("control characters in the name")
    if "\\" in name:
        return gettext_noop("backslashes are not allowed in names")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return gettext_noop("absolute paths are not allowed")
    parts = name.rstrip("/").split("/")
    if any(part in ("..", ".") for part in parts):
        return gettext_noop("'..' and '.' are not allowed in paths")
    if any(part == "" for part in parts):
        return gettext_noop("empty path segment")
    if len(name) > 255:
        return gettext_noop("name longer than 255 characters")
    return None


def _type_problem(name: str) -> Translatable | None:
    top, _, rest = name.partition("/")
    suffix = PurePosixPath(name).suffix.lower().lstrip(".")
    if not rest:
        if name == "h5p.json" or suffix in CONTENT_EXTENSIONS:
            return None
        return gettext_noop("file type '.%(suffix)s' is not allowed", suffix=suffix)
    allowed = CONTENT_EXTENSIONS if top == "content" else LIBRARY_EXTENSIONS
    if suffix not in allowed:
        return gettext_noop("file type '.%(suffix)s' is not allowed", suffix=suffix)
    return None


def _h5p_content_problem(name: str, data: bytes) -> Translatable | None:
    return svg_problems(data) if name.lower().endswith(".svg") else None


_H5P_RULES = ArchiveRules(
    type_problem=_type_problem,
    content_problem=_h5p_content_problem,
    # H5P ignores other files at the root; so do we.
    kept=lambda name: "/" in name or name == "h5p.json",
)


def svg_problems(data: bytes) -> Translatable | None:
    """Why an SVG is more than a static drawing of its own, or None when it is
    only that: every element and attribute on an allow-list, no address that
    leaves the package, no script: address however it is spelt."""
    if re.search(rb"<\?xml-stylesheet", data, re.IGNORECASE):
        return gettext_noop("SVG with a stylesheet instruction is refused")
    try:
        root = SafeET.fromstring(data)
    except DefusedXmlException:
        return gettext_noop("SVG declaring entities is refused")
    except SafeET.ParseError:
        return gettext_noop("SVG is not well-formed XML")
    for element in root.iter():
        if not isinstance(element, Element) or not isinstance(element.tag, str):
            continue
        namespace, _, local = element.tag.rpartition("}")
        namespace = namespace.lstrip("{")
        if namespace in SVG_EDITOR_NAMESPACES:
            continue
        tag = local.lower()
        if namespace not in ("", SVG_NS) or tag not in SVG_ELEMENTS:
            return gettext_noop(
                "SVG contains a <%(tag)s> element, which is not allowed "
                "(only static drawing is)",
                tag=local,
            )
        if tag == "style" and _css_problem(element.text or ""):
            return gettext_noop("SVG has a style sheet that loads or runs something")
        for attribute, value in element.attrib.items():
            problem = _svg_attribute_problem(attribute, value)
            if problem:
                return problem
    return None


def _svg_attribute_problem(attribute: str, value: str) -> Translatable | None:
    namespace, _, local = attribute.rpartition("}")
    namespace = namespace.lstrip("{")
    name = local.lower()
    plain = name in SVG_ATTRIBUTES or name.startswith(("data-", "aria-"))
    allowed = (
        (not namespace and plain)
        or attribute in SVG_FOREIGN_ATTRIBUTES
        or namespace in SVG_EDITOR_NAMESPACES
    )
    if not allowed:
        return gettext_noop(
            "SVG has an attribute '%(attribute)s', which is not allowed",
            attribute=local,
        )
    # What a browser would read: entities decoded, whitespace and controls gone.
    squeezed = _SPACE_AND_CONTROLS.sub("", html.unescape(value)).lower()
    if "script:" in squeezed:
        return gettext_noop("SVG has a script: address")
    if name == "href":
        if squeezed.startswith("#") or SVG_DATA_IMAGE.match(squeezed):
            return None
        if _URL_SCHEME.match(squeezed) or squeezed.startswith(("/", "\\")):
            return gettext_noop("SVG links outside its package")
        return None
    if name == "style" and _css_problem(value):
        return gettext_noop("SVG has a style that loads or runs something")
    if any(not url.strip("'\"").startswith("#") for url in _CSS_URL.findall(squeezed)):
        return gettext_noop("SVG links outside its package")
    return None


def _css_problem(css: str) -> bool:
    """Whether CSS could fetch, import or run anything: only url(#fragment)."""
    squeezed = _SPACE_AND_CONTROLS.sub("", html.unescape(css)).lower()
    if "\\" in squeezed or "@import" in squeezed or "script:" in squeezed:
        return True
    loaders = ("expression(", "-moz-binding", "behavior:", "image-set(", "@font-face")
    if any(word in squeezed for word in loaders):
        return True
    return any(
        not url.strip("'\"").startswith("#") for url in _CSS_URL.findall(squeezed)
    )


def parse_json(data: bytes | str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """json.loads, refusing (ValueError) text nested deeper than `max_depth`
    before parsing it, so no input can exhaust the parser's recursion."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    if text.count("[") + text.count("{") > max_depth:
        brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text)).encode()
        steps = map(_BRACKET_STEP.__getitem__, brackets)
        if max(accumulate(steps), default=0) > max_depth:
            raise ValueError(f"nested deeper than {max_depth} levels")
    return json.loads(text)


def _load_json(report: PackageReport, name: str) -> Any:
    data = report.files.get(name)
    if data is None:
        report.add_error(name, gettext_noop("missing"))
        return None
    try:
        return parse_json(data)
    except (UnicodeDecodeError, ValueError) as exc:
        report.add_error(
            name, gettext_noop("not valid JSON (%(error)s)", error=str(exc))
        )
        return None


def _version(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def dependency_keys(value: Any) -> list[LibraryKey]:
    keys = []
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict):
            continue
        name = item.get("machineName")
        major, minor = (
            _version(item.get("majorVersion")),
            _version(item.get("minorVersion")),
        )
        if isinstance(name, str) and major is not None and minor is not None:
            keys.append((name, major, minor))
    return keys


def _check_dependency_list(report: PackageReport, where: str, value: Any) -> None:
    if not isinstance(value, list):
        report.add_error(where, gettext_noop("preloadedDependencies must be a list"))
        return
    for item in value:
        ok = (
            isinstance(item, dict)
            and isinstance(item.get("machineName"), str)
            and MACHINE_NAME.match(item["machineName"])
            and _version(item.get("majorVersion")) is not None
            and _version(item.get("minorVersion")) is not None
        )
        if not ok:
            report.add_error(
                where,
                gettext_noop(
                    "malformed dependency %(dependency)s",
                    dependency=json.dumps(item)[:80],
                ),
            )


def _check_manifest(report: PackageReport) -> None:
    manifest = _load_json(report, "h5p.json")
    if manifest is None:
        return
    if not isinstance(manifest, dict):
        report.add_error(_MANIFEST, gettext_noop("must be a JSON object"))
        return
    report.h5p_json = manifest
    for key in ("title", "mainLibrary", "language"):
        value = manifest.get(key)
        if not isinstance(value, str) or not value.strip():
            report.add_error(_MANIFEST, _missing_field(key))
    if isinstance(manifest.get("language"), str) and not LANGUAGE_CODE.match(
        manifest["language"]
    ):
        report.add_error(_MANIFEST, gettext_noop("'language' is not a language code"))
    embed = manifest.get("embedTypes")
    if not isinstance(embed, list) or not set(embed) & {"div", "iframe"}:
        report.add_error(
            _MANIFEST, gettext_noop("'embedTypes' must list 'div' or 'iframe'")
        )
    if "preloadedDependencies" not in manifest:
        report.add_error(_MANIFEST, _missing_field("preloadedDependencies"))
    else:
        _check_dependency_list(report, "h5p.json", manifest["preloadedDependencies"])
    report.title = str(manifest.get("title") or "")[:255]
    report.main_library = str(manifest.get("mainLibrary") or "")
    if report.main_library and report.main_library_key() is None:
        report.add_error(
            _MANIFEST,
            gettext_noop(
                "main library %(library)s is not among preloadedDependencies",
                library=report.main_library,
            ),
        )


def _check_content(report: PackageReport) -> None:
    if _load_json(report, "content/content.json") is None:
        return


def _check_other_json(report: PackageReport) -> None:
    """Language files, semantics, content files: every JSON file must parse,
    as H5P's reference implementations require."""
    for name in sorted(report.files):
        checked = name in ("h5p.json", "content/content.json") or (
            name.count("/") == 1 and name.endswith("/library.json")
        )
        if name.lower().endswith(".json") and not checked:
            _load_json(report, name)


def _check_libraries(report: PackageReport) -> None:
    folders = sorted({name.split("/", 1)[0] for name in report.files if "/" in name})
    for folder in folders:
        if folder == "content":
            continue
        _check_library(report, folder)


def _check_library(report: PackageReport, folder: str) -> None:
    where = f"{folder}/library.json"
    if where not in report.files:
        report.add_error(folder, gettext_noop("a library folder needs a library.json"))
        return
    meta = _load_json(report, where)
    if meta is None:
        return
    if not isinstance(meta, dict):
        report.add_error(where, gettext_noop("must be a JSON object"))
        return
    missing = [
        key
        for key in (
            "title",
            "machineName",
            "majorVersion",
            "minorVersion",
            "patchVersion",
            "runnable",
        )
        if key not in meta
    ]
    if missing:
        for key in missing:
            report.add_error(where, _missing_field(key))
        return
    name = meta["machineName"]
    major, minor, patch = (
        _version(meta["majorVersion"]),
        _version(meta["minorVersion"]),
        _version(meta["patchVersion"]),
    )
    if not isinstance(name, str) or not MACHINE_NAME.match(name):
        report.add_error(
            where, gettext_noop("'machineName' is not a valid machine name")
        )
        return
    if major is None or minor is None or patch is None:
        report.add_error(where, gettext_noop("versions must be whole numbers"))
        return
    expected = f"{name}-{major}.{minor}"
    if folder != expected:
        report.add_error(
            folder,
            gettext_noop(
                "folder name does not match its library.json (expected %(expected)s)",
                expected=expected,
            ),
        )
        return
    if "coreApi" in meta:
        _check_core_api(report, where, meta["coreApi"])
    if "preloadedDependencies" in meta:
        _check_dependency_list(report, where, meta["preloadedDependencies"])
    files: dict[str, list[str]] = {}
    for kind in ("preloadedJs", "preloadedCss"):
        paths = []
        for item in meta.get(kind) or []:
            path = item.get("path") if isinstance(item, dict) else None
            if not isinstance(path, str) or f"{folder}/{path}" not in report.files:
                report.add_error(
                    where,
                    gettext_noop(
                        "%(kind)s file %(path)s is missing", kind=kind, path=repr(path)
                    ),
                )
                continue
            paths.append(path)
        files[kind] = paths
    for file_name in report.files:
        prefix = f"{folder}/language/"
        if file_name.startswith(prefix):
            base = file_name[len(prefix) :]
            if "/" in base or not LANGUAGE_FILE.match(base):
                report.add_error(
                    file_name, gettext_noop("not a valid language file name")
                )
    report.libraries[folder] = LibraryInfo(
        machine_name=name,
        major=major,
        minor=minor,
        patch=patch,
        title=str(meta.get("title"))[:255],
        runnable=bool(meta.get("runnable")),
        preloaded_js=files["preloadedJs"],
        preloaded_css=files["preloadedCss"],
        preloaded_dependencies=dependency_keys(meta.get("preloadedDependencies")),
        metadata=meta,
    )


def _check_core_api(report: PackageReport, where: str, value: Any) -> None:
    major = _version(value.get("majorVersion")) if isinstance(value, dict) else None
    minor = _version(value.get("minorVersion", 0)) if isinstance(value, dict) else None
    if major is None or minor is None:
        report.add_error(
            where, gettext_noop("'coreApi' must give whole-number versions")
        )
        return
    if (major, minor) > CORE_API:
        report.add_error(
            where,
            gettext_noop(
                "%(library)s needs H5P core API %(required)s; this platform's player "
                "provides %(provided)s",
                library=where.split("/", 1)[0],
                required=f"{major}.{minor}",
                provided=".".join(map(str, CORE_API)),
            ),
        )


def _check_dependencies(report: PackageReport, installed: set[LibraryKey]) -> None:
    """Every library reachable from h5p.json is in the package or the store."""
    carried = {info.key: info for info in report.libraries.values()}
    pending = list(dependency_keys(report.h5p_json.get("preloadedDependencies")))
    seen: set[LibraryKey] = set()
    while pending:
        key = pending.pop()
        if key in seen:
            continue
        seen.add(key)
        if key in carried:
            pending.extend(carried[key].preloaded_dependencies)
        elif key not in installed:
            report.missing.append(key)
    for name, major, minor in sorted(report.missing):
        report.add_error(
            _MANIFEST,
            gettext_noop(
                "dependency %(library)s is in neither the package nor the library "
                "store",
                library=f"{name}-{major}.{minor}",
            ),
        )


def _missing_field(key: str) -> Translatable:
    return gettext_noop("required field '%(field)s' is missing", field=key)
