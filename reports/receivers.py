"""At login, remember in the session whether the header shows "Reports", so
that no page pays a query to ask (the groups are read once, here). A role
given or taken during a session shows in the header from the next login; the
report pages check the rights themselves on every request."""

from typing import Any

from django.contrib.auth.signals import user_logged_in

from . import selectors

SESSION_KEY = "reports_link"


def remember_reports_link(*, request: Any, user: Any, **kwargs: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    request.session[SESSION_KEY] = selectors.can_view_reports(user)
    # scope_of caches on the user object; whoever holds it after the login
    # (a test giving a role, say) must read the groups afresh.
    vars(user).pop("_report_scope", None)


def connect() -> None:
    user_logged_in.connect(remember_reports_link, dispatch_uid="reports-link")
