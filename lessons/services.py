"""Writes for lessons' H5P activities.

- `import_h5p_package` validates a whole package first (nothing is written for a
  rejected one), then stores new libraries and the content. A library already in
  the store is kept as it is unless the package carries a newer patch or other
  bytes under the same version: that replacement reaches every activity using
  the library, so while any does it is refused unless the caller passes
  `upgrade_libraries=True` (an admin who has seen `ImportResult.replacements`).
- `launch_h5p` opens an activity for a learner in a lesson and returns the launch
  whose token every later request of that showing must carry.
- `record_statement` checks one xAPI statement against its launch and records
  it with the learner's best and last score; it raises `StatementRejected` and
  stores nothing when the statement is forged or malformed.
- `save_h5p_state` keeps what the player needs to resume.
"""

from __future__ import annotations

import math
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.tasks import enqueue_on_commit

from . import statements as lrs_copies
from .h5p import storage
from .h5p.validation import (
    LibraryInfo,
    LibraryKey,
    Limits,
    PackageReport,
    validate_package,
)
from .models import (
    CompletionRule,
    H5PContent,
    H5PLaunch,
    H5PLibrary,
    H5PResult,
    H5PState,
    H5PStatement,
    LessonPage,
)
from .signals import h5p_activity_completed
from .translatable import gettext_noop

ALLOWED_VERBS = frozenset(
    f"http://adlnet.gov/expapi/verbs/{verb}"
    for verb in (
        "answered",
        "attempted",
        "completed",
        "experienced",
        "failed",
        "interacted",
        "passed",
        "progressed",
        "scored",
        "skipped",
    )
)
SUB_CONTENT_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")
# The address the player is given instead of the learner's (its page is seen by
# whoever holds the launch token); `.invalid` is reserved and never delivers.
PLAYER_MAIL = "learner@h5p.invalid"


def h5p_limits() -> Limits:
    return Limits(
        max_entries=settings.H5P_MAX_ENTRIES,
        max_total_bytes=settings.H5P_MAX_UNCOMPRESSED_BYTES,
        max_file_bytes=settings.H5P_MAX_FILE_BYTES,
    )


@dataclass(frozen=True)
class LibraryReplacement:
    """A library of the store the package would replace, and the activities
    (titles) that would run the new files."""

    library: str  # "Name major.minor"
    installed: str  # "major.minor.patch"
    carried: str
    activities: tuple[str, ...]


@dataclass
class ImportResult:
    report: PackageReport
    content: H5PContent | None = None
    # "Name major.minor.patch" for each library carried by the package.
    libraries: list[str] = field(default_factory=list)
    replacements: list[LibraryReplacement] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.report.ok

    def summary(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "title": self.report.title,
            "content": str(self.content.uuid) if self.content else None,
            "libraries": self.libraries,
            "replacements": [
                {
                    "library": r.library,
                    "installed": r.installed,
                    "carried": r.carried,
                    "activities": list(r.activities),
                }
                for r in self.replacements
            ],
            "errors": self.report.errors,
        }


class _LibrariesRefused(Exception):
    """Raised inside the store's transaction when the store changed since the
    check and a replacement now needs a confirmation it does not have."""


def installed_library_keys() -> Iterable[LibraryKey]:
    # Lazy: the store is read only when a package gets as far as its dependencies.
    return H5PLibrary.objects.values_list(
        "machine_name", "major_version", "minor_version"
    ).iterator()


def import_h5p_package(
    *,
    source: str | Path | IO[bytes],
    uploaded_by: User | None = None,
    dry_run: bool = False,
    upgrade_libraries: bool = False,
) -> ImportResult:
    """`upgrade_libraries` lets the package replace libraries that activities
    use; only a caller holding `lessons.upgrade_h5plibrary` who has shown the
    replacements (a dry run's `ImportResult.replacements`) may pass it."""
    report = validate_package(
        source, limits=h5p_limits(), installed=installed_library_keys()
    )
    result = ImportResult(
        report=report,
        libraries=sorted(
            f"{lib.machine_name} {lib.major}.{lib.minor}.{lib.patch}"
            for lib in report.libraries.values()
        ),
    )
    if not report.ok:
        return result
    result.replacements = library_replacements(report)
    if result.replacements and not upgrade_libraries:
        _refuse_replacements(report, result.replacements)
    if not report.ok or dry_run:
        return result
    written: list[Path] = []
    try:
        result.content = _store(report, uploaded_by, written, upgrade_libraries)
    except _LibrariesRefused:
        for path in written:
            storage.remove_tree(path)
        result.replacements = library_replacements(report)
        _refuse_replacements(report, result.replacements)
    except BaseException:
        for path in written:
            storage.remove_tree(path)
        raise
    return result


