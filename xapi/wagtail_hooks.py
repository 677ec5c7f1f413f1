"""LRS clients in the Wagtail admin: made here with a random key and secret;
the secret is shown once, in the message after creation, and kept hashed."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic.models import CreateView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Client, Forwarder, OutboxEntry


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
    list_display = ["name", "key", "active", "created_at"]
    search_fields = ["name", "key"]
    form_fields = ["name", "active"]
    add_view_class = ClientCreateView


class ForwarderViewSet(ModelViewSet):
    model = Forwarder
    icon = "redirect"
    menu_label = _("External LRSs")
    list_display = ["name", "endpoint", "active"]
    panels = [
        FieldPanel("name"),
        FieldPanel("endpoint"),
        FieldPanel("username"),
        FieldPanel("password", widget=forms.PasswordInput(render_value=True)),
        FieldPanel("active"),
    ]


class OutboxViewSet(ModelViewSet):
    """The forwarding queue and its failures (read only)."""

    model = OutboxEntry
    icon = "list-ul"
    menu_label = _("Outbox")
    list_display = [
        "statement_id",
        "forwarder",
        "created_at",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]
    list_filter = ["forwarder", "attempts"]
    form_fields = ["attempts"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return OutboxEntry.objects.select_related("forwarder").order_by("-created_at")


class LRSViewSetGroup(ViewSetGroup):
    menu_label = _("Learning records")
    menu_icon = "list-ul"
    menu_order = 900
    items = (
        ClientViewSet("xapi_clients"),
        ForwarderViewSet("xapi_forwarders"),
        OutboxViewSet("xapi_outbox"),
    )


@hooks.register("register_admin_viewset")
def register_lrs_viewsets():
    return LRSViewSetGroup()
