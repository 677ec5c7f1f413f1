"""Benchmark 3: regrading every attempt that asked one question.

10,000 graded attempts of a ten-question quiz are seeded in bulk: snapshots
built by `assessments.snapshots.build_entry` (options shuffled per attempt, as
`services.draw_questions` does), answers at random, scores from the pure
grader; a sample is then re-graded through `services.grade_attempt` to check
the seeded rows are what the service writes. A wrong option of the first
question becomes right, and `services.run_regrade` is timed in-process, as the
django-q task runs it: the dry run, then the apply."""

from __future__ import annotations

import cProfile
import io
import pstats
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction
from functools import partial
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from assessments import grading, services
from assessments.models import Attempt, GradeChange, Regrade, RegradeEntry, Response
from assessments.snapshots import build_entry
from questions import services as bank
from questions.models import Question, QuestionAnswer

from .answers import random_answers
from .seed import Quiz, bulk_learners, make_bench_quiz
from .stages import breakdown, stage_timer

GOAL_ATTEMPTS_PER_S = 1000
SAMPLE = 20
BATCH = 2000


def run(
    *,
    attempts: int = 10_000,
    learners: int = 500,
    profile: bool | None = None,
    profile_path: Path,
) -> dict[str, Any]:
    seeded = make_bench_quiz("regrade")
    people = bulk_learners(learners, name="regrade")
    started = time.perf_counter()
    seed_attempts(seeded, people, attempts)
    result: dict[str, Any] = {
        "attempts": attempts,
        "learners": learners,
        "questions_per_attempt": len(seeded.questions),
        "responses": attempts * len(seeded.questions),
        "seed_s": round(time.perf_counter() - started, 1),
        "seed_check": check_seed(seeded, SAMPLE),
    }

    target = seeded.questions[0]
    asked_version = target.version
    option = rekey(target, right=True)
    expected = Response.objects.filter(question=target, answer=f"a{option.pk}").count()
    result["key_change"] = (
        "question 1 (single choice): a wrong option becomes right; "
        f"{expected} attempts chose it"
    )

    # The figures: both phases as the django-q task runs them, nothing patched.
    regrade = new_regrade(target)
    for phase, apply in (("dry_run", False), ("apply", True)):
        if apply:
            Regrade.objects.filter(pk=regrade.pk).update(status=Regrade.Status.APPLYING)
        result[phase] = timed(partial(regrade_now, regrade, apply=apply))
        result[phase]["attempts_per_s"] = round(attempts / result[phase]["seconds"])
        regrade.refresh_from_db()
        result[phase]["changed"] = len(regrade.changes)
        result[phase]["ok"] = verify(
            regrade, target, apply, attempts, expected, asked_version
        )

    slowest = min(result[p]["attempts_per_s"] for p in ("dry_run", "apply"))
    result["goal"] = {
        "what": f">= {GOAL_ATTEMPTS_PER_S} attempts/s (dry run and apply)",
        "met": slowest >= GOAL_ATTEMPTS_PER_S,
    }

    # Where the time goes: the key flipped back (the same attempts change
    # back), both phases again with each stage timed.
    rekey(target, right=False)
    regrade = new_regrade(target)
    result["stages"] = {}
    for phase, apply in (("dry_run", False), ("apply", True)):
        if apply:
            Regrade.objects.filter(pk=regrade.pk).update(status=Regrade.Status.APPLYING)
        with stage_timer() as timer:
            started = time.perf_counter()
            regrade_now(regrade, apply=apply)
            seconds = time.perf_counter() - started
        result["stages"][phase] = {
            "seconds": round(seconds, 3),
            "stages": breakdown(timer, seconds),
        }

    # cProfile of the phases below the goal (or both with --profile), on a
    # third key change.
    slow = [
        phase
        for phase in ("dry_run", "apply")
        if profile or result[phase]["attempts_per_s"] < GOAL_ATTEMPTS_PER_S
    ]
    if slow and profile is not False:
        result["profile"] = profile_phases(target, slow, profile_path)
    return result


def verify(
    regrade: Regrade,
    question: Question,
    apply: bool,
    attempts: int,
    expected: int,
    asked_version: int,
) -> bool:
    """The regrade did what it says: every attempt checked, the expected ones
    changed; applied, each change is audited, every response has a history
    line at the new version and every snapshot is still what was asked."""
    ok = regrade.attempts_checked == attempts and len(regrade.changes) == expected
    if not apply:
        return ok and regrade.status == Regrade.Status.PLANNED
    audited = GradeChange.objects.filter(
        source=GradeChange.Source.REGRADE, response__question=question
    ).count()
    history = RegradeEntry.objects.filter(
        regrade=regrade, new_version=question.version
    ).count()
    as_asked = Attempt.objects.filter(
        responses__question=question,
        questions_snapshot__0__version=asked_version,
    ).count()
    return (
        ok
        and regrade.status == Regrade.Status.APPLIED
        and audited == expected
        and history == attempts
        and as_asked == attempts
    )


# --- seeding ------------------------------------------------------------------------


