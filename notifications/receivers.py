"""Events of the apps below this one (accounts). Each receiver writes rows in
the event's transaction; e-mail goes out from the worker on commit."""

from django.dispatch import receiver

from accounts.models import User
from accounts.signals import user_signed_up

from . import services


@receiver(user_signed_up, dispatch_uid="notifications.welcome")
def welcome(sender, user: User, **kwargs) -> None:
    services.notify(user, "welcome", dedupe_key="welcome", url="/en/catalog/")
    services.send_verification(user)
