"""Signals this app owns, for higher layers (certificates) to listen to.
Receivers should only enqueue work."""

from django.dispatch import Signal

# Sent on commit, once, when an enrolment becomes completed. kwargs: enrollment_id.
enrollment_completed = Signal()

# Sent on commit, once, when a learner's completion of a learning path is
# recorded (with the enrolment whose course completed it). kwargs:
# path_completion_id.
path_completed = Signal()
