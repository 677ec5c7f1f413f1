"""At login, remember in the session whether the dashboard offers "Post an
announcement", so the dashboard pays no query to ask (the groups are read
once, here). The announcement page checks the rights itself."""

from typing import Any

from django.contrib.auth.signals import user_logged_in

from . import selectors

SESSION_KEY = "announce_link"


def remember_announce_link(*, request: Any, user: Any, **kwargs: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    request.session[SESSION_KEY] = selectors.may_announce(user)


def connect() -> None:
    user_logged_in.connect(remember_announce_link, dispatch_uid="announce-link")