def _refuse_replacements(
    report: PackageReport, replacements: list[LibraryReplacement]
) -> None:
    for replacement in replacements:
        report.add_error(
            replacement.library,
            gettext_noop(
                "the package's %(carried)s would replace the shared library "
                "%(installed)s for every activity that uses it (%(count)d: "
                "%(activities)s), which needs an administrator's confirmation",
                installed=replacement.installed,
                carried=replacement.carried,
                count=len(replacement.activities),
                activities=", ".join(replacement.activities[:10])
                + (", …" if len(replacement.activities) > 10 else ""),
            ),
        )


def _replaces(library: H5PLibrary, info: LibraryInfo, files: dict[str, bytes]) -> bool:
    """Whether storing `info` would change `library`'s files: a newer patch,
    or the same version with other bytes. An older patch changes nothing (the
    store's newer one serves the package, as H5P's patch rule allows)."""
    if info.patch != library.patch_version:
        return info.patch > library.patch_version
    return not storage.same_tree(storage.library_dir(library.folder), files)


def _library_files(report: PackageReport, folder: str) -> dict[str, bytes]:
    return {
        name[len(folder) + 1 :]: data
        for name, data in report.files.items()
        if name.startswith(f"{folder}/")
    }


def library_replacements(report: PackageReport) -> list[LibraryReplacement]:
    """The store's libraries, used by activities, that the package would replace."""
    carried = {info.key: (folder, info) for folder, info in report.libraries.items()}
    found = []
    for library in _libraries_by_key(carried):
        folder, info = carried[_key(library)]
        if not _replaces(library, info, _library_files(report, folder)):
            continue
        activities = tuple(
            H5PContent.objects.filter(libraries=library)
            .order_by("title")
            .values_list("title", flat=True)
        )
        if activities:
            found.append(
                LibraryReplacement(
                    library=folder,
                    installed=f"{library.machine_name} {library.version}",
                    carried=f"{info.machine_name} {info.major}.{info.minor}."
                    f"{info.patch}",
                    activities=activities,
                )
            )
    return sorted(found, key=lambda r: r.library)


@transaction.atomic
def _store(
    report: PackageReport,
    uploaded_by: User | None,
    written: list[Path],
    upgrade_libraries: bool,
) -> H5PContent:
    stored: dict[LibraryKey, H5PLibrary] = {}
    plan: list[tuple[str, LibraryInfo, H5PLibrary | None, dict[str, bytes]]] = []
    # Every library locked and decided before any file is written, so a
    # refusal leaves the store's files as they were.
    for folder, info in report.libraries.items():
        library = (
            H5PLibrary.objects.select_for_update()
            .filter(
                machine_name=info.machine_name,
                major_version=info.major,
                minor_version=info.minor,
            )
            .first()
        )
        files = _library_files(report, folder)
        if library is not None:
            stored[info.key] = library
            if not _replaces(library, info, files):
                continue
            # Checked again under the lock: an activity may have come to use
            # the library since the check before the transaction.
            in_use = H5PContent.objects.filter(libraries=library).exists()
            if in_use and not upgrade_libraries:
                raise _LibrariesRefused(folder)
        plan.append((folder, info, library, files))
    for folder, info, library, files in plan:
        if library is None:
            library = H5PLibrary.objects.create(
                machine_name=info.machine_name,
                major_version=info.major,
                minor_version=info.minor,
                patch_version=info.patch,
                title=info.title,
                runnable=info.runnable,
                metadata=info.metadata,
            )
            written.append(storage.library_dir(folder))
        else:
            library.patch_version = info.patch
            library.title = info.title
            library.runnable = info.runnable
            library.metadata = info.metadata
            library.save()
        storage.write_tree(storage.library_dir(folder), files)
        stored[info.key] = library
    main_key = report.main_library_key()
    assert main_key is not None  # validation guarantees it
    needed = _dependency_closure(report, stored)
    content = H5PContent.objects.create(
        title=report.title or report.main_library,
        main_library=needed[main_key],
        h5p_json=report.h5p_json,
        uploaded_by=uploaded_by,
    )
    content.libraries.set(needed.values())
    target = storage.content_dir(content.uuid)
    written.append(target)
    storage.write_tree(
        target,
        {
            name: data
            for name, data in report.files.items()
            if name == "h5p.json" or name.startswith("content/")
        },
    )
    return content


