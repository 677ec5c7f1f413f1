"""IGN Academy demo assessments: question banks and quizzes for three courses
the demo instructor teaches.

Pure data. Each bank holds GIFT text (imported through the platform's own
importer, as an instructor would upload a file) plus the questions GIFT cannot
express (ordering, fill in the blanks), which seed_demo creates directly.
Questions carry an id (`// [id:...]` in GIFT) so the quizzes can name them.

Quiz slots are either {"question": id} (a fixed question) or
{"category": path, "count": n} (n questions drawn at random from the category).
"""

from __future__ import annotations

FOUNDATIONS = "foundations-of-civil-military-interaction"
PROTECTION = "protection-of-civilians-in-armed-conflict"
LIAISON = "liaison-and-key-leader-engagement"

# ---------------------------------------------------------------------------
# 1. Foundations of Civil-Military Interaction
# ---------------------------------------------------------------------------

FOUNDATIONS_GIFT = """\
// Question bank for "Foundations of Civil-Military Interaction".

$CATEGORY: $course$/top/Concepts

// [id:found-cmi-cimic]
// [tag:cimic]
::CMI and CIMIC::Which statement best describes the relationship between civil-military interaction (CMI) and civil-military cooperation (CIMIC) in NATO usage?{
=CMI is the broad set of activities the whole force shares with non-military actors; CIMIC is the military joint function and staff capability that enables the commander to take part in CMI.#Correct. CMI is shared and owned by no single branch; CIMIC is the military capability that plans, coordinates and advises on it.
~CIMIC is the broad umbrella term; CMI is the name of the J9 staff branch.#No, it is the other way round: CIMIC is the narrower, military function (J9 at joint level).
~The two terms are interchangeable and can be used in any meeting.#No. The vocabulary carries assumptions about who leads and how close the relationship is; using the wrong word can mislead civilian partners.
~CIMIC covers the work of humanitarian organisations, while CMI is purely military.#No. Civilian partners are never part of CIMIC, although they are always part of CMI.
####CMI is what the whole force does with civilians; CIMIC is the military capability that plans and advises on that interaction on the commander's behalf.}

// [id:found-core-functions]
// [tag:cimic]
::NATO CIMIC core functions::Match each situation with the NATO CIMIC core function (AJP-3.19) it illustrates.{
=A CIMIC officer is placed with the provincial disaster management authority to exchange information and deconflict movements. -> Civil-military liaison
=The staff assess local fuel, water and labour supplies on which the force's logistics will depend. -> Support to the force
=At the request of the authorities, military engineers assess a damaged bridge that civilian agencies cannot reach. -> Support to non-military actors and the civil environment
= -> Information operations
####AJP-3.19 names three core functions: civil-military liaison, support to the force, and support to non-military actors and the civil environment.}

// [id:found-coordination-tf]
::Coordination and direction::True or false: by taking part in a civil-military coordination meeting, a humanitarian organisation accepts that the military force may direct its activities.{F#Not so. Coordination is a process of dialogue; taking part in it does not mean that civilian actors accept military direction.#Correct. Coordination is a process; humanitarian organisations keep their own mandate and independence.}

// [id:found-unity-of-aim]
::Unity of aim::True or false: the comprehensive approach requires all civilian and military actors in a crisis to work under a single chain of command.{F#Not so. In a multi-actor environment no single authority commands everyone; the realistic goal is unity of aim, or at least shared understanding.#Correct. The comprehensive approach seeks unity of aim, not unity of command, and some humanitarian organisations will deliberately stay outside any common framework.}

$CATEGORY: $course$/top/Humanitarian principles

// [id:found-principles]
// [tag:humanitarian-principles]
::The humanitarian principles::Which of the following are humanitarian principles endorsed by the UN General Assembly? Select all that apply; wrong choices cost marks.{
~%25%Humanity#Yes: human suffering must be addressed wherever it is found.
~%25%Neutrality#Yes: humanitarian actors must not take sides in hostilities or in political, racial, religious or ideological controversies.
~%25%Impartiality#Yes: assistance is given on the basis of need alone, the most urgent cases first.
~%25%Independence#Yes: humanitarian action is autonomous from political, economic, military or other objectives.
~%-50%Proportionality#No. Proportionality is a rule of international humanitarian law on the conduct of hostilities.
~%-50%Unity of command#No. Unity of command is a military principle, not a humanitarian one.
####Resolution 46/182 (1991) set out humanity, neutrality and impartiality; resolution 58/114 (2003) added independence.}

// [id:found-impartiality]
// [tag:humanitarian-principles]
::Need alone::A relief agency gives priority to the most severely malnourished children, whatever their family's ethnicity, religion or political affiliation. Which principle is it applying?{
=Impartiality#Correct. Impartiality means acting on the basis of need alone, without distinction on the basis of nationality, race, gender, religion, class or political opinion.
~Neutrality#Not quite. Neutrality is about not taking sides in hostilities or controversies; choosing whom to help by need is impartiality.
~Independence#Not quite. Independence is autonomy from political, economic or military objectives.
~Humanity#Not quite. Humanity is the commitment to address suffering wherever it is found; prioritising by need is impartiality.}

// [id:found-46-182]
// [tag:humanitarian-principles]
::Resolution 46/182::In which year did the UN General Assembly adopt resolution 46/182, which set out the principles of humanity, neutrality and impartiality and created the basis of today's humanitarian coordination system?{#1991#Correct: resolution 46/182 was adopted in December 1991.
~#No. It was adopted in 1991; independence was added in 2003 by resolution 58/114.}

$CATEGORY: $course$/top/Guidelines

// [id:found-ocha]
// [tag:un-cmcoord]
::Home of UN-CMCoord::Which UN office is the custodian of the Oslo Guidelines and hosts the UN humanitarian civil-military coordination (UN-CMCoord) function? Give its name or acronym.{
=OCHA#Correct: the Office for the Coordination of Humanitarian Affairs.
=UN OCHA#Correct: the Office for the Coordination of Humanitarian Affairs.
=Office for the Coordination of Humanitarian Affairs#Correct.
=UN Office for the Coordination of Humanitarian Affairs#Correct.}

// [id:found-oslo-scope]
// [tag:oslo]
::Scope of the Oslo Guidelines::The Guidelines on the Use of Foreign Military and Civil Defence Assets in Disaster Relief (the Oslo Guidelines) apply to which situations?{
=Natural, technological and environmental emergencies in times of peace#Correct. Complex emergencies are covered by the separate MCDA Guidelines.
~Complex emergencies in which the force is a party to the conflict#No. Complex emergencies are covered by the MCDA Guidelines, with a much higher threshold for using military assets.
~Any situation in which a NATO force is deployed#No. The Oslo Guidelines are UN guidance on disaster relief, not NATO doctrine.
~Only disasters inside the territory of a NATO member state#No. They concern foreign military assets deployed to any disaster-affected state at its request or with its consent.}

// [id:found-oslo-indirect]
// [tag:oslo]
::Types of assistance::Under the Oslo Guidelines, a foreign military helicopter flies relief goods to a distribution point where an NGO hands them out. What kind of assistance is the helicopter providing?{
=Indirect assistance#Correct. The military is at least one step removed from the population, here by transporting relief goods.
~Direct assistance#No. Direct assistance is the face-to-face distribution of goods and services to the affected people.
~Infrastructure support#No. Infrastructure support means general services such as road repair, airspace management or power generation.
~Force protection#No. Force protection is not one of the Oslo Guidelines' categories of assistance.}

// [id:found-escorts]
// [tag:armed-escorts]
::Armed escorts::What is the starting point of the IASC non-binding guidelines on the use of armed escorts for humanitarian convoys (2013)?{
=As a general rule, humanitarian convoys will not use armed escorts; an escort is an exception, a last resort when strict criteria are met.#Correct. Escorts can compromise the perception of neutrality and put staff and beneficiaries at risk.
~Armed escorts should be used whenever a military force is available in the area.#No. The availability of military assets is never a reason to use them.
~The military commander decides which convoys need an escort.#No. Any decision to use an escort rests with the humanitarian organisations, on the basis of their own assessment.
~Escorts by host-state forces are always acceptable, escorts by foreign forces never.#No. The guidelines set criteria for any escort; none is automatically acceptable.}
"""

