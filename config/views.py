"""`/media/` on the platform origin in development (`DEBUG`).

Only pictures are served there, the only uploads whose URLs point at
`/media/` (Wagtail's images and renditions). Everything else under
MEDIA_ROOT has a route that checks who asks (certificates, exports,
documents) or lives on the content origin behind a launch token (H5P
packages): served here, a package's `.xml` ran script on the platform origin
and `content.json` needed no token. Each answer carries a sandboxing policy,
and an SVG is a download when opened on its own (an `<img>` still shows it).
"""

import mimetypes
import posixpath

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponseBase
from django.utils.http import content_disposition_header
from django.views.static import serve

# Shown where they are: the browser never runs a script in them.
PICTURES = {"image/png", "image/jpeg", "image/gif", "image/webp", "image/avif"}
# A picture that can hold script when opened on its own.
DOWNLOADED_PICTURES = {"image/svg+xml"}
# Never here, whatever the file: the H5P store (lessons.h5p.storage) and the
# SCORM packages and cmi5 courses (packages.scorm.services, packages.cmi5).
CONTENT_ORIGIN_ONLY = frozenset({"h5p", "scorm", "cmi5"})
SANDBOX = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


def media(request: HttpRequest, path: str) -> HttpResponseBase:
    # As `serve` will read it: `images/../h5p/…` is the H5P store.
    path = posixpath.normpath(path).lstrip("/")
    top = path.split("/", 1)[0].lower()
    content_type, encoding = mimetypes.guess_type(path)
    if (
        top in CONTENT_ORIGIN_ONLY | {"..", "."}
        or encoding is not None
        or content_type not in PICTURES | DOWNLOADED_PICTURES
    ):
        raise Http404("Not served here.")
    response = serve(request, path, document_root=str(settings.MEDIA_ROOT))
    response["Content-Security-Policy"] = SANDBOX
    response["X-Content-Type-Options"] = "nosniff"
    if content_type in DOWNLOADED_PICTURES:
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=posixpath.basename(path)
        )
    return response