def seed_attempts(seeded: Quiz, people: list[User], count: int) -> None:
    quiz = seeded.quiz
    slots = list(quiz.slots.order_by("sort_order"))
    questions = Question.objects.prefetch_related("answers").in_bulk(
        [s.question_id for s in slots]
    )
    options = {pk: list(q.answers.all()) for pk, q in questions.items()}
    pass_mark = Fraction(quiz.pass_mark)
    rng = random.Random(3)  # noqa: S311 - reproducible fake learners
    now = timezone.now()
    attempts: list[Attempt] = []
    graded: list[tuple[list[dict[str, Any]], dict[str, Any], grading.AttemptGrade]] = []
    for number in range(count):
        seed = rng.getrandbits(63)
        draw = random.Random(seed)  # noqa: S311 - as services.draw_questions
        snapshot = []
        for position, slot in enumerate(slots, start=1):
            question = questions[slot.question_id]  # type: ignore[index]
            mark = slot.mark if slot.mark is not None else question.default_mark
            snapshot.append(
                build_entry(
                    question, options[question.pk], slot=position, mark=mark, rng=draw
                )
            )
        answers = random_answers(snapshot, rng)
        result = grading.grade(snapshot, answers)
        graded.append((snapshot, answers, result))
        percent = grading.percent(result.score, result.max_score)
        submitted = now - timedelta(minutes=count - number)
        attempts.append(
            Attempt(
                learner=people[number % len(people)],
                assessment=quiz,
                number=number // len(people) + 1,
                status=Attempt.Status.GRADED,
                started_at=submitted - timedelta(minutes=20),
                submitted_at=submitted,
                graded_at=submitted,
                score=_decimal(result.score),
                max_score=_decimal(result.max_score),
                percent=Decimal(grading.to_decimal_string(percent, 2)),
                passed=grading.passed(result.score, result.max_score, pass_mark),
                questions_snapshot=snapshot,
                seed=seed,
            )
        )
    with transaction.atomic():
        Attempt.objects.bulk_create(attempts, batch_size=BATCH)
        Response.objects.bulk_create(
            (
                Response(
                    attempt=attempt,
                    slot=slot_grade.slot,
                    question_id=entry["question"],
                    answer=answers[str(slot_grade.slot)],
                    answered_at=attempt.submitted_at,
                    score=None
                    if slot_grade.score is None
                    else _decimal(slot_grade.score),
                    max_score=_decimal(slot_grade.max_score),
                    feedback=slot_grade.feedback,
                    needs_review=slot_grade.needs_review,
                )
                for attempt, (snapshot, answers, result) in zip(
                    attempts, graded, strict=True
                )
                for entry, slot_grade in zip(snapshot, result.slots, strict=True)
            ),
            batch_size=BATCH,
        )


def _decimal(value: Fraction) -> Decimal:
    return Decimal(grading.to_decimal_string(value))


def check_seed(seeded: Quiz, sample: int) -> dict[str, Any]:
    """Re-grade a sample through `services.grade_attempt`: it must write exactly
    what was seeded."""
    ids = list(
        Attempt.objects.filter(assessment=seeded.quiz)
        .order_by("?")
        .values_list("pk", flat=True)[:sample]
    )
    before = _graded_state(ids)
    Attempt.objects.filter(pk__in=ids).update(status=Attempt.Status.SUBMITTED)
    for attempt_id in ids:
        services.grade_attempt(attempt_id=attempt_id)
    after = _graded_state(ids)
    return {
        "sampled": len(ids),
        "identical_to_grade_attempt": sum(before[pk] == after[pk] for pk in ids),
    }


def _graded_state(ids: list[int]) -> dict[int, Any]:
    attempts = Attempt.objects.filter(pk__in=ids).values_list(
        "pk", "status", "score", "max_score", "percent", "passed"
    )
    responses: dict[int, list[Any]] = {pk: [] for pk in ids}
    for row in (
        Response.objects.filter(attempt_id__in=ids)
        .order_by("attempt_id", "slot")
        .values_list("attempt_id", "slot", "score", "max_score", "feedback")
    ):
        responses[row[0]].append(row[1:])
    return {row[0]: (row[1:], responses[row[0]]) for row in attempts}


# --- the regrade ---------------------------------------------------------------------


def rekey(question: Question, *, right: bool) -> QuestionAnswer:
    """Give the second option full credit (or none again), as an author's edit
    does, and bump the question's version."""
    option = question.answers.order_by("sort_order")[1]
    QuestionAnswer.objects.filter(pk=option.pk).update(fraction=1 if right else 0)
    bank.bump_question_version(question=question)
    question.refresh_from_db()
    return option


def new_regrade(question: Question) -> Regrade:
    """The row `services.plan_regrade` creates, without enqueueing the task
    (this process runs it, timed). Requested by an administrator, who reaches
    every attempt (a requester who left, None, reaches none)."""
    admin, _ = User.objects.get_or_create(
        email="bench-regrade-admin@example.org",
        defaults={
            "display_name": "Bench administrator",
            "is_staff": True,
            "is_superuser": True,
        },
    )
    return Regrade.objects.create(
        question=question,
        requested_by=admin,
        requested_at=timezone.now(),
        question_version=question.version,
        status=Regrade.Status.PLANNING,
    )


