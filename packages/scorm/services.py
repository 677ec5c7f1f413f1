"""SCORM: importing a package, launching it for a learner, storing commits.

Launch: the activity page (platform origin, signed in, enrolled) frames the
content origin's launch page with a signed token naming the attempt, the SCO
and the learner; the token is the only credential the content origin sees.
The launch page runs scorm-again with the SCO's stored data and frames the
SCO; commits go back to the content origin's commit endpoint with the token.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.tasks import enqueue_on_commit
from courses import translations
from lessons.h5p.validation import Limits
from packages.pages import place_at_end
from packages.stored import save_with_files

from . import runtime, statements
from .models import ScormActivityPage, ScormAttempt, ScormPackage, ScormRuntime
from .signals import scorm_activity_completed
from .validation import ScormReport, validate_scorm

log = logging.getLogger(__name__)

TOKEN_SALT = "packages.scorm.launch"  # noqa: S105 (a signing salt, not a secret)


def root() -> Path:
    return Path(settings.MEDIA_ROOT) / "scorm"


def package_dir(package: ScormPackage) -> Path:
    return root() / str(package.uuid)


def scorm_limits() -> Limits:
    return Limits(
        max_entries=settings.SCORM_MAX_ENTRIES,
        max_total_bytes=settings.SCORM_MAX_UNCOMPRESSED_BYTES,
        max_file_bytes=settings.SCORM_MAX_FILE_BYTES,
    )


@dataclass
class ImportResult:
    report: ScormReport
    package: ScormPackage | None = None
    activity: ScormActivityPage | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.report.ok and not self.errors

    def summary(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "title": self.report.title,
            "version": self.report.version,
            "organization": self.report.organization,
            "scos": len(self.report.scos),
            "items": len(self.report.items),
            "files": len(self.report.files),
            "package": str(self.package.uuid) if self.package else None,
            "activity": self.activity.pk if self.activity else None,
            "warnings": list(self.report.warnings),
            "errors": [*self.report.errors, *self.errors],
        }


def import_scorm_package(
    *,
    source: str | Path | IO[bytes],
    uploaded_by: User | None = None,
    dry_run: bool = False,
    title: str = "",
) -> ImportResult:
    """Validate the whole package, then store its files and row (or nothing)."""
    report = validate_scorm(source, limits=scorm_limits())
    result = ImportResult(report=report)
    if not report.ok or dry_run:
        return result
    package = ScormPackage(
        title=(title or report.title)[:255],
        version=report.version,
        identifier=report.identifier,
        organization=report.organization,
        items=[
            {
                "identifier": item.identifier,
                "title": item.title,
                "launch": item.launch,
                "is_sco": item.is_sco,
                "depth": item.depth,
                "visible": item.visible,
                "mastery_score": item.mastery_score,
                "data_from_lms": item.data_from_lms,
            }
            for item in report.items
        ],
        sequencing=report.sequencing,
        warnings=[str(w) for w in report.warnings],
        file_count=len(report.files),
        total_bytes=report.total_bytes,
        uploaded_by=uploaded_by,
    )
    save_with_files(package, package_dir(package), report.files)
    result.package = package
    return result


def place_in_course(
    *, package: ScormPackage, course, title: str = ""
) -> ScormActivityPage:
    """A live activity page for the package at the end of the course."""
    return place_at_end(
        ScormActivityPage(title=title or package.title, package=package), course
    )


# Launch


def make_token(attempt: ScormAttempt, item: str) -> str:
    return signing.dumps(
        {"a": attempt.pk, "u": attempt.learner_id, "i": item},
        salt=TOKEN_SALT,
        compress=True,
    )


class LaunchExpired(Exception):
    """The token is genuine but older than SCORM_LAUNCH_LIFETIME."""


def read_token(token: str) -> dict[str, Any] | None:
    """The launch a token names; None if it is not ours; raises
    `LaunchExpired` when it is too old."""
    if len(token) > 1000:
        return None
    try:
        data = signing.loads(
            token, salt=TOKEN_SALT, max_age=settings.SCORM_LAUNCH_LIFETIME
        )
    except signing.SignatureExpired as exc:
        raise LaunchExpired from exc
    except signing.BadSignature:
        return None
    ok = (
        isinstance(data, dict)
        and isinstance(data.get("a"), int)
        and isinstance(data.get("u"), int)
        and isinstance(data.get("i"), str)
    )
    return data if ok else None


def current_attempt(learner: User, activity: ScormActivityPage) -> ScormAttempt:
    """The learner's latest attempt at the activity, made at the first visit."""
    attempt = (
        ScormAttempt.objects.filter(learner=learner, activity=activity)
        .order_by("-number")
        .first()
    )
    if attempt is None:
        attempt, _ = ScormAttempt.objects.get_or_create(
            learner=learner, activity=activity, number=1
        )
    return attempt


