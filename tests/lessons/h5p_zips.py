"""Small H5P packages built in the tests, hostile ones included."""

from __future__ import annotations

import io
import json
import stat
import zipfile
from pathlib import Path

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata" / "h5p"

LIBRARY = {
    "title": "Test Card",
    "machineName": "Test.Card",
    "majorVersion": 1,
    "minorVersion": 0,
    "patchVersion": 2,
    "runnable": 1,
    "preloadedJs": [{"path": "card.js"}],
    "preloadedCss": [{"path": "card.css"}],
}
MANIFEST = {
    "title": "A test card",
    "language": "en",
    "mainLibrary": "Test.Card",
    "embedTypes": ["div"],
    "preloadedDependencies": [
        {"machineName": "Test.Card", "majorVersion": "1", "minorVersion": "0"}
    ],
}


def shared(kind: str) -> list[Path]:
    folder = TESTDATA / kind
    if not folder.is_dir():
        raise AssertionError(f"shared test data missing: {folder} (see ../shared)")
    return sorted(folder.glob("*.h5p"))


def valid_files(*, patch: int = 2, with_library: bool = True) -> dict[str, bytes]:
    files = {
        "h5p.json": json.dumps(MANIFEST).encode(),
        "content/content.json": b'{"text": "Hello"}',
    }
    if with_library:
        files |= {
            "Test.Card-1.0/library.json": json.dumps(
                {**LIBRARY, "patchVersion": patch}
            ).encode(),
            "Test.Card-1.0/card.js": f"/* patch {patch} */".encode(),
            "Test.Card-1.0/card.css": b".card{}",
        }
    return files


def build(files: dict[str, bytes], *, symlinks: tuple[str, ...] = ()) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if name in symlinks:
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, data)
    buffer.seek(0)
    return buffer


def build_duplicate(files: dict[str, bytes], name: str) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for entry, data in files.items():
            archive.writestr(entry, data)
        with __import__("warnings").catch_warnings():
            __import__("warnings").simplefilter("ignore")
            archive.writestr(name, b"{}")
    buffer.seek(0)
    return buffer
