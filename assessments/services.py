"""Every write to attempts, responses and grades goes through here.

Contract:
- An attempt moves in_progress → submitted → graded | needs_review → graded,
  each step a conditional update, so a duplicate request or a retried task
  changes nothing the second time.
- Submitting enqueues `grade_attempt` on commit; grading reads only the
  snapshot (`grading.grade`, pure).
- The server's clock decides: an answer after the deadline is refused and the
  attempt is submitted for the learner.
- A grade that becomes final (or changes afterwards) sends
  `signals.attempt_graded` on commit; a regrade sends `signals.attempts_regraded`
  once for each chunk of changed grades. The same update that makes a grade
  final sets `Attempt.completion_pending`, so a signal lost with its worker is
  found again by the enrolments' reconciler.
"""

from __future__ import annotations

import json
import random
import secrets
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_q.tasks import async_task

from accounts.models import User
from core import versions
from core.tasks import enqueue_on_commit
from notifications.services import notify
from questions.kinds import Kind
from questions.models import Question, QuestionAnswer, QuestionTranslation

from . import grading, selectors, statements, tasks
from .models import (
    ANSWER_MAX_CHARS,
    AssessmentPage,
    AssessmentSlot,
    Attempt,
    DrawVersion,
    ExtraTime,
    GradeChange,
    Regrade,
    RegradeEntry,
    Response,
)
from .signals import attempt_graded, attempts_regraded
from .snapshots import build_entry, canonical_entry, rekey

# Bound on a structured answer (choices, pairs, an order), measured as JSON in
# characters; texts have their own limits, ANSWER_MAX_CHARS.
MAX_ANSWER_JSON_CHARS = 64 * 1024
REGRADE_CHUNK = 500
# Slots and questions a draw reads: keyed by the draw version, so an entry is
# never stale, only unused; the timeout just frees the memory.
DRAW_CACHE_TIMEOUT = 60 * 60


def draw_version() -> int:
    """The version the draw caches under (`DrawVersion`)."""
    return versions.current(DrawVersion)


def bump_draw_version() -> None:
    """Mark every cached draw stale, in the caller's transaction."""
    versions.bump(DrawVersion)


class AttemptRefused(Exception):
    """The learner may not start, answer or submit; the message says why."""


