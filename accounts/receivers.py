"""At login, remember in the session whether the header shows "Authoring"
(the Wagtail admin), so that no page pays a query to ask: the permissions are
read once, here. A right given or taken during a session shows in the header
from the next login; the admin checks the rights itself on every request, as
the report pages do for "Reports" (reports.receivers)."""

from typing import Any

from django.contrib.auth.signals import user_logged_in

SESSION_KEY = "authoring_link"


def remember_authoring_link(*, request: Any, user: Any, **kwargs: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    request.session[SESSION_KEY] = user.has_perm("wagtailadmin.access_admin")


def connect() -> None:
    user_logged_in.connect(remember_authoring_link, dispatch_uid="authoring-link")
