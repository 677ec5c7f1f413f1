"""Reading a SCORM 2004 manifest's sequencing into scorm-again's settings."""

from defusedxml import ElementTree

from packages.scorm.sequencing import read_sequencing

NS = (
    'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" '
    'xmlns:imsss="http://www.imsglobal.org/xsd/imsss" '
    'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" '
    'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"'
)


def read(organization_body: str, collections: str = ""):
    root = ElementTree.fromstring(
        f"<manifest {NS}><organizations><organization identifier='org'>"
        f"<title>Course</title>{organization_body}</organization></organizations>"
        f"{collections}</manifest>"
    )
    organization = root.find(".//{http://www.imsglobal.org/xsd/imscp_v1p1}organization")
    return read_sequencing(root, organization)


def test_a_manifest_without_sequencing_needs_no_engine():
    result = read("<item identifier='a'><title>A</title></item>")
    assert result.settings is None and result.not_carried == []


def test_controls_rules_limits_and_rollup_are_carried():
    result = read(
        """
        <item identifier="a"><title>A</title>
          <imsss:sequencing>
            <imsss:controlMode choice="false" flow="true" forwardOnly="true"/>
            <imsss:sequencingRules>
              <imsss:preConditionRule>
                <imsss:ruleConditions conditionCombination="any">
                  <imsss:ruleCondition condition="objectiveMeasureGreaterThan"
                    measureThreshold="0.5" referencedObjective="o1"/>
                  <imsss:ruleCondition operator="not" condition="attempted"/>
                </imsss:ruleConditions>
                <imsss:ruleAction action="skip"/>
              </imsss:preConditionRule>
            </imsss:sequencingRules>
            <imsss:limitConditions attemptLimit="2"/>
            <imsss:rollupRules objectiveMeasureWeight="0.5">
              <imsss:rollupRule childActivitySet="atLeastCount" minimumCount="2">
                <imsss:rollupConditions>
                  <imsss:rollupCondition condition="completed"/>
                </imsss:rollupConditions>
                <imsss:rollupAction action="completed"/>
              </imsss:rollupRule>
            </imsss:rollupRules>
          </imsss:sequencing>
          <adlnav:presentation><adlnav:navigationInterface>
            <adlnav:hideLMSUI>continue</adlnav:hideLMSUI>
            <adlnav:hideLMSUI>bogus</adlnav:hideLMSUI>
          </adlnav:navigationInterface></adlnav:presentation>
        </item>"""
    )
    [item] = result.settings["activityTree"]["children"]
    assert item["sequencingControls"] == {
        "choice": False,
        "flow": True,
        "forwardOnly": True,
        "objectiveMeasureWeight": 0.5,
    }
    [rule] = item["sequencingRules"]["preConditionRules"]
    assert rule["action"] == "skip" and rule["conditionCombination"] == "any"
    assert rule["conditions"] == [
        {
            "condition": "objectiveMeasureGreaterThan",
            "referencedObjective": "o1",
            "parameters": {"threshold": 0.5},
        },
        {"condition": "attempted", "operator": "not"},
    ]
    assert item["attemptLimit"] == 2
    assert item["rollupRules"] == {
        "rules": [
            {
                "conditions": [{"condition": "completed"}],
                "consideration": "atLeastCount",
                "minimumCount": 2,
                "action": "completed",
            }
        ]
    }
    assert item["hideLmsUi"] == ["continue"]
    assert result.not_carried == []


def test_bad_values_and_unknown_elements_are_reported_not_guessed():
    result = read(
        """
        <item identifier="a"><title>A</title>
          <imsss:sequencing>
            <imsss:controlMode choice="maybe"/>
            <imsss:limitConditions attemptLimit="-4"/>
            <imsss:auxiliaryResources/>
            <imsss:objectives>
              <imsss:primaryObjective objectiveID="p">
                <imsss:minNormalizedMeasure>lots</imsss:minNormalizedMeasure>
              </imsss:primaryObjective>
            </imsss:objectives>
          </imsss:sequencing>
        </item>"""
    )
    [item] = result.settings["activityTree"]["children"]
    assert "sequencingControls" not in item and "attemptLimit" not in item
    assert "minNormalizedMeasure" not in item["primaryObjective"]
    assert result.not_carried == [
        "auxiliaryResources",
        "controlMode@choice",
        "limitConditions@attemptLimit",
        "minNormalizedMeasure",
    ]


def test_collections_and_4th_edition_objective_maps():
    result = read(
        """
        <item identifier="a"><title>A</title>
          <imsss:sequencing IDRef="common">
            <imsss:objectives>
              <imsss:primaryObjective objectiveID="done">
                <imsss:mapInfo targetObjectiveID="g.done" writeSatisfiedStatus="true"/>
              </imsss:primaryObjective>
            </imsss:objectives>
            <adlseq:objectives>
              <adlseq:objective objectiveID="done">
                <adlseq:mapInfo targetObjectiveID="g.c" writeCompletionStatus="true"/>
              </adlseq:objective>
              <adlseq:objective objectiveID="nowhere"/>
            </adlseq:objectives>
          </imsss:sequencing>
        </item>""",
        collections="""<imsss:sequencingCollection>
          <imsss:sequencing ID="common">
            <imsss:deliveryControls completionSetByContent="true"/>
          </imsss:sequencing></imsss:sequencingCollection>""",
    )
    [item] = result.settings["activityTree"]["children"]
    assert item["sequencingIdRef"] == "common"
    first, extended = item["primaryObjective"]["mapInfo"]
    assert first["writeSatisfiedStatus"] is True and first["readSatisfiedStatus"]
    assert extended["targetObjectiveID"] == "g.c"
    assert extended["writeCompletionStatus"] and not extended["writeRawScore"]
    assert result.settings["collections"]["common"]["sequencingControls"] == {
        "completionSetByContent": True
    }
    assert result.not_carried == ["adlseq:objective (no matching imsss objective)"]
