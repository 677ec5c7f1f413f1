"""The one download view of every export: its owner's alone, a 404 for
anyone else (an admin included) and for a kind the user may no longer use."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404

from . import selectors


@login_required
def download(request, export_id: int, kind: str | None = None):
    export = selectors.downloadable(request.user, export_id, kind=kind)
    if export is None:
        raise Http404
    return FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=export.filename,
        content_type=export.content_type,
    )
