"""Issue 23's journey: a learner plays a SCORM 2004 package and a cmi5 AU in
one course, leaves each halfway, resumes, completes; the course completes,
the certificate is issued, and a third-party LRS (ralph-malph on loopback,
scripts/ralph.sh) holds every statement the platform forwarded, once.

Real parts throughout: RuntimeBasicCalls (SCORM 2004 3rd edition) through
scorm-again on the content origin, CATAPULT's pre-test AU with its own
cmi5.js (the course structure cut to that one AU), the built-in LRS, the
outbox, ralph."""

import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from certificates.models import Certificate
from enrollments import services as enrollment_services
from enrollments.models import Enrollment
from packages.cmi5 import services as cmi5_services
from packages.models import Cmi5Registration, Cmi5Session, ScormAttempt
from packages.scorm import services as scorm_services
from tests.browser.test_scorm import (
    log_in,
    play_three_pages_and_leave,
    sco_of,
    wait_for,
)
from tests.factories import UserFactory, make_course, make_site
from tests.packages.scorm_zips import shared_package
from tests.packages.test_cmi5_validation import shared
from tests.xapi.test_forward_to_ralph import PASSWORD, USER, Ralph
from xapi import outbox
from xapi.models import Forwarder, OutboxEntry

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SHOTS = Path(__file__).resolve().parents[2] / "var" / "e2e" / "screenshots" / "packages"
PRE_TEST = "https://w3id.org/xapi/cmi5/catapult/lts/course/geology-intro-preposttest/block1/pre"


def one_au_course(tmp_path: Path) -> Path:
    """CATAPULT's package with its course structure cut to the first block's
    pre-test (the files untouched)."""
    source = shared("packages", "catapult_pre_post_test_framed.zip")
    target = tmp_path / "pre-test.zip"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "cmi5.xml":
                text = data.decode("utf-8")
                text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
                # Keep the course, the first block and its pre-test AU.
                aus = re.findall(r"<au\b.*?</au>", text, flags=re.S)
                keep = next(au for au in aus if PRE_TEST + '"' in au)
                for au in aus:
                    if au is not keep:
                        text = text.replace(au, "")
                blocks = re.findall(r"<block\b.*?</block>", text, flags=re.S)
                for block in blocks[1:]:
                    text = text.replace(block, "")
                data = text.encode("utf-8")
            new.writestr(item, data)
    return target


