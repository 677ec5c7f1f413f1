"""Messages of the pure modules (H5P validation, the question importers) that the
web layer shows in the reader's language.

Those modules may not import Django, so they cannot translate; they build each
message with `gettext_noop(template, **params)`, which `makemessages` collects
(the name is one it looks for) and which returns a `Translatable`: a `str` whose
value is the English text, so logs, JSON summaries and tests keep reading
English, and which remembers its template and parameters so that
`translated(message, gettext)` can fill in the French template instead.
Parameters may themselves be translatable ("answer 3" inside "answer 3 has no
text"). Imports nothing from Django or Wagtail (an import-linter contract).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

__all__ = ["Translatable", "gettext_noop", "translated"]


class Translatable(str):
    """English text that can be rendered again in another language."""

    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, params: Mapping[str, object]) -> Translatable:
        # `%` always runs, so "100%%" reads "100%" with or without parameters.
        self = super().__new__(cls, template % dict(params))
        self.template = template
        self.params = dict(params)
        return self


def gettext_noop(template: str, /, **params: object) -> Translatable:
    """Marks `template` for the catalogue and fills it in, in English."""
    return Translatable(template, params)


def translated(text: object, gettext: Callable[[str], str]) -> str:
    """`text` in the language `gettext` speaks; text that is not a
    `Translatable` (a file name, an error from a library) is kept as it is."""
    if not isinstance(text, Translatable):
        return str(text)
    params = {key: _param(value, gettext) for key, value in text.params.items()}
    return gettext(text.template) % params


def _param(value: object, gettext: Callable[[str], str]) -> object:
    return translated(value, gettext) if isinstance(value, Translatable) else value
