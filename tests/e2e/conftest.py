"""End-to-end journeys: Chromium (the browser fixtures of tests/browser), a
screenshot of every step, axe-core on every key page and the same pages at
390 px wide. Evidence goes to var/e2e/ (screenshots/, axe.json, phone.json)."""

import functools
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import browser, page  # noqa: F401 - shared fixtures

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "var" / "e2e"
# Served from node_modules by path: nothing is fetched while the tests run.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@functools.cache
def axe_source() -> str:
    return AXE.read_text() + "\n;true"


# Our admin views' own content: the main area without Wagtail's success
# banner (white on #3b977b), as tests/browser/test_rubric_grading_journey.py.
ADMIN_MAIN = "{include: [['main']], exclude: [['.messages']]}"
PHONE = {"width": 390, "height": 844}
BLOCKING = ("serious", "critical")
# What sticks out past the phone's width: the outermost such elements.
WIDER = """() => [...document.body.querySelectorAll('*')]
  .filter(e => e.getBoundingClientRect().right > innerWidth + 1
    && !(e.parentElement.getBoundingClientRect().right > innerWidth + 1))
  .slice(0, 10)
  .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
    + ' ' + Math.round(e.getBoundingClientRect().right))"""


@dataclass
class Evidence:
    """What the journeys saw: axe results and phone widths per key page."""

    browser: Any
    axe: dict[str, dict] = field(default_factory=dict)
    phone: dict[str, dict] = field(default_factory=dict)

    def journey(self, name: str, view) -> "Journey":
        folder = OUT / "screenshots" / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        return Journey(self, name, view, folder)

    def check_axe(self, key: str, view, *, within: str = "document") -> None:
        # Evaluated over the DevTools protocol: the site's CSP (script-src
        # 'self') rightly refuses add_script_tag's inline script, and the
        # journeys keep the CSP on.
        if not view.evaluate("() => typeof axe !== 'undefined'"):
            view.evaluate(axe_source())
        # The H5P player's frame is another origin that runs third-party
        # content; axe looks at the platform's own document.
        result = view.evaluate(
            f"() => axe.run({within}, {{iframes: false, resultTypes: ['violations']}})"
        )
        self.axe[key] = {
            "url": urlsplit(view.url).path,
            "violations": [
                {
                    "id": violation["id"],
                    "impact": violation["impact"],
                    "help": violation.get("help", ""),
                    "nodes": [
                        " ".join(map(str, node["target"]))
                        for node in violation["nodes"]
                    ],
                }
                for violation in result["violations"]
            ],
        }

    def check_phone(self, key: str, view) -> None:
        """The view as the same user sees it on a 390 x 844 phone."""
        context = self.browser.new_context(
            viewport=PHONE, storage_state=view.context.storage_state()
        )
        phone = context.new_page()
        try:
            phone.goto(view.url)
            phone.wait_for_load_state("load")
            width = phone.evaluate("document.documentElement.scrollWidth")
            folder = OUT / "screenshots" / "phone"
            folder.mkdir(parents=True, exist_ok=True)
            phone.screenshot(
                path=str(folder / f"{len(self.phone) + 1:02d}-{key}.png"),
                full_page=True,
            )
            self.phone[key] = {
                "url": urlsplit(view.url).path,
                "scroll_width": width,
                "wider": phone.evaluate(WIDER) if width > PHONE["width"] else [],
            }
        finally:
            phone.goto("about:blank")
            context.close()

    def serious(self) -> dict[str, list[str]]:
        return {
            key: [
                f"{v['impact']} {v['id']}: {v['help']} {v['nodes'][:3]}"
                for v in result["violations"]
                if v["impact"] in BLOCKING
            ]
            for key, result in self.axe.items()
            if any(v["impact"] in BLOCKING for v in result["violations"])
        }

    def too_wide(self) -> dict[str, int]:
        return {
            key: seen["scroll_width"]
            for key, seen in self.phone.items()
            if seen["scroll_width"] > PHONE["width"]
        }

    def write(self) -> None:
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "axe.json").write_text(json.dumps(self.axe, indent=2))
        (OUT / "phone.json").write_text(json.dumps(self.phone, indent=2))


@dataclass
class Journey:
    evidence: Evidence
    name: str
    page: Any
    folder: Path
    count: int = 0

    def step(self, label: str) -> None:
        """A screenshot of the page as the journey left it."""
        self.count += 1
        self.page.screenshot(path=str(self.folder / f"{self.count:02d}-{label}.png"))

    def key_page(self, label: str, *, phone: bool = True) -> None:
        """A step on a key page: screenshot, axe-core, and the phone view."""
        self.step(label)
        self.evidence.check_axe(label, self.page)
        if phone:
            self.evidence.check_phone(label, self.page)

    def admin_page(self, label: str, *, within: str = ADMIN_MAIN) -> None:
        """A step on one of our admin views: screenshot and axe-core on our
        own content (Wagtail's chrome, its sidebar and banners, is not ours)."""
        self.step(label)
        self.evidence.check_axe(label, self.page, within=within)


@pytest.fixture
def evidence(browser):  # noqa: F811 - the shared fixture
    shutil.rmtree(OUT / "screenshots" / "phone", ignore_errors=True)
    found = Evidence(browser)
    yield found
    found.write()


@pytest.fixture
def origins(live_server, settings, tmp_path):
    """The H5P player on its own origin (127.0.0.1), the platform on localhost,
    as tests/browser/test_h5p.py sets them up."""
    platform = live_server.url.replace("127.0.0.1", "localhost")
    port = urlsplit(platform).port
    content = f"http://127.0.0.1:{port}"
    settings.MEDIA_ROOT = tmp_path
    settings.H5P_CONTENT_ORIGIN = content
    settings.H5P_PLATFORM_ORIGIN = platform
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    csp = {key: list(value) for key, value in settings.SECURE_CSP.items()}
    csp["frame-src"].append(content)
    settings.SECURE_CSP = csp
    return platform, content
