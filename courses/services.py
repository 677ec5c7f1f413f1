"""Course writes: who may author a course.

Each course has its own group holding Wagtail page permissions (add, change,
publish) on that course's subtree; its members are the course's instructors.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Page

from . import translations
from .models import CoursePage

INSTRUCTOR_PERMISSIONS = ("add", "change", "publish")


def grant_page_permission(*, group: Group, page: Page, permission_type: str) -> None:
    """Give `group` one Wagtail page permission ("add", "change", …) on a subtree."""
    permission = Permission.objects.get(
        content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
    )
    GroupPagePermission.objects.get_or_create(
        group=group, page=page, permission=permission
    )


def instructor_group_name(course: CoursePage) -> str:
    return f"Course {course.pk} instructors"


@transaction.atomic
def sync_instructor_permissions(*, course: CoursePage) -> Group:
    """Make the course's instructor group its listed instructors plus its owner.

    The owner is whoever started the course: they keep the right to publish it.
    A translation is the original's: its group holds the permissions on every
    translation too, and the members are read from the original.
    """
    course = translations.original(course)
    group, _ = Group.objects.get_or_create(name=instructor_group_name(course))
    for page in CoursePage.objects.filter(translation_key=course.translation_key):
        for permission_type in INSTRUCTOR_PERMISSIONS:
            grant_page_permission(
                group=group, page=page, permission_type=permission_type
            )
    members = list(course.instructors.all())
    if course.owner_id is not None and course.owner not in members:
        members.append(course.owner)
    group.user_set.set(members)
    return group