def test_scorm_and_cmi5_to_a_certificate_and_the_partners_lrs(
    origins, page, tmp_path, evidence
):
    platform, content = origins
    ralph = Ralph(tmp_path / "ralph")
    ralph.start()
    try:
        Forwarder.objects.create(
            name="Partner LRS",
            endpoint=ralph.endpoint,
            username=USER,
            password=PASSWORD,
        )
        _, catalog = make_site()
        learner = UserFactory(role=Role.STUDENT)
        course = make_course(catalog, title="Packaged courseware", lessons=0)
        scorm = scorm_services.place_in_course(
            package=scorm_services.import_scorm_package(
                source=shared_package("RuntimeBasicCalls_SCORM20043rdEdition.zip")
            ).package,
            course=course,
        )
        imported = cmi5_services.import_cmi5_course(source=one_au_course(tmp_path))
        assert imported.ok, imported.summary()
        assert len(imported.course.aus) == 1
        cmi5 = cmi5_services.place_in_course(
            course_package=imported.course, course=course
        )
        enrollment_services.enroll(learner=learner, course=course)
        page.set_viewport_size({"width": 1366, "height": 900})
        page.on("dialog", lambda dialog: dialog.accept())
        failed = []
        page.on(
            "response",
            lambda response: (
                failed.append((response.status, response.request.method, response.url))
                if response.status >= 400
                else None
            ),
        )
        log_in(page, platform, learner)

        # SCORM: three pages, leave, come back (it resumes), finish.
        play_three_pages_and_leave(page, platform, scorm, course)
        assert wait_for(
            lambda: ScormAttempt.objects.filter(
                learner=learner, completion_status="incomplete"
            ).exists()
        )
        page.goto(platform + scorm.url)
        sco = sco_of(page)
        expect(sco.locator("#butPrevious")).to_be_enabled()  # resumed, not page 1
        for _ in range(11):
            sco.locator("#butNext").click()
        expect(sco.locator("#butNext")).to_be_disabled()
        page.goto(platform + course.url)
        assert wait_for(
            lambda: ScormAttempt.objects.filter(
                learner=learner, completed_at__isnull=False
            ).exists()
        )
        assert Enrollment.objects.get().status == Enrollment.Status.ACTIVE

        # cmi5: open the AU, leave before answering; open it again (the first
        # session is abandoned), pass, exit back to the activity page.
        page.goto(platform + cmi5.url)
        page.locator('[data-cmi5-unit="0"] button').click()
        page.wait_for_url(lambda url: url.startswith(content + "/package-content/"))
        expect(page.get_by_role("button", name="Submit Answers")).to_be_visible()
        page.goto(platform + cmi5.url)
        page.locator('[data-cmi5-unit="0"] button').click()
        page.wait_for_url(lambda url: url.startswith(content + "/package-content/"))
        # The first session ended: terminated if the AU said so as the page
        # unloaded, else abandoned by this launch; only the new one is open.
        first, second = Cmi5Session.objects.order_by("pk")
        assert first.terminated_at or first.abandoned_at
        assert second.terminated_at is None and second.abandoned_at is None
        # The AU kept its bookmark in the LRS's state: it offers to resume.
        resume = page.get_by_role("button", name="Resume From Bookmark")
        expect(resume).to_be_visible()
        resume.click()
        page.get_by_role("button", name="(Select correct answers) ✓").click()
        page.get_by_role("button", name="Submit Answers").click()
        page.locator("#score-panel .exit-button").click()
        page.wait_for_url(platform + cmi5.url, timeout=30_000)
        expect(page.locator('[data-cmi5-unit="0"]')).to_have_attribute(
            "data-cmi5-status", "satisfied"
        )
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "cmi5-done-en-1366.png"), full_page=True)
        evidence.check_axe("packages-cmi5-done", page)
        assert Cmi5Registration.objects.get().satisfied_at is not None

        # The course is complete and its certificate issued.
        assert wait_for(
            lambda: Enrollment.objects.get().status == Enrollment.Status.COMPLETED
        )
        assert wait_for(
            lambda: Certificate.objects.filter(enrollment__learner=learner).exists()
        )
        page.goto(platform + course.url)
        page.screenshot(path=str(SHOTS / "course-done-en-1366.png"), full_page=True)
        for title in (scorm.title, cmi5.title):
            outline = page.locator(".task-list li", has_text=title)
            expect(outline).to_have_class("task done")

        # The partner's LRS holds every statement the platform queued, once.
        for _ in range(5):
            if outbox.forward()["sent"] == 0:
                break
        queued = {
            str(s) for s in OutboxEntry.objects.values_list("statement_id", flat=True)
        }
        assert not OutboxEntry.objects.filter(sent_at__isnull=True).exists()
        held = ralph.stored_ids()
        assert len(held) == len(set(held)), "a statement held twice"
        assert set(held) == queued
        verbs = {
            entry.statement["verb"]["id"].rsplit("/", 1)[1]
            for entry in OutboxEntry.objects.all()
        }
        assert {"launched", "initialized", "passed", "terminated"} <= verbs
        assert {"satisfied", "completed", "earned"} <= verbs
        # The only refusals: the AU asking the LRS for documents it has not
        # written yet (its bookmark, the learner's preferences), which xAPI
        # answers 404; the browser logs those as console errors.
        unexpected = [
            (status, method, url)
            for status, method, url in failed
            if not (
                status == 404
                and method == "GET"
                and re.search(r"/xapi/+(activities/state|agents/profile)\?", url)
            )
            and "favicon" not in url
        ]
        assert unexpected == []
        assert all("status of 404" in error for error in page.console_errors)
    finally:
        page.goto("about:blank")
        ralph.stop(remove=True)
