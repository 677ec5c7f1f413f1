"""Stored XSS in course discussions and announcements never executes in
Chromium: a learner types the payloads into the real forms (thread title and
body, a reply), an instructor posts an announcement with them; both read the
thread, the list, a search and the dashboard. Each payload would set
`window.__xss` or open a dialog; neither may happen."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.models import Role
from discussions import services
from discussions.access import Member
from discussions.models import Post, Thread
from enrollments import services as enrollment_services
from tests.factories import UserFactory, make_course, make_site, teach

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAYLOADS = (
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    "<img src=x onerror=alert(3)>",
    '<svg onload="window.__xss=4"></svg>',
    '<a href="javascript:window.__xss=5">xss-link</a>',
    '<p onclick="window.__xss=6" style="position:fixed;inset:0">cover</p>',
    '<details open ontoggle="window.__xss=7"><summary>x</summary></details>',
    '<iframe srcdoc="&lt;script&gt;parent.__xss=8&lt;/script&gt;"></iframe>',
)
BODY = "Words first.\n\n" + "\n".join(PAYLOADS)
TITLE = "T\"'><img src=x onerror=window.__xss=9><script>window.__xss=10</script>"


def _sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )


def test_payloads_in_posts_never_execute(live_server, page):
    _home, catalog = make_site()
    course = make_course(catalog, title="Safe course", lessons=1)
    learner = UserFactory(role=Role.STUDENT, display_name=TITLE[:150])
    teacher = UserFactory(role=Role.INSTRUCTOR, display_name="Teacher")
    teach(course, teacher)
    enrollment_services.enroll(learner=learner, course=course)

    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    def visit(path: str) -> None:
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        page.mouse.click(200, 300)  # a covering element's onclick, if any
        for link in page.locator('a[href^="javascript:"]').all():
            link.click(force=True, no_wait_after=True)
        for toggle in page.locator("details summary:visible").all():
            toggle.click(force=True)
        assert page.evaluate("typeof window.__xss") == "undefined", path
        assert dialogs == [], (path, dialogs)

    # The learner posts through the real form.
    _sign_in(page, live_server, learner)
    page.goto(f"{live_server.url}/en/discussions/courses/{course.pk}/new/")
    page.fill("input[name=title]", TITLE)
    page.fill("textarea[name=body]", BODY)
    page.locator("form.stacked-form button[type=submit]").click()
    page.wait_for_url("**/discussions/threads/*/")
    thread = Thread.objects.get()
    assert thread.title == TITLE  # kept as typed, shown escaped
    page.fill("textarea[name=body]", BODY)
    page.locator("form.reply-form button[type=submit]").click()
    page.wait_for_url("**/discussions/threads/*/#post-*")
    stored = "".join(Post.objects.values_list("body", flat=True))
    for marker in ("<script", "onerror", "onload", "javascript:", "<iframe", "<img"):
        assert marker not in stored, marker
    assert TITLE in page.inner_text("h1")  # the title is text, not markup

    services.post_announcement(author=teacher, course=course, title=TITLE, body=BODY)
    for path in (
        f"/en/discussions/threads/{thread.pk}/",
        f"/en/discussions/courses/{course.pk}/",
        f"/en/discussions/courses/{course.pk}/?q=Words",
        "/en/dashboard/",
        course.url,
    ):
        visit(path)

    # The instructor's view has the moderation forms and the report badges.
    reply = Post.objects.get(opening=False)
    member = Member(user=learner, course=course, teaches=False)
    services.report_post(member=member, post=reply, reason=TITLE)
    _sign_in(page, live_server, teacher)
    for path in (
        f"/en/discussions/threads/{thread.pk}/",
        f"/en/discussions/courses/{course.pk}/moderation/",
        f"/en/discussions/posts/{reply.pk}/report/",
    ):
        visit(path)
