import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from accounts.models import Role, User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_migration_creates_the_role_groups():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Students", "Instructors", "Program managers"} <= names


def test_only_instructors_may_enter_the_admin():
    instructors = Group.objects.get(name=Role.INSTRUCTOR.value)
    assert instructors.permissions.filter(codename="access_admin").exists()
    for role in (Role.STUDENT, Role.PROGRAM_MANAGER):
        group = Group.objects.get(name=role.value)
        assert not group.permissions.filter(codename="access_admin").exists()


def test_signup_creates_a_student_and_logs_them_in(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "display_name": "Capt. Léa Martin",
            "email": "Lea.Martin@Example.org",
            "password1": "a-long-unusual-pass-77",
            "password2": "a-long-unusual-pass-77",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="lea.martin@example.org")
    assert user.display_name == "Capt. Léa Martin"
    assert user.has_role(Role.STUDENT)
    assert client.get(reverse("enrollments:dashboard")).status_code == 200


def test_signup_refuses_an_email_already_registered_in_any_case(client):
    UserFactory(email="taken@example.org")
    response = client.post(
        reverse("accounts:signup"),
        {
            "display_name": "Someone",
            "email": "TAKEN@example.org",
            "password1": "a-long-unusual-pass-77",
            "password2": "a-long-unusual-pass-77",
        },
    )
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1


def test_signup_keeps_the_form_and_explains_a_weak_password(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "display_name": "Someone",
            "email": "new@example.org",
            "password1": "123",
            "password2": "123",
        },
    )
    assert response.status_code == 200
    assert "too short" in response.content.decode()
    assert 'value="new@example.org"' in response.content.decode()
    assert not User.objects.filter(email="new@example.org").exists()


def test_login_with_email_in_any_case(client):
    UserFactory(email="officer@example.org")
    response = client.post(
        reverse("accounts:login"),
        {"username": "Officer@Example.org", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("enrollments:dashboard")


def test_login_is_throttled_after_repeated_failures(client):
    UserFactory(email="target@example.org")
    for _ in range(5):
        client.post(
            reverse("accounts:login"),
            {"username": "target@example.org", "password": "wrong"},
        )
    response = client.post(
        reverse("accounts:login"),
        {"username": "target@example.org", "password": PASSWORD},
    )
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


def test_logout_is_a_post(client, learner):
    client.force_login(learner)
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("enrollments:dashboard")).status_code == 302


def test_password_reset_mails_a_working_link(client):
    user = UserFactory(email="forgetful@example.org")
    client.post(reverse("accounts:password_reset"), {"email": "forgetful@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/en/accounts/reset/\S+)", mail.outbox[0].body)
    assert link is not None
    form_page = client.get(link.group(1), follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "brand-new-pass-42x", "new_password2": "brand-new-pass-42x"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("brand-new-pass-42x")


def test_password_reset_does_not_reveal_unknown_addresses(client):
    response = client.post(
        reverse("accounts:password_reset"), {"email": "nobody@example.org"}
    )
    assert response.status_code == 302
    assert mail.outbox == []
