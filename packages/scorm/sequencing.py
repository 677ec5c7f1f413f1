"""SCORM 2004 sequencing, read from the manifest into the settings
scorm-again's sequencing engine takes (`SequencingSettings`: the activity
tree with each activity's controls, rules, limits, objectives, rollup and
delivery controls, plus the manifest's sequencing collections).

scorm-again implements the sequencing and navigation behaviour itself (IMS
Simple Sequencing, SCORM 2004 SN book); this module only translates the
manifest, element by element and namespace-agnostically. What it does not
translate is returned by name, so the import lists it as a warning instead
of pretending it is honoured. Values are bounded: identifiers and titles are
cut, numbers parsed strictly (a bad one drops that setting and is reported)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element

from .manifest_xml import child as _child
from .manifest_xml import children as _children
from .manifest_xml import declared as _attr
from .manifest_xml import local as _local
from .manifest_xml import text as _text

MAX_ID = 255
MAX_TITLE = 300
MAX_RULES = 50

# Elements of an <imsss:sequencing> this module reads.
_READ = {
    "controlMode",
    "sequencingRules",
    "limitConditions",
    "rollupRules",
    "objectives",
    "randomizationControls",
    "deliveryControls",
    "constrainedChoiceConsiderations",
    "rollupConsiderations",
}
_HIDE_LMS_UI = {
    "continue",
    "previous",
    "exit",
    "exitAll",
    "abandon",
    "abandonAll",
    "suspendAll",
}
_RULE_KINDS = {
    "preConditionRule": "preConditionRules",
    "exitConditionRule": "exitConditionRules",
    "postConditionRule": "postConditionRules",
}


@dataclass
class Sequencing:
    """The engine's settings, or None when the package declares nothing to
    sequence; and what the manifest declares that is not carried over."""

    settings: dict[str, Any] | None = None
    not_carried: list[str] = field(default_factory=list)


class _Reader:
    def __init__(self) -> None:
        self.not_carried: set[str] = set()
        self.declared = False

    # Typed attribute readers: a bad value is reported and left out.
    def _flag(self, element: Element, name: str, into: dict, key: str) -> None:
        value = _attr(element, name)
        if value is None:
            return
        if value.lower() in ("true", "false"):
            into[key] = value.lower() == "true"
        else:
            self.not_carried.add(f"{_local(element.tag)}@{name}")

    def _number(
        self,
        element: Element,
        name: str,
        into: dict,
        key: str,
        cast: Callable[[str], Any] = float,
        low: float = -1.0,
        high: float = 1.0e9,
    ) -> None:
        value = _attr(element, name)
        if value is None:
            return
        try:
            number = cast(value)
        except ValueError:
            self.not_carried.add(f"{_local(element.tag)}@{name}")
            return
        if low <= number <= high:
            into[key] = number
        else:
            self.not_carried.add(f"{_local(element.tag)}@{name}")

    def _token(
        self, element: Element, name: str, into: dict, key: str, allowed: set[str]
    ) -> None:
        value = _attr(element, name)
        if value is None:
            return
        if value in allowed:
            into[key] = value
        else:
            self.not_carried.add(f"{_local(element.tag)}@{name}={value[:40]}")

    def sequencing(self, element: Element) -> dict[str, Any]:
        """One <sequencing> (of an item, the organisation or a collection)."""
        self.declared = True
        out: dict[str, Any] = {}
        controls: dict[str, Any] = {}
        for child in element:
            name = _local(child.tag)
            if name not in _READ:
                self.not_carried.add(name)
        mode = _child(element, "controlMode")
        if mode is not None:
            for name in (
                "choice",
                "choiceExit",
                "flow",
                "forwardOnly",
                "useCurrentAttemptObjectiveInfo",
                "useCurrentAttemptProgressInfo",
            ):
                self._flag(mode, name, controls, name)
        rules = _child(element, "sequencingRules")
        if rules is not None:
            out["sequencingRules"] = self._rules(rules)
        limits = _child(element, "limitConditions")
        if limits is not None:
            self._number(limits, "attemptLimit", out, "attemptLimit", int, 0, 10_000)
            duration = _attr(limits, "attemptAbsoluteDurationLimit")
            if duration:
                out["attemptAbsoluteDurationLimit"] = duration[:40]
        rollup = _child(element, "rollupRules")
        if rollup is not None:
            self._flag(
                rollup, "rollupObjectiveSatisfied", controls, "rollupObjectiveSatisfied"
            )
            self._flag(
                rollup, "rollupProgressCompletion", controls, "rollupProgressCompletion"
            )
            self._number(
                rollup, "objectiveMeasureWeight", controls, "objectiveMeasureWeight",
                float, 0.0, 1.0,
            )  # fmt: skip
            rules_out = [
                self._rollup_rule(rule) for rule in _children(rollup, "rollupRule")
            ]
            if rules_out:
                out["rollupRules"] = {"rules": rules_out[:MAX_RULES]}
        objectives = next(
            (o for o in _children(element, "objectives") if "adlseq" not in o.tag),
            None,
        )
        if objectives is not None:
            primary = _child(objectives, "primaryObjective")
            if primary is not None:
                out["primaryObjective"] = self._objective(primary, primary=True)
            others = [self._objective(o) for o in _children(objectives, "objective")]
            if others:
                out["objectives"] = others[:MAX_RULES]
        extended = next(
            (o for o in _children(element, "objectives") if "adlseq" in o.tag), None
        )
        if extended is not None:
            self._extended_maps(extended, out)
        random = _child(element, "randomizationControls")
        if random is not None:
            timings = {"never", "once", "onEachNewAttempt"}
            self._token(
                random, "randomizationTiming", controls, "randomizationTiming", timings
            )
            self._token(random, "selectionTiming", controls, "selectionTiming", timings)
            self._number(random, "selectCount", controls, "selectCount", int, 0, 10_000)
            self._flag(random, "reorderChildren", controls, "randomizeChildren")
        delivery = _child(element, "deliveryControls")
        if delivery is not None:
            settings: dict[str, Any] = {}
            for name in ("tracked", "completionSetByContent", "objectiveSetByContent"):
                self._flag(delivery, name, settings, name)
            controls.update(settings)
        constrained = _child(element, "constrainedChoiceConsiderations")
        if constrained is not None:
            self._flag(constrained, "preventActivation", controls, "preventActivation")
            self._flag(constrained, "constrainChoice", controls, "constrainChoice")
        considerations = _child(element, "rollupConsiderations")
        if considerations is not None:
            required = {"always", "ifAttempted", "ifNotSkipped", "ifNotSuspended"}
            settings = {}
            for name in (
                "requiredForSatisfied",
                "requiredForNotSatisfied",
                "requiredForCompleted",
                "requiredForIncomplete",
            ):
                self._token(considerations, name, settings, name, required)
            self._flag(
                considerations,
                "measureSatisfactionIfActive",
                settings,
                "measureSatisfactionIfActive",
            )
            out["rollupConsiderations"] = settings
        if controls:
            out["sequencingControls"] = controls
        return out

    def _extended_maps(self, element: Element, out: dict[str, Any]) -> None:
        """SCORM 2004 4th edition's adlseq:objectives: more of an objective's
        data (completion, progress, scores) shared through global objectives,
        added to the map of the imsss objective of the same id."""
        objectives = [out.get("primaryObjective"), *out.get("objectives", [])]
        by_id = {o["objectiveID"]: o for o in objectives if o}
        for objective in _children(element, "objective")[:MAX_RULES]:
            target_objective = by_id.get(_attr(objective, "objectiveID") or "")
            if target_objective is None:
                self.not_carried.add("adlseq:objective (no matching imsss objective)")
                continue
            for info in _children(objective, "mapInfo")[:MAX_RULES]:
                target = _attr(info, "targetObjectiveID")
                if not target:
                    self.not_carried.add("adlseq:mapInfo (no target)")
                    continue
                entry: dict[str, Any] = {"targetObjectiveID": target[:MAX_ID]}
                for data in ("CompletionStatus", "ProgressMeasure", "RawScore",
                             "MinScore", "MaxScore"):  # fmt: skip
                    entry[f"read{data}"] = True
                    entry[f"write{data}"] = False
                    self._flag(info, f"read{data}", entry, f"read{data}")
                    self._flag(info, f"write{data}", entry, f"write{data}")
                target_objective.setdefault("mapInfo", []).append(entry)

    def _rules(self, element: Element) -> dict[str, list]:
        out: dict[str, list] = {}
        for child in element:
            kind = _RULE_KINDS.get(_local(child.tag))
            if kind is None:
                self.not_carried.add(_local(child.tag))
                continue
            rule = self._rule(child)
            if rule is not None:
                out.setdefault(kind, []).append(rule)
        return {kind: rules[:MAX_RULES] for kind, rules in out.items()}

    def _rule(self, element: Element) -> dict[str, Any] | None:
        conditions = _child(element, "ruleConditions")
        action = _child(element, "ruleAction")
        if conditions is None or action is None or not _attr(action, "action"):
            self.not_carried.add(f"{_local(element.tag)} (incomplete)")
            return None
        rule: dict[str, Any] = {
            "action": _attr(action, "action"),
            "conditionCombination": _attr(conditions, "conditionCombination") or "all",
            "conditions": [],
        }
        for condition in _children(conditions, "ruleCondition")[:MAX_RULES]:
            item: dict[str, Any] = {"condition": _attr(condition, "condition") or ""}
            if (_attr(condition, "operator") or "noOp") == "not":
                item["operator"] = "not"
            referenced = _attr(condition, "referencedObjective")
            if referenced:
                item["referencedObjective"] = referenced[:MAX_ID]
            threshold: dict[str, Any] = {}
            self._number(condition, "measureThreshold", threshold, "threshold")
            if threshold:
                item["parameters"] = threshold
            rule["conditions"].append(item)
        return rule

    def _rollup_rule(self, element: Element) -> dict[str, Any]:
        rule: dict[str, Any] = {"conditions": []}
        self._token(
            element, "childActivitySet", rule, "consideration",
            {"all", "any", "none", "atLeastCount", "atLeastPercent"},
        )  # fmt: skip
        self._number(element, "minimumCount", rule, "minimumCount", int, 0, 10_000)
        self._number(element, "minimumPercent", rule, "minimumPercent", float, 0.0, 1.0)
        conditions = _child(element, "rollupConditions")
        if conditions is not None:
            self._token(
                conditions, "conditionCombination", rule, "conditionCombination",
                {"all", "any"},
            )  # fmt: skip
            for condition in _children(conditions, "rollupCondition")[:MAX_RULES]:
                item: dict[str, Any] = {
                    "condition": _attr(condition, "condition") or ""
                }
                if (_attr(condition, "operator") or "noOp") == "not":
                    item["operator"] = "not"
                rule["conditions"].append(item)
        action = _child(element, "rollupAction")
        rule["action"] = (_attr(action, "action") if action is not None else "") or ""
        return rule

    def _objective(self, element: Element, *, primary: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "objectiveID": (_attr(element, "objectiveID") or "")[:MAX_ID],
            "isPrimary": primary,
        }
        self._flag(element, "satisfiedByMeasure", out, "satisfiedByMeasure")
        measure = _text(_child(element, "minNormalizedMeasure"))
        if measure:
            try:
                value = float(measure)
            except ValueError:
                self.not_carried.add("minNormalizedMeasure")
            else:
                if -1.0 <= value <= 1.0:
                    out["minNormalizedMeasure"] = value
        maps = []
        for info in _children(element, "mapInfo")[:MAX_RULES]:
            target = _attr(info, "targetObjectiveID")
            if not target:
                self.not_carried.add("mapInfo (no target)")
                continue
            # The IMS SS defaults: read true, write false.
            entry: dict[str, Any] = {
                "targetObjectiveID": target[:MAX_ID],
                "readSatisfiedStatus": True,
                "readNormalizedMeasure": True,
                "writeSatisfiedStatus": False,
                "writeNormalizedMeasure": False,
            }
            for name in (
                "readSatisfiedStatus",
                "readNormalizedMeasure",
                "writeSatisfiedStatus",
                "writeNormalizedMeasure",
            ):
                self._flag(info, name, entry, name)
            maps.append(entry)
        if maps:
            out["mapInfo"] = maps
        return out

    def activity(self, element: Element, title_default: str) -> dict[str, Any]:
        """An organisation or item, with its children."""
        identifier = (_attr(element, "identifier") or "")[:MAX_ID]
        activity: dict[str, Any] = {
            "id": identifier,
            "title": (_text(_child(element, "title")) or title_default or identifier)[
                :MAX_TITLE
            ],
        }
        if (_attr(element, "isvisible") or "true").lower() == "false":
            activity["isVisible"] = False
        sequencing = _child(element, "sequencing")
        if sequencing is not None:
            reference = _attr(sequencing, "IDRef")
            if reference:
                activity["sequencingIdRef"] = reference[:MAX_ID]
            activity.update(self.sequencing(sequencing))
        threshold = _child(element, "completionThreshold")
        if threshold is not None:
            self.declared = True
            settings: dict[str, Any] = {}
            self._flag(threshold, "completedByMeasure", settings, "completedByMeasure")
            self._number(
                threshold, "minProgressMeasure", settings, "minProgressMeasure",
                float, 0.0, 1.0,
            )  # fmt: skip
            self._number(
                threshold, "progressWeight", settings, "progressWeight", float, 0.0, 1.0
            )
            activity["completionThreshold"] = settings
        presentation = _child(element, "presentation")
        if presentation is not None:
            hidden = []
            for interface in _children(presentation, "navigationInterface"):
                for hide in _children(interface, "hideLMSUI"):
                    token = _text(hide)
                    if token in _HIDE_LMS_UI and token not in hidden:
                        hidden.append(token)
            if hidden:
                self.declared = True
                activity["hideLmsUi"] = hidden
        children = [self.activity(child, "") for child in _children(element, "item")]
        if children:
            activity["children"] = children
        return activity


def read_sequencing(root: Element, organization: Element) -> Sequencing:
    """The engine's settings for the chosen organisation of a SCORM 2004
    manifest (`root` is <manifest>)."""
    reader = _Reader()
    tree = reader.activity(organization, "")
    collections: dict[str, Any] = {}
    collection = _child(root, "sequencingCollection")
    if collection is not None:
        for sequencing in _children(collection, "sequencing"):
            identifier = _attr(sequencing, "ID")
            if identifier:
                collections[identifier[:MAX_ID]] = {
                    "id": identifier[:MAX_ID],
                    **reader.sequencing(sequencing),
                }
    if not reader.declared:
        return Sequencing(None, sorted(reader.not_carried))
    settings: dict[str, Any] = {"activityTree": tree}
    if collections:
        settings["collections"] = collections
    return Sequencing(settings, sorted(reader.not_carried))
