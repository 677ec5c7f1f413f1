"""django-q2 entry points: ids in, one service call each."""

from . import services


def build_export(export_id: int) -> str | None:
    export = services.build_export(export_id)
    return None if export is None else export.status


def clean_up_exports() -> int:
    return services.clean_up_exports()