class AnswersRefused(AttemptRefused):
    """Answers the service will not store (too long, or holding a NUL); none
    of the batch is saved. `problems` says why, by slot."""

    def __init__(self, problems: dict[int, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = problems


class AttemptClosed(AttemptRefused):
    """The attempt is no longer in progress (submitted, or its time ran out)."""


class QuizMisconfigured(Exception):
    """The quiz cannot be assembled (e.g. a random slot has too few questions)."""


def _decimal(value: Fraction) -> Decimal:
    return Decimal(grading.to_decimal_string(value))


def _plain(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


def _fraction(value: Decimal | None) -> Fraction:
    return Fraction(value) if value is not None else Fraction(0)


# --- Starting -----------------------------------------------------------------


def attempts_left(*, learner: User, assessment: AssessmentPage) -> int | None:
    """None when unlimited."""
    if assessment.attempts_allowed is None:
        return None
    used = Attempt.objects.filter(learner=learner, assessment=assessment).count()
    return max(0, assessment.attempts_allowed - used)


def start_attempt(
    *,
    learner: User,
    assessment: AssessmentPage,
    now: datetime | None = None,
    language: str | None = None,
) -> Attempt:
    """Start a new attempt, or return the one in progress (resuming it, in the
    language it was started in).

    `language` is the one the learner reads the quiz in (default: the quiz
    page's locale): the questions' translations in it, read in one query,
    give the snapshot its texts; grading is the same in every language.

    Built for a whole class starting at once: one query reads the learner's
    standing (attempt in progress, attempts used, extra time) with the draw
    version; the quiz's slots and questions come from the cache under that
    version (`draw_questions`); then one transaction inserts the attempt and
    its response rows. Two starts racing (a double click) meet the unique
    constraints, and the loser resumes the winner's attempt."""
    now = now or timezone.now()
    standing = _standing(learner=learner, assessment=assessment)
    if standing["current"] is not None:
        current = Attempt.objects.get(pk=standing["current"])
        if current.deadline_at is None or now < current.deadline_at:
            return current
        submit_attempt(attempt=current, now=now, auto=True)
    if not assessment.is_open(now):
        raise AttemptRefused(_("This quiz is not open now."))
    allowed = assessment.attempts_allowed
    if allowed is not None and standing["used"] >= allowed:
        raise AttemptRefused(_("You have used all your attempts at this quiz."))

    language = _language(language, assessment)
    seed = secrets.randbits(63)
    snapshot = draw_questions(
        assessment=assessment,
        seed=seed,
        version=standing["version"],
        language=language,
    )
    deadline = _deadline(assessment=assessment, now=now, extra=standing["extra"])
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                learner=learner,
                assessment=assessment,
                number=standing["last"] + 1,
                started_at=now,
                deadline_at=deadline,
                seed=seed,
                language=language,
                questions_snapshot=snapshot,
                max_score=_decimal(
                    sum((Fraction(e["mark"]) for e in snapshot), Fraction(0))
                ),
            )
            Response.objects.bulk_create(
                Response(
                    attempt=attempt,
                    slot=entry["slot"],
                    question_id=entry["question"],
                    max_score=_decimal(Fraction(entry["mark"])),
                )
                for entry in snapshot
            )
    except IntegrityError:
        # A concurrent request (double click) started it first: resume that one.
        return Attempt.objects.get(
            learner=learner, assessment=assessment, status=Attempt.Status.IN_PROGRESS
        )
    return attempt


def _language(language: str | None, assessment: AssessmentPage) -> str:
    """A site language: `language`, or its base ("fr" of "fr-ca"), else the
    quiz page's locale's, else the default."""
    known = dict(settings.LANGUAGES)
    if language is None:
        language = assessment.locale.language_code
    language = str(language)[:20].lower()
    for candidate in (language, language.split("-")[0]):
        if candidate in known:
            return candidate
    return settings.LANGUAGE_CODE


def _standing(*, learner: User, assessment: AssessmentPage) -> dict[str, Any]:
    """In one query: the attempt in progress (its id), the attempts used, the
    last attempt's number, the learner's extra minutes and the draw version.

    Written in SQL: a class starting an exam at once makes this the hottest
    query of the platform, and compiling its five subqueries through the ORM
    cost more CPU than all the rest of the start (measured: bench/exam.py)."""
    # Table names from the models; every value is a parameter.
    sql = (
        "SELECT"  # noqa: S608
        f" (SELECT id FROM {Attempt._meta.db_table}"
        "   WHERE learner_id = %s AND assessment_id = %s AND status = %s),"
        f" (SELECT COUNT(*) FROM {Attempt._meta.db_table}"
        "   WHERE learner_id = %s AND assessment_id = %s),"
        f" (SELECT MAX(number) FROM {Attempt._meta.db_table}"
        "   WHERE learner_id = %s AND assessment_id = %s),"
        f" (SELECT minutes FROM {ExtraTime._meta.db_table}"
        "   WHERE learner_id = %s AND assessment_id = %s),"
        f" (SELECT value FROM {DrawVersion._meta.db_table} WHERE id = %s)"
    )
    mine = [learner.pk, assessment.pk]
    params = [*mine, Attempt.Status.IN_PROGRESS.value, *mine, *mine, *mine]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, DrawVersion.SINGLETON])
        current, used, last, extra, version = cursor.fetchone()
    return {
        "current": current,
        "used": used,
        "last": last or 0,
        "extra": extra or 0,
        "version": version or 0,
    }


def _deadline(
    *, assessment: AssessmentPage, now: datetime, extra: int
) -> datetime | None:
    deadline = None
    if assessment.time_limit_minutes:
        deadline = now + timedelta(minutes=assessment.time_limit_minutes + extra)
    if assessment.closes_at is not None:
        deadline = min(deadline or assessment.closes_at, assessment.closes_at)
    return deadline


@dataclass(frozen=True)
class _PlannedSlot:
    """A quiz slot as the draw needs it: a fixed question, or a random slot's
    pool (every drawable question of its category or tag, by id)."""

    question_id: int | None
    pool: tuple[int, ...]
    count: int
    mark: Decimal | None
    source: str


