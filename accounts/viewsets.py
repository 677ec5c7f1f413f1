from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet


class DisplayNameCreationForm(UserCreationForm):
    display_name = forms.CharField(max_length=150, label=_("Display name"))

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"display_name"}


class DisplayNameEditForm(UserEditForm):
    display_name = forms.CharField(max_length=150, label=_("Display name"))

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"display_name"}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update: bool = False):
        return DisplayNameEditForm if for_update else DisplayNameCreationForm
