"""Where uploads go: the local file system under MEDIA_ROOT (the default, and what
a shared file system mounted there on every machine needs), or an S3-compatible
bucket when MEDIA_S3_BUCKET is set (django-storages' S3 backend; private objects,
served through our own views or by short-lived signed URLs).

The H5P store stays on MEDIA_ROOT in both cases: it extracts packages and serves
the player's files by path (lessons/h5p/storage.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def media_storage(environ: Mapping[str, str]) -> dict[str, Any]:
    bucket = environ.get("MEDIA_S3_BUCKET", "")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": int(environ.get("MEDIA_S3_URL_EXPIRY", "600")),
        "file_overwrite": False,
        "location": environ.get("MEDIA_S3_PREFIX", "media"),
    }
    for option, name in (
        ("region_name", "MEDIA_S3_REGION"),
        ("endpoint_url", "MEDIA_S3_ENDPOINT_URL"),  # MinIO, Ceph, Scaleway, ...
        ("access_key", "MEDIA_S3_ACCESS_KEY_ID"),
        ("secret_key", "MEDIA_S3_SECRET_ACCESS_KEY"),
    ):
        if environ.get(name):
            options[option] = environ[name]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