def draw_questions(
    *,
    assessment: AssessmentPage,
    seed: int,
    version: int | None = None,
    language: str | None = None,
) -> list[dict[str, Any]]:
    """The attempt's questions: fixed slots as they are, random slots drawn
    without repeats, then shuffled if the quiz says so; all from `seed`.

    The slots and the questions are read through the cache, keyed by the
    draw version (`draw_version`), which every save of a quiz, its slots, a
    question, answer, category, bank or tag bumps in its transaction
    (`receivers`); so a class starting at once reads them from the database
    once, and publishing other pages leaves them cached. In a `language` other
    than the default, the drawn questions' translations are read in one query
    (not cached: a translation changes no key, so it bumps no version)."""
    if version is None:
        version = draw_version()
    rng = random.Random(seed)  # noqa: S311 - reproducible draws, not secrets
    plan = _draw_plan(assessment, version)
    if not plan:
        raise QuizMisconfigured(_("This quiz has no questions yet."))
    chosen: list[tuple[_PlannedSlot, int]] = []
    taken: set[int] = {s.question_id for s in plan if s.question_id}
    for slot in plan:
        if slot.question_id:
            chosen.append((slot, slot.question_id))
            continue
        ids = [pk for pk in slot.pool if pk not in taken]
        if len(ids) < slot.count:
            raise QuizMisconfigured(
                ngettext(
                    "A random slot needs %(count)s question from %(source)s, "
                    "but only %(available)s are available.",
                    "A random slot needs %(count)s questions from %(source)s, "
                    "but only %(available)s are available.",
                    slot.count,
                )
                % {"count": slot.count, "source": slot.source, "available": len(ids)}
            )
        for question_id in rng.sample(ids, slot.count):
            taken.add(question_id)
            chosen.append((slot, question_id))
    if assessment.shuffle_questions:
        rng.shuffle(chosen)

    ids = [question_id for _, question_id in chosen]
    questions = _drawn_questions(ids, version)
    translations: dict[int, QuestionTranslation] = {}
    if language and language != settings.LANGUAGE_CODE:
        translations = {
            t.question_id: t
            for t in QuestionTranslation.objects.filter(
                question_id__in=ids, language=language
            )
        }
    option_rng = rng if assessment.shuffle_options else None
    snapshot = []
    for position, (slot, question_id) in enumerate(chosen, start=1):
        question, options = questions[question_id]
        mark = slot.mark if slot.mark is not None else question.default_mark
        snapshot.append(
            build_entry(
                question,
                options,
                slot=position,
                mark=mark,
                rng=option_rng,
                translation=translations.get(question_id),
            )
        )
    return snapshot


def _draw_plan(assessment: AssessmentPage, version: int) -> list[_PlannedSlot]:
    key = f"assessments:draw-plan:{assessment.pk}:{version}"
    plan = cache.get(key)
    if plan is None:
        plan = []
        # In the author's order; slots saved without one (sort_order null)
        # keep the order they were made in, on every database.
        for slot in assessment.slots.select_related("category").order_by(
            "sort_order", "pk"
        ):
            pool: tuple[int, ...] = ()
            if not slot.question_id:
                pool = tuple(_pool(slot).order_by("pk").values_list("pk", flat=True))
            plan.append(
                _PlannedSlot(
                    question_id=slot.question_id,
                    pool=pool,
                    count=slot.count,
                    mark=slot.mark,
                    source=str(slot.category) if slot.category else f"tag {slot.tag!r}",
                )
            )
        cache.set(key, plan, DRAW_CACHE_TIMEOUT)
    return plan


def _drawn_questions(
    ids: list[int], version: int
) -> dict[int, tuple[Question, list[QuestionAnswer]]]:
    """Each question with its options in author order, from the cache; the
    ones missing read in two plain queries (no modelcluster prefetch, which
    costs more CPU than the query) and cached."""
    keys = {pk: f"assessments:drawn-question:{version}:{pk}" for pk in ids}
    cached = cache.get_many(list(keys.values()))
    found = {pk: cached[key] for pk, key in keys.items() if key in cached}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        questions = Question.objects.order_by().in_bulk(missing)
        options: dict[int, list[QuestionAnswer]] = defaultdict(list)
        for option in QuestionAnswer.objects.filter(question_id__in=missing).order_by(
            "sort_order", "pk"
        ):
            options[option.question_id].append(option)
        fresh = {pk: (questions[pk], options[pk]) for pk in missing}
        cache.set_many(
            {keys[pk]: value for pk, value in fresh.items()}, DRAW_CACHE_TIMEOUT
        )
        found.update(fresh)
    return found


