"""LRS clients in the Wagtail admin: made here with a random key and secret;
the secret is shown once, in the message after creation, and kept hashed.
External LRSs (site-wide or for organisations, with the cohorts that name
them) and the outbox, their queue and failures."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic.models import CreateView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import audiences
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


def _scope(forwarder: Forwarder) -> str:
    if forwarder.scope == Forwarder.Scope.SITE:
        return str(_("Site-wide"))
    return str(_("Organisations"))


def _audience(forwarder: Forwarder) -> str:
    if forwarder.scope == Forwarder.Scope.SITE:
        return str(_("Everyone"))
    names = getattr(forwarder, "audience_names", None) or []
    if not names:
        return str(_("No cohort yet: nothing is sent"))
    return ", ".join(names)


class AudiencePanel(HelpPanel):
    """The organisations (cohorts) that chose this LRS, read from whoever
    registered in xapi.audiences."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            pk = self.instance.pk if self.instance is not None else None
            names = audiences.names([pk]).get(pk, []) if pk else []
            if names:
                self.content = format_html(
                    "<p>{}</p>",
                    _(
                        "Cohorts that chose this LRS: %(names)s. Their members' "
                        "statements are sent to it while its scope is "
                        "“Organisations”."
                    )
                    % {"names": ", ".join(names)},
                )
            else:
                self.content = format_html(
                    "<p>{}</p>",
                    _(
                        "No cohort has chosen this LRS yet: with the scope "
                        "“Organisations”, it is sent nothing until a cohort does "
                        "(in the cohort's form, under Cohorts)."
                    ),
                )


class ForwarderIndexView(IndexView):
    def get_table(self, object_list):
        # The cohorts (or other organisations) naming the listed LRSs: one
        # query for the page, asked of whoever registered (xapi.audiences).
        forwarders = list(object_list)
        found = audiences.names([forwarder.pk for forwarder in forwarders])
        for forwarder in forwarders:
            forwarder.audience_names = found.get(forwarder.pk, [])
        return super().get_table(forwarders)


class ForwarderViewSet(ModelViewSet):
    model = Forwarder
    icon = "redirect"
    menu_label = _("External LRSs")
    index_view_class = ForwarderIndexView
    list_display = [
        "name",
        "endpoint",
        Column("scope", label=_("Scope"), accessor=_scope),
        Column("audience", label=_("Sends the statements of"), accessor=_audience),
        BooleanColumn("active", label=_("Active")),
    ]
    list_filter = ["scope", "active"]
    panels = [
        FieldPanel("name"),
        FieldPanel("endpoint"),
        FieldPanel("username"),
        FieldPanel("password", widget=forms.PasswordInput(render_value=True)),
        FieldPanel("scope", widget=forms.RadioSelect),
        AudiencePanel(heading=_("Cohorts")),
        FieldPanel("active"),
    ]


class OutboxFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=[
            ("waiting", _("Waiting (never tried yet)")),
            ("failing", _("Failing (retried with backoff)")),
            ("sent", _("Sent")),
        ],
        method="filter_state",
    )

    class Meta:
        model = OutboxEntry
        fields = ["forwarder", "state"]

    def filter_state(self, queryset, name, value):
        if value == "sent":
            return queryset.filter(sent_at__isnull=False)
        queryset = queryset.filter(sent_at__isnull=True)
        if value == "failing":
            return queryset.filter(attempts__gt=0)
        return queryset.filter(attempts=0)


class OutboxPermissionPolicy(ModelPermissionPolicy):
    """The queue is written by the LRS only: no entry is added by hand (one
    may be changed to be retried, or deleted)."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        kept = [action for action in actions if action != "add"]
        if not kept:
            return get_user_model().objects.none()
        return super().users_with_any_permission(kept)


register_permission_policy(OutboxEntry, OutboxPermissionPolicy(OutboxEntry))


class OutboxIndexView(IndexView):
    default_ordering = "-created_at"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("forwarder")


class OutboxViewSet(ModelViewSet):
    """The forwarding queue and its failures (read only)."""

    model = OutboxEntry
    icon = "list-ul"
    menu_label = _("Outbox")
    index_view_class = OutboxIndexView
    list_display = [
        "statement_id",
        "forwarder",
        "created_at",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]
    filterset_class = OutboxFilterSet
    form_fields = ["attempts"]
    inspect_view_enabled = True


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
