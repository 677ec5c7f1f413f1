from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserFilterSet as WagtailUserFilterSet
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import group_label


def _label_groups(field: forms.Field) -> None:
    """Roles are groups: list them by their names in the reader's language."""
    field.label_from_instance = lambda group: group_label(group.name)  # type: ignore[attr-defined]


class DisplayNameCreationForm(UserCreationForm):
    display_name = forms.CharField(max_length=150, label=_("Display name"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            _label_groups(self.fields["groups"])

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"display_name"}


class DisplayNameEditForm(UserEditForm):
    display_name = forms.CharField(max_length=150, label=_("Display name"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            _label_groups(self.fields["groups"])

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"display_name"}


class UserFilterSet(WagtailUserFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _label_groups(self.filters["group"].field)


class UserViewSet(WagtailUserViewSet):
    filterset_class = UserFilterSet

    def get_form_class(self, for_update: bool = False):
        return DisplayNameEditForm if for_update else DisplayNameCreationForm
