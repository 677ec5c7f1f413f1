"""`<id:name>`: the path converter for every integer in a URL.

Django's `<int:…>` matches any number of digits, and a number past what the
database holds reaches the query (SQLite and PostgreSQL refuse it: a 500). Our
ids are `BigAutoField`s (`DEFAULT_AUTO_FIELD`), so the bound is a signed 64-bit
integer's; a larger number does not match the route, which is a 404 like any
other miss. Registered on import, by `config/__init__.py`, so it exists before
the first URL pattern is built (Wagtail's routable pages build theirs when
their models are imported).
"""

from django.urls import register_converter

MAX_ID = 2**63 - 1


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError(value)  # no match: a 404
        return number

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")
