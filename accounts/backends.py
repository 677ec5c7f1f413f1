"""Django's model backend, reading a user's permissions in one query (a
bypass of `ModelBackend.get_all_permissions`, kept because it pays).

Replaces: `ModelBackend`, which reads a user's own permissions and their
groups' permissions in two queries; every signed-in page asks at least once
(the header's authoring link, Wagtail's user bar). Here both come in one
query, into the same per-request cache (`user._perm_cache`), with the same
rules: none for an inactive or anonymous user or for an object, every
permission for a superuser.

Same answers as Django's: tests/fastpaths/test_permission_backend.py. Why:
bench/pages.py, figures "queries: dashboard", "queries: lesson" and the
signed-in pages' "share of bare" in bench/results/latest.md.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q


class PermissionBackend(ModelBackend):
    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            permissions = Permission.objects.all()
            if not user_obj.is_superuser:
                permissions = permissions.filter(
                    Q(user=user_obj) | Q(group__user=user_obj)
                )
            user_obj._perm_cache = {
                f"{app_label}.{codename}"
                for app_label, codename in permissions.values_list(
                    "content_type__app_label", "codename"
                )
                .order_by()
                .distinct()
            }
        return user_obj._perm_cache