def _dependency_closure(
    report: PackageReport, stored: dict[LibraryKey, H5PLibrary]
) -> dict[LibraryKey, H5PLibrary]:
    from .h5p.validation import dependency_keys

    pending = list(dependency_keys(report.h5p_json.get("preloadedDependencies")))
    needed: dict[LibraryKey, H5PLibrary] = {}
    while pending:
        batch = [key for key in pending if key not in needed]
        pending = []
        missing = [key for key in batch if key not in stored]
        if missing:
            for library in _libraries_by_key(missing):
                stored[_key(library)] = library
        for key in batch:
            if key in needed or key not in stored:
                continue
            library = stored[key]
            needed[key] = library
            pending.extend(
                dependency_keys(library.metadata.get("preloadedDependencies"))
            )
    return needed


def _key(library: H5PLibrary) -> LibraryKey:
    return (library.machine_name, library.major_version, library.minor_version)


def _libraries_by_key(keys: Iterable[LibraryKey]) -> list[H5PLibrary]:
    wanted = set(keys)
    names = {name for name, _, _ in wanted}
    return [
        library
        for library in H5PLibrary.objects.filter(machine_name__in=names)
        if _key(library) in wanted
    ]


# Launch and results


def activity_iri(content: H5PContent) -> str:
    return f"{settings.H5P_CONTENT_ORIGIN}/h5p-content/activity/{content.uuid}"


def launch_h5p(
    *,
    learner: User,
    content: H5PContent,
    lesson: LessonPage,
    completion_rule: str = CompletionRule.NEVER,
    pass_mark: int = 80,
) -> H5PLaunch:
    return H5PLaunch.objects.create(
        token=secrets.token_urlsafe(32),
        learner=learner,
        content=content,
        lesson=lesson,
        completion_rule=completion_rule,
        pass_mark=pass_mark,
    )


@dataclass(frozen=True)
class LaunchView:
    """What the lesson page needs to frame one launch."""

    token: str
    src: str
    origin: str
    xapi_url: str


@transaction.atomic
def open_h5p_activities(
    *, learner: User, lesson: LessonPage
) -> tuple[dict[int, LaunchView], dict[int, H5PResult]]:
    """Launch every H5P activity of the lesson for the learner; by content id,
    the launches and the learner's results so far."""
    launches: dict[int, LaunchView] = {}
    for block in lesson.h5p_blocks():
        content = block.get("activity")
        if content is None or content.pk in launches:
            continue
        launch = launch_h5p(
            learner=learner,
            content=content,
            lesson=lesson,
            completion_rule=block.get("completes_lesson") or CompletionRule.NEVER,
            pass_mark=block.get("pass_mark") or 80,
        )
        launches[content.pk] = LaunchView(
            token=launch.token,
            src=f"{settings.H5P_CONTENT_ORIGIN}/h5p-content/play/{launch.token}/",
            origin=settings.H5P_CONTENT_ORIGIN,
            xapi_url=reverse("lessons:h5p_xapi", args=[launch.token]),
        )
    results = {
        result.content_id: result
        for result in H5PResult.objects.filter(
            learner=learner, lesson=lesson, content_id__in=list(launches)
        )
    }
    return launches, results


