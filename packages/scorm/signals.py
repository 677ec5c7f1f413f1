"""Signals this app owns, for higher layers (enrollments) to listen to.
Receivers should only enqueue work or call one service."""

from django.dispatch import Signal

# Sent on commit when a learner's attempt at a SCORM activity first completes
# (every SCO of its organisation completed). kwargs: learner_id, activity_id.
scorm_activity_completed = Signal()
