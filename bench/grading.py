"""Benchmark 1: throughput of the pure grader (`assessments.grading.grade`)."""

from __future__ import annotations

import random
import statistics
import time
from collections import defaultdict
from typing import Any

from assessments import grading

from .answers import pure_snapshot, random_answers

RUNS = 3


def run(*, attempts: int = 20_000, seed: int = 1) -> dict[str, Any]:
    snapshot = pure_snapshot()
    rng = random.Random(seed)  # noqa: S311 - reproducible fake learners
    answer_sets = [random_answers(snapshot, rng) for _ in range(attempts)]
    questions = attempts * len(snapshot)

    grading.grade(snapshot, answer_sets[0])  # warm the regex cache
    durations = []
    scores: list[Any] = []
    for _ in range(RUNS):
        started = time.perf_counter()
        scores = [grading.grade(snapshot, answers).score for answers in answer_sets]
        durations.append(time.perf_counter() - started)
    median = statistics.median(durations)

    # Where the time goes, per question type (one pass, grade_slot only).
    per_type: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for entry in snapshot:
        key = str(entry["slot"])
        started = time.perf_counter()
        for answers in answer_sets:
            grading.grade_slot(entry, answers[key])
        per_type[entry["type"]] += time.perf_counter() - started
        counts[entry["type"]] += attempts

    mean_percent = statistics.fmean(
        float(grading.percent(score, sum_marks(snapshot))) for score in scores
    )
    return {
        "attempts": attempts,
        "questions_per_attempt": len(snapshot),
        "types": dict(sorted(counts_per_attempt(snapshot).items())),
        "runs_s": [round(d, 3) for d in durations],
        "median_s": round(median, 3),
        "attempts_per_s": round(attempts / median),
        "questions_per_s": round(questions / median),
        "us_per_question_by_type": {
            kind: round(per_type[kind] / counts[kind] * 1e6, 2)
            for kind in sorted(per_type)
        },
        "mean_score_percent": round(mean_percent, 1),
    }


def sum_marks(snapshot: list[dict[str, Any]]) -> Any:
    return sum((grading.grade_slot(e, None).max_score for e in snapshot), grading.ZERO)


def counts_per_attempt(snapshot: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for entry in snapshot:
        counts[entry["type"]] += 1
    return counts


def report(result: dict[str, Any]) -> list[str]:
    types = ", ".join(f"{n} {kind}" for kind, n in result["types"].items())
    by_type = ", ".join(
        f"{kind} {us}" for kind, us in result["us_per_question_by_type"].items()
    )
    return [
        "1. Pure grading (assessments.grading.grade, no database)",
        f"   snapshot: {result['questions_per_attempt']} questions ({types})",
        f"   {result['attempts']:,} attempts with random answers, "
        f"median of {RUNS} runs {result['median_s']} s "
        f"(runs: {', '.join(str(d) for d in result['runs_s'])} s)",
        f"   throughput: {result['attempts_per_s']:,} attempts/s = "
        f"{result['questions_per_s']:,} questions/s",
        f"   µs per question by type: {by_type}",
        f"   mean score of the simulated learners: {result['mean_score_percent']} %",
    ]