def _pool(slot: AssessmentSlot):
    questions = Question.objects.drawable()
    if slot.category_id:
        questions = questions.in_category(slot.category)
    if slot.tag:
        questions = questions.filter(tags__name__iexact=slot.tag)
    return questions.distinct()


# --- Answering and submitting -------------------------------------------------


def save_answers(
    *, attempt: Attempt, answers: dict[int, Any], now: datetime | None = None
) -> int:
    """Store answers by slot as they are given; returns how many were saved.
    After the deadline nothing is stored and the attempt is submitted; if any
    answer is too long or holds a NUL, nothing is stored (AnswersRefused)."""
    now = now or timezone.now()
    if attempt.status != Attempt.Status.IN_PROGRESS:
        raise AttemptClosed(_("This attempt has been submitted."))
    if attempt.deadline_at is not None and now >= attempt.deadline_at:
        submit_attempt(attempt=attempt, now=now, auto=True)
        raise AttemptClosed(_("Time is up: your attempt was submitted."))
    entries = {entry["slot"]: entry for entry in attempt.questions_snapshot}
    answers = {slot: answer for slot, answer in answers.items() if slot in entries}
    problems = {
        slot: problem
        for slot, answer in answers.items()
        if (problem := _answer_problem(entries[slot], answer))
    }
    if problems:
        raise AnswersRefused(problems)
    saved = 0
    with transaction.atomic():
        # Re-check under the write lock, so a concurrent submit wins cleanly.
        if not Attempt.objects.filter(
            pk=attempt.pk, status=Attempt.Status.IN_PROGRESS
        ).exists():
            raise AttemptClosed(_("This attempt has been submitted."))
        for slot, answer in answers.items():
            saved += Response.objects.filter(attempt=attempt, slot=slot).update(
                answer=answer, answered_at=now
            )
    return saved


def set_flag(*, attempt: Attempt, slot: int, flagged: bool) -> bool:
    """Mark (or unmark) a question of an open attempt for review before
    submitting; False if the attempt is closed or has no such slot."""
    if attempt.status != Attempt.Status.IN_PROGRESS:
        return False
    return bool(
        Response.objects.filter(
            attempt=attempt,
            slot=slot,
            attempt__status=Attempt.Status.IN_PROGRESS,
        ).update(flagged=flagged)
    )


def _answer_problem(entry: dict[str, Any], answer: Any) -> str:
    """Why an answer cannot be stored as given, or "". Limits are in
    characters (a Cyrillic letter is one, though two bytes), a line break
    counting one as in the browser's maxlength."""
    slot = entry["slot"]
    if _holds_nul(answer):
        return _("The answer to question %(slot)s contains a NUL character.") % {
            "slot": slot
        }
    limit = ANSWER_MAX_CHARS.get(entry["type"])
    if limit is None:
        size = len(json.dumps(answer, ensure_ascii=False))
        if size > MAX_ANSWER_JSON_CHARS:
            return _("The answer to question %(slot)s is too long.") % {"slot": slot}
        return ""
    texts = answer if isinstance(answer, list) else [answer]
    if len(texts) > max(1, len(entry.get("gaps", []))):
        return _("The answer to question %(slot)s is too long.") % {"slot": slot}
    for text in texts:
        if text is None:
            continue
        if not isinstance(text, str):
            return _("The answer to question %(slot)s is not text.") % {"slot": slot}
        length = len(text.replace("\r\n", "\n"))
        if length > limit:
            return _(
                "The answer to question %(slot)s has %(length)s characters; "
                "at most %(limit)s are allowed. Shorten it, then save again."
            ) % {
                "slot": slot,
                "length": number_format(length, force_grouping=True),
                "limit": number_format(limit, force_grouping=True),
            }
    return ""


