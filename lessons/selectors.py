"""Reads for lessons' H5P activities."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import User

from .models import H5PLaunch, H5PResult, H5PState


class LaunchExpired(Exception):
    """The launch exists but its token is older than H5P_LAUNCH_LIFETIME."""


def _unexpired(launch: H5PLaunch) -> H5PLaunch:
    lifetime = timedelta(seconds=settings.H5P_LAUNCH_LIFETIME)
    if launch.created_at < timezone.now() - lifetime:
        raise LaunchExpired(launch.token)
    return launch


def launch_for_token(token: str) -> H5PLaunch:
    """The launch a content-origin request names; a miss is a 404, an expired
    token raises `LaunchExpired`."""
    return _unexpired(
        get_object_or_404(
            H5PLaunch.objects.select_related("content", "learner", "lesson"),
            token=token,
        )
    )


def launch_for_learner(token: str, learner: User) -> H5PLaunch:
    """A launch of the signed-in learner only; anyone else's is a 404, an
    expired one raises `LaunchExpired`."""
    return _unexpired(
        get_object_or_404(
            H5PLaunch.objects.select_related("content"), token=token, learner=learner
        )
    )


def h5p_state(launch: H5PLaunch, data_type: str, sub_content_id: str) -> str | None:
    return (
        H5PState.objects.filter(
            learner=launch.learner_id,
            content=launch.content_id,
            lesson=launch.lesson_id,
            data_type=data_type,
            sub_content_id=sub_content_id or "0",
        )
        .values_list("data", flat=True)
        .first()
    )


def h5p_results_for(learner: User, lesson_ids: list[int]) -> list[H5PResult]:
    return list(
        H5PResult.objects.filter(learner=learner, lesson_id__in=lesson_ids)
        .select_related("content")
        .order_by("lesson_id", "content__title")
    )
