"""Signals this app owns, for higher layers (enrollments) to listen to.
Receivers should only enqueue work or call one service."""

from django.dispatch import Signal

# Sent on commit when an H5P activity set to complete its lesson has been
# completed (or passed) by a learner. kwargs: learner, lesson.
h5p_activity_completed = Signal()