def _holds_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list):
        return any(_holds_nul(v) for v in value)
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    return False


def submit_attempt(
    *, attempt: Attempt, now: datetime | None = None, auto: bool = False
) -> bool:
    """Hand the attempt in; grading is enqueued on commit. False if it was
    already submitted (a double click, a race with the deadline task)."""
    now = now or timezone.now()
    if attempt.deadline_at is not None:
        now = min(now, attempt.deadline_at) if auto else now
    changed = Attempt.objects.filter(
        pk=attempt.pk, status=Attempt.Status.IN_PROGRESS
    ).update(status=Attempt.Status.SUBMITTED, submitted_at=now, auto_submitted=auto)
    if changed:
        attempt_id = attempt.pk
        enqueue_on_commit((tasks.grade_attempt, (attempt_id,)))
    attempt.refresh_from_db()
    return bool(changed)


def submit_expired_attempts(*, now: datetime | None = None) -> int:
    """Submit every attempt whose time ran out while the learner was away."""
    now = now or timezone.now()
    submitted = 0
    for attempt in Attempt.objects.expired(now).order_by("deadline_at")[:1000]:
        with transaction.atomic():
            submitted += submit_attempt(attempt=attempt, now=now, auto=True)
    return submitted


def requeue_stuck_attempts(
    *, now: datetime | None = None, older_than: timedelta = timedelta(minutes=5)
) -> int:
    """Re-enqueue grading of attempts left in `submitted` (a broker lost the
    task). Grading is idempotent, so a late original task does no harm."""
    now = now or timezone.now()
    stuck = list(
        Attempt.objects.filter(
            status=Attempt.Status.SUBMITTED, submitted_at__lte=now - older_than
        ).values_list("pk", flat=True)[:1000]
    )
    for attempt_id in stuck:
        async_task(tasks.grade_attempt, attempt_id)
    return len(stuck)


# --- Grading --------------------------------------------------------------------


def grade_attempt(*, attempt_id: int, now: datetime | None = None) -> bool:
    """Grade a submitted attempt from its snapshot. Returns False when there was
    nothing to do (already graded by a duplicate task, or not submitted)."""
    now = now or timezone.now()
    attempt = Attempt.objects.select_related("assessment").filter(pk=attempt_id).first()
    if attempt is None or attempt.status != Attempt.Status.SUBMITTED:
        return False
    responses = {r.slot: r for r in attempt.responses.all()}
    result = grading.grade(
        attempt.questions_snapshot,
        {str(slot): r.answer for slot, r in responses.items()},
    )
    status = (
        Attempt.Status.NEEDS_REVIEW if result.needs_review else Attempt.Status.GRADED
    )
    with transaction.atomic():
        fields = _totals(
            result.score,
            result.max_score,
            pass_mark=attempt.assessment.pass_mark,
            final=not result.needs_review,
        )
        changed = Attempt.objects.filter(
            pk=attempt.pk, status=Attempt.Status.SUBMITTED
        ).update(
            status=status,
            graded_at=now,
            times_graded=F("times_graded") + 1,
            completion_pending=status == Attempt.Status.GRADED,
            **fields,
        )
        if not changed:
            return False
        for slot_grade in result.slots:
            response = responses[slot_grade.slot]
            response.score = (
                None if slot_grade.score is None else _decimal(slot_grade.score)
            )
            response.max_score = _decimal(slot_grade.max_score)
            response.feedback = slot_grade.feedback
            response.needs_review = slot_grade.needs_review
        Response.objects.bulk_update(
            responses.values(), ["score", "max_score", "feedback", "needs_review"]
        )
        if status == Attempt.Status.GRADED:
            _announce(attempt.pk)
    return True


def _totals(
    score: Fraction, max_score: Fraction, *, pass_mark: Decimal, final: bool
) -> dict[str, Any]:
    percent = grading.percent(score, max_score)
    return {
        "score": _decimal(score),
        "max_score": _decimal(max_score),
        "percent": Decimal(grading.to_decimal_string(percent, 2)),
        "passed": (
            grading.passed(score, max_score, Fraction(pass_mark)) if final else None
        ),
    }


