"""Names of the Wagtail hooks through which higher layers extend "My learning".

`CONSTRUCT_DASHBOARD_CONTEXT(request, context)`: add to the dashboard's context;
templates named in `context["dashboard_panels"]` are included after the courses.
"""

CONSTRUCT_DASHBOARD_CONTEXT = "construct_dashboard_context"