@dataclass(frozen=True)
class ScoLink:
    identifier: str
    title: str
    depth: int
    is_sco: bool
    status: str  # completed, incomplete, not attempted, passed, failed
    score: float | None
    current: bool


def is_sequenced(package: ScormPackage) -> bool:
    """Whether scorm-again's sequencing engine runs for this package: SCORM
    2004 with sequencing, and more than one part to choose between."""
    visible = [i for i in package.items if i.get("visible", True)]
    return bool(package.is_2004 and package.sequencing and len(visible) > 1)


def player_context(page: ScormActivityPage, request) -> dict[str, Any]:
    """What the activity page shows: the organisation's items with each one's
    state, and the frame of the chosen one (the one to resume otherwise)."""
    context: dict[str, Any] = {"course": page.get_parent()}
    user = request.user
    if not user.is_authenticated:
        return context
    package = page.package
    # Records are the original activity's, whichever language it is read in.
    attempt = current_attempt(user, translations.original(page))
    runtimes = {r.item: r for r in attempt.runtimes.all()}
    visible = [i for i in package.items if i.get("visible", True)]
    wanted = request.GET.get("sco", "")
    chosen = next((i for i in visible if i["identifier"] == wanted), None)
    if chosen is None:
        chosen = _resume_item(visible, runtimes)
    links = []
    for item in visible:
        state = runtimes.get(item["identifier"])
        status = "not attempted"
        if state is not None:
            status = (
                state.success_status
                if state.success_status in ("passed", "failed")
                else state.completion_status
            )
        links.append(
            ScoLink(
                identifier=item["identifier"],
                title=item["title"],
                depth=item["depth"],
                is_sco=item["is_sco"],
                status=status,
                score=state.score_scaled if state else None,
                current=chosen is not None
                and item["identifier"] == chosen["identifier"],
            )
        )
    context.update(
        attempt=attempt,
        sequenced=is_sequenced(package),
        sco_links=links,
        chosen=chosen,
        content_origin=settings.H5P_CONTENT_ORIGIN,
    )
    if chosen is not None:
        token = make_token(attempt, chosen["identifier"])
        context["frame_src"] = (
            f"{settings.H5P_CONTENT_ORIGIN}/package-content/scorm/{token}/"
            f"?lang={getattr(request, 'LANGUAGE_CODE', settings.LANGUAGE_CODE)}"
        )
    return context


def _resume_item(items: list[dict], runtimes: dict[str, ScormRuntime]) -> dict | None:
    """The first item not completed, else the first."""
    for item in items:
        state = runtimes.get(item["identifier"])
        if state is None or state.completion_status != "completed":
            return item
    return items[0] if items else None


def launch_data(attempt: ScormAttempt, item: dict, learner: User) -> dict[str, Any]:
    """The flattened data model scorm-again starts the SCO with: what was
    stored, plus the read-only elements the LMS sets."""
    package = attempt.activity.package
    stored = ScormRuntime.objects.filter(
        attempt=attempt, item=item["identifier"]
    ).first()
    cmi = dict(stored.cmi) if stored else {}
    resumed = (
        stored is not None
        and cmi.get("cmi.core.exit" if not package.is_2004 else "cmi.exit") == "suspend"
    )
    name = learner.get_full_name() if hasattr(learner, "get_full_name") else ""
    total = stored.total_seconds if stored else 0.0
    # Session elements start empty each session.
    for element in ("cmi.core.session_time", "cmi.session_time", "cmi.core.exit"):
        cmi.pop(element, None)
    cmi.pop("cmi.exit", None)
    if package.is_2004:
        cmi.update(
            {
                "cmi.learner_id": str(learner.pk),
                "cmi.learner_name": name or str(learner.pk),
                "cmi.entry": "resume" if resumed else "ab-initio",
                "cmi.total_time": runtime.duration_2004(total),
                "cmi.launch_data": item.get("data_from_lms", ""),
            }
        )
    else:
        cmi.update(
            {
                "cmi.core.student_id": str(learner.pk),
                "cmi.core.student_name": name or str(learner.pk),
                "cmi.core.entry": "resume" if resumed else "ab-initio",
                "cmi.core.total_time": runtime.timespan_12(total),
                "cmi.launch_data": item.get("data_from_lms", ""),
            }
        )
        if item.get("mastery_score"):
            cmi["cmi.student_data.mastery_score"] = item["mastery_score"]
    return cmi


@dataclass
class CommitOutcome:
    ok: bool
    error_code: int = 0
    element: str = ""


