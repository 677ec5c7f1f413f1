"""LRS clients in the Wagtail admin: made here with a random key and secret;
the secret is shown once, in the message after creation, and kept hashed."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.models import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Client


class ClientCreateView(CreateView):
    def save_instance(self):
        client = self.form.instance
        self.secret = client.set_new_secret()
        return super().save_instance()

    def get_success_message(self, instance):
        return _(
            "LRS client “%(name)s” created. Key: %(key)s — secret: %(secret)s. "
            "Copy the secret now: it is not shown again."
        ) % {"name": instance.name, "key": instance.key, "secret": self.secret}


class ClientViewSet(ModelViewSet):
    model = Client
    icon = "key"
    menu_label = _("LRS clients")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["name", "key", "active", "created_at"]
    search_fields = ["name", "key"]
    form_fields = ["name", "active"]
    add_view_class = ClientCreateView


@hooks.register("register_admin_viewset")
def register_client_viewset():
    return ClientViewSet("xapi_clients")