FOUNDATIONS_EXTRA = [
    {
        "kind": "ordering",
        "category": "Guidelines",
        "idnumber": "found-chronology",
        "title": "From 46/182 to the NATO PoC policy",
        "stem": (
            "<p>Put these milestones of civil-military guidance in chronological "
            "order, the earliest first.</p>"
        ),
        "general_feedback": (
            "<p>Resolution 46/182 (1991), the Oslo Guidelines (1994, updated in "
            "2006 and 2007), the MCDA Guidelines for complex emergencies (2003), "
            "the IASC non-binding guidelines on armed escorts (2013) and the NATO "
            "Policy for the Protection of Civilians, adopted at the Warsaw Summit "
            "(2016).</p>"
        ),
        "items": [
            "UN General Assembly resolution 46/182",
            "The Oslo Guidelines are first issued",
            "The MCDA Guidelines for complex emergencies",
            "The IASC non-binding guidelines on armed escorts",
            "The NATO Policy for the Protection of Civilians",
        ],
    },
    {
        "kind": "gapfill",
        "category": "Guidelines",
        "idnumber": "found-last-resort",
        "title": "The last-resort principle",
        "stem": (
            "<p>Under the Oslo Guidelines, foreign military assets should be "
            "requested only where there is no comparable {{1}} alternative and "
            "only the use of military assets can meet a critical humanitarian "
            "need. This is known as the principle of {{2}} resort.</p>"
        ),
        "general_feedback": (
            "<p>Military assets complement civilian relief; they are used when "
            "they are unique in capability and availability, not because they "
            "happen to be there.</p>"
        ),
        "gaps": [["civilian", "civil"], ["last"]],
    },
]