def _announce(attempt_id: int) -> None:
    def send() -> None:
        attempt = (
            Attempt.objects.select_related("assessment", "learner")
            .defer("questions_snapshot")  # receivers want the grade, not the quiz
            .get(pk=attempt_id)
        )
        attempt_graded.send(sender=Attempt, attempt=attempt)

    transaction.on_commit(send)
    enqueue_on_commit((statements.record_attempts, ([attempt_id],)))


@transaction.atomic
def grade_response(
    *,
    response: Response,
    grader: User,
    score: Decimal,
    comment: str = "",
    reason: str = "",
    now: datetime | None = None,
) -> Response:
    """Mark one response by hand (an essay), or override an automatic score.
    Every change is audited; when nothing is left to mark the attempt is final."""
    now = now or timezone.now()
    response = (
        Response.objects.select_for_update()
        .select_related("attempt__assessment")
        .get(pk=response.pk)
    )
    attempt = response.attempt
    if attempt.status not in (Attempt.Status.NEEDS_REVIEW, Attempt.Status.GRADED):
        raise AttemptRefused(_("Only a submitted, graded attempt can be marked."))
    if not Decimal(0) <= score <= response.max_score:
        raise ValueError(
            _("The score must be between 0 and %(max)s.")
            % {"max": response.max_score.normalize()}
        )
    is_override = not response.needs_review
    if is_override and not reason.strip():
        raise ValueError(_("Say why you are changing an automatic or earlier grade."))
    GradeChange.objects.create(
        response=response,
        source=GradeChange.Source.OVERRIDE
        if is_override
        else GradeChange.Source.MANUAL,
        changed_by=grader,
        changed_at=now,
        old_score=response.score,
        new_score=score,
        reason=reason,
    )
    response.score = score
    response.comment = comment
    response.needs_review = False
    response.graded_by = grader
    response.graded_at = now
    response.save(
        update_fields=["score", "comment", "needs_review", "graded_by", "graded_at"]
    )
    _recompute_attempt(attempt, now=now)
    if not is_override:
        # The learner hears of each hand-marked answer once, in this transaction.
        quiz = attempt.assessment
        course = quiz.get_parent()
        notify(
            attempt.learner,
            "essay_graded",
            dedupe_key=f"essay-graded:{response.pk}",
            url=quiz.url or "",
            assessment=quiz.title,
            course=course.title if course else "",
        )
    return response


def _recompute_attempt(attempt: Attempt, *, now: datetime) -> None:
    rows = list(attempt.responses.values_list("score", "max_score", "needs_review"))
    pending = any(needs_review for _, _, needs_review in rows)
    score = sum((_fraction(s) for s, _, _ in rows), Fraction(0))
    max_score = sum((_fraction(m) for _, m, _ in rows), Fraction(0))
    fields = _totals(
        score, max_score, pass_mark=attempt.assessment.pass_mark, final=not pending
    )
    status = Attempt.Status.NEEDS_REVIEW if pending else Attempt.Status.GRADED
    Attempt.objects.filter(
        pk=attempt.pk,
        status__in=[Attempt.Status.NEEDS_REVIEW, Attempt.Status.GRADED],
    ).update(status=status, graded_at=now, completion_pending=not pending, **fields)
    if not pending:
        _announce(attempt.pk)


# --- Regrading ------------------------------------------------------------------


def plan_regrade(*, question: Question, requested_by: User | None) -> Regrade:
    """Start a dry run: which attempts would change, old → new score."""
    regrade = Regrade.objects.create(
        question=question,
        requested_by=requested_by,
        requested_at=timezone.now(),
        question_version=question.version,
    )
    regrade_id = regrade.pk
    enqueue_on_commit((tasks.run_regrade, (regrade_id, False)))
    return regrade


def apply_regrade(*, regrade: Regrade) -> bool:
    """Apply a planned regrade in the background. False if it is not planned."""
    changed = Regrade.objects.filter(
        pk=regrade.pk, status=Regrade.Status.PLANNED
    ).update(status=Regrade.Status.APPLYING)
    if changed:
        regrade_id = regrade.pk
        enqueue_on_commit((tasks.run_regrade, (regrade_id, True)))
    return bool(changed)


