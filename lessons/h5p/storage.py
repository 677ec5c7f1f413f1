"""Where H5P files live: MEDIA_ROOT/h5p/libraries/<Name-major.minor>/ (shared)
and MEDIA_ROOT/h5p/content/<uuid>/ (h5p.json and content/). Trees are written
beside their target and renamed into place, so a reader never sees half a tree."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from django.conf import settings


def root() -> Path:
    return Path(settings.MEDIA_ROOT) / "h5p"


def library_dir(folder: str) -> Path:
    return root() / "libraries" / folder


def content_dir(content_uuid: uuid.UUID | str) -> Path:
    return root() / "content" / str(content_uuid)


def write_tree(target: Path, files: dict[str, bytes]) -> None:
    """Write `files` (relative names) as the tree at `target`, replacing any old one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.parent / f".{target.name}.{uuid.uuid4().hex}.new"
    try:
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if target.exists():
            retired = target.parent / f".{target.name}.{uuid.uuid4().hex}.old"
            os.replace(target, retired)
            os.replace(staging, target)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def same_tree(target: Path, files: dict[str, bytes]) -> bool:
    """Whether the tree at `target` holds exactly `files`, byte for byte."""
    if not target.is_dir():
        return False
    present = {
        path.relative_to(target).as_posix()
        for path in target.rglob("*")
        if path.is_file()
    }
    if present != set(files):
        return False
    return all((target / name).read_bytes() == data for name, data in files.items())


def remove_tree(target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)


def resolve_inside(base: Path, relative: str) -> Path | None:
    """The file `relative` under `base`, or None if it escapes it or is missing."""
    if not relative or "\x00" in relative:
        return None
    try:
        base = base.resolve()
        path = (base / relative).resolve()
        found = path.is_relative_to(base) and path.is_file()
    except OSError:  # a name longer than the file system allows, say
        return None
    return path if found else None