# ---------------------------------------------------------------------------
# 2. Protection of Civilians in Armed Conflict
# ---------------------------------------------------------------------------

PROTECTION_GIFT = """\
// Question bank for "Protection of Civilians in Armed Conflict".

$CATEGORY: $course$/top/PoC concepts

// [id:poc-framework]
// [tag:nato-poc]
::NATO PoC framework::Match each activity with the part of NATO's Protection of Civilians framework it belongs to.{
=Mapping local power brokers, threats to civilians and their vulnerabilities -> Understanding the human environment
=Escalation-of-force procedures at checkpoints and tactical directives on weapons in populated areas -> Mitigate harm
=Keeping supply routes open and avoiding damage to water and power infrastructure -> Facilitate access to basic needs
=Mentoring local forces on their conduct towards civilians -> Contribute to a safe and secure environment
####Understanding the human environment is the foundation; mitigating harm, facilitating access to basic needs and contributing to a safe and secure environment are the three lines of effort.}

// [id:poc-first-mandate]
::First explicit PoC mandate::Which UN peace operation was the first to be explicitly authorised, in 1999, to protect civilians under imminent threat of physical violence?{
=UNAMSIL, in Sierra Leone#Correct. Security Council resolution 1270 (1999) gave UNAMSIL the first explicit protection mandate.
~UNPROFOR, in the former Yugoslavia#No. UNPROFOR's failure to protect civilians in Srebrenica (1995) was one of the reasons PoC mandates were developed.
~UNAMIR, in Rwanda#No. UNAMIR had no protection mandate during the 1994 genocide, one of the failures that led to PoC mandates.
~MONUSCO, in the Democratic Republic of the Congo#No. MONUSCO was established in 2010 and carries a strong PoC mandate, but it was not the first.}

// [id:poc-warsaw]
// [tag:nato-poc]
::NATO PoC policy::At which 2016 summit did NATO adopt its Policy for the Protection of Civilians? Give the city.{
=Warsaw#Correct: the Warsaw Summit, July 2016.
=Warsaw Summit#Correct: the Warsaw Summit, July 2016.
=Warszawa#Correct: the Warsaw Summit, July 2016.}

// [id:poc-own-harm-only]
::Beyond one's own harm::True or false: protection of civilians is only about avoiding casualties caused by the force's own operations.{F#Not so. PoC also concerns threats posed by other actors, where the mandate allows, and the conditions civilians need to survive.#Correct. PoC is broader than avoiding one's own civilian casualties.}

// [id:poc-water]
// [tag:basic-needs]
::Water for a camp::A camp for displaced people shelters 4,800 people. Using the Sphere minimum of 15 litres of water per person per day for drinking, cooking and personal hygiene, how many cubic metres of water must reach the camp each day?{#
=72:2#Correct: 4,800 people times 15 litres is 72,000 litres, or 72 cubic metres a day.
=%0%72000#That is the answer in litres; the question asks for cubic metres (one cubic metre is 1,000 litres).
~#Not quite. Multiply 4,800 people by 15 litres, then divide by 1,000 to convert litres into cubic metres.
####Facilitating access to basic needs starts with knowing what the need is: the Sphere standards give planners a common baseline.}

$CATEGORY: $course$/top/IHL

// [id:poc-ihl-distinction]
// [tag:ihl]
::Article 48::Article 48 of Additional Protocol I (1977), which requires parties to distinguish at all times between civilians and combatants and between civilian objects and military objectives, states which principle?{
=Distinction#Correct. It is the basic rule from which the other rules on the conduct of hostilities follow.
~Proportionality#No. Proportionality limits incidental harm from attacks on lawful military objectives.
~Precaution#No. Precautions are set out mainly in Articles 57 and 58.
~Military necessity#No. Military necessity is a general principle of IHL, but Article 48 sets out distinction.}

// [id:poc-ihl-proportionality]
// [tag:ihl]
::Proportionality::An attack on a lawful military objective is prohibited by the rule of proportionality when the incidental civilian harm expected would be...{
=excessive in relation to the concrete and direct military advantage anticipated.#Correct. The assessment rests on the information reasonably available at the time of the decision.
~greater than zero.#No. IHL does not prohibit every attack that may cause incidental harm; it prohibits excessive harm and requires precautions to minimise it.
~greater than the harm the adversary caused in a comparable attack.#No. IHL obligations do not depend on reciprocity.
~unacceptable to the local population.#No. Community perceptions matter for legitimacy, but the legal test is excessiveness in relation to the military advantage.}

// [id:poc-ihl-precautions]
// [tag:ihl]
::Precautions in attack::Which of the following must those who plan or decide on an attack do under the rule of precaution? Select all that apply; wrong choices cost marks.{
~%25%Do everything feasible to verify that the target is a military objective#Yes.
~%25%Choose means and methods that minimise incidental civilian harm#Yes.
~%25%Give effective advance warning of attacks that may affect civilians, unless circumstances do not permit#Yes.
~%25%Cancel or suspend the attack if it becomes clear that it is unlawful#Yes.
~%-50%Refrain from any attack that could cause any civilian harm#No. IHL prohibits excessive incidental harm and requires precautions; it does not require zero risk.
####Precaution is set out in Article 57 of Additional Protocol I: constant care must be taken to spare civilians.}

// [id:poc-ihl-reciprocity]
// [tag:ihl]
::No reciprocity::True or false: a party to an armed conflict is released from its IHL obligations when the adversary violates them.{F#Not so. IHL applies regardless of the conduct of the adversary, and it binds non-state armed groups as well as states.#Correct. IHL obligations are not conditional on reciprocity.}

// [id:poc-ihl-dph]
// [tag:ihl]
::Loss of protection::Complete the rule: civilians lose their protection against attack only for such time as they take a direct part in ______. (One word.){
=hostilities#Correct: direct participation in hostilities (Additional Protocol I, Article 51(3)).
=the hostilities#Correct: direct participation in hostilities (Additional Protocol I, Article 51(3)).}
"""

