from functools import cached_property

from .services import unread_count


class Bell:
    """The header's bell: the unread count is read (from the cache, a query
    only on a miss) when a template first asks for it."""

    def __init__(self, user_id: int) -> None:
        self.user_id = user_id

    @cached_property
    def unread(self) -> int:
        return unread_count(self.user_id)


def bell(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"bell": Bell(user.pk)}
