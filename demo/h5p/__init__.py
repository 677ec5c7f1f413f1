"""IGN Academy's own H5P library and activity (original code, MIT), packed into a
`.h5p` at seed time so the demo and the tests have an activity of their own."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

SOURCE = Path(__file__).resolve().parent
TITLE = "Self-check: the principle of distinction"


def selfcheck_package() -> io.BytesIO:
    """The folder packed as an H5P archive (h5p.json, content/, the library)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(SOURCE.rglob("*")):
            if path.is_file() and path.suffix in {".json", ".js", ".css"}:
                archive.write(path, path.relative_to(SOURCE).as_posix())
    buffer.seek(0)
    return buffer