def run_regrade(*, regrade_id: int, apply: bool) -> None:
    """Regrade every graded attempt that asked the question and that the
    requester may see (`selectors.scoped`: quizzes of the courses they teach),
    in chunks; the others stay as they are and are counted. A dry run records
    the changes; applying writes scores, audit rows and one history line per
    response (`RegradeEntry`); the snapshots stay what the learners saw."""
    regrade = Regrade.objects.select_related("question", "requested_by").get(
        pk=regrade_id
    )
    expected = Regrade.Status.APPLYING if apply else Regrade.Status.PLANNING
    if regrade.status != expected:
        return
    question = Question.objects.prefetch_related("answers", "translations").get(
        pk=regrade.question_id
    )
    key = canonical_entry(
        question, list(question.answers.all()), list(question.translations.all())
    )
    if apply:
        # Stored once for every attempt, before the first chunk's history
        # lines point at it.
        Regrade.objects.filter(pk=regrade.pk).update(key=key)
    asked = Attempt.objects.filter(
        pk__in=Response.objects.filter(question=question).values("attempt_id"),
        status__in=[Attempt.Status.GRADED, Attempt.Status.NEEDS_REVIEW],
    )
    # A question of a shared bank is asked in other courses' quizzes too: a
    # requester who left (None) reaches no attempt at all.
    visible = (
        Attempt.objects.none()
        if regrade.requested_by is None
        else selectors.scoped(Attempt, regrade.requested_by, asked)
    )
    attempt_ids = list(visible.order_by("pk").values_list("pk", flat=True))
    left_out = asked.count() - len(attempt_ids)
    changes: list[dict[str, Any]] = []
    now = timezone.now()
    for start in range(0, len(attempt_ids), REGRADE_CHUNK):
        chunk = attempt_ids[start : start + REGRADE_CHUNK]
        changes += _regrade_chunk(
            chunk, question, key, regrade=regrade, apply=apply, now=now
        )
    Regrade.objects.filter(pk=regrade.pk).update(
        status=Regrade.Status.APPLIED if apply else Regrade.Status.PLANNED,
        attempts_checked=len(attempt_ids),
        attempts_left_out=left_out,
        changes=changes,
        finished_at=timezone.now(),
    )


