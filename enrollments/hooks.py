"""Names of the Wagtail hooks through which higher layers extend "My learning".

`CONSTRUCT_DASHBOARD_CONTEXT(request, context)`: add to the dashboard's context;
templates named in `context["dashboard_panels"]` are included after the courses.
"""

CONSTRUCT_DASHBOARD_CONTEXT = "construct_dashboard_context"

# `COLLECT_DEADLINES(learner, now) -> Iterable[deadlines.Deadline]`: a higher
# layer adds dates the learner must know (e.g. certificates expiring) to the
# dashboard's deadlines and the private calendar feed.
COLLECT_DEADLINES = "collect_learner_deadlines"
