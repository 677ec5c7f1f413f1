"""The packages app's models: SCORM (`packages.scorm.models`) and cmi5
(`packages.cmi5.models`)."""

from .cmi5.models import (
    Cmi5ActivityPage,
    Cmi5Course,
    Cmi5Registration,
    Cmi5Session,
)
from .scorm.models import (
    ScormActivityPage,
    ScormAttempt,
    ScormPackage,
    ScormRuntime,
    ScormVersion,
)

__all__ = [
    "Cmi5ActivityPage",
    "Cmi5Course",
    "Cmi5Registration",
    "Cmi5Session",
    "ScormActivityPage",
    "ScormAttempt",
    "ScormPackage",
    "ScormRuntime",
    "ScormVersion",
]
