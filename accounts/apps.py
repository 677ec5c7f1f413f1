from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from . import (
            checks,  # noqa: F401  (registers the layout checks)
            receivers,
        )

        receivers.connect()


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with our forms (display name, no username)."""

    user_viewset = "accounts.viewsets.UserViewSet"
