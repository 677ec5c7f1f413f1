from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = "Accounts"


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with our forms (display name, no username)."""

    user_viewset = "accounts.viewsets.UserViewSet"