def commit(
    *, attempt_id: int, learner_id: int, item: str, data: Any, final: bool
) -> CommitOutcome:
    """Store a commit of one SCO's data model, checked whole first: a bad
    element refuses all of it (nothing changes). `final`: the session ends
    (Terminate/LMSFinish or unload), so its time joins the total."""
    attempt = (
        ScormAttempt.objects.select_related("activity__package")
        .filter(pk=attempt_id, learner_id=learner_id)
        .first()
    )
    if attempt is None:
        raise ScormAttempt.DoesNotExist
    package = attempt.activity.package
    if package.item(item) is None:
        raise ScormAttempt.DoesNotExist
    try:
        clean = runtime.clean_commit(package.version, data)
    except runtime.CommitRefused as refused:
        log.info("SCORM commit refused: %s (%s)", refused, refused.code)
        return CommitOutcome(False, refused.code, refused.element)
    with transaction.atomic():
        stored, _ = ScormRuntime.objects.select_for_update().get_or_create(
            attempt=attempt, item=item
        )
        merged = {**stored.cmi, **clean}
        state = runtime.sco_state(package.version, merged)
        stored.cmi = merged
        stored.completion_status = state.completion
        stored.success_status = state.success
        stored.score_raw = state.score_raw
        stored.score_min = state.score_min
        stored.score_max = state.score_max
        stored.score_scaled = state.score_scaled
        stored.location = state.location[:1000]
        stored.suspend_data = state.suspend_data
        if final:
            stored.total_seconds += state.session_seconds
        stored.commits += 1
        stored.save()
        _roll_up(attempt)
    return CommitOutcome(True)


ROOT_COMPLETION = {"completed", "incomplete", "not attempted", "unknown"}
ROOT_SUCCESS = {"passed", "failed", "unknown"}


def clean_sequencing_root(value: Any) -> dict[str, str] | Literal[False] | None:
    """The engine's rollup of the package as the player sends it: None when
    absent, False when malformed, else {"completion", "success"}."""
    if value is None:
        return None
    if (
        not isinstance(value, dict)
        or value.get("completion") not in ROOT_COMPLETION
        or value.get("success") not in ROOT_SUCCESS
    ):
        return False
    return {"completion": value["completion"], "success": value["success"]}


def save_sequencing_state(
    attempt: ScormAttempt, state: str, root: dict[str, str] | None = None
) -> None:
    """Keeps the engine's state; with the engine's rollup of the package, the
    attempt's completion and success follow it (`_roll_up`)."""
    with transaction.atomic():
        locked = (
            ScormAttempt.objects.select_for_update()
            .select_related("activity__package")
            .get(pk=attempt.pk)
        )
        locked.sequencing_state = state
        fields = ["sequencing_state", "updated_at"]
        changed = root is not None and root != locked.sequencing_root
        if changed:
            locked.sequencing_root = root
            fields.append("sequencing_root")
        locked.save(update_fields=fields)
        if changed:
            _roll_up(locked)


def _roll_up(attempt: ScormAttempt) -> None:
    package = attempt.activity.package
    by_item = {r.item: r for r in attempt.runtimes.all()}
    states = []
    for item in package.scos() or [i for i in package.items if i.get("visible", True)]:
        stored = by_item.get(item["identifier"])
        states.append(
            runtime.sco_state(package.version, stored.cmi) if stored else None
        )
    result = runtime.rollup(states)
    completion, success = result.completion, result.success
    root = attempt.sequencing_root if is_sequenced(package) else None
    if root:
        # A sequenced package rolls up by its own rules, in the engine: its
        # rollup may complete the attempt before every SCO is, and gives the
        # success the SCOs leave unknown. It never takes back what the SCOs
        # did: the engine rolls up when a SCO ends, so the root it last sent
        # may lag behind the latest commit.
        if root.get("completion") == "completed":
            completion = "completed"
        if success == "unknown" and root.get("success") in ("passed", "failed"):
            success = root["success"]
    attempt.completion_status = completion
    attempt.success_status = success
    attempt.score_scaled = result.score_scaled
    if completion == "completed" and attempt.completed_at is None:
        attempt.completed_at = timezone.now()
        learner_id, activity_id = attempt.learner_id, attempt.activity_id
        transaction.on_commit(
            lambda: scorm_activity_completed.send(
                sender=ScormAttempt, learner_id=learner_id, activity_id=activity_id
            )
        )
        enqueue_on_commit((statements.attempt_completed, (attempt.pk,)))
    attempt.save(
        update_fields=[
            "completion_status",
            "success_status",
            "score_scaled",
            "completed_at",
            "updated_at",
        ]
    )