# ---------------------------------------------------------------------------
# 3. Liaison and Key Leader Engagement
# ---------------------------------------------------------------------------

LIAISON_GIFT = """\
// Question bank for "Liaison and Key Leader Engagement".

$CATEGORY: $course$/top/Liaison

// [id:lno-authority]
::LNO authority::Before deploying, what must a liaison officer know above all?{
=Which decisions and commitments they may make on the spot, and which they must refer back#Correct. An LNO who commits beyond their authority damages trust; one who refers everything back becomes irrelevant.
~The host organisation's full internal budget#No. Knowing the host's mandate and working methods helps, but the LNO's own authority comes first.
~How to avoid reporting to their own headquarters#No. An LNO maintains a reliable two-way channel and reports regularly.
~The personal phone numbers of every key leader in the area#No. Contacts are built over time; clarity about authority comes first.}

// [id:lno-humanitarian-info]
::Humanitarian information::True or false: information that humanitarian organisations share in a coordination meeting may be recorded and used as intelligence reporting.{F#Not so. Treating it as intelligence would undermine their trust and potentially their safety.#Correct. Clear handling rules protect both the relationship and the people concerned.}

$CATEGORY: $course$/top/Engagements

// [id:kle-report]
::Engagement report::Which of the following belong in an engagement report? Select all that apply; wrong choices cost marks.{
~%25%Any commitments made by either side, with responsibility and deadlines#Yes.
~%25%Key points raised by the counterpart, including requests and grievances#Yes.
~%25%The date, place, participants and the interpreter used#Yes.
~%25%Recommendations for follow-up and future engagements#Yes.
~%-50%The home address and family details of the interpreter#No. Interpreters' identities and personal details must be protected.
####Reports feed a shared engagement database so that a successor can continue the relationship without starting again.}

// [id:kle-interpreter]
::Working with an interpreter::During an engagement through an interpreter, whom should you address?{
=The counterpart, directly, speaking in the first person in short segments#Correct.
~The interpreter, asking them to tell the counterpart what you mean#No. Speak to the counterpart, not to the interpreter.
~Whoever is most senior in the room, regardless of who is speaking#No. Address the person you are speaking with.}

$CATEGORY: $course$/top/Written assignments

// [id:lno-escort-essay]
// [tag:armed-escorts]
::Essay: an escort request::[html]<p>You are the CIMIC liaison officer of a multinational brigade. After attacks on the main supply route, the country director of an international NGO asks you whether the brigade can provide an armed escort for a food convoy to a camp for displaced people. The brigade is a party to the conflict in the area.</p><p>In 300 to 500 words, explain how you would handle the request. Refer to the IASC non-binding guidelines on armed escorts, the last-resort principle and the humanitarian principles; say what you would and would not promise, whom you would involve, and what you would record and follow up.</p>{
####[html]<p>A strong answer recognises that escorts are an exception and that the decision rests with the humanitarian organisation and the humanitarian coordination system (the Humanitarian Coordinator and OCHA's civil-military coordination officer), not with the brigade. It weighs the risk to perceived neutrality when the escort comes from a party to the conflict, considers alternatives (security analysis, negotiated access, deconfliction of movements, area security), stays within the liaison officer's authority, and records the request and the agreed follow-up without treating the NGO's information as intelligence.</p>}
"""

