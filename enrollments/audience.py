"""The cohorts' side of forwarding to external LRSs (xapi.audiences): a
learner's statements reach the organisations' LRSs their cohorts name.
Registered at app ready; one query per call, whatever the batch."""

from collections.abc import Collection

from xapi import audiences

from .models import Cohort

Links = Cohort.forwarders.through


class CohortAudience:
    def reach(
        self, user_pks: Collection[int], forwarder_pks: Collection[int]
    ) -> dict[int, set[int]]:
        found: dict[int, set[int]] = {}
        rows = (
            Links.objects.filter(
                forwarder_id__in=list(forwarder_pks),
                cohort__members__in=list(user_pks),
            )
            .values_list("cohort__members", "forwarder_id")
            .distinct()
        )
        for user_pk, forwarder_pk in rows:
            found.setdefault(user_pk, set()).add(forwarder_pk)
        return found

    def names(self, forwarder_pks: Collection[int]) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        rows = (
            Links.objects.filter(forwarder_id__in=list(forwarder_pks))
            .order_by("cohort__name", "cohort_id")
            .values_list("forwarder_id", "cohort__name")
        )
        for forwarder_pk, name in rows:
            found.setdefault(forwarder_pk, []).append(name)
        return found


AUDIENCE = CohortAudience()


def register() -> None:
    audiences.register(AUDIENCE)
