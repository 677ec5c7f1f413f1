"""Signals this app owns, for higher layers (enrollments) to listen to.
Receivers should only enqueue work."""

from django.dispatch import Signal

# Sent on commit when an attempt's grade becomes final (graded automatically,
# after hand-marking, or after a regrade changed it). kwargs: attempt.
attempt_graded = Signal()

# Sent on commit after a regrade chunk changed final grades, once for the whole
# chunk (hundreds of attempts), so receivers can enqueue one task, not one an
# attempt. kwargs: attempt_ids.
attempts_regraded = Signal()
