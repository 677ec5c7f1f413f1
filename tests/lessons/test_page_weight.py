"""Issue 19 item 8: a lesson page stays light on a poor connection. Bytes are
deterministic, so the budget is asserted here on what the page references:
its HTML as served, plus each stylesheet, script and image it loads, gzipped
as WhiteNoise serves them (H5P content, framed from its own origin, is not
counted). On a repeat visit only the HTML crosses the wire again: the static
files are hashed by the production storage and served with a long-lived
`immutable` Cache-Control. bench/page_weight.py measures the same in
Chromium against the production settings (figures in
bench/results/page-weight.json)."""

import gzip
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage

from enrollments import services
from tests.factories import make_course

pytestmark = pytest.mark.django_db

FIRST_VISIT_BUDGET = 150 * 1024
REPEAT_VISIT_BUDGET = 50 * 1024
# A response's status line and headers (CSP, cookies, caching): generous.
HEADERS = 1500
# What a page makes the browser fetch (iframes excluded: the H5P player is on
# its own origin and not counted).
FETCHED = re.compile(
    r"<(?:link\b[^>]*\brel=\"(?:stylesheet|icon|preload|modulepreload)\"[^>]*"
    r"|script\b[^>]*|img\b[^>]*)\s(?:href|src)=\"([^\"]+)\"",
    re.S,
)
HEAD_BLOCKING = re.compile(
    r"<link\b[^>]*rel=\"stylesheet\"[^>]*>|<script\b(?![^>]*\b(?:defer|async)\b)"
    r"(?![^>]*type=\"module\")[^>]*\ssrc=[^>]*>",
    re.S,
)
ROOT = Path(__file__).resolve().parents[2]


def gzipped_size(data: bytes) -> int:
    # WhiteNoise keeps the compressed copy only when it saves something.
    return min(len(data), len(gzip.compress(data, compresslevel=9)))


def asset_bytes(url: str) -> int:
    path = urlsplit(url).path
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path.removeprefix(settings.STATIC_URL))
        assert found, f"{url} is not a static file"
        return gzipped_size(Path(found).read_bytes())
    assert path.startswith(settings.MEDIA_URL), f"{url}: neither static nor media"
    with default_storage.open(path.removeprefix(settings.MEDIA_URL)) as handle:
        return len(handle.read())


@pytest.fixture
def lesson_html(learner_client, learner, catalog):
    course = make_course(catalog, title="Light pages", lessons=3)
    services.enroll(learner=learner, course=course)
    lesson = course.get_children().live().first()
    response = learner_client.get(lesson.url)
    assert response.status_code == 200
    return response.content


def test_a_lesson_page_first_load_and_repeat_visit_fit_their_budgets(lesson_html):
    html = lesson_html.decode()
    assets = sorted(set(FETCHED.findall(html)))
    # The page's own stylesheet and icon at least: the regex reads the page.
    assert any(url.endswith(".css") for url in assets)
    first = len(lesson_html) + HEADERS + sum(asset_bytes(u) + HEADERS for u in assets)
    repeat = len(lesson_html) + HEADERS
    assert first <= FIRST_VISIT_BUDGET, f"{first} bytes: {assets}"
    assert repeat <= REPEAT_VISIT_BUDGET, f"{repeat} bytes"


def test_everything_a_lesson_loads_is_ours_and_nothing_third_party_blocks(
    lesson_html,
):
    html = lesson_html.decode()
    for url in FETCHED.findall(html):
        parts = urlsplit(url)
        assert not parts.netloc or parts.netloc == "testserver", url
    head = html.split("</head>", 1)[0]
    for tag in HEAD_BLOCKING.findall(head):
        href = re.search(r"(?:href|src)=\"([^\"]+)\"", tag)
        assert href is not None
        assert not urlsplit(href.group(1)).netloc, f"third-party blocking: {tag}"


def test_production_serves_static_files_hashed_and_cached_for_good():
    """What makes the repeat visit light: the manifest storage names each file
    by its hash, and WhiteNoise sends those with `immutable` and a ten years'
    max-age (its `immutable_file_test`; measured: bench/page_weight.py)."""
    production = (ROOT / "config" / "settings" / "production.py").read_text()
    assert "whitenoise.storage.CompressedManifestStaticFilesStorage" in production
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE
    # No setting shortens WhiteNoise's caching of hashed files.
    assert not hasattr(settings, "WHITENOISE_IMMUTABLE_FILE_TEST")
    assert "WHITENOISE_MAX_AGE" not in production
