"""django-q2 entry points: ids in, one service call each."""

from . import exports


def build_export(export_id: int) -> str | None:
    export = exports.build_export(export_id)
    return None if export is None else export.status
