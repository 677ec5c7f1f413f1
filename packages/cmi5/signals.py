"""Signals the cmi5 side of this app owns, for higher layers (enrollments).

`cmi5_activity_satisfied` is sent on commit when a learner's registration in
a cmi5 activity is first satisfied (every AU's moveOn met). kwargs:
learner_id, activity_id."""

from django.dispatch import Signal

cmi5_activity_satisfied = Signal()
