"""`make audit`: Lighthouse 12.2.3 (npm, driving Debian's Chromium) in its
default mobile mode on the learner's key pages and the certificate pages,
with the accessibility, best-practices and performance scores written to
var/audit/scores.json (each page's full report beside it,
var/audit/<page>.json) and a table to docs/audit.md.

Needs a running server with the demo data (`make run`, or `make run-prod` for
production-like figures) at AUDIT_BASE (default http://localhost:8000). Signed-in
pages get the session cookie of a demo login through Lighthouse's
--extra-headers: the student for the dashboard, lesson and a quiz attempt
(started here if none is in progress), their certificates and the public
verification page of the first one, Ana (who completed the knowledge
check) for the review.

    .venv/bin/python scripts/audit.py [--base URL] [--only home,lesson]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "var" / "audit"
DOC = ROOT / "docs" / "audit.md"
LIGHTHOUSE = "lighthouse@12.2.3"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
CATEGORIES = ("accessibility", "best-practices", "performance")
PASSWORD = "demo-pass-2026"  # noqa: S105 (the demo's published password)
COURSE = "/en/courses/foundations-of-civil-military-interaction/"
QUIZ = COURSE + "knowledge-check/"
# Goals of issue 19.
GOALS = {"accessibility": 100, "best-practices": 95, "performance": 90}


def session_cookie(base: str, email: str) -> tuple[str, str]:
    """Log in as a demo user in Chromium; the session cookie's name and value,
    and the browser left where it is for `start_attempt`."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[*CHROME_FLAGS.split(), "--disable-background-networking"],
        )
        page = browser.new_page()
        _login(page, base, email)
        cookie = _session(page.context.cookies())
        browser.close()
    return cookie


def _login(page, base: str, email: str) -> None:
    page.goto(f"{base}/en/accounts/login/")
    page.fill("form.stacked-form input[name=username]", email)
    page.fill("form.stacked-form input[type=password]", PASSWORD)
    page.click("form.stacked-form button[type=submit]")
    page.wait_for_load_state("networkidle")


def _session(cookies) -> tuple[str, str]:
    for cookie in cookies:
        if cookie["name"].endswith("sessionid"):
            return cookie["name"], cookie["value"]
    raise SystemExit("No session cookie after logging in: is the demo seeded?")


def attempt_url(base: str, email: str) -> str:
    """The student's attempt at the knowledge check in progress: started now
    (the page's own button) when there is none."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROME_FLAGS.split()
        )
        page = browser.new_page()
        _login(page, base, email)
        page.goto(base + QUIZ)
        go_on = page.locator(f'a.button[href*="{QUIZ}attempt/"]')
        if go_on.count():
            go_on.first.click()
        else:
            page.click(f'form[action$="{QUIZ}start/"] button[type=submit]')
        page.wait_for_load_state("networkidle")
        url = page.url
        browser.close()
    if "/attempt/" not in url:
        raise SystemExit(f"Could not open an attempt at {QUIZ}: ended on {url}")
    return url.removeprefix(base)


def verification_path(base: str, email: str) -> str:
    """The verification page of the first certificate listed for `email`."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROME_FLAGS.split()
        )
        page = browser.new_page()
        _login(page, base, email)
        page.goto(f"{base}/en/certificates/")
        link = page.locator("input.verification-link")
        url = link.first.input_value() if link.count() else ""
        browser.close()
    if "/verify/" not in url:
        raise SystemExit(f"{email} has no certificate to verify")
    return "/en/certificates/verify/" + url.split("/verify/", 1)[1]


def lighthouse(url: str, cookie: tuple[str, str] | None, name: str) -> dict:
    report = OUT / f"{name}.json"
    command = [
        "npx",
        "--yes",
        LIGHTHOUSE,
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=" + ",".join(CATEGORIES),
    ]
    if cookie is not None:
        command.append(
            "--extra-headers=" + json.dumps({"Cookie": f"{cookie[0]}={cookie[1]}"})
        )
    env = {
        **os.environ,
        "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
    }
    # Lighthouse on a loaded machine sometimes loses its trace (NO_NAVSTART):
    # one more try before the page counts as failed.
    for attempt in (1, 2):
        try:
            subprocess.run(command, check=True, env=env, timeout=600)  # noqa: S603
            break
        except subprocess.CalledProcessError:
            if attempt == 2:
                raise
    data = json.loads(report.read_text())
    failing = [
        {"id": audit_id, "title": audit["title"], "score": audit["score"]}
        for category in ("accessibility", "best-practices")
        for ref in data["categories"][category]["auditRefs"]
        if ref["weight"] > 0
        for audit_id, audit in [(ref["id"], data["audits"][ref["id"]])]
        if audit["score"] is not None and audit["score"] < 1
    ]
    return {
        "url": url,
        "final_url": data.get("finalDisplayedUrl") or data.get("finalUrl"),
        "scores": {
            c: round(data["categories"][c]["score"] * 100)
            if data["categories"][c]["score"] is not None
            else None
            for c in CATEGORIES
        },
        "failing": failing,
        "metrics": {
            key: data["audits"][key].get("displayValue", "")
            for key in (
                "first-contentful-paint",
                "largest-contentful-paint",
                "total-blocking-time",
                "cumulative-layout-shift",
                "total-byte-weight",
            )
            if key in data["audits"]
        },
    }


