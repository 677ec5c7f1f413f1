"""The shared SCORM test packages, and small ones built in the tests."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata" / "scorm"

MANIFEST_12 = """<?xml version="1.0"?>
<manifest identifier="t" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org"><title>Tiny course</title>
      <item identifier="one" identifierref="r1"><title>First</title></item>
      <item identifier="two" identifierref="r1" parameters="?page=2">
        <title>Second</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="{href}">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>"""


def shared(kind: str) -> list[Path]:
    folder = TESTDATA / kind
    if not folder.is_dir():
        raise AssertionError(f"shared test data missing: {folder} (see ../shared)")
    found = sorted(folder.glob("*.zip"))
    if not found:
        raise AssertionError(f"no SCORM packages in {folder} (see ../shared)")
    return found


def shared_package(name: str) -> Path:
    for kind in ("real", "invalid"):
        for path in shared(kind):
            if path.name == name:
                return path
    raise AssertionError(f"shared SCORM package missing: {name} (see ../shared)")


def tiny_files(href: str = "index.html") -> dict[str, bytes]:
    return {
        "imsmanifest.xml": MANIFEST_12.format(href=href).encode(),
        "index.html": b"<!doctype html><title>SCO</title>",
    }


def build(files: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer
