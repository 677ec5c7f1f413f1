"""The statement validator, on its own (no database)."""

import copy

import pytest

from xapi import validation
from xapi.validation import Invalid

from .conftest import statement


def test_a_minimal_statement_is_valid():
    validation.statement(statement())


@pytest.mark.parametrize(
    "change",
    [
        lambda s: s.pop("actor"),
        lambda s: s.update(unknown=1),
        lambda s: s.update(id="not-a-uuid"),
        lambda s: s["actor"].update(mbox="learner@example.org"),
        lambda s: s["actor"].update(openid="http://id.example/x"),  # two IFIs
        lambda s: s["actor"].update(objectType="agent"),
        lambda s: s["verb"].update(id="completed"),
        lambda s: s["verb"].update(display={"not a tag!": "x"}),
        lambda s: s["object"].update(id="lesson 1"),
        lambda s: s["object"].update(definition={"interactionType": {"x": 1}}),
        lambda s: s["object"].update(definition={"choices": [{"id": "a"}]}),
        lambda s: s["object"].update(definition={"extensions": {"key": 1}}),
        lambda s: s.update(result={"score": {"scaled": 1.5}}),
        lambda s: s.update(result={"score": {"raw": 11, "min": 0, "max": 10}}),
        lambda s: s.update(result={"duration": "1 hour"}),
        lambda s: s.update(result={"success": "yes"}),
        lambda s: s.update(timestamp="2026-01-01T10:00:00-00:00"),
        lambda s: s.update(timestamp="yesterday"),
        lambda s: s.update(version="2.0.0"),
        lambda s: s.update(context={"registration": "x"}),
        lambda s: s.update(context={"team": {"mbox": "mailto:t@example.org"}}),
        lambda s: s.update(
            object={"objectType": "Agent", "mbox": "mailto:a@example.org"},
            context={"revision": "2"},
        ),
        lambda s: s.update(object={"objectType": "Group"}),
        lambda s: s.update(
            verb={"id": validation.VOIDED},
            object={"id": "https://academy.example/a"},
        ),
        lambda s: s.update(
            authority={
                "objectType": "Group",
                "mbox": "mailto:g@example.org",
                "member": [
                    {"mbox": "mailto:a@example.org"},
                    {"mbox": "mailto:b@example.org"},
                ],
            }
        ),
        lambda s: s.update(attachments=[{"usageType": "http://x.example/u"}]),
    ],
)
def test_invalid_statements_are_refused(change):
    data = copy.deepcopy(statement())
    change(data)
    with pytest.raises(Invalid):
        validation.statement(data)


def test_a_substatement_cannot_hold_a_substatement():
    inner = {"objectType": "SubStatement", **statement()}
    outer = {"objectType": "SubStatement", **statement(object=inner)}
    validation.statement(statement(object=inner))
    with pytest.raises(Invalid):
        validation.statement(statement(object=outer))


def test_an_anonymous_group_needs_members_and_an_identified_one_may_list_them():
    members = [{"mbox": "mailto:a@example.org"}]
    validation.statement(statement(actor={"objectType": "Group", "member": members}))
    validation.statement(
        statement(
            actor={
                "objectType": "Group",
                "mbox": "mailto:g@example.org",
                "member": members,
            }
        )
    )
    with pytest.raises(Invalid):
        validation.statement(statement(actor={"objectType": "Group", "member": []}))


def test_timestamps_with_zones_parse():
    moment = validation.parse_timestamp("2026-03-01T12:30:00.123456789+0130", "t")
    assert moment.utcoffset().total_seconds() == 5400
    assert moment.microsecond == 123456


def test_long_strings_are_refused():
    with pytest.raises(Invalid):
        validation.statement(statement(result={"response": "x" * 10_001}))
