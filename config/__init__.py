# The `<id:…>` path converter, registered before any URL pattern is built.
import core.converters  # noqa: F401
