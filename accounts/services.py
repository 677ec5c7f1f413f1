"""Account writes: creating people and giving them roles."""

from django.contrib.auth.models import Group
from django.db import transaction

from .models import Role, User


@transaction.atomic
def register_learner(*, email: str, display_name: str, password: str) -> User:
    """A new sign-up: an active account in the Students group."""
    user = User.objects.create_user(
        email=email, password=password, display_name=display_name
    )
    assign_role(user=user, role=Role.STUDENT)
    return user


def assign_role(*, user: User, role: Role) -> None:
    user.groups.add(Group.objects.get(name=role.value))
