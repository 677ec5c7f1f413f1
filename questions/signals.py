"""Signals this app owns, for higher layers (assessments) to listen to.

Sent in the writer's transaction (not on commit), so a cache keyed by a version
its receiver bumps is never read stale.
"""

from django.dispatch import Signal

# Sent when the bank changed in a way no model signal reports: a bulk import
# (bulk_create sends none), a question's key version raised by an update.
# kwargs: none. `assessments.receivers` bumps the quiz draw version.
bank_changed = Signal()
