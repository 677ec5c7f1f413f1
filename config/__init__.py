# The `<id:…>` path converter, registered before any URL pattern is built.
from . import converters  # noqa: F401
