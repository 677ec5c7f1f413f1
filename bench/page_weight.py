"""Issue 19 item 8: what a lesson page costs a learner on a poor connection.

Chromium (Playwright, Debian's build) loads a lesson page twice for a signed-in
learner against a server with the production settings (DEBUG off, WhiteNoise's
compressed, hashed static files): the first visit with an empty cache, then a
repeat visit in the same browser (cookies and HTTP cache kept, as a learner
coming back). Bytes transferred are CDP's Network.loadingFinished
encodedDataLength (headers and compressed bodies as they crossed the wire),
summed over every response except the H5P content (the player's own origin,
/h5p-content/..., a cross-origin frame this page's CDP session does not see;
its size, from Playwright, is reported apart). Render-blocking third-party
resources: stylesheets and synchronous scripts of another origin in <head>.

    .venv/bin/python -m bench.page_weight --base http://localhost:8000 \
        --path /en/courses/.../a-lesson/ [--email student@example.org]

writes bench/results/page-weight.json and prints the figures. Goals: first
visit at most 150 KB, repeat visit at most 50 KB, no third-party blocking."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

RESULTS = Path(__file__).resolve().parent / "results"
FIRST_VISIT_BUDGET = 150 * 1024
REPEAT_VISIT_BUDGET = 50 * 1024
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
]


def _is_h5p(url: str) -> bool:
    return "/h5p-content/" in urlsplit(url).path


def _visit(page, client, url: str) -> dict:
    requests: dict[str, dict] = {}

    def sent(event):
        requests[event["requestId"]] = {
            "url": event["request"]["url"],
            "type": event.get("type", ""),
        }

    def received(event):
        entry = requests.setdefault(event["requestId"], {"url": "", "type": ""})
        entry["status"] = event["response"]["status"]
        entry["from_cache"] = event["response"].get("fromDiskCache", False)

    def finished(event):
        requests.setdefault(event["requestId"], {"url": "", "type": ""})["bytes"] = (
            event["encodedDataLength"]
        )

    # The H5P player is a cross-origin frame, which Chromium runs out of
    # process: this page's CDP session never sees its requests. Playwright
    # does; its sizes give the H5P figure reported (and excluded).
    frames: list = []

    def done(request):
        frames.append(request)

    client.on("Network.requestWillBeSent", sent)
    client.on("Network.responseReceived", received)
    client.on("Network.loadingFinished", finished)
    page.on("requestfinished", done)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1500)
    client.remove_listener("Network.requestWillBeSent", sent)
    client.remove_listener("Network.responseReceived", received)
    client.remove_listener("Network.loadingFinished", finished)
    page.remove_listener("requestfinished", done)
    counted = [r for r in requests.values() if r["url"] and not _is_h5p(r["url"])]
    h5p = 0
    for request in frames:
        if _is_h5p(request.url):
            sizes = request.sizes()
            h5p += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return {
        "bytes": sum(r.get("bytes", 0) for r in counted),
        "h5p_bytes": h5p,
        "requests": sorted(
            (
                {
                    "url": r["url"],
                    "status": r.get("status"),
                    "bytes": r.get("bytes", 0),
                }
                for r in counted
            ),
            key=lambda r: -r["bytes"],
        ),
    }


def _blocking_third_party(page, base: str) -> list[str]:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
    found = page.evaluate(
        """() => [
          ...document.querySelectorAll('head link[rel="stylesheet"]'),
          ...document.querySelectorAll(
            'head script[src]:not([defer]):not([async]):not([type="module"])'),
        ].map(e => e.href || e.src)"""
    )
    return [url for url in found if not url.startswith(origin)]


def measure(base: str, path: str, email: str, password: str) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.goto(f"{base}/en/accounts/login/")
        page.fill("form.stacked-form input[name=username]", email)
        page.fill("form.stacked-form input[type=password]", password)
        page.click("form.stacked-form button[type=submit]")
        page.wait_for_load_state("networkidle")
        # The log-in pages loaded the site's CSS and JS: start from an empty
        # cache, keeping the session cookie.
        client = context.new_cdp_session(page)
        client.send("Network.enable")
        client.send("Network.clearBrowserCache")
        first = _visit(page, client, base + path)
        blocking = _blocking_third_party(page, base)
        repeat = _visit(page, client, base + path)
        browser.close()
    return {
        "url": base + path,
        "first_visit_bytes": first["bytes"],
        "repeat_visit_bytes": repeat["bytes"],
        "h5p_bytes_excluded": first["h5p_bytes"],
        "first_visit_budget": FIRST_VISIT_BUDGET,
        "repeat_visit_budget": REPEAT_VISIT_BUDGET,
        "render_blocking_third_party": blocking,
        "first_visit": first["requests"],
        "repeat_visit": repeat["requests"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://localhost:8000")
    parser.add_argument("--path", required=True)
    parser.add_argument("--email", default="student@example.org")
    parser.add_argument("--password", default="demo-pass-2026")
    parser.add_argument("--out", default=str(RESULTS / "page-weight.json"))
    args = parser.parse_args(argv)
    result = measure(args.base.rstrip("/"), args.path, args.email, args.password)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    ok = (
        result["first_visit_bytes"] <= FIRST_VISIT_BUDGET
        and result["repeat_visit_bytes"] <= REPEAT_VISIT_BUDGET
        and not result["render_blocking_third_party"]
    )
    print(
        f"lesson page: first visit {result['first_visit_bytes'] / 1024:.1f} KB "
        f"(budget 150), repeat {result['repeat_visit_bytes'] / 1024:.1f} KB "
        f"(budget 50), H5P excluded {result['h5p_bytes_excluded'] / 1024:.1f} KB, "
        f"third-party blocking: {result['render_blocking_third_party'] or 'none'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
