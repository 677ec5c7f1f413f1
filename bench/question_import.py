"""Benchmark: question import. A GIFT file of the size limit, built by
repeating the real files of shared/testdata/gift, parsed and then imported
(parse, check, store in one transaction, index for search); and hostile
files of the same size, which must be read (or refused) in linear time.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import Any

TESTDATA = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "gift"
GOAL_PARSE_S = 15  # the limit's worth of real GIFT, parsed
GOAL_IMPORT_S = 120  # and stored: within the cluster's default task timeout
GOAL_HOSTILE_S = 15


def real_gift(size: int) -> bytes:
    """Real files that parse, repeated up to `size` bytes."""
    from questions.importers.gift import parse_gift
    from questions.importers.spec import ImportFailed

    files = sorted(TESTDATA.glob("golden/*.gift")) + sorted(
        TESTDATA.glob("moodle/*.gift.txt")
    )
    if not files:
        raise SystemExit(f"shared test data missing: {TESTDATA}")
    good = []
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        try:
            parse_gift(text)
        except ImportFailed:
            continue
        good.append(text)
    unit = ("\n\n".join(good) + "\n\n").encode()
    return unit * max(1, size // len(unit))


def hostile_gift(size: int) -> dict[str, bytes]:
    return {
        "unclosed [id: in a comment": (
            b"// " + b"[id:" * (min(size, 400_000) // 4) + b"\nQ{T}\n"
        ),
        "markdown of unclosed brackets": (b"[markdown]" + b"[" * 600 + b"{T}\n\n")
        * (size // 620),
    }


def run(*, size: int) -> dict[str, Any]:
    from questions import services as bank
    from questions.importers.gift import parse_gift
    from questions.importers.spec import ImportFailed

    data = real_gift(size)
    started = time.perf_counter()
    questions = parse_gift(data.decode())
    parse_s = time.perf_counter() - started
    started = time.perf_counter()
    summary = bank.import_questions(data, bank_name="Bench import", format="gift")
    import_s = time.perf_counter() - started
    hostile = {}
    for name, text in hostile_gift(size).items():
        started = time.perf_counter()
        with contextlib.suppress(ImportFailed):
            parse_gift(text.decode())
        hostile[name] = time.perf_counter() - started
    return {
        "bytes": len(data),
        "questions": len(questions),
        "parse_s": parse_s,
        "import_s": import_s,
        "imported": summary.imported if summary.ok else 0,
        "hostile_s": hostile,
    }


def report(result: dict[str, Any]) -> list[str]:
    lines = [
        f"question import: {result['bytes'] / 2**20:.1f} MiB of real GIFT, "
        f"{result['questions']} questions: parsed in {result['parse_s']:.1f} s, "
        f"imported in {result['import_s']:.1f} s"
    ]
    lines += [
        f"question import, hostile ({name}): {seconds:.1f} s"
        for name, seconds in result["hostile_s"].items()
    ]
    return lines
