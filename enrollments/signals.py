"""Signals this app owns, for higher layers (certificates) to listen to.
Receivers should only enqueue work."""

from django.dispatch import Signal

# Sent on commit, once, when an enrolment becomes completed. kwargs: enrollment_id.
enrollment_completed = Signal()
