"""A content type's own interface words in the reader's language. Pure: no
Django, no Wagtail.

An H5P package keeps its buttons' labels ("Check", "Retry", "Show solution")
in its `content.json`, filled in by the editor from the library's defaults
(`semantics.json`). The library ships those defaults translated
(`language/fr.json`, the same tree of fields). A value the author left at the
English default is the library's word, not the author's: it is shown in the
reader's language. A value the author wrote is theirs and stays as written.
Nested content types (a `library` field) keep their words: each would need
its own library's language file."""

from __future__ import annotations

from typing import Any


def localize(params: Any, semantics: Any, translated: Any) -> Any:
    """`params` (a content.json) with every value still at its semantics
    default replaced by the translated default (`translated`: a language
    file's `semantics`). Anything malformed is left as it is."""
    if not isinstance(semantics, list) or not isinstance(translated, list):
        return params
    if not isinstance(params, dict):
        return params
    return _fields(params, semantics, translated)


def _fields(params: dict, fields: list, translated: list) -> dict:
    result = dict(params)
    for field, other in zip(fields, translated, strict=False):
        if not isinstance(field, dict) or not isinstance(other, dict):
            continue
        name = field.get("name")
        if isinstance(name, str) and name in result:
            result[name] = _value(result[name], field, other)
    return result


def _value(value: Any, field: dict, other: dict) -> Any:
    kind = field.get("type")
    if kind == "group":
        fields, translated = field.get("fields"), other.get("fields")
        if not isinstance(fields, list) or not isinstance(translated, list):
            return value
        if isinstance(value, dict):
            return _fields(value, fields, translated)
        # A group of one field holds that field's value directly.
        if len(fields) == 1 and translated:
            return _value(value, fields[0], translated[0])
        return value
    if kind == "list":
        item, translated_item = field.get("field"), other.get("field")
        if (
            isinstance(value, list)
            and isinstance(item, dict)
            and isinstance(translated_item, dict)
        ):
            return [_value(v, item, translated_item) for v in value]
        return value
    if kind == "text" and isinstance(value, str):
        default, translated_default = field.get("default"), other.get("default")
        if (
            isinstance(default, str)
            and isinstance(translated_default, str)
            and value == default
        ):
            return translated_default
    return value
