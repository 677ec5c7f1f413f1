from functools import cached_property

from .services import unread_count


class Bell:
    """The header's bell: the unread count is read (from the cache, a query
    only on a miss) when a template first asks for it. Nothing is read, not
    even the session's user, on a page that never shows the bell (the H5P
    player on the content origin)."""

    def __init__(self, request) -> None:
        self.request = request

    @cached_property
    def user_id(self) -> int | None:
        user = getattr(self.request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return user.pk

    def __bool__(self) -> bool:
        return self.user_id is not None

    @cached_property
    def unread(self) -> int:
        if self.user_id is None:
            return 0
        return unread_count(self.user_id)


def bell(request):
    return {"bell": Bell(request)}