BANKS = [
    {
        "name": "Foundations of Civil-Military Interaction",
        "course": FOUNDATIONS,
        "description": (
            "CMI and CIMIC, the humanitarian principles, the Oslo Guidelines and "
            "the guidance on armed escorts."
        ),
        "gift": FOUNDATIONS_GIFT,
        "extra": FOUNDATIONS_EXTRA,
    },
    {
        "name": "Protection of Civilians in Armed Conflict",
        "course": PROTECTION,
        "description": (
            "The NATO PoC framework, the development of PoC mandates and the IHL "
            "rules on the conduct of hostilities."
        ),
        "gift": PROTECTION_GIFT,
        "extra": [],
    },
    {
        "name": "Liaison and Key Leader Engagement",
        "course": LIAISON,
        "description": (
            "The liaison officer's role, engagements with key leaders and a "
            "written assignment marked by the instructor."
        ),
        "gift": LIAISON_GIFT,
        "extra": [],
    },
]

QUIZZES = [
    {
        "course": FOUNDATIONS,
        "bank": "Foundations of Civil-Military Interaction",
        "title": "Knowledge check",
        "slug": "knowledge-check",
        "intro": (
            "<p>Ten questions on the whole course: the vocabulary of CMI and "
            "CIMIC, the humanitarian principles and the guidelines on the use of "
            "military assets. Take it as often as you like; your best result "
            "counts, and you need 70 % to pass.</p>"
        ),
        "settings": {
            "pass_mark": 70,
            "attempts_allowed": None,
            "grading_method": "highest",
            "time_limit_minutes": None,
            "shuffle_questions": False,
            "shuffle_options": True,
            "review_when": "immediately",
            "review_show_score": True,
            "review_show_correct": True,
            "review_show_feedback": True,
        },
        "slots": [
            {"question": "found-cmi-cimic"},
            {"question": "found-core-functions"},
            {"question": "found-coordination-tf"},
            {"question": "found-principles"},
            {"question": "found-46-182"},
            {"question": "found-ocha"},
            {"question": "found-oslo-indirect"},
            {"question": "found-last-resort"},
            {"question": "found-escorts"},
            {"question": "found-chronology"},
        ],
    },
    {
        "course": PROTECTION,
        "bank": "Protection of Civilians in Armed Conflict",
        "title": "Timed quiz: protecting civilians",
        "slug": "timed-quiz",
        "intro": (
            "<p>Seven questions in ten minutes. Three of them are drawn at random "
            "from the questions on international humanitarian law, and the order "
            "of questions and options is shuffled, so each attempt is different. "
            "You have two attempts; the review shows your score and feedback but "
            "not the correct answers.</p>"
        ),
        "settings": {
            "pass_mark": 60,
            "attempts_allowed": 2,
            "grading_method": "highest",
            "time_limit_minutes": 10,
            "shuffle_questions": True,
            "shuffle_options": True,
            "review_when": "immediately",
            "review_show_score": True,
            "review_show_correct": False,
            "review_show_feedback": True,
        },
        "slots": [
            {"question": "poc-framework"},
            {"question": "poc-first-mandate"},
            {"question": "poc-own-harm-only"},
            {"question": "poc-water"},
            {"category": "IHL", "count": 3},
        ],
    },
    {
        "course": LIAISON,
        "bank": "Liaison and Key Leader Engagement",
        "title": "Assignment: an escort request",
        "slug": "assignment-escort-request",
        "intro": (
            "<p>Three short questions and a written answer to a scenario. Your "
            "instructor marks the written answer, so your final result appears "
            "once it has been marked. You have one attempt.</p>"
        ),
        "settings": {
            "pass_mark": 50,
            "attempts_allowed": 1,
            "grading_method": "highest",
            "time_limit_minutes": None,
            "shuffle_questions": False,
            "shuffle_options": True,
            "review_when": "immediately",
            "review_show_score": True,
            "review_show_correct": True,
            "review_show_feedback": True,
        },
        "slots": [
            {"question": "lno-authority"},
            {"question": "kle-report"},
            {"question": "kle-interpreter"},
            {"question": "lno-escort-essay", "mark": 5},
        ],
    },
]