def pages(base: str) -> list[tuple[str, str, str | None]]:
    """(name, path, whose session) of each audited page."""
    return [
        ("home", "/en/", None),
        ("catalog", "/en/courses/", None),
        ("course", COURSE, None),
        (
            "lesson",
            COURSE + "cmi-and-cimic-two-terms-one-relationship/",
            "student@example.org",
        ),
        ("quiz-attempt", "", "student@example.org"),
        ("review", QUIZ + "attempt/1/review/", "ana.complete@example.org"),
        ("dashboard", "/en/dashboard/", "student@example.org"),
        ("certificates", "/en/certificates/", "student@example.org"),
        # The public verification page of the student's first certificate.
        ("verify", "", None),
    ]


def write_doc(results: dict, base: str) -> None:
    lines = [
        "# Lighthouse audit",
        "",
        f"`make audit` ({LIGHTHOUSE}, Debian's Chromium, mobile emulation) against "
        f"{base}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Goals (issue 19): "
        "accessibility 100, best practices ≥ 95, mobile performance ≥ 90. "
        "Full reports: var/audit/<page>.json; scores: var/audit/scores.json.",
        "",
        "| Page | Accessibility | Best practices | Performance | LCP | TBT | "
        "Weight | Failing audits |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, result in results.items():
        if "error" in result:
            lines.append(f"| {name} | - | - | - | | | | error: {result['error']} |")
            continue
        s, m = result["scores"], result["metrics"]
        failing = ", ".join(f"`{f['id']}`" for f in result["failing"]) or "none"
        lines.append(
            f"| {name} | {s['accessibility']} | {s['best-practices']} | "
            f"{s['performance']} | {m.get('largest-contentful-paint', '')} | "
            f"{m.get('total-blocking-time', '')} | {m.get('total-byte-weight', '')} "
            f"| {failing} |"
        )
    weight = ROOT / "bench" / "results" / "page-weight.json"
    if weight.exists():
        w = json.loads(weight.read_text())
        lines += [
            "",
            f"Lesson page weight (bench/page_weight.py, {w['url']}): first visit "
            f"{w['first_visit_bytes'] / 1024:.1f} KB (budget 150), repeat visit "
            f"{w['repeat_visit_bytes'] / 1024:.1f} KB (budget 50), H5P content "
            f"excluded {w['h5p_bytes_excluded'] / 1024:.1f} KB; render-blocking "
            f"third-party resources: {len(w['render_blocking_third_party'])}.",
        ]
    DOC.write_text("\n".join(lines) + "\n" + NOTES)


# What the figures mean, kept below the table each run rewrites.
NOTES = """
## Reading the figures

- Performance on this machine is measured under Lighthouse's simulated slow
  4G and 4x CPU slowdown on a shared 2-core host running other work: it moves
  by several points between runs; accessibility and best practices do not.
- Run against `make run-prod` (DEBUG off, WhiteNoise's compressed, hashed
  static files) for figures that mean something: the development server
  serves uncompressed files with a short cache lifetime.
- A lesson's transfer budget (≤150 KB first load, ≤50 KB repeat visit) is
  asserted by tests/lessons/test_page_weight.py and measured in Chromium by
  bench/page_weight.py. Lighthouse's "total size" for the lesson counts the
  H5P player's frame (its own origin; frame.bundle.js alone is about 145 KB),
  which the budget leaves out.
- The quiz attempt is the page nearest the performance goal: its total
  blocking time comes from main-thread work Chromium cannot attribute to a
  script (attempt.js itself evaluates in about 10 ms), so it tracks the
  machine's load: 89 in a run beside other work, 94 re-run alone.
- Re-run after the design-system change (issue 19 item 6): a CSS framework
  adds to every page's first load; the lesson's budget test fails if it
  pushes a lesson over 150 KB.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--base", default=os.environ.get("AUDIT_BASE", "http://localhost:8000")
    )
    parser.add_argument("--only", default="")
    args = parser.parse_args(argv)
    base = args.base.rstrip("/")
    only = {name for name in args.only.split(",") if name}
    OUT.mkdir(parents=True, exist_ok=True)
    cookies: dict[str, tuple[str, str]] = {}
    results: dict[str, dict] = {}
    scores = OUT / "scores.json"
    if only and scores.exists():
        # --only re-runs some pages: the others keep their last figures.
        results = json.loads(scores.read_text())
    for name, path, who in pages(base):
        if only and name not in only:
            continue
        try:
            if who is not None and who not in cookies:
                cookies[who] = session_cookie(base, who)
            if name == "quiz-attempt":
                path = attempt_url(base, who or "student@example.org")
            if name == "verify":
                path = verification_path(base, "student@example.org")
            results[name] = lighthouse(
                base + path, cookies.get(who) if who else None, name
            )
        except (subprocess.SubprocessError, SystemExit, KeyError) as error:
            results[name] = {"url": base + path, "error": str(error)[:200]}
        print(name, results[name].get("scores", results[name].get("error")))
    order = [name for name, _path, _who in pages(base)]
    results = dict(sorted(results.items(), key=lambda item: order.index(item[0])))
    scores.write_text(json.dumps(results, indent=2) + "\n")
    write_doc(results, base)
    met = all(
        "scores" in r
        and all((r["scores"][c] or 0) >= goal for c, goal in GOALS.items())
        for r in results.values()
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