def _regrade_chunk(
    attempt_ids: list[int],
    question: Question,
    key: dict[str, Any],
    *,
    regrade: Regrade,
    apply: bool,
    now: datetime,
) -> list[dict[str, Any]]:
    asked = list(Response.objects.filter(attempt_id__in=attempt_ids, question=question))
    # Only the regraded question's entry of each snapshot is read: a snapshot
    # holds every question of the attempt, ten times what is needed.
    entries: dict[tuple[int, int], dict[str, Any]] = {}
    attempts: dict[int, Attempt] = {}
    by_slot: dict[int, list[int]] = defaultdict(list)
    for response in asked:
        by_slot[response.slot].append(response.attempt_id)
    for slot, ids in by_slot.items():
        found = (
            Attempt.objects.filter(pk__in=ids)
            .only("learner", "assessment", "number", "status", "score", "max_score")
            .annotate(entry=F(f"questions_snapshot__{slot - 1}"))
        )
        for row in found:
            attempts[row.pk] = row
            entries[row.pk, slot] = row.entry
    pass_marks = dict(
        AssessmentPage.objects.filter(
            pk__in={a.assessment_id for a in attempts.values()}
        ).values_list("pk", "pass_mark")
    )
    # The other responses only count towards the totals.
    scores: dict[int, dict[int, tuple[Decimal | None, bool]]] = defaultdict(dict)
    for attempt_id, slot, score, needs_review in Response.objects.filter(
        attempt_id__in=attempt_ids
    ).values_list("attempt_id", "slot", "score", "needs_review"):
        scores[attempt_id][slot] = (score, needs_review)
    # The version each response was last graded against: its latest regrade's
    # (ordered by id, the last one wins), else its snapshot's.
    graded_against: dict[int, int] = (
        dict(
            RegradeEntry.objects.filter(response_id__in=[r.pk for r in asked])
            .order_by("pk")
            .values_list("response_id", "new_version")
        )
        if apply
        else {}
    )
    changed_responses: list[Response] = []
    audit: list[GradeChange] = []
    history: list[RegradeEntry] = []
    for response in asked:
        seen = entries[response.attempt_id, response.slot]
        if seen["question"] != question.pk:
            raise AssertionError(
                f"Attempt {response.attempt_id} slot {response.slot}: snapshot mismatch"
            )
        # The new key in the order the learner saw; the snapshot itself is
        # never rewritten (the history line points at the regrade's key).
        entry = rekey(seen, key)
        new_grade = _regraded(entry, response)
        if apply:
            history.append(
                RegradeEntry(
                    regrade=regrade,
                    response=response,
                    old_version=graded_against.get(response.pk, seen.get("version")),
                    new_version=question.version,
                    old_score=response.score,
                    new_score=response.score if new_grade is None else new_grade[0],
                    changed_by_id=regrade.requested_by_id,
                    changed_at=now,
                )
            )
        if new_grade is None:
            continue
        new_score, feedback = new_grade
        audit.append(
            GradeChange(
                response=response,
                source=GradeChange.Source.REGRADE,
                changed_at=now,
                old_score=response.score,
                new_score=new_score,
                reason=f"Regrade after question {question.pk} changed "
                f"(version {question.version}).",
            )
        )
        response.score = new_score
        response.feedback = feedback
        changed_responses.append(response)
        scores[response.attempt_id][response.slot] = (new_score, response.needs_review)

    rescored: list[Attempt] = []
    old_scores: dict[int, Decimal | None] = {}
    for attempt_id in sorted({r.attempt_id for r in changed_responses}):
        attempt = attempts[attempt_id]
        marks = scores[attempt_id].values()
        pending = any(needs_review for _, needs_review in marks)
        total = sum((_fraction(score) for score, _ in marks), Fraction(0))
        old_scores[attempt_id] = attempt.score
        fields = _totals(
            total,
            Fraction(attempt.max_score),
            pass_mark=pass_marks[attempt.assessment_id],
            final=not pending,
        )
        for name, value in fields.items():
            setattr(attempt, name, value)
        # Its completion is counted again by the enrolments task, which clears
        # this: a worker lost before that leaves it to the reconciler.
        attempt.completion_pending = attempt.status == Attempt.Status.GRADED
        rescored.append(attempt)
    learners = User.objects.in_bulk({a.learner_id for a in rescored})
    changes = [
        {
            "attempt": attempt.pk,
            "learner": str(learners[attempt.learner_id]),
            "email": learners[attempt.learner_id].email,
            "number": attempt.number,
            "old": _plain(old_scores[attempt.pk]),
            "new": _plain(attempt.score),
        }
        for attempt in rescored
    ]
    if apply:
        _save_regrade(rescored, changed_responses, audit, history)
        graded = [a.pk for a in rescored if a.status == Attempt.Status.GRADED]
        if graded:
            transaction.on_commit(
                lambda: attempts_regraded.send(sender=Attempt, attempt_ids=graded)
            )
            enqueue_on_commit((statements.record_attempts, (graded,)))
    return changes


def _regraded(entry: dict[str, Any], response: Response) -> tuple[Decimal, str] | None:
    """The response's score and feedback under the rebuilt entry, or None when
    its score stays (hand-marked, waiting for marking, or the same)."""
    if (
        response.graded_by_id is not None
        and response.needs_review is False
        and (Kind(entry["type"]) == Kind.ESSAY)
    ):
        return None  # hand-marked: a key change does not touch it
    slot_grade = grading.grade_slot(entry, response.answer)
    if slot_grade.score is None:
        return None
    new_score = _decimal(slot_grade.score)
    if new_score == response.score:
        return None
    return new_score, slot_grade.feedback


@transaction.atomic
def _save_regrade(
    rescored: list[Attempt],
    responses: list[Response],
    audit: list[GradeChange],
    history: list[RegradeEntry],
) -> None:
    Attempt.objects.bulk_update(
        rescored, ["score", "percent", "passed", "completion_pending"]
    )
    Response.objects.bulk_update(responses, ["score", "feedback"])
    GradeChange.objects.bulk_create(audit)
    RegradeEntry.objects.bulk_create(history)