class StatementRejected(ValueError):
    """The statement is forged or malformed; nothing was stored."""


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _check_statement(
    launch: H5PLaunch, learner: User, statement: Any
) -> tuple[str, str, bool, float | None, float | None]:
    if not isinstance(statement, dict):
        raise StatementRejected("a statement must be a JSON object")
    actor = statement.get("actor")
    if not isinstance(actor, dict):
        raise StatementRejected("the actor is missing")
    mbox = actor.get("mbox")
    # The player knows only PLAYER_MAIL (or, without a user, names an
    # anonymous agent); an actor naming anyone else is forged.
    allowed = {f"mailto:{learner.email}".lower(), f"mailto:{PLAYER_MAIL}"}
    if mbox is not None and (not isinstance(mbox, str) or mbox.lower() not in allowed):
        raise StatementRejected("the actor is not the signed-in learner")
    verb = statement.get("verb")
    verb_id = verb.get("id") if isinstance(verb, dict) else None
    if verb_id not in ALLOWED_VERBS:
        raise StatementRejected("the verb is not allowed")
    obj = statement.get("object")
    iri = obj.get("id") if isinstance(obj, dict) else None
    base = activity_iri(launch.content)
    if not isinstance(iri, str):
        raise StatementRejected("the object has no id")
    top_level = iri == base
    if not top_level:
        prefix = f"{base}?subContentId="
        if not (iri.startswith(prefix) and SUB_CONTENT_ID.match(iri[len(prefix) :])):
            raise StatementRejected("the object is not the launched activity")
    raw = maximum = None
    result = statement.get("result")
    if result is not None and not isinstance(result, dict):
        raise StatementRejected("the result must be an object")
    score = (result or {}).get("score")
    if score is not None:
        if not isinstance(score, dict):
            raise StatementRejected("the score must be an object")
        raw, maximum = _number(score.get("raw")), _number(score.get("max"))
        if raw is None or maximum is None:
            raise StatementRejected("the score needs numeric raw and max")
        if "min" in score and _number(score.get("min")) != 0:
            raise StatementRejected("the score's min must be 0")
        if maximum <= 0 or not 0 <= raw <= maximum:
            raise StatementRejected("the score is out of bounds (0 ≤ raw ≤ max)")
    return verb_id, iri, top_level, raw, maximum


def record_statement(
    *, launch: H5PLaunch, learner: User, statement: Any
) -> H5PStatement:
    return _record(launch, learner, [statement], numbered=False)[0]


MAX_BATCH = 100


def record_statements(
    *, launch: H5PLaunch, learner: User, statements: Any
) -> list[H5PStatement]:
    """A batch, all or nothing: one bad statement refuses the lot."""
    if not isinstance(statements, list) or not 0 < len(statements) <= MAX_BATCH:
        raise StatementRejected(f"a batch is a list of 1 to {MAX_BATCH} statements")
    return _record(launch, learner, statements, numbered=True)


@dataclass(frozen=True)
class _Checked:
    statement: dict
    verb_id: str
    iri: str
    top_level: bool
    score: tuple[float, float, float] | None  # raw, max, scaled


@transaction.atomic
def _record(
    launch: H5PLaunch, learner: User, statements: list[Any], *, numbered: bool
) -> list[H5PStatement]:
    """Every statement checked before anything is stored; then one insert for
    the lot and one update of the learner's result, whatever the batch size."""
    if launch.learner_id != learner.pk:
        raise StatementRejected("the launch is not this learner's")
    launch.learner = learner  # the signed-in user: no query for it
    checked = []
    for number, statement in enumerate(statements):
        try:
            verb_id, iri, top_level, raw, maximum = _check_statement(
                launch, learner, statement
            )
        except StatementRejected as rejected:
            if numbered:
                raise StatementRejected(f"statement {number}: {rejected}") from None
            raise
        # Who acted is the signed-in learner, whatever the browser says.
        statement["actor"] = {
            "objectType": "Agent",
            "name": learner.get_full_name() or learner.email,
            "mbox": f"mailto:{learner.email}",
        }
        score = None
        if raw is not None and maximum:
            score = (raw, maximum, round(raw / maximum, 6))
            statement["result"]["score"]["scaled"] = score[2]
        checked.append(_Checked(statement, verb_id, iri, top_level, score))
    stored = H5PStatement.objects.bulk_create(
        H5PStatement(
            launch=launch,
            verb=c.verb_id,
            object_iri=c.iri,
            raw_score=c.score[0] if c.score else None,
            max_score=c.score[1] if c.score else None,
            scaled_score=c.score[2] if c.score else None,
            statement=c.statement,
        )
        for c in checked
    )
    enqueue_on_commit((lrs_copies.h5p_to_lrs, ([row.pk for row in stored],)))
    top = [c for c in checked if c.top_level]
    if top:
        _update_result(launch, top)
    return stored


