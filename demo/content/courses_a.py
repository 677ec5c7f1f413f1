"""IGN Academy course content, set A: seven English-language courses on
Civil-Military Interaction (CMI) and Civil-Military Co-operation (CIMIC).

Pure data. Each lesson body is a list of (block_type, value) tuples where
block_type is one of "heading", "paragraph", "callout" or "quote".
"""

from __future__ import annotations

COURSES = [
    # ------------------------------------------------------------------
    # 1. Foundations of Civil-Military Interaction
    # ------------------------------------------------------------------
    {
        "slug": "foundations-of-civil-military-interaction",
        "title": "Foundations of Civil-Military Interaction",
        "summary": "An introduction to how armed forces and civilian actors meet in crises: the difference between CMI and CIMIC, the main actors, shared principles and the comprehensive approach.",
        "description": "<p>This introductory module sets out the basic ideas and vocabulary of civil-military interaction. It explains why the military and a wide range of civilian organisations increasingly find themselves working in the same space, from armed conflict and peace operations to natural disasters and national emergencies, and why that relationship needs to be understood and managed rather than left to chance.</p><p>The course is written for military officers, civil servants, staff of international and non-governmental organisations and students who are new to the field. No prior knowledge is assumed. It is the recommended starting point for the other courses in the IGN Academy catalogue.</p><ul><li>Explain the difference between civil-military interaction (CMI) and civil-military cooperation (CIMIC).</li><li>Identify the main groups of actors in a crisis environment and describe their mandates, cultures and constraints.</li><li>Apply commonly accepted principles for effective and responsible civil-military interaction.</li><li>Describe the comprehensive approach and how unity of aim can be pursued before, during and after a crisis.</li></ul>",
        "topics": ["cmi-foundations", "cimic-doctrine"],
        "level": "introductory",
        "language": "en",
        "estimated_hours": 4,
        "prerequisites": [],
        "lessons": [
            {
                "title": "CMI and CIMIC: Two Terms, One Relationship",
                "summary": "Distinguishes civil-military interaction as a broad, shared set of activities from CIMIC as a specific military joint function and staff capability.",
                "body": [
                    ("heading", "Why the vocabulary matters"),
                    (
                        "paragraph",
                        "<p>Anyone who works where armed forces and civilian organisations meet quickly runs into a crowded vocabulary: civil-military relations, civil-military cooperation, civil-military coordination, civil affairs and civil-military interaction. The terms are not interchangeable. Each reflects the perspective of the institution that uses it, and each carries assumptions about who leads, who supports and how close the relationship should be. Using the wrong word in a meeting with humanitarian staff, for example, can suggest that the military expects cooperation where the humanitarian organisation is only willing to exchange basic information. Getting the vocabulary right is the first step towards a working relationship.</p>",
                    ),
                    ("heading", "Civil-military interaction (CMI)"),
                    (
                        "paragraph",
                        "<p>In NATO usage, set out in the military policy MC 0411/2, civil-military interaction describes the broad family of activities, founded on communication, planning and coordination, that military bodies share with international and local non-military actors. CMI is not owned by any single branch. Commanders, planners, logisticians, engineers, medical staff, military police and patrol leaders all interact with civilians, and every one of these contacts shapes how the force is perceived. The purpose of CMI is mutual: it should make the actions of both military and civilian actors more effective and efficient in preventing and responding to crises. In the wider research and education community, CMI also serves as a neutral umbrella term that civilian actors can accept, because it does not imply that they are part of a military effort.</p>",
                    ),
                    ("heading", "Civil-military cooperation (CIMIC)"),
                    (
                        "paragraph",
                        "<p>CIMIC is narrower. In NATO it is a joint function, supported by dedicated staff (the J9 branch at joint level) and deployable CIMIC units, that enables the commander to take part effectively in CMI. CIMIC personnel advise the commander on the civil environment, organise liaison with non-military actors and help integrate civil considerations into planning and execution. The European Union and many national armed forces use comparable structures, while the United States speaks of civil affairs and civil-military operations. UN peace operations have their own UN-CIMIC policy, whereas humanitarian agencies use the distinct concept of humanitarian civil-military coordination, covered in a separate course.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>A simple way to keep the distinction in mind:</p><ul><li><b>CMI</b> is what the whole force does, and what civilians do with the force, whenever they interact.</li><li><b>CIMIC</b> is the military capability that plans, coordinates and advises on that interaction on the commander's behalf.</li><li><b>Coordination</b> is a process; taking part in it does not mean that civilian actors accept military direction.</li></ul>",
                    ),
                    (
                        "callout",
                        "CIMIC is a military function; CMI is a shared activity. Civilian partners are never part of CIMIC, but they are always part of CMI.",
                    ),
                ],
            },
            {
                "title": "Who Is in the Civil Environment?",
                "summary": "Surveys the military, governmental, international, non-governmental and local actors present in a crisis and the different cultures and constraints they bring.",
                "body": [
                    ("heading", "A crowded and diverse space"),
                    (
                        "paragraph",
                        "<p>Military planners sometimes speak of 'the civilians' as if they formed a single group. In reality the civil environment of any crisis contains dozens or hundreds of organisations with different mandates, resources, cultures and interests, alongside a local population that is itself divided by geography, ethnicity, gender, age, class and political loyalty. Understanding who these actors are, what they are trying to achieve and how they see the military is a core competence for anyone working in CMI.</p>",
                    ),
                    ("heading", "The main groups of actors"),
                    (
                        "paragraph",
                        "<p>Most crisis environments include at least five broad groups:</p><ul><li><b>Military actors</b>: national and multinational forces, including those of the host nation and partner states, and sometimes non-state armed groups whose presence shapes what everyone else can do.</li><li><b>Governmental actors</b>: host nation ministries, regional and municipal authorities, police and civil protection services, as well as foreign embassies, development agencies and donor governments.</li><li><b>International organisations</b>: UN entities such as OCHA, UNHCR, UNICEF and WFP; regional organisations such as the EU, the African Union and the OSCE; and the International Committee of the Red Cross, which has a specific role under the Geneva Conventions.</li><li><b>Non-governmental organisations</b>: international and national NGOs, faith-based organisations and local community groups, ranging from strictly humanitarian bodies to development, human rights and peacebuilding organisations.</li><li><b>The local population and civil society</b>: community and religious leaders, women's and youth groups, traders, media, academics and the private sector, which often supplies most goods and services in a crisis.</li></ul>",
                    ),
                    ("heading", "Different cultures, different constraints"),
                    (
                        "paragraph",
                        "<p>These actors do not simply differ in size. Military organisations are hierarchical, plan in detail, rotate personnel every few months and measure progress against a defined end state. Many civilian organisations work by consensus, depend on voluntary funding, stay for years or decades and answer to boards, donors and affected communities rather than to a chain of command. Humanitarian organisations in particular must preserve their independence and perceived neutrality, because their access and the safety of their staff depend on acceptance by all parties. A request that seems reasonable from a military point of view, such as sharing beneficiary lists or travelling in a military convoy, may be impossible for them to accept.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>The local population deserves particular attention. It is not only the recipient of assistance but the main actor in its own recovery. Local authorities and communities usually respond first, know the terrain and remain long after international actors leave. Effective CMI therefore treats local people as partners with their own capacities and priorities, not as a backdrop to operations.</p>",
                    ),
                    (
                        "callout",
                        "Map actors by mandate, interests, capacities and their view of the military, and never assume that 'the civilians' share a single agenda.",
                    ),
                ],
            },
            {
                "title": "Principles for Working Together",
                "summary": "Introduces the principles that recur across military and civilian guidance on civil-military interaction and shows how they guide practical decisions.",
                "body": [
                    ("heading", "Why principles are needed"),
                    (
                        "paragraph",
                        "<p>Civil-military interaction takes place under pressure: timelines are short, information is incomplete and misunderstandings can have serious consequences. Agreed principles give both sides a common reference when judgement is required. They are drawn from NATO CIMIC doctrine, from UN and humanitarian guidelines and from decades of experience in the Balkans, Afghanistan, Iraq, the Sahel and major natural disasters. Different documents phrase them differently, but several ideas recur consistently.</p>",
                    ),
                    ("heading", "Commonly cited principles"),
                    (
                        "paragraph",
                        "<ul><li><b>Mutual understanding and respect for mandates.</b> Each actor has its own legal basis, objectives and limits. Respecting them, even when they are inconvenient, is the basis of trust.</li><li><b>Transparency and communication.</b> Share intentions and constraints early and honestly, within the limits of operational security.</li><li><b>Shared goals where they genuinely exist.</b> Cooperation is strongest where objectives overlap; it should not be forced where they do not.</li><li><b>Civilian lead in civilian tasks.</b> Military support should complement civilian capacity, not replace it, and should be handed back as soon as possible.</li><li><b>Do no harm.</b> Consider how an action might increase risks for civilians, aid workers or partners, or distort local economies and power relations.</li><li><b>Local ownership and sustainability.</b> Work through local institutions and plan from the outset for who will maintain what is built or started.</li></ul>",
                    ),
                    ("heading", "Principles in practice"),
                    (
                        "paragraph",
                        "<p>Consider a battalion that wants to repair a damaged school in its area of operations. Applying the principles means asking several questions before any work begins. Has the education authority asked for this school to be prioritised? Are NGOs or development agencies already planning similar work? Who will pay the teachers and maintain the building? Could a visible military project make the school, its pupils or its staff a target? In many cases the better contribution is to provide security, engineering assessment or transport that enables the responsible civilian actors, rather than to deliver the project directly.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Principles can also pull in different directions. Transparency may conflict with operational security; speed may conflict with local ownership. The answer is not to abandon one principle but to be explicit about the trade-off, agree early with partners on what can and cannot be shared, and record the reasons for decisions so that they can be explained later.</p>",
                    ),
                    (
                        "callout",
                        "Good intentions are not enough: military assistance that bypasses local authorities or civilian mandates can create dependency, expose partners to risk and undermine the mission it was meant to support.",
                    ),
                ],
            },
            {
                "title": "The Comprehensive Approach: Unity of Aim Before, During and After Crises",
                "summary": "Explains the comprehensive approach and how military and civilian actors can pursue coherent efforts across the full crisis cycle without subordinating one to the other.",
                "body": [
                    ("heading", "From unity of command to unity of aim"),
                    (
                        "paragraph",
                        "<p>Military doctrine values unity of command, but in a multi-actor environment no single authority commands everyone. The comprehensive approach responds to this reality. NATO endorsed it at the 2008 Bucharest Summit and in its 2010 Strategic Concept; the European Union speaks of an integrated approach; the UN has developed integrated missions and, more recently, the humanitarian-development-peace nexus. All share one idea: lasting solutions to crises need political, security, development, humanitarian and rule-of-law efforts that reinforce each other. The realistic goal is rarely unity of command. It is unity of aim, or at least a shared understanding that allows actors to deconflict and complement one another. Some humanitarian organisations will deliberately stay outside any common framework, and that choice should be respected.</p>",
                    ),
                    ("heading", "Before a crisis"),
                    (
                        "paragraph",
                        "<p>Relationships built before a crisis are far more valuable than those improvised during one. Preparation includes joint training and exercises with civilian participants, familiarity with national crisis management systems and civil protection structures, and shared planning assumptions for likely scenarios. NATO's baseline requirements for national resilience, agreed in 2016, illustrate how military planning depends on civilian systems such as energy, food and water supply, transport, communications and health care. Knowing who runs those systems, and meeting them in peacetime, shortens response times when they are needed most.</p>",
                    ),
                    ("heading", "During a crisis"),
                    (
                        "paragraph",
                        "<p>Once a crisis begins, coordination mechanisms carry the relationship. These may include civil-military coordination centres, liaison officers in each other's headquarters, participation in humanitarian coordination forums as observers, and shared platforms for situational awareness. The emphasis should be on deconfliction, timely information exchange and respect for the lead of the responsible civilian authority. Military support should respond to identified needs, not to the availability of military assets.</p>",
                    ),
                    ("heading", "After a crisis"),
                    (
                        "paragraph",
                        "<p>Transition is often where coherence breaks down. Forces redeploy, funding shifts and temporary arrangements become permanent by default. Planning for transition should begin early, with clear criteria for handing tasks to civilian authorities, realistic exit strategies and attention to what happens to infrastructure, staff and expectations once military support ends. Capturing lessons jointly, rather than in separate military and civilian reports, helps the next response start from a stronger position.</p>",
                    ),
                    (
                        "callout",
                        "The comprehensive approach does not require civilians to work for the military; it requires all actors to understand each other well enough that their efforts reinforce rather than undermine one another.",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 2. NATO CIMIC Doctrine
    # ------------------------------------------------------------------
    {
        "slug": "nato-cimic-doctrine-ajp-3-19",
        "title": "NATO CIMIC Doctrine: AJP-3.19 in Practice",
        "summary": "A practical walk-through of NATO's Allied Joint Doctrine for Civil-Military Cooperation, its three core functions and how civil factors are assessed and integrated into operational planning.",
        "description": "<p>This intermediate module examines how NATO organises civil-military cooperation, using AJP-3.19 Allied Joint Doctrine for Civil-Military Cooperation as its reference point. It moves beyond definitions to show how CIMIC staff and units work in headquarters and in the field, and how their products feed the commander's decisions.</p><p>The course is designed for officers and non-commissioned officers assigned to CIMIC or J9 posts, staff officers in other branches who need to understand the CIMIC contribution, and civilian partners who want to know how NATO forces are likely to approach them. Learners should first complete Foundations of Civil-Military Interaction.</p><ul><li>Place AJP-3.19 within the NATO policy and doctrine framework for CIMIC and CMI.</li><li>Describe the three CIMIC core functions and give practical examples of each.</li><li>Explain how CIMIC contributes to each stage of the operations planning process.</li><li>Outline the structure and purpose of a civil factor assessment.</li></ul>",
        "topics": ["cimic-doctrine", "liaison-engagement", "information-management"],
        "level": "intermediate",
        "language": "en",
        "estimated_hours": 6,
        "prerequisites": ["foundations-of-civil-military-interaction"],
        "lessons": [
            {
                "title": "AJP-3.19 and the CIMIC Joint Function",
                "summary": "Places AJP-3.19 within NATO's policy and doctrine framework and explains what it means to treat CIMIC as a joint function.",
                "body": [
                    ("heading", "The policy and doctrine framework"),
                    (
                        "paragraph",
                        "<p>NATO's approach to civil-military cooperation rests on several layers of documents. At the top, the military policy MC 0411/2 defines civil-military cooperation and civil-military interaction and sets out the responsibilities of commanders. Below it, AJP-3.19 Allied Joint Doctrine for Civil-Military Cooperation, whose current edition was promulgated in 2018, explains how CIMIC is to be planned and conducted in Alliance operations. Tactical publications, national doctrine and practical handbooks, notably the CIMIC Field Handbook maintained by the Civil-Military Cooperation Centre of Excellence (CCOE) in The Hague, translate this into procedures and checklists. Because doctrine is revised periodically, practitioners should always check which edition is in force.</p>",
                    ),
                    ("heading", "What a joint function is"),
                    (
                        "paragraph",
                        "<p>NATO doctrine groups military activities into joint functions such as manoeuvre, fires, command and control, intelligence, sustainment, force protection, information and CIMIC. Calling CIMIC a joint function signals that it is not an optional add-on or a public relations tool. It is a set of capabilities that the commander needs to achieve the mission in an environment where civilians, civilian organisations and civil infrastructure are always present. The CIMIC function is integrated into every part of the headquarters, not confined to a single office.</p>",
                    ),
                    ("heading", "Organisation in practice"),
                    (
                        "paragraph",
                        "<p>At joint level, the CIMIC staff branch is normally designated J9; at component level it becomes G9 for land forces, with equivalents in maritime and air headquarters. The branch typically includes planners, assessment and analysis staff, and liaison coordinators. Below the headquarters, CIMIC units and teams deploy to work directly with local authorities, communities and civilian organisations, often operating from a CIMIC centre or civil-military coordination facility. Several nations maintain dedicated CIMIC units, and multinational formations such as the Multinational CIMIC Group provide deployable capacity. CIMIC staff also depend heavily on other branches: intelligence for threat information, engineers for infrastructure assessments, medical staff for health data and legal advisers for questions of international law.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>The commander, not the J9, owns civil-military interaction. The role of CIMIC staff is to advise the commander on the civil environment and its implications, to manage the interface with non-military actors, and to ensure that civil considerations are present in every planning discussion. A headquarters where civil issues are only raised by CIMIC staff, and only at the end of a briefing, has not yet integrated the function.</p>",
                    ),
                    (
                        "callout",
                        "CIMIC is a joint function owned by the commander and advised on by the J9; its value depends on how well civil considerations are woven into the work of every other branch.",
                    ),
                ],
            },
            {
                "title": "Core Function One: Civil-Military Liaison",
                "summary": "Explains the purpose of civil-military liaison, the structures that support it and the habits that make it effective.",
                "body": [
                    ("heading", "The foundation of the other functions"),
                    (
                        "paragraph",
                        "<p>AJP-3.19 describes three CIMIC core functions: civil-military liaison, support to the force, and support to non-military actors and the civil environment. Liaison comes first because the other two depend on it. Without regular, structured contact with the relevant civilian actors, a force cannot understand the civil environment, cannot deconflict its activities with those of others and cannot identify where support is needed or would be harmful. Liaison is the means by which the commander's intent is explained to civilian partners and by which their concerns reach the commander.</p>",
                    ),
                    ("heading", "Liaison structures"),
                    (
                        "paragraph",
                        "<p>Liaison is organised deliberately, not left to chance meetings. Typical elements include:</p><ul><li>A <b>liaison architecture</b> that identifies which civilian actors matter at each level, from national ministries and UN country teams down to district officials and community councils, and assigns responsibility for each relationship.</li><li><b>Liaison officers</b> exchanged with key partners or attending their coordination forums, as observers where humanitarian organisations prefer that arrangement.</li><li><b>Civil-military coordination facilities</b>, sometimes called CIMIC centres or civil-military operations centres, where civilian actors can meet military staff, raise issues and obtain information without entering a military headquarters.</li><li>A <b>contact database</b> and meeting records, maintained so that relationships survive the rotation of personnel.</li></ul>",
                    ),
                    ("heading", "What good liaison looks like"),
                    (
                        "paragraph",
                        "<p>Effective liaison is two-way. Civilian actors quickly lose interest in meetings where the military collects information but offers nothing in return. Sharing unclassified information about security conditions, route status, planned movements that could affect civilians, or the location of unexploded ordnance gives partners a reason to engage. Liaison staff must know the limits of their authority, avoid making promises they cannot keep and report accurately what they have heard, including criticism of the force.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Liaison also requires sensitivity to the position of each partner. A local mayor may welcome visible contact with the force; a humanitarian NGO may prefer meetings away from military premises and without uniformed visits to its compound. Adapting the form of liaison to the partner's needs is part of the job and often determines whether the relationship survives a difficult period.</p>",
                    ),
                    (
                        "callout",
                        "Liaison that only extracts information will not last; offer relevant information in return and respect how each partner needs the relationship to be conducted.",
                    ),
                ],
            },
            {
                "title": "Core Functions Two and Three: Support to the Force and to the Civil Environment",
                "summary": "Describes how CIMIC supports the military mission and when and how it supports non-military actors and the wider civil environment.",
                "body": [
                    ("heading", "Support to the force"),
                    (
                        "paragraph",
                        "<p>The second core function concerns the force itself. Military operations depend on the civil environment in many ways: ports, airfields, roads, fuel, water, labour, accommodation and the tolerance of the local population. CIMIC staff help the commander understand and manage these dependencies. In practice this can mean identifying civil resources through host nation support arrangements, advising on where civilian movements such as displaced people might interfere with military routes, and anticipating how military activity will affect local life so that friction is reduced. It also means feeding information about the civil situation into the common operational picture so that all branches plan with an accurate understanding of the environment.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Support to the force also includes protecting the force's legitimacy. A unit that damages farmland, blocks markets or disregards local customs generates hostility that can turn into a security problem. CIMIC advice on such issues is as much a contribution to force protection as any physical measure.</p>",
                    ),
                    (
                        "heading",
                        "Support to non-military actors and the civil environment",
                    ),
                    (
                        "paragraph",
                        "<p>The third core function covers support that the force provides to civilian actors, including local authorities, international organisations and, where appropriate, the population. NATO doctrine frames this carefully. Such support is provided when it contributes to the mission, when civilian actors request it or cannot meet a critical need themselves, and within the means and capabilities of the force. It should enable civilian actors to fulfil their own mandates rather than take them over. Examples include providing security for a civilian-led process, sharing engineering expertise to assess damaged infrastructure, supporting the restoration of essential services until civilian capacity returns, and offering logistic support in a disaster when no civilian alternative exists.</p>",
                    ),
                    ("heading", "Cautions"),
                    (
                        "paragraph",
                        "<p>Experience from Afghanistan and elsewhere shows the risks of using assistance as a tool to win support. Small projects delivered quickly by military units, sometimes called quick impact projects, can build goodwill, but poorly chosen projects may duplicate civilian programmes, favour particular local power-holders, create unsustainable expectations or blur the distinction between military and humanitarian action. When support touches humanitarian activity, the UN guidelines on the use of military assets, discussed in the UN-CMCoord course, should inform what is offered and how.</p>",
                    ),
                    (
                        "callout",
                        "Support to civilian actors should enable them, respond to real and requested needs and have a clear end point; it is not a substitute for civilian capacity or a tool to buy consent.",
                    ),
                ],
            },
            {
                "title": "CIMIC in the Planning Process and the Civil Factor Assessment",
                "summary": "Shows how CIMIC staff contribute to NATO operational planning and how a civil factor assessment is structured and used.",
                "body": [
                    ("heading", "Civil factors in planning"),
                    (
                        "paragraph",
                        "<p>NATO operational planning follows the Comprehensive Operations Planning Directive (COPD), which moves from initial situational awareness through an appreciation of the strategic environment, mission analysis and course of action development to plan development, execution and transition. CIMIC staff contribute at every stage. Early on, they help build an understanding of the civil environment and identify the civilian actors whose mandates and activities must be taken into account. During mission analysis, they identify civil factors that may constrain or enable the operation, such as population movements, fragile essential services or protected sites. When courses of action are compared, they assess each option's likely effects on civilians and civilian organisations. In plan development, they draft the CIMIC annex and ensure that civil considerations appear in the main body of the plan, not only in an annex.</p>",
                    ),
                    ("heading", "The civil factor assessment"),
                    (
                        "paragraph",
                        "<p>The central CIMIC planning product is an assessment of the civil environment, often called a civil factor assessment or civil assessment. It draws on open sources, reports from civilian organisations, host nation data, liaison contacts and military reporting, and it feeds the wider Comprehensive Preparation of the Operating Environment. Many headquarters structure it using established frameworks:</p><ul><li><b>PMESII</b> (political, military, economic, social, infrastructure and information systems) to describe the environment as interconnected systems.</li><li><b>ASCOPE</b> (areas, structures, capabilities, organisations, people and events) to capture civil considerations in a specific geographic area.</li><li>Cross-cutting topics such as protection of civilians, children and armed conflict, women, peace and security, cultural property protection and building integrity.</li></ul>",
                    ),
                    ("heading", "From assessment to action"),
                    (
                        "paragraph",
                        "<p>An assessment is only useful if it changes decisions. Good assessments state clearly what the civil factors mean for the operation: which routes should be avoided during market days, which facilities must be placed on restricted or no-strike lists, where displacement is likely and which civilian actors will respond. They also identify information gaps and assign collection tasks. During execution, CIMIC staff keep the assessment current, track indicators of change in the civil situation and feed them into operational assessment, so that the commander can judge whether the operation is having the intended effects and avoiding unintended ones.</p>",
                    ),
                    (
                        "callout",
                        "A civil factor assessment should answer the question 'so what for the operation?', and it must be updated throughout execution, not filed after the planning phase.",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 3. UN-CMCoord
    # ------------------------------------------------------------------
    {
        "slug": "un-humanitarian-civil-military-coordination",
        "title": "UN Humanitarian Civil-Military Coordination (UN-CMCoord)",
        "summary": "How humanitarian organisations and armed forces interact under UN guidance: the humanitarian principles, the Oslo and MCDA Guidelines, the last-resort principle and the coordination spectrum.",
        "description": "<p>Humanitarian civil-military coordination, known in the UN system as UN-CMCoord, is the dialogue and interaction between civilian humanitarian actors and military actors that is needed to protect and promote humanitarian principles, avoid competition, minimise inconsistency and, where appropriate, pursue common goals. This intermediate module explains the reasoning behind the humanitarian position and the guidelines that shape it.</p><p>The course is intended for military officers likely to deploy alongside humanitarian organisations, for humanitarian staff who need to engage with armed forces, and for government officials who request or offer military assets in emergencies. It builds on Foundations of Civil-Military Interaction.</p><ul><li>Explain the four humanitarian principles and why they shape humanitarian engagement with armed forces.</li><li>Identify the main UN and IASC guidelines on the use of military and civil defence assets.</li><li>Apply the last-resort criteria to requests for military support.</li><li>Describe the coordination spectrum from co-existence to cooperation and the role of UN-CMCoord officers.</li></ul>",
        "topics": ["humanitarian-coordination", "disaster-response"],
        "level": "intermediate",
        "language": "en",
        "estimated_hours": 6,
        "prerequisites": ["foundations-of-civil-military-interaction"],
        "lessons": [
            {
                "title": "The Humanitarian Principles and Why They Matter",
                "summary": "Explains humanity, neutrality, impartiality and independence and how they determine the way humanitarian actors relate to armed forces.",
                "body": [
                    ("heading", "Origins of the principles"),
                    (
                        "paragraph",
                        "<p>The humanitarian principles have their roots in the Red Cross and Red Crescent Movement and were affirmed for the UN system by General Assembly resolution 46/182 in 1991, which also created the coordination arrangements that later developed into today's Office for the Coordination of Humanitarian Affairs (OCHA). Resolution 58/114 of 2003 added independence to the original three. Together they form the professional identity of humanitarian action and are reflected in many organisations' codes of conduct.</p>",
                    ),
                    (
                        "quote",
                        {
                            "text": "Humanitarian assistance must be provided in accordance with the principles of humanity, neutrality and impartiality.",
                            "attribution": "UN General Assembly resolution 46/182 (1991), Annex, Guiding principle 2",
                        },
                    ),
                    ("heading", "The four principles"),
                    (
                        "paragraph",
                        "<ul><li><b>Humanity</b>: human suffering must be addressed wherever it is found, with the purpose of protecting life and health and ensuring respect for human beings.</li><li><b>Neutrality</b>: humanitarian actors must not take sides in hostilities or engage in controversies of a political, racial, religious or ideological nature.</li><li><b>Impartiality</b>: assistance must be based on need alone, giving priority to the most urgent cases without distinction by nationality, race, gender, religion, class or political opinion.</li><li><b>Independence</b>: humanitarian action must remain autonomous from the political, economic, military or other objectives that any actor may hold in areas where assistance is delivered.</li></ul>",
                    ),
                    ("heading", "Why they matter in practice"),
                    (
                        "paragraph",
                        "<p>For military audiences the principles can seem abstract or even obstructive. In practice they are operational tools. Humanitarian organisations rarely have armed protection; their security depends largely on acceptance by communities and by all parties to a conflict. If an organisation is seen as aligned with one side, for example because it travels with military escorts, shares information with a force or delivers aid alongside soldiers, it may lose access to people in areas controlled by the other side and its staff may be attacked. The principles protect not only the organisation but also the affected people who depend on it.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Perception matters as much as reality. A force may have no intention of using aid for military purposes, but if uniformed personnel distribute relief in the same area as humanitarian agencies, local people may not distinguish between them. This is why humanitarian actors insist on a visible distinction between military and humanitarian activities, and why they may decline offers of military support that seem generous and practical. Understanding this reasoning is the starting point for constructive coordination.</p>",
                    ),
                    (
                        "callout",
                        "For humanitarian actors, the principles are not a political stance but a condition of access and staff safety; respecting them is often the most useful thing a military force can do.",
                    ),
                ],
            },
            {
                "title": "The Guidelines: Oslo, MCDA and Related Guidance",
                "summary": "Introduces the main UN and IASC guidelines on the use of military and civil defence assets in disasters and complex emergencies.",
                "body": [
                    ("heading", "A family of non-binding guidelines"),
                    (
                        "paragraph",
                        "<p>Humanitarian civil-military coordination is governed by a set of guidelines developed through the UN and the Inter-Agency Standing Committee (IASC), the main forum for coordinating humanitarian policy among UN and non-UN humanitarian organisations. The guidelines are not binding treaties, but they reflect broad consensus among states, UN agencies and humanitarian organisations and are widely referenced in military doctrine, including NATO's.</p>",
                    ),
                    ("heading", "The key documents"),
                    (
                        "paragraph",
                        "<ul><li><b>The Oslo Guidelines</b>, formally the Guidelines on the Use of Foreign Military and Civil Defence Assets in Disaster Relief, first issued in 1994 and updated in 2006 and 2007. They apply to natural, technological and environmental emergencies in times of peace.</li><li><b>The MCDA Guidelines</b>, on the use of military and civil defence assets to support UN humanitarian activities in complex emergencies, issued in 2003 and revised in 2006. They apply where there is armed conflict or serious political instability.</li><li><b>The IASC reference paper on civil-military relationship in complex emergencies</b> (2004), which sets out the principles and concepts underlying coordination in conflict settings.</li><li><b>The IASC non-binding guidelines on the use of armed escorts for humanitarian convoys</b> (2013), which treat armed escorts as an exceptional measure subject to strict criteria.</li><li><b>Country-specific guidance</b>, developed by humanitarian country teams to apply these principles to a particular context.</li></ul>",
                    ),
                    ("heading", "Core concepts"),
                    (
                        "paragraph",
                        "<p>Several ideas run through all of these documents. Foreign military assets should be requested only where there is no comparable civilian alternative and only to meet a critical humanitarian need. Their use should be limited in time and scale, with a clear exit strategy. Humanitarian operations using military assets must retain their civilian nature and character, and the assets should remain under overall civilian coordination, even though military command of the assets stays with the sending state. In disaster relief, the Oslo Guidelines also state that such assistance should in principle be provided at no cost to the affected state.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>The guidelines also distinguish three types of support. <b>Direct assistance</b> is face-to-face distribution of goods and services to affected people. <b>Indirect assistance</b> is at least one step removed, such as transporting relief goods or personnel. <b>Infrastructure support</b> involves general services, such as road repair, airspace management or power generation, that benefit the population without being visible as aid to a particular group. In complex emergencies, military assets should generally be limited to indirect assistance and infrastructure support, so that the distinction between military and humanitarian roles remains visible.</p>",
                    ),
                    (
                        "callout",
                        "The Oslo Guidelines apply to peacetime disasters and the MCDA Guidelines to complex emergencies; both treat military assets as a complement to civilian capacity, never a replacement.",
                    ),
                ],
            },
            {
                "title": "Last Resort and the Use of Military Assets",
                "summary": "Examines the last-resort principle and how requests for military support to humanitarian operations should be assessed and managed.",
                "body": [
                    ("heading", "What last resort means"),
                    (
                        "paragraph",
                        "<p>Last resort is the most frequently cited and most frequently misunderstood concept in humanitarian civil-military coordination. It does not mean that military assets may only be used once everything else has failed and people are already dying. It means that military assets should be used only where civilian means cannot meet a critical humanitarian need in the required time, in the required place or at the required scale. In the guidelines' terms, the military asset must be unique in capability and availability. If a commercial helicopter can be chartered within the needed timeframe, it should be used instead of a military one, even if the military option is faster to arrange.</p>",
                    ),
                    ("heading", "Assessing a request"),
                    (
                        "paragraph",
                        "<p>When a humanitarian organisation or coordinator considers requesting military support, or when a military force offers it, several questions should be answered:</p><ol><li>Is there a critical, life-saving need that is not being met?</li><li>Have civilian alternatives, including commercial providers, been explored and found insufficient?</li><li>Can the support be provided as indirect assistance or infrastructure support rather than direct assistance?</li><li>Will the use of military assets affect the perception of humanitarian actors, their access or the safety of their staff and beneficiaries?</li><li>Is the support limited in time and scale, with a clear plan for handing over to civilian means?</li></ol>",
                    ),
                    ("heading", "How requests are managed"),
                    (
                        "paragraph",
                        "<p>In UN-led responses, requests for military support are normally channelled through the humanitarian coordination system rather than made bilaterally by individual agencies. The Humanitarian Coordinator or Resident Coordinator, advised by OCHA's civil-military coordination staff, decides whether military support is appropriate. In disasters, the affected state must request or consent to foreign military assistance, and national authorities remain responsible for coordinating the response. Coordination platforms such as a humanitarian-military operations coordination centre may be established to match validated requests with available military capabilities.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Context changes the answer. In a sudden-onset earthquake in a stable country, military airlift, engineering and medical capacity are often accepted quickly, because the risk to humanitarian neutrality is low. In an active conflict where the same forces are party to hostilities, the threshold is much higher and escorts or joint visibility may be refused even when they would be logistically convenient.</p>",
                    ),
                    (
                        "callout",
                        "Last resort is about the absence of a comparable civilian alternative for a critical need, not about the speed or convenience of the military option.",
                    ),
                ],
            },
            {
                "title": "The Coordination Spectrum and the UN-CMCoord Function",
                "summary": "Describes the spectrum from co-existence to cooperation and how UN-CMCoord officers support dialogue between humanitarian and military actors.",
                "body": [
                    ("heading", "From co-existence to cooperation"),
                    (
                        "paragraph",
                        "<p>The relationship between humanitarian and military actors is not fixed; it varies along a spectrum depending on the context and the role of the military forces involved. At one end is <b>cooperation</b>, typical of peacetime disasters in which the affected government requests foreign military support and the armed forces are not party to any conflict. Here, joint planning, shared logistics and close information exchange are common. At the other end is <b>co-existence</b>, typical of armed conflict, where the military forces are belligerents or are perceived as aligned with one side. Here, the aim is to minimise competition, avoid incidents and preserve the distinction between humanitarian and military action. Coordination as a shared responsibility, facilitated by liaison and common training, runs across the whole spectrum.</p>",
                    ),
                    ("heading", "Essential dialogue in every context"),
                    (
                        "paragraph",
                        "<p>Even at the co-existence end, some interaction is necessary. The UN-CMCoord Field Handbook, published by OCHA, highlights a set of basic elements that apply everywhere:</p><ul><li><b>Information sharing</b> on security conditions, humanitarian locations and movements, and military activities that may affect civilians.</li><li><b>Deconfliction</b>, including humanitarian notification systems that inform parties of the location of humanitarian facilities and convoys so that they are not attacked.</li><li><b>Task division and planning</b>, where appropriate, so that efforts do not overlap or leave gaps.</li><li><b>Humanitarian advocacy</b> with military actors on the protection of civilians and respect for international humanitarian law.</li></ul>",
                    ),
                    ("heading", "The UN-CMCoord function"),
                    (
                        "paragraph",
                        "<p>OCHA deploys civil-military coordination officers to support humanitarian coordinators and country teams. They establish and maintain dialogue with military and other armed actors, advise on the use of military assets, help develop country-specific guidance and train both humanitarian and military personnel. In disasters they may run or support a humanitarian-military coordination platform; in conflicts they often act as the single channel through which humanitarian concerns are raised with armed forces, which protects individual agencies from being seen to engage directly.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>For military personnel, the practical lesson is to find the UN-CMCoord focal point early, understand where the context sits on the spectrum and adjust expectations accordingly. Offering support that humanitarian organisations must publicly decline damages the relationship; asking what information or deconfliction arrangements would help usually strengthens it.</p>",
                    ),
                    (
                        "callout",
                        "The closer the military is to the conflict, the further the relationship moves towards co-existence; dialogue never stops, but its purpose shifts from working together to staying safely apart.",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 4. Protection of Civilians
    # ------------------------------------------------------------------
    {
        "slug": "protection-of-civilians-in-armed-conflict",
        "title": "Protection of Civilians in Armed Conflict",
        "summary": "The legal and operational foundations of protecting civilians: NATO's PoC framework, understanding the human environment, and the IHL principles of distinction, proportionality and precaution.",
        "description": "<p>Protecting civilians is both a legal obligation and a strategic necessity for any military operation. This intermediate module explains what protection of civilians (PoC) means for different communities of practice, how NATO has translated it into a military framework, and how international humanitarian law sets the minimum standard that all forces must meet.</p><p>The course is intended for military planners and commanders, civilian advisers, and staff of international and non-governmental organisations who engage with armed forces on protection issues. It assumes familiarity with the content of Foundations of Civil-Military Interaction and prepares learners for the advanced course on civilian harm mitigation and response.</p><ul><li>Distinguish legal, humanitarian and military understandings of protection of civilians.</li><li>Describe the components of the NATO PoC framework and how they relate to each other.</li><li>Explain what understanding the human environment involves and why it is the foundation of PoC.</li><li>Apply the IHL principles of distinction, proportionality and precaution to operational scenarios.</li></ul>",
        "topics": [
            "protection-of-civilians",
            "civilian-harm-mitigation",
            "children-and-armed-conflict",
        ],
        "level": "intermediate",
        "language": "en",
        "estimated_hours": 6,
        "prerequisites": ["foundations-of-civil-military-interaction"],
        "lessons": [
            {
                "title": "What Protection of Civilians Means",
                "summary": "Compares how lawyers, humanitarian organisations, UN peace operations and NATO understand the protection of civilians.",
                "body": [
                    ("heading", "One term, several meanings"),
                    (
                        "paragraph",
                        "<p>Protection of civilians is used in several overlapping ways. For lawyers, it refers to the rules of international humanitarian law (IHL) and human rights law that shield civilians from the effects of hostilities and from abuse by those who hold power over them. For humanitarian organisations, protection covers all activities aimed at ensuring full respect for the rights of individuals under the relevant bodies of law, from documenting violations to helping people reduce their own exposure to risk. For UN peace operations and NATO, PoC has become an operational task with its own concepts, planning requirements and training.</p>",
                    ),
                    ("heading", "The development of PoC as a mandate"),
                    (
                        "paragraph",
                        "<p>The UN Security Council placed protection of civilians on its thematic agenda with resolution 1265 in 1999, after the failures in Rwanda and Srebrenica had shown the cost of peacekeeping without a protection mandate. The same year, the mission in Sierra Leone became the first to be explicitly authorised to protect civilians under imminent threat of physical violence. Today most large UN peace operations carry such mandates. NATO adopted its Policy for the Protection of Civilians at the Warsaw Summit in 2016, followed by a military concept and, in 2021, a handbook for Allied Command Operations. The policy covers efforts to avoid, minimise and mitigate the negative effects of NATO operations on civilians and, where relevant to the mandate, to protect civilians from violence by other actors.</p>",
                    ),
                    ("heading", "Who is protected, and from what"),
                    (
                        "paragraph",
                        "<p>Civilians face many kinds of threats in conflict: direct attack, the indirect effects of fighting in populated areas, sexual and gender-based violence, forced displacement, recruitment of children, denial of humanitarian access and the collapse of health, water and food systems. Vulnerability varies. Women, men, girls and boys are affected differently, as are older people, people with disabilities, minorities and displaced people. Effective protection requires understanding these differences rather than treating the population as a single group. Several cross-cutting topics, including children and armed conflict, conflict-related sexual violence, women, peace and security, and cultural property protection, are therefore closely linked to PoC.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Military forces are only one part of the protection picture. Communities protect themselves through their own networks and strategies; states carry primary responsibility for their populations; humanitarian and human rights organisations monitor, advocate and provide services. Military contributions work best when they complement these efforts and when forces listen to what communities say about their own protection priorities.</p>",
                    ),
                    (
                        "callout",
                        "PoC is broader than avoiding civilian casualties from one's own operations: it also concerns threats posed by other actors and the conditions civilians need to survive.",
                    ),
                ],
            },
            {
                "title": "The NATO Protection of Civilians Framework",
                "summary": "Explains the components of the NATO PoC framework: understanding the human environment, mitigating harm, facilitating access to basic needs and contributing to a safe and secure environment.",
                "body": [
                    ("heading", "A framework for military planning"),
                    (
                        "paragraph",
                        "<p>NATO's military concept for PoC organises the task around a foundation and three lines of effort. The foundation is <b>understanding the human environment</b>, treated in detail in the next lesson. Built on that understanding are three areas in which a force can act: mitigating harm, facilitating access to basic needs, and contributing to a safe and secure environment. Which of these a mission emphasises depends on its mandate, its capabilities and the threats civilians face, but all operations must address the first.</p>",
                    ),
                    ("heading", "Mitigate harm"),
                    (
                        "paragraph",
                        "<p>Mitigating harm covers harm caused by the force's own operations and, where the mandate allows, harm caused by other actors. For one's own operations, it includes compliance with IHL, careful target development and collateral damage estimation, tactical directives that limit the use of certain weapons in populated areas, escalation-of-force procedures at checkpoints, and tracking and learning from civilian harm when it occurs. Regarding other actors, it may involve deterring or responding to attacks on civilians, protecting specific sites such as camps for displaced people, or supporting partner forces to improve their own conduct.</p>",
                    ),
                    ("heading", "Facilitate access to basic needs"),
                    (
                        "paragraph",
                        "<p>Civilians in conflict often die not from violence but from lack of food, water, shelter and health care. Military forces can affect access to these needs positively or negatively. Facilitating access may mean keeping supply routes open, avoiding damage to water and power infrastructure, supporting safe humanitarian access through deconfliction arrangements, or, in exceptional circumstances and in line with the humanitarian guidelines, providing direct support when no civilian alternative exists. Above all, it means not obstructing the work of humanitarian organisations and civilian authorities.</p>",
                    ),
                    ("heading", "Contribute to a safe and secure environment"),
                    (
                        "paragraph",
                        "<p>The third line of effort is longer term. A safe and secure environment exists when the population can go about daily life without fear of violence and when legitimate institutions can maintain order. Military contributions may include supporting security sector reform, training and mentoring local forces with an emphasis on their conduct towards civilians, supporting disarmament, demobilisation and reintegration, and helping create conditions for the rule of law. Because these tasks are shared with many civilian actors, they depend heavily on effective civil-military interaction.</p>",
                    ),
                    (
                        "callout",
                        "Every NATO operation must at least mitigate the harm it causes; the other lines of effort are applied according to mandate, but all rest on understanding the human environment.",
                    ),
                ],
            },
            {
                "title": "Understanding the Human Environment",
                "summary": "Describes how forces build and maintain an understanding of the people, threats, vulnerabilities and dynamics that shape civilian protection.",
                "body": [
                    ("heading", "Why understanding comes first"),
                    (
                        "paragraph",
                        "<p>A force cannot protect people it does not understand. Many of the worst protection failures in recent decades were not caused by bad intentions but by blind spots: a market that was busiest at the time of an operation, a displacement camp that did not appear on military maps, a local militia whose links to a partner force were unknown. Understanding the human environment (UHE) is therefore the foundation of NATO's PoC framework and a continuous task, not a one-off study during planning.</p>",
                    ),
                    ("heading", "What to understand"),
                    (
                        "paragraph",
                        "<p>A useful analysis of the human environment for PoC purposes usually addresses:</p><ul><li><b>The population</b>: where people live, move, work and gather; their demographic profile; patterns of daily and seasonal life.</li><li><b>Threats and perpetrators</b>: who threatens civilians, with what intent and capability, and why. Violence against civilians is often a deliberate strategy, used to control territory, punish perceived support for an enemy or displace populations.</li><li><b>Vulnerabilities</b>: which groups are most exposed and why, taking account of gender, age, disability, ethnicity, religion and displacement status.</li><li><b>Resilience and self-protection</b>: how communities already protect themselves, and how military action might support or disrupt those strategies.</li><li><b>Other actors</b>: local authorities, humanitarian and human rights organisations, and their presence, capacities and constraints.</li></ul>",
                    ),
                    ("heading", "Sources and ethics"),
                    (
                        "paragraph",
                        "<p>Information comes from military reporting, liaison and engagement, host nation authorities, open sources, and the public reports of UN bodies and NGOs. Humanitarian and human rights organisations hold much relevant knowledge but will rarely share sensitive information about individuals, and they should not be pressed to do so. Forces must also handle information about civilians carefully: data about vulnerable groups, informants or victims of sexual violence can put people at risk if it is poorly protected or used for other purposes. Principles of informed consent, confidentiality and need-to-know apply.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Understanding must also be kept current. Populations move, alliances shift and threats adapt to the presence of the force. Indicators of change, such as sudden displacement, closure of markets, or rumours of reprisals, should be tracked and fed into operational assessment so that plans can be adjusted before harm occurs.</p>",
                    ),
                    (
                        "callout",
                        "Analyse why perpetrators target civilians, not only where civilians are; understanding intent is often the key to anticipating and preventing harm.",
                    ),
                ],
            },
            {
                "title": "IHL Foundations: Distinction, Proportionality and Precaution",
                "summary": "Sets out the core rules of international humanitarian law on the conduct of hostilities and how they translate into operational practice.",
                "body": [
                    ("heading", "The legal baseline"),
                    (
                        "paragraph",
                        "<p>International humanitarian law sets the minimum standard for the conduct of hostilities. The key rules are codified in Additional Protocol I of 1977 to the Geneva Conventions and are widely recognised as customary law applicable in both international and non-international armed conflicts. They bind every party to a conflict, including non-state armed groups, and they apply regardless of the conduct of the adversary.</p>",
                    ),
                    (
                        "quote",
                        {
                            "text": "In order to ensure respect for and protection of the civilian population and civilian objects, the Parties to the conflict shall at all times distinguish between the civilian population and combatants and between civilian objects and military objectives and accordingly shall direct their operations only against military objectives.",
                            "attribution": "Additional Protocol I to the Geneva Conventions (1977), Article 48",
                        },
                    ),
                    ("heading", "Three principles"),
                    (
                        "paragraph",
                        "<ul><li><b>Distinction</b>: attacks may only be directed against combatants and military objectives. Civilians lose protection only for such time as they take a direct part in hostilities. Indiscriminate attacks, which cannot be or are not directed at a specific military objective, are prohibited.</li><li><b>Proportionality</b>: an attack is prohibited if it may be expected to cause incidental civilian death, injury or damage that would be excessive in relation to the concrete and direct military advantage anticipated. The assessment is made on the information reasonably available at the time.</li><li><b>Precaution</b>: constant care must be taken to spare civilians. Those who plan or decide on attacks must do everything feasible to verify targets, choose means and methods that minimise incidental harm, give effective advance warning where circumstances permit, and cancel or suspend an attack if it becomes clear that it is unlawful. Parties must also take precautions against the effects of attacks, for example by avoiding locating military objectives in densely populated areas.</li></ul>",
                    ),
                    ("heading", "From law to practice"),
                    (
                        "paragraph",
                        "<p>Operational practice gives these principles concrete form through targeting procedures, no-strike and restricted target lists, collateral damage estimation methodologies, rules of engagement and legal review by operational legal advisers. Urban operations pose particular challenges, because military objectives are intermingled with homes, hospitals, schools and the networks of water, power and sanitation on which civilians depend. The foreseeable reverberating effects of damaging such systems are increasingly recognised as part of a responsible precautions assessment.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Compliance with IHL is necessary but not sufficient for effective protection. An operation can be lawful and still cause civilian harm that undermines its legitimacy and strategic objectives. This is why PoC policies, and the civilian harm mitigation practices covered in the advanced course, go beyond the legal minimum.</p>",
                    ),
                    (
                        "callout",
                        "IHL is the floor, not the ceiling: lawful operations can still cause harm that a force should anticipate, reduce and respond to.",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 5. Cultural Property Protection
    # ------------------------------------------------------------------
    {
        "slug": "cultural-property-protection-in-military-operations",
        "title": "Cultural Property Protection in Military Operations",
        "summary": "Why and how armed forces protect cultural heritage: the 1954 Hague Convention and its protocols, the Blue Shield network, CPP in planning and targeting, and countering looting and trafficking.",
        "description": "<p>Cultural heritage is frequently damaged, destroyed or looted in armed conflict, sometimes as collateral damage and sometimes as a deliberate strategy to erase the identity of a community. This intermediate module explains the legal obligations that armed forces carry for cultural property protection (CPP) and how these are put into practice in planning, targeting, stabilisation and civil-military cooperation.</p><p>The course is intended for military planners, targeteers, legal advisers, CIMIC personnel and heritage professionals who work with armed forces. It assumes familiarity with Foundations of Civil-Military Interaction.</p><ul><li>Summarise the obligations of the 1954 Hague Convention and its two protocols.</li><li>Describe the role of Blue Shield and other civilian partners in CPP.</li><li>Explain how cultural property is integrated into planning, targeting and no-strike lists.</li><li>Identify measures to prevent looting and illicit trafficking during and after operations.</li></ul>",
        "topics": ["cultural-property-protection", "religion-and-conflict"],
        "level": "intermediate",
        "language": "en",
        "estimated_hours": 5,
        "prerequisites": ["foundations-of-civil-military-interaction"],
        "lessons": [
            {
                "title": "The Legal Framework: The 1954 Hague Convention and Its Protocols",
                "summary": "Outlines the international legal instruments that protect cultural property in armed conflict and the obligations they create for armed forces.",
                "body": [
                    ("heading", "Why a specific convention"),
                    (
                        "paragraph",
                        "<p>The massive destruction and plunder of cultural heritage during the Second World War led states to adopt the Convention for the Protection of Cultural Property in the Event of Armed Conflict at The Hague in 1954. It was the first international treaty devoted entirely to cultural heritage in war and remains the cornerstone of the field. It defines cultural property broadly, covering movable and immovable property of great importance to the cultural heritage of every people, such as monuments, archaeological sites, works of art, manuscripts, books and archives, as well as the buildings that house them.</p>",
                    ),
                    (
                        "quote",
                        {
                            "text": "Being convinced that damage to cultural property belonging to any people whatsoever means damage to the cultural heritage of all mankind, since each people makes its contribution to the culture of the world",
                            "attribution": "Convention for the Protection of Cultural Property in the Event of Armed Conflict (The Hague, 1954), Preamble",
                        },
                    ),
                    ("heading", "Core obligations"),
                    (
                        "paragraph",
                        "<p>The Convention asks states to <b>safeguard</b> cultural property in peacetime by preparing for the foreseeable effects of armed conflict, for example through inventories, emergency plans and the designation of responsible authorities. In conflict, it requires them to <b>respect</b> cultural property by refraining from using it or its immediate surroundings for purposes likely to expose it to damage, and from directing hostile acts against it, unless imperative military necessity requires. Parties must also prohibit and prevent theft, pillage and vandalism. Under Article 7, states undertake to introduce the Convention into military regulations and to plan or establish, within their armed forces, services or specialist personnel to secure respect for cultural property and to cooperate with the civilian authorities responsible for it.</p>",
                    ),
                    ("heading", "The protocols and related law"),
                    (
                        "paragraph",
                        "<ul><li>The <b>First Protocol</b> (1954) addresses movable property in occupied territory, requiring occupying powers to prevent its export and to return it after hostilities.</li><li>The <b>Second Protocol</b> (1999) strengthens the Convention. It clarifies when imperative military necessity may be invoked, establishes a system of enhanced protection for property of the greatest importance, defines serious violations that entail individual criminal responsibility, and creates an intergovernmental committee to oversee implementation.</li><li>Additional Protocol I to the Geneva Conventions (Article 53), the Rome Statute of the International Criminal Court and Security Council resolution 2347 (2017) add further protection. In 2016 the International Criminal Court convicted Ahmad al-Faqi al-Mahdi for the destruction of religious and historic buildings in Timbuktu, the first such case before the court.</li></ul>",
                    ),
                    (
                        "callout",
                        "The 1954 Convention obliges states both to refrain from attacking or misusing cultural property and to prepare in peacetime, including by creating specialist CPP capacity within their armed forces.",
                    ),
                ],
            },
            {
                "title": "Blue Shield and the Civil-Military CPP Network",
                "summary": "Introduces Blue Shield and the other civilian and military partners involved in protecting cultural heritage in crises.",
                "body": [
                    ("heading", "The distinctive emblem and the organisation"),
                    (
                        "paragraph",
                        "<p>The 1954 Convention created a distinctive emblem, a shield pointed below and divided into blue and white sections, to identify protected cultural property and the personnel responsible for it. The emblem gave its name to the Blue Shield, founded in 1996 by the international professional organisations for archives, libraries, museums and monuments and sites. Today Blue Shield International coordinates a network of national committees that work to protect cultural and natural heritage in armed conflict and disasters. Blue Shield describes itself as the cultural equivalent of the Red Cross, and its national committees often act as the main civilian partner for armed forces on CPP.</p>",
                    ),
                    ("heading", "The wider network"),
                    (
                        "paragraph",
                        "<p>CPP involves many actors, each with distinct roles:</p><ul><li><b>National heritage authorities</b> of the host nation, which hold inventories, legal responsibility and local expertise, and whose capacity should be supported rather than replaced.</li><li><b>UNESCO</b>, which serves as secretariat for the 1954 Convention and its protocols, maintains lists of property under enhanced protection and coordinates emergency responses for heritage.</li><li><b>ICCROM</b>, ICOM, ICOMOS and other professional bodies, which provide training, emergency expertise and, in some cases, red lists of objects at risk of trafficking.</li><li><b>Law enforcement and customs</b>, including INTERPOL, which track stolen cultural objects across borders.</li><li><b>Military CPP specialists</b>, including advisers in headquarters and reserve officers with professional heritage backgrounds, who bridge the military and heritage communities.</li></ul>",
                    ),
                    ("heading", "Working together"),
                    (
                        "paragraph",
                        "<p>The value of this network depends on relationships built before operations. Heritage professionals can help armed forces compile accurate, geolocated lists of sites, advise on the significance of places that may not look important to a soldier, such as a cemetery or a small shrine, and assess damage after fighting. Armed forces, in turn, can share information about threats to sites, provide security for emergency evacuation of collections when requested, and include heritage experts in exercises. As with other forms of CMI, civilian partners must be able to preserve their independence and professional standards.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>NATO has recognised CPP as a cross-cutting topic and has issued guidance on integrating it into operations and missions. Many Allies and partners have created dedicated CPP posts or units, and CPP is increasingly included in exercises alongside protection of civilians and other cross-cutting topics.</p>",
                    ),
                    (
                        "callout",
                        "Military CPP is only as good as its civilian partnerships: heritage experts supply the knowledge of what matters and why, which military staff cannot generate alone.",
                    ),
                ],
            },
            {
                "title": "CPP in Planning and Targeting: Inventories and No-Strike Lists",
                "summary": "Explains how cultural property is identified, mapped and protected through the planning and targeting process.",
                "body": [
                    ("heading", "Start early"),
                    (
                        "paragraph",
                        "<p>Cultural property must be considered from the first stages of planning, not added when targets are already being nominated. During the analysis of the operating environment, CIMIC, intelligence and CPP staff should identify cultural property in the area of operations and understand its significance to the local population. Religious buildings, cemeteries, archives, museums, libraries and archaeological sites may all be relevant, as may intangible aspects such as pilgrimage routes and festival sites. Significance is determined by the community, not by outside perceptions of artistic value.</p>",
                    ),
                    ("heading", "Building and using inventories"),
                    (
                        "paragraph",
                        "<p>Reliable data is the foundation. Sources include national heritage registers, UNESCO lists, academic and archaeological databases, Blue Shield and other heritage organisations, and imagery analysis. Data must be geolocated precisely, checked for accuracy, and made available in formats that military systems can use. The result feeds into the <b>no-strike list</b>, which contains objects protected from attack by law or policy, and the <b>restricted target list</b>, which covers objects that may only be engaged under specific conditions. Cultural property appears primarily on the no-strike list, but planners must remember that such property can lose protection if it is used for military purposes, and that any such decision requires careful legal review and the highest level of authorisation set by national and Alliance rules.</p>",
                    ),
                    ("heading", "Beyond targeting"),
                    (
                        "paragraph",
                        "<p>Much damage to heritage results not from air strikes but from everyday military activity. Planners should consider:</p><ul><li>Where bases, checkpoints and defensive positions are located, avoiding the use of historic buildings and archaeological sites.</li><li>Engineering works such as trenches, berms and roads, which can destroy buried archaeology.</li><li>Movement routes for heavy vehicles through historic town centres.</li><li>Collateral effects of fires, vibration and blast on fragile structures.</li><li>Rules for personnel, including prohibitions on collecting souvenirs and guidance on behaviour at religious sites.</li></ul>",
                    ),
                    (
                        "paragraph",
                        "<p>During execution, CPP staff should monitor reports of damage, update lists as new information arrives and ensure that commanders understand the likely reaction if a culturally significant site is damaged. Post-operation damage assessments, ideally conducted with civilian heritage experts, support recovery and provide lessons for future operations.</p>",
                    ),
                    (
                        "callout",
                        "A no-strike list is only as good as its data: invest early in accurate, geolocated inventories developed with civilian heritage experts.",
                    ),
                ],
            },
            {
                "title": "Looting, Trafficking and Stabilisation",
                "summary": "Examines how conflict enables looting and illicit trade in cultural objects and what military and civilian actors can do to prevent it.",
                "body": [
                    ("heading", "Lessons from recent conflicts"),
                    (
                        "paragraph",
                        "<p>The looting of the Iraq National Museum in Baghdad in April 2003, in the security vacuum that followed the fall of the government, became a defining example of what can happen when CPP is not planned for. Thousands of objects were stolen, and widespread illegal excavation of archaeological sites followed across the country. A decade later, armed groups in Iraq and Syria, including ISIL, deliberately destroyed heritage sites for propaganda purposes while profiting from the trafficking of antiquities. In response, Security Council resolution 2199 (2015) required states to prevent trade in cultural property illegally removed from Iraq and Syria, and resolution 2347 (2017) addressed the protection of cultural heritage more broadly.</p>",
                    ),
                    ("heading", "Why it matters to the mission"),
                    (
                        "paragraph",
                        "<p>Looting and trafficking are not only cultural losses. They can finance armed groups and organised crime, fuel corruption and damage the legitimacy of any force perceived as having allowed them. Deliberate attacks on heritage are often part of a wider campaign against a community's identity and may be linked to other atrocities. Protecting heritage can therefore contribute to stability, reconciliation and the protection of civilians.</p>",
                    ),
                    ("heading", "Practical measures"),
                    (
                        "paragraph",
                        "<ul><li><b>Anticipate vacuums.</b> Identify museums, archives and major sites likely to be at risk when local authority collapses, and plan for their security in coordination with host nation authorities.</li><li><b>Share information.</b> Report evidence of illegal excavation or trafficking to the appropriate civilian authorities and law enforcement channels, and include heritage trafficking in analysis of threat finance.</li><li><b>Support civilian capacity.</b> Help restore the ability of heritage authorities, police and customs to protect sites and control borders, rather than substituting for them over the long term.</li><li><b>Set the example.</b> Enforce strict rules against personnel acquiring or removing cultural objects, and investigate any breaches.</li><li><b>Train.</b> Ensure that soldiers at checkpoints and border crossings can recognise likely trafficked objects and know whom to notify.</li></ul>",
                    ),
                    (
                        "paragraph",
                        "<p>In the stabilisation phase, cultural heritage can also support recovery. Restoring a damaged mosque, church or market can be a powerful symbol of return to normal life, provided that it is led by local communities and authorities and that military involvement does not politicise the work. CIMIC staff have an important role in connecting military resources, where appropriate, with the civilian heritage organisations best placed to lead such efforts.</p>",
                    ),
                    (
                        "callout",
                        "The greatest risk to heritage often comes after the fighting, when authority collapses; plans must cover the security vacuum as well as the conduct of hostilities.",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 6. Civilian Harm Mitigation and Response
    # ------------------------------------------------------------------
    {
        "slug": "civilian-harm-mitigation-and-response",
        "title": "Civilian Harm Mitigation and Response",
        "summary": "An advanced course on how forces anticipate, track, assess and respond to civilian harm, drawing on operational lessons, casualty tracking, amends practice and non-lethal capabilities.",
        "description": "<p>Civilian harm mitigation and response (CHMR) is the set of practices through which armed forces go beyond legal compliance to reduce the harm their operations cause to civilians and to respond appropriately when harm occurs. This advanced module draws on lessons from Afghanistan, Somalia, Iraq and Syria and on recent policy developments to examine how forces build institutional capacity for CHMR.</p><p>The course is designed for commanders, operations and targeting staff, legal advisers, CIMIC and PoC advisers, and civilian experts who advise or monitor armed forces. Learners must first complete Protection of Civilians in Armed Conflict.</p><ul><li>Explain why civilian harm mitigation has become an institutional priority and summarise key lessons from recent operations.</li><li>Describe the components of a civilian casualty tracking capability and how civilian harm is incorporated into battle damage assessment.</li><li>Evaluate approaches to acknowledgement, amends and condolence payments.</li><li>Assess the role and limits of non-lethal capabilities and escalation-of-force procedures.</li></ul>",
        "topics": [
            "civilian-harm-mitigation",
            "non-lethal-capability",
            "protection-of-civilians",
        ],
        "level": "advanced",
        "language": "en",
        "estimated_hours": 8,
        "prerequisites": ["protection-of-civilians-in-armed-conflict"],
        "lessons": [
            {
                "title": "From Compliance to Harm Mitigation: Lessons from Operations",
                "summary": "Traces how experience in recent operations led armed forces to treat civilian harm as a strategic issue requiring dedicated institutional capacity.",
                "body": [
                    ("heading", "Why lawful is not enough"),
                    (
                        "paragraph",
                        "<p>International humanitarian law accepts that lawful attacks may cause incidental civilian harm, provided it is not excessive and all feasible precautions are taken. Operational experience, however, has shown that even harm that is lawful can have serious strategic consequences. Civilian casualties erode the support of the population, strengthen adversary recruitment and propaganda, strain relations with host governments and partners, and undermine public support at home. Civilian harm mitigation treats this harm as something to be understood, measured and reduced systematically, not merely justified case by case.</p>",
                    ),
                    (
                        "quote",
                        {
                            "text": "In the conduct of military operations, constant care shall be taken to spare the civilian population, civilians and civilian objects.",
                            "attribution": "Additional Protocol I to the Geneva Conventions (1977), Article 57(1)",
                        },
                    ),
                    ("heading", "Afghanistan and Somalia"),
                    (
                        "paragraph",
                        "<p>In Afghanistan, mounting civilian casualties and the resulting political crisis with the Afghan government led the International Security Assistance Force (ISAF) to establish a Civilian Casualty Tracking Cell in its headquarters in 2008. Tactical directives from 2009 onwards restricted the use of air-delivered munitions and indirect fire against residential compounds, and escalation-of-force procedures were revised after numerous incidents at checkpoints and around convoys. Independent reporting by the UN Assistance Mission in Afghanistan provided an external check that pushed the force to improve its own data. In Somalia, the Security Council requested the African Union mission to develop a civilian casualty tracking, analysis and response cell, an example of such capacity being built into a regional peace operation.</p>",
                    ),
                    ("heading", "Urban warfare and recent policy"),
                    (
                        "paragraph",
                        "<p>The campaigns against ISIL in Mosul and Raqqa highlighted the challenges of large-scale urban operations conducted largely through air and artillery power and partner ground forces. Independent investigations found that civilian harm had been significantly undercounted and that the reverberating effects on water, power and health systems had been poorly anticipated. These findings contributed to new policy frameworks, notably the United States Department of Defense Civilian Harm Mitigation and Response Action Plan of 2022 and the related instruction of 2023, and to renewed attention to CHMR in NATO's protection of civilians work. A recurring lesson is that progress made during one campaign is often lost afterwards unless it is embedded in doctrine, training, staffing and data systems.</p>",
                    ),
                    (
                        "callout",
                        "Civilian harm mitigation capabilities built during one campaign tend to disappear when it ends; lasting improvement requires institutional ownership, standing staff and permanent data systems.",
                    ),
                ],
            },
            {
                "title": "Civilian Casualty Tracking and Battle Damage Assessment",
                "summary": "Explains how forces collect, assess and analyse information about civilian harm and integrate it into battle damage assessment and learning.",
                "body": [
                    ("heading", "What counts as civilian harm"),
                    (
                        "paragraph",
                        "<p>Civilian harm is broader than deaths and injuries. Recent policy frameworks include damage to or destruction of civilian objects, loss of livelihoods, displacement, disruption of essential services, and psychological harm. Harm may be direct, resulting immediately from an attack, or reverberating, following from the damage to systems on which civilians depend. A strike that destroys a bridge used by a supply convoy may also cut off a hospital from its patients and a town from its market for months. Tracking and assessment must be designed with this wider definition in mind, while remaining realistic about what can be measured.</p>",
                    ),
                    ("heading", "Building a tracking capability"),
                    (
                        "paragraph",
                        "<p>A civilian casualty tracking capability typically performs five functions:</p><ol><li><b>Collection</b> of reports of possible civilian harm from all available sources: operational reporting, post-strike imagery, intelligence, local authorities, media, UN missions and civil society organisations.</li><li><b>Assessment</b> of each report to determine whether harm is likely to have occurred and whether the force was involved, using a consistent and transparent standard of evidence.</li><li><b>Investigation</b> of incidents that meet defined thresholds, including interviews with witnesses where possible.</li><li><b>Analysis</b> of patterns across incidents, such as weapon types, times of day, target categories or partner force involvement.</li><li><b>Feedback</b> of findings into tactics, procedures, training and the guidance issued to commanders.</li></ol>",
                    ),
                    ("heading", "Civilian harm in battle damage assessment"),
                    (
                        "paragraph",
                        "<p>Battle damage assessment traditionally focuses on whether an attack achieved its intended effect on the target. Integrating civilian harm means also assessing the effects on civilians and civilian objects and comparing them with the collateral damage estimate made before the attack. Differences between estimate and outcome are valuable learning material: they may reveal flawed assumptions about population patterns, building construction or weapon effects. This requires post-strike imagery and reporting to be retained and reviewed systematically, not only when an allegation is made.</p>",
                    ),
                    ("heading", "Credibility and external sources"),
                    (
                        "paragraph",
                        "<p>Internal assessments that consistently find far less harm than credible external monitors lose legitimacy. Forces should engage constructively with UN missions, NGOs and journalists who document civilian harm, establish clear channels to receive reports, and explain their assessment methods. Reliance on aerial surveillance alone tends to miss casualties buried under rubble or taken directly to hospitals, which is why ground-level sources are essential.</p>",
                    ),
                    (
                        "callout",
                        "Compare every post-strike outcome with the pre-strike estimate: the gap between the two is one of the most valuable sources of learning about civilian harm.",
                    ),
                ],
            },
            {
                "title": "Responding to Harm: Acknowledgement, Amends and Condolence Payments",
                "summary": "Examines how forces can respond to civilians they have harmed through acknowledgement, explanation, payments and other forms of amends.",
                "body": [
                    ("heading", "Why response matters"),
                    (
                        "paragraph",
                        "<p>For those affected, how a force responds after harm can matter almost as much as the harm itself. Silence, denial or bureaucratic delay compounds the injury and confirms suspicions that civilian lives are not valued. A prompt, respectful response, even when the force believes it acted lawfully, can help families recover, restore some trust and reduce the likelihood of grievances turning into support for armed groups. Civil society organisations such as the Center for Civilians in Conflict have long argued for the practice of making amends, meaning recognition and assistance for civilians harmed by lawful combat operations.</p>",
                    ),
                    ("heading", "Forms of response"),
                    (
                        "paragraph",
                        "<ul><li><b>Acknowledgement</b>: recognising that harm occurred and that the force was involved. Public or private acknowledgement is often what affected families most want.</li><li><b>Explanation and apology</b>: telling families what happened, as far as security allows, and expressing regret in a culturally appropriate form.</li><li><b>Condolence or ex gratia payments</b>: payments made as an expression of sympathy without admission of legal liability. Many nations that served in Afghanistan and Iraq used such schemes, though amounts and procedures varied widely.</li><li><b>In-kind assistance</b>: medical care, rebuilding of homes, replacement of livestock or support for livelihoods.</li><li><b>Referral</b>: connecting affected people with humanitarian, medical or psychosocial services, respecting the independence of those services.</li></ul>",
                    ),
                    ("heading", "Getting it right"),
                    (
                        "paragraph",
                        "<p>Experience highlights several pitfalls. Inconsistent amounts across nations in the same coalition create resentment. Long delays, complex paperwork and requirements to travel to military bases deter claimants and expose them to risk. Payments made without acknowledgement can look like attempts to buy silence, while payments delivered through powerful local intermediaries may never reach those harmed, or may reach them only in part. Women, children and marginalised groups may be excluded if payments go only to male heads of household.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Good practice includes clear and published policies, dedicated staff and budgets, consultation with communities on what forms of response are appropriate, and coordination among coalition members. Amends should not replace investigation and accountability where violations of law may have occurred; they complement them. CIMIC and liaison personnel often play a central role, because they have the relationships with local authorities and communities needed to deliver responses respectfully.</p>",
                    ),
                    (
                        "callout",
                        "Acknowledgement is often what affected families value most; payments without acknowledgement, or delivered late and through intermediaries, can deepen rather than repair the damage.",
                    ),
                ],
            },
            {
                "title": "Non-Lethal Capabilities and Escalation of Force",
                "summary": "Assesses how non-lethal capabilities and structured escalation-of-force procedures can reduce civilian harm, and what their limits are.",
                "body": [
                    ("heading", "The problem of uncertain intent"),
                    (
                        "paragraph",
                        "<p>Many civilian casualties in recent operations occurred not in planned attacks but in split-second encounters: a car approaching a checkpoint too fast, a vehicle failing to stop for a convoy, a crowd moving towards a patrol. Soldiers had to judge intent with little information and few options between shouting and shooting. Escalation-of-force procedures and non-lethal capabilities aim to widen that range of options, giving personnel time and means to determine intent before lethal force becomes necessary.</p>",
                    ),
                    ("heading", "Escalation-of-force procedures"),
                    (
                        "paragraph",
                        "<p>Escalation of force describes a graduated sequence of measures used to warn, deter and, if necessary, stop a potential threat. Exact steps are set by rules of engagement and national procedures, but they typically move from clear signage, barriers and lane design at checkpoints, through visual and audible warnings, to the display of weapons and, as a last step before lethal force, warning or disabling measures. Effectiveness depends on civilians being able to understand the warnings. Signs must be in local languages and visible at a distance, hand signals must mean the same thing to the driver as to the soldier, and the layout must give drivers time to react. Analysis of escalation-of-force incidents should feed back into checkpoint design, training and information campaigns for the population.</p>",
                    ),
                    ("heading", "Non-lethal capabilities"),
                    (
                        "paragraph",
                        "<p>NATO adopted a policy on non-lethal weapons in 1999, describing them as weapons designed to incapacitate or repel personnel, or to disable equipment, with a low probability of fatality or permanent injury. Examples include acoustic hailing devices that project clear voice warnings over long distances, optical warning devices, vehicle and vessel stopping systems, and crowd control munitions. Non-lethal capabilities can be valuable for warning, for establishing intent and for controlling crowds without resorting to firearms.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>They also have limits. Non-lethal does not mean harmless: misuse, short ranges or vulnerable targets such as children and older people can cause serious injury or death. Like all new weapons, they must be subject to legal review, and their use must respect the same principles of necessity and proportionality as any other use of force. They should never be seen as a tool for routine coercion of the population, and their availability must not lower the threshold for using force at all. Training, clear rules and careful after-action review are essential.</p>",
                    ),
                    (
                        "callout",
                        "Non-lethal capabilities widen the options between warning and lethal force, but they are not harmless and do not replace sound procedures, training and judgement.",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 7. Liaison and Key Leader Engagement
    # ------------------------------------------------------------------
    {
        "slug": "liaison-and-key-leader-engagement",
        "title": "Liaison and Key Leader Engagement",
        "summary": "The practical skills of civil-military liaison and key leader engagement: the liaison officer's role, preparing and conducting engagements, cultural awareness, interpreters, religious leaders and follow-up.",
        "description": "<p>Much of civil-military interaction happens in conversations: between a liaison officer and a UN agency, a commander and a governor, a patrol leader and a village elder. This intermediate module focuses on the skills that make these conversations productive, respectful and safe for everyone involved.</p><p>The course is intended for liaison officers, CIMIC operators, commanders at all levels and civilian staff who engage with armed forces or with local leaders on their behalf. It builds on Foundations of Civil-Military Interaction.</p><ul><li>Describe the role, responsibilities and limits of a liaison officer.</li><li>Plan, conduct and debrief a key leader engagement.</li><li>Apply cultural awareness and work effectively with interpreters.</li><li>Engage respectfully with religious leaders and understand the role of religion in conflict.</li><li>Record, report and follow up engagements so that relationships survive personnel rotation.</li></ul>",
        "topics": ["liaison-engagement", "religion-and-conflict", "cmi-foundations"],
        "level": "intermediate",
        "language": "en",
        "estimated_hours": 6,
        "prerequisites": ["foundations-of-civil-military-interaction"],
        "lessons": [
            {
                "title": "The Role of the Liaison Officer",
                "summary": "Explains what a liaison officer does, the authority they carry and the qualities that make liaison effective.",
                "body": [
                    ("heading", "A bridge between organisations"),
                    (
                        "paragraph",
                        "<p>A liaison officer (LNO) represents one organisation within another. In civil-military settings, an LNO may be a military officer placed with a host nation ministry, a UN agency or a civil protection authority, or a civilian placed in a military headquarters. Their task is to maintain a reliable two-way channel: explaining their own organisation's intentions, capabilities and constraints to the host, and conveying the host's priorities, concerns and information back to their own leadership. A good LNO makes both organisations more predictable to each other.</p>",
                    ),
                    ("heading", "Authority and limits"),
                    (
                        "paragraph",
                        "<p>An LNO speaks on behalf of the sending commander or organisation, so clarity about their authority is essential. Before deployment, an LNO should know:</p><ul><li>Which decisions they may take or agree to on the spot, and which must be referred back.</li><li>What information they may share, at what classification, and with whom.</li><li>Who they report to, how often and through which channels.</li><li>What the commander's priorities are for the relationship.</li></ul><p>An LNO who makes commitments beyond their authority, even with good intentions, damages trust when the commitments are not honoured. Equally, an LNO who must refer every question back becomes irrelevant to the host.</p>",
                    ),
                    ("heading", "Qualities and selection"),
                    (
                        "paragraph",
                        "<p>Liaison is sometimes treated as a post for whoever is available, but experience shows that selection matters. Effective LNOs combine credibility within their own organisation, so that their reports are taken seriously, with the interpersonal skills, patience and cultural curiosity needed to be accepted by the host. Knowledge of the host's mandate and working methods is invaluable: a military LNO to a humanitarian coordination forum must understand humanitarian principles, and a civilian LNO in a headquarters must learn the rhythm of military planning. Language skills, regional knowledge and seniority appropriate to the counterpart also count.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Continuity is a persistent challenge. Military rotations of four to six months mean that relationships built by one LNO may be lost when they leave. Overlapping handovers, personal introductions of successors to key contacts and good records all help the relationship outlast the individual.</p>",
                    ),
                    (
                        "callout",
                        "An LNO must know exactly what they can agree, share and promise; clarity about authority protects both the LNO and the relationship.",
                    ),
                ],
            },
            {
                "title": "Preparing and Conducting Key Leader Engagements",
                "summary": "Sets out a structured approach to planning, rehearsing and conducting engagements with influential civilian leaders.",
                "body": [
                    ("heading", "What a key leader engagement is"),
                    (
                        "paragraph",
                        "<p>A key leader engagement (KLE) is a planned meeting between a military leader and an influential person in the operating environment, undertaken to build relationships, exchange information or influence decisions in support of the mission. Key leaders include formal office-holders such as governors, mayors and police chiefs, but also informal figures whose influence may be greater: tribal and clan elders, religious leaders, heads of women's associations, business owners and respected teachers. Identifying who actually holds influence, and over whom, is the first analytical task.</p>",
                    ),
                    ("heading", "Preparation"),
                    (
                        "paragraph",
                        "<p>Careful preparation distinguishes a purposeful engagement from a courtesy call:</p><ol><li><b>Define objectives</b>: what the commander wants to learn, convey or achieve, ranked by priority.</li><li><b>Research the counterpart</b>: background, position, interests, relationships, previous engagements and any commitments made to them by earlier units.</li><li><b>Coordinate messages</b>: ensure that what is said aligns with the force's information activities and with what other units and civilian partners are saying to the same person.</li><li><b>Anticipate requests</b>: prepare answers to likely questions and requests, and know what can and cannot be offered.</li><li><b>Plan logistics and security</b>: location, timing, seating, refreshments, protection arrangements and the security of the counterpart, who may be placed at risk by being seen with the force.</li><li><b>Rehearse</b>, including with the interpreter.</li></ol>",
                    ),
                    ("heading", "Conduct"),
                    (
                        "paragraph",
                        "<p>During the engagement, follow local norms of greeting and hospitality; rushing to business can be seen as disrespectful. Listen more than you speak, and allow the counterpart to raise their own concerns, which are often more informative than answers to prepared questions. Be honest about what the force can and cannot do, and avoid promises that depend on others' decisions. Watch who else is present and how they react. Close by summarising any agreements and agreeing how contact will be maintained.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Remember that the counterpart also has objectives. They may seek resources, protection, status or information about the force's plans. Understanding their aims is part of understanding the environment, and treating the engagement as a genuine exchange rather than a one-sided attempt at influence tends to produce more durable relationships.</p>",
                    ),
                    (
                        "callout",
                        "Never promise what you cannot personally guarantee: a single broken commitment can undo months of relationship building, for your unit and for those who follow.",
                    ),
                ],
            },
            {
                "title": "Cultural Awareness and Working with Interpreters",
                "summary": "Explores how cultural understanding shapes engagement and how to work effectively and responsibly with interpreters.",
                "body": [
                    ("heading", "Cultural awareness without stereotypes"),
                    (
                        "paragraph",
                        "<p>Cultural awareness is the ability to recognise that others interpret words, gestures, time, hierarchy and obligation differently, and to adapt accordingly. Pre-deployment briefings provide useful general knowledge about greetings, dress, gender norms, hospitality and religious practice. The risk is that general knowledge becomes stereotype. Cultures vary by region, generation, class and individual, and people in conflict zones are often navigating rapid social change. The aim is not to memorise rules but to develop curiosity, humility and the habit of checking assumptions, for example by asking trusted local colleagues how a gesture or proposal is likely to be received. Awareness also runs in both directions: military organisations have their own culture of rank, acronyms and urgency, and recognising how that culture appears to local counterparts and civilian partners is part of engaging well.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Gender deserves specific attention. In many contexts, male soldiers cannot easily speak with women, meaning that half the population's views and protection concerns go unheard. Mixed engagement teams, female engagement capacity and deliberate outreach to women's organisations help close this gap and support commitments under the women, peace and security agenda.</p>",
                    ),
                    ("heading", "Working with interpreters"),
                    (
                        "paragraph",
                        "<p>Interpreters are among the most important and most exposed members of any engagement team. Good practice includes:</p><ul><li>Briefing the interpreter in advance on the purpose, participants and any technical vocabulary.</li><li>Speaking directly to the counterpart, not to the interpreter, and using the first person.</li><li>Using short segments and plain language, avoiding jargon, acronyms and idioms.</li><li>Agreeing how the interpreter will signal misunderstanding or cultural sensitivity.</li><li>Debriefing the interpreter afterwards on tone, reactions and nuances that may not have been translated.</li></ul>",
                    ),
                    ("heading", "Duty of care"),
                    (
                        "paragraph",
                        "<p>Locally recruited interpreters often face serious risks from armed groups who view them as collaborators, and the dangers may continue long after a mission ends. Their identities and personal details should be protected, their safety considered when planning engagements, and their concerns taken seriously. Consideration should also be given to whether an interpreter's own background, such as ethnicity, religion or family connections, may affect how they are perceived by a counterpart. Children should never be used as interpreters.</p>",
                    ),
                    (
                        "callout",
                        "Treat your interpreter as a member of the team: brief them, listen to their cultural advice, protect their identity and recognise the risks they carry.",
                    ),
                ],
            },
            {
                "title": "Religion, Religious Leaders and Conflict",
                "summary": "Examines the role of religion in conflict and peace and how to engage respectfully with religious leaders and communities.",
                "body": [
                    ("heading", "Religion in the operating environment"),
                    (
                        "paragraph",
                        "<p>Religion shapes identity, values, social organisation and authority for most of the world's population. In conflict, it can be a source of division when armed actors frame their struggle in religious terms or target communities because of their faith. It can equally be a source of resilience and reconciliation: religious institutions often run schools, clinics and relief networks, and religious leaders may be among the few figures trusted across dividing lines. Military personnel from largely secular institutions sometimes underestimate religion's importance or see it mainly as a threat. A more accurate picture recognises its many roles.</p>",
                    ),
                    ("heading", "Engaging religious leaders"),
                    (
                        "paragraph",
                        "<p>Religious leaders can be valuable interlocutors. They often understand community concerns in depth, can communicate messages that would be ignored if they came from a foreign force, and may mediate local disputes. Effective engagement rests on several considerations:</p><ul><li><b>Diversity within traditions</b>: no single leader speaks for an entire faith community, and official hierarchies may not reflect real influence.</li><li><b>Even-handedness</b>: engaging only with leaders of one faith or sect can be seen as taking sides.</li><li><b>Independence</b>: leaders who appear to be instruments of the force may lose credibility or be endangered; the aim is dialogue, not co-option.</li><li><b>Respect for sacred space and time</b>: religious calendars, prayer times, dress codes and the conduct of personnel at or near religious sites matter.</li></ul>",
                    ),
                    ("heading", "The role of chaplains"),
                    (
                        "paragraph",
                        "<p>Some armed forces involve military chaplains in engagement with local religious leaders, drawing on their religious literacy and pastoral skills. This can be effective, but it raises questions. Chaplains have a specific status under the Geneva Conventions as religious personnel, and national policies differ on how far they should engage outside the force. Most guidance stresses that chaplains must not be used to collect intelligence or to deliver influence messages, since that would compromise both their status and the trust of their counterparts.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Religious sites and practices also intersect with cultural property protection and protection of civilians. Attacks on places of worship and on clergy are often signals of wider campaigns against a community, and forces should monitor and report them as indicators of risk.</p>",
                    ),
                    (
                        "callout",
                        "Engage religious leaders as independent partners across all communities; appearing to favour or instrumentalise one faith can inflame the conflict you are trying to reduce.",
                    ),
                ],
            },
            {
                "title": "Recording, Reporting and Follow-Up",
                "summary": "Shows how engagements are recorded, reported and followed up so that they build lasting relationships rather than isolated encounters.",
                "body": [
                    ("heading", "Why follow-up matters"),
                    (
                        "paragraph",
                        "<p>An engagement does not end when the meeting closes. Its value depends on what happens afterwards: whether information reaches those who need it, whether promises are kept, and whether the next person to meet the counterpart knows what was said. In many operations, local leaders have complained of meeting a succession of new officers who each asked the same questions and made similar commitments, with little visible result. Systematic recording and follow-up address this problem directly.</p>",
                    ),
                    ("heading", "Recording and reporting"),
                    (
                        "paragraph",
                        "<p>An engagement report should be written promptly, while details are fresh, and should normally cover:</p><ul><li>Date, place, participants and the interpreter used.</li><li>Objectives of the engagement and the extent to which they were met.</li><li>Key points raised by the counterpart, including requests, grievances and information offered.</li><li>Any commitments made by either side, with responsibility and deadlines.</li><li>Observations on atmosphere, relationships and changes since previous meetings.</li><li>Recommendations for follow-up and for future engagements.</li></ul><p>Reports should feed into a shared engagement database that tracks relationships over time, so that successors and other branches can see the history of contact with each leader.</p>",
                    ),
                    ("heading", "Handling information responsibly"),
                    (
                        "paragraph",
                        "<p>Recording engagements creates risks as well as benefits. Names and views of local leaders, especially those critical of armed groups, can endanger them if records are poorly protected or shared beyond the need to know. Information provided by humanitarian organisations in a coordination setting should not be recorded or used as if it were intelligence reporting, as this would undermine their trust and potentially their safety. Clear handling rules, appropriate classification and awareness of data protection principles are part of professional practice.</p>",
                    ),
                    ("heading", "Closing the loop"),
                    (
                        "paragraph",
                        "<p>Follow-up means acting on commitments, or explaining honestly why they cannot be met, and informing the counterpart of outcomes. It also means passing relevant concerns to the organisations responsible, for example referring a request for water supply to the appropriate authority or humanitarian cluster rather than treating it as a military task. At handover, outgoing personnel should brief successors on each key relationship and, where possible, introduce them in person.</p>",
                    ),
                    (
                        "callout",
                        "Every engagement should leave a record that allows a successor to continue the relationship without starting again, and every commitment should be tracked until it is fulfilled or honestly closed.",
                    ),
                ],
            },
        ],
    },
]