def regrade_now(regrade: Regrade, *, apply: bool) -> None:
    services.run_regrade(regrade_id=regrade.pk, apply=apply)


class QueryTimer:
    """Counts the SQL statements and the time spent in them (execute_wrapper)."""

    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0

    def __call__(
        self,
        execute: Callable[..., Any],
        sql: str,
        params: Any,
        many: bool,
        context: Any,
    ) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - started


def timed(work: Callable[[], None]) -> dict[str, Any]:
    timer = QueryTimer()
    with connection.execute_wrapper(timer):
        started = time.perf_counter()
        work()
        seconds = time.perf_counter() - started
    return {
        "seconds": round(seconds, 3),
        "queries": timer.count,
        "execute_s": round(timer.seconds, 3),
    }


# --- profile ------------------------------------------------------------------


def profile_phases(question: Question, phases: list[str], path: Path) -> dict[str, Any]:
    """cProfile of the given phases after another key change. The full listing
    (top 30 by cumulative and by own time) goes to `path`."""
    rekey(question, right=True)
    out = io.StringIO()
    summary: dict[str, Any] = {"file": str(path.relative_to(path.parents[2]))}
    for phase in phases:
        apply = phase == "apply"
        regrade = new_regrade(question)
        if apply:  # the dry run is not needed to apply: its status is
            Regrade.objects.filter(pk=regrade.pk).update(status=Regrade.Status.APPLYING)
        with profiled() as profiler:
            regrade_now(regrade, apply=apply)
        stats = pstats.Stats(profiler, stream=out)
        out.write(f"\n===== {phase}: by cumulative time =====\n")
        stats.sort_stats("cumulative").print_stats(30)
        out.write(f"\n===== {phase}: by own time =====\n")
        stats.sort_stats("tottime").print_stats(30)
        out.write(f"\n===== {phase}: what _regrade_chunk calls =====\n")
        stats.sort_stats("cumulative").print_callees("_regrade_chunk")
        summary[phase] = _top(stats, 15)
    path.write_text(out.getvalue())
    return summary


@contextmanager
def profiled() -> Iterator[cProfile.Profile]:
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        yield profiler
    finally:
        profiler.disable()


def _top(stats: pstats.Stats, limit: int) -> list[dict[str, Any]]:
    """The functions with the most own time: where the time actually goes."""
    rows = []
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    for (filename, line, name), (_, calls, own, cumulative, _) in raw.items():
        rows.append(
            {
                "function": f"{_short(filename)}:{line}({name})",
                "calls": calls,
                "own_s": round(own, 3),
                "cumulative_s": round(cumulative, 3),
            }
        )
    rows.sort(key=lambda row: row["own_s"], reverse=True)
    return rows[:limit]


def _short(filename: str) -> str:
    for marker in ("site-packages/", "/work/main/", "lib/python3.12/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def report(result: dict[str, Any]) -> list[str]:
    check = result["seed_check"]
    goal = "met" if result["goal"]["met"] else "NOT MET"
    lines = [
        "3. Regrade (services.run_regrade, in-process)",
        f"   {result['attempts']:,} graded attempts x "
        f"{result['questions_per_attempt']} questions "
        f"({result['responses']:,} responses, {result['learners']} learners), "
        f"seeded in {result['seed_s']} s; seed check: "
        f"{check['identical_to_grade_attempt']}/{check['sampled']} identical "
        "to services.grade_attempt",
        f"   key change: {result['key_change']}",
    ]
    for name, phase in (("dry run", result["dry_run"]), ("apply  ", result["apply"])):
        lines.append(
            f"   {name}: {phase['seconds']} s = {phase['attempts_per_s']:,} "
            f"attempts/s; {phase['changed']} changed, "
            f"{'checked ok' if phase['ok'] else 'CHECK FAILED'}; "
            f"{phase['queries']} queries ({phase['execute_s']} s inside "
            "cursor.execute, row fetching not included)"
        )
    lines.append(f"   goal {result['goal']['what']}: {goal}")
    for phase, staged in result["stages"].items():
        lines.append(
            f"   where the time goes, {phase.replace('_', ' ')} "
            f"(rerun with stage timers, {staged['seconds']} s):"
        )
        lines.extend(
            f"     {row['seconds']:>7.3f} s {row['share']:>5.1f} %"
            f"  {row['stage']} (x{row['calls']})"
            for row in staged["stages"]
            if row["seconds"] >= 0.001
        )
    profile = result.get("profile")
    if profile:
        lines.append(
            f"   cProfile, top 15 by own time (inflated by the profiler; "
            f"full listing in {profile['file']}):"
        )
        for phase in ("dry_run", "apply"):
            if phase not in profile:
                continue
            lines.append(f"     {phase.replace('_', ' ')}:")
            lines.extend(
                f"       {row['own_s']:>7.3f} s own {row['cumulative_s']:>7.3f} s cum "
                f"{row['calls']:>8} calls  {row['function']}"
                for row in profile[phase]
            )
    return lines