def _update_result(launch: H5PLaunch, statements: list[_Checked]) -> None:
    """Fold the activity's own statements, in order, into the learner's best
    and last score and completion: one row read and written."""
    # By ids: the launch's learner and lesson objects are not needed here.
    key = {
        "learner_id": launch.learner_id,
        "content_id": launch.content_id,
        "lesson_id": launch.lesson_id,
    }
    first = next((c.score for c in statements if c.score), None)
    record: H5PResult | None
    if first is None:
        record = H5PResult.objects.select_for_update().filter(**key).first()
        if record is None:
            return  # completion without any score yet: nothing to record
        changed = False
    else:
        record, changed = H5PResult.objects.select_for_update().get_or_create(
            **key,
            defaults={
                "last_raw": first[0],
                "last_max": first[1],
                "last_scaled": first[2],
                "best_raw": first[0],
                "best_max": first[1],
                "best_scaled": first[2],
            },
        )
    now = timezone.now()
    for c in statements:
        result = c.statement.get("result") or {}
        completed = c.verb_id.endswith(("/completed", "/passed", "/failed")) or (
            result.get("completion") is True
        )
        if c.score is not None:
            raw, maximum, scaled = c.score
            record.last_raw, record.last_max, record.last_scaled = raw, maximum, scaled
            if scaled >= record.best_scaled:
                record.best_raw, record.best_max, record.best_scaled = c.score
            changed = True
        # Passing is the server's call: the score it recomputed against the
        # launch's pass mark. The browser's `passed` verb or `success` flag
        # decides nothing.
        passed = round(record.last_scaled * 100, 4) >= launch.pass_mark
        if completed and record.completed_at is None:
            record.completed_at = now
            changed = True
        if completed and passed and record.passed_at is None:
            record.passed_at = now
            changed = True
    if not changed:
        return
    record.save()
    done = (
        launch.completion_rule == CompletionRule.COMPLETED
        and record.completed_at is not None
    ) or (
        launch.completion_rule == CompletionRule.PASSED and record.passed_at is not None
    )
    if done:
        transaction.on_commit(
            lambda: h5p_activity_completed.send(
                sender=H5PResult, learner=launch.learner, lesson=launch.lesson
            )
        )


STATE_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class StateRejected(ValueError):
    """The state was not saved; `status` is the HTTP status that says why."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@transaction.atomic
def save_h5p_state(
    *, launch: H5PLaunch, data_type: str, sub_content_id: str, data: str | None
) -> None:
    """Keep (or, with None, forget) one piece of the player's saved state.

    A learner's state for one activity is bounded (H5P_STATE_MAX_KEYS pieces,
    H5P_STATE_MAX_BYTES in all, over every lesson showing it): a piece that
    would cross either bound raises `StateRejected` and nothing changes."""
    sub_content_id = sub_content_id or "0"
    if not (STATE_NAME.match(data_type) and STATE_NAME.match(sub_content_id)):
        raise StateRejected("the state's name is malformed")
    key: dict[str, Any] = {
        "learner_id": launch.learner_id,
        "content_id": launch.content_id,
        "lesson_id": launch.lesson_id,
        "data_type": data_type,
        "sub_content_id": sub_content_id,
    }
    if data is None:
        H5PState.objects.filter(**key).delete()
        return
    others = list(
        H5PState.objects.select_for_update()
        .filter(learner_id=launch.learner_id, content_id=launch.content_id)
        .exclude(**key)
        .values_list("data", flat=True)
    )
    if len(others) + 1 > settings.H5P_STATE_MAX_KEYS:
        raise StateRejected(
            f"at most {settings.H5P_STATE_MAX_KEYS} saved states per activity", 413
        )
    total = len(data.encode()) + sum(len(other.encode()) for other in others)
    if total > settings.H5P_STATE_MAX_BYTES:
        raise StateRejected(
            f"saved state is limited to {settings.H5P_STATE_MAX_BYTES} bytes per "
            "activity",
            413,
        )
    H5PState.objects.update_or_create(**key, defaults={"data": data})
