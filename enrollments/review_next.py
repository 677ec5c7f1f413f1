"""What the learner does after a quiz's review: the next thing to do under
the one progress rule (`selectors.progress_for_courses`, read from
`completion.outline`), "Your certificate is ready" once the enrolment
is complete and a certificate exists, else back to the course.

Registered into assessments' REVIEW_NEXT_STEP hook (imported from the app's
`ready`). Certificates live above this app: whether one exists, and where, is
asked through the CERTIFICATE_FOR_ENROLMENT hook, which certificates answers.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from assessments.hooks import REVIEW_NEXT_STEP, NextStep
from courses import translations

from . import selectors
from .models import Enrollment

CERTIFICATE_FOR_ENROLMENT = "certificate_for_enrolment"
"""`CERTIFICATE_FOR_ENROLMENT(request, enrollment)`: the URL where the learner
finds the enrolment's valid certificate, or None."""


@hooks.register(REVIEW_NEXT_STEP)
def next_step(request, page, attempt) -> NextStep | None:
    course = page.get_parent().specific
    enrollment = (
        Enrollment.objects.current()
        .filter(learner=request.user, course_id=translations.original_id(course))
        .first()
    )
    if enrollment is None:
        return None
    if enrollment.status == Enrollment.Status.COMPLETED:
        for certificate_url in hooks.get_hooks(CERTIFICATE_FOR_ENROLMENT):
            url = certificate_url(request, enrollment)
            if url:
                return NextStep(
                    kind="certificate", text=_("Your certificate is ready"), url=url
                )
    # The next thing to do under the one progress rule (the outline's next
    # step); while this quiz is still being graded, or was failed, the rule
    # still points at it: then the item after it in the course's order.
    progress = selectors.progress_for_courses(request.user, [course])[course.pk]
    entry = progress.next_entry
    following: Page | None
    if entry is not None and entry.page.pk != page.pk:
        following = entry.page
    else:
        following = page.get_next_siblings().live().specific().first()
    if following is None:
        return NextStep(
            kind="course", text=_("Back to the course"), url=course.get_url(request)
        )
    return NextStep(
        kind="next",
        text=_("Next: %(title)s") % {"title": following.title},
        url=following.get_url(request),
        title=following.title,
    )
