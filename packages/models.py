"""The packages app's models: SCORM (`packages.scorm.models`)."""

from .scorm.models import (
    ScormActivityPage,
    ScormAttempt,
    ScormPackage,
    ScormRuntime,
    ScormVersion,
)

__all__ = [
    "ScormActivityPage",
    "ScormAttempt",
    "ScormPackage",
    "ScormRuntime",
    "ScormVersion",
]
