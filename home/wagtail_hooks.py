"""The admin's snippets of the public site: the network's partners."""

from wagtail.snippets.models import register_snippet

from .models import Partner

register_snippet(Partner)
