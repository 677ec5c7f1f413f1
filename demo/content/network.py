"""Public content for IGN Academy: network pages, events and publications."""

HOME = {
    "title": "IGN Academy",
    "hero_title": "Learning together for civil-military interaction",
    "hero_text": (
        "IGN Academy is the learning platform of the Interacta Global Network. "
        "It brings civilians, military practitioners and researchers together "
        "to prepare for crises before they happen."
    ),
    "intro": (
        "<p>The Interacta Global Network (IGN), also known as the JCMI Network "
        "(Joint Civil-Military Interaction Research and Education Network), "
        "connects people who work where civilian and military responsibilities "
        "meet. Its members deal with armed conflict, natural and technological "
        "disasters, public health emergencies and hybrid threats, and they share "
        "a conviction that these situations are handled better when the actors "
        "involved already know and understand one another.</p>"
        "<p>IGN Academy is the network's learning platform. It offers courses, "
        "reading material, event recordings and discussion spaces that draw on "
        "both field experience and current research. The aim is practical: to "
        "help participants understand how other organisations think, plan and "
        "decide, and to make cooperation easier when it matters most.</p>"
        "<p>The academy is open to everyone with an interest in civil-military "
        "interaction. Members of civil society, staff of governmental agencies, "
        "military practitioners and scholars are equally welcome, whether they "
        "are starting out or bring many years of experience.</p>"
    ),
    "open_to_all": (
        "Anyone interested in how civilians and militaries can work together "
        "better is welcome to join. Sign up for a free account to access "
        "courses, events and publications."
    ),
}

PAGES = [
    {
        "slug": "why-ign",
        "title": "Why IGN",
        "intro": (
            "Crises demand cooperation between civilian and military actors, "
            "and that cooperation has to be prepared in advance."
        ),
        "body": [
            ("heading", "Crises do not respect organisational boundaries"),
            (
                "paragraph",
                "<p>Armed conflict, earthquakes and floods, pandemics and hybrid "
                "threats all have one thing in common: no single organisation can "
                "manage them alone. Humanitarian agencies, emergency services, "
                "ministries, local authorities, community groups and armed forces "
                "often find themselves working in the same place, at the same "
                "time, for the same affected population. Each brings different "
                "mandates, resources, working cultures and vocabularies.</p>"
                "<p>When these actors meet for the first time in the middle of a "
                "crisis, valuable time is lost. Misunderstandings about roles, "
                "principles and procedures can lead to duplicated effort, gaps in "
                "assistance or even harm to the people everyone is trying to "
                "help. Where civilians and militaries already understand each "
                "other, they can coordinate faster, respect each other's limits "
                "and focus on the needs on the ground.</p>",
            ),
            (
                "callout",
                "Mutual understanding is built before a crisis, not during it.",
            ),
            ("heading", "Closing the gap between practice, research and education"),
            (
                "paragraph",
                "<p>Much is already known about civil-military interaction, but "
                "that knowledge is scattered. Practitioners gather hard-won "
                "lessons that are rarely written down. Researchers produce "
                "careful studies that do not always reach those who plan and "
                "conduct operations. Training institutions teach valuable skills, "
                "yet often within the confines of a single organisation or "
                "profession.</p>"
                "<p>IGN exists to connect these three worlds. Field experience "
                "should inform research questions; research findings should "
                "shape curricula; and education should prepare people for the "
                "realities they will actually face. IGN Academy is one of the "
                "main tools for making this cycle work.</p>",
            ),
            ("heading", "Why a network and not a single institution"),
            (
                "paragraph",
                "<p>Civil-military interaction involves many communities with "
                "legitimate differences in mandate and perspective. "
                "Humanitarian organisations must protect their neutrality and "
                "independence. Governmental agencies answer to their own "
                "political and legal frameworks. Military organisations follow "
                "their chains of command. No single institution could speak for "
                "all of them, and none should try.</p>"
                "<p>A network allows each participant to keep its identity while "
                "contributing to a shared body of knowledge. It is flexible "
                "enough to bring together a university, a relief organisation "
                "and a military headquarters around a common question, and open "
                "enough to welcome new voices as challenges change. The network "
                "model also spreads effort: members contribute what they know "
                "best and learn from what others know better.</p>",
            ),
            (
                "callout",
                "IGN connects existing expertise rather than replacing it.",
            ),
        ],
    },
    {
        "slug": "about-jcmi",
        "title": "The JCMI Network",
        "intro": (
            "The Joint Civil-Military Interaction Research and Education Network "
            "brings together the communities that share responsibility in crises."
        ),
        "body": [
            ("heading", "Our purpose"),
            (
                "paragraph",
                "<p>The JCMI Network, also known as the Interacta Global Network, "
                "is a community of people and organisations that want civilian "
                "and military actors to work together more effectively. Its "
                "members come from civil society, governmental agencies, the "
                "armed forces and academia. What unites them is not a shared "
                "mandate but a shared interest: achieving unity of aim among "
                "different actors so that the response to a crisis serves the "
                "people affected by it.</p>"
                "<p>Unity of aim does not mean that everyone does the same thing "
                "or takes orders from the same authority. It means that actors "
                "understand each other's objectives, respect each other's "
                "principles and coordinate where this helps. Sometimes this "
                "requires close cooperation; sometimes it requires deliberate "
                "distance. Knowing which is appropriate is itself a skill the "
                "network aims to develop.</p>",
            ),
            ("callout", "Unity of aim, with respect for different mandates."),
            ("heading", "Before, during and after crises"),
            (
                "paragraph",
                "<p>The network's work covers the whole life cycle of a crisis. "
                "Before a crisis, it supports preparedness: shared planning "
                "concepts, joint exercises and relationships built in calm "
                "times. During a crisis, it offers a body of knowledge and a "
                "set of contacts that help actors coordinate. After a crisis, it "
                "helps capture lessons, evaluate what worked and feed those "
                "insights into recovery, reconstruction and future "
                "preparation.</p>",
            ),
            ("heading", "Three lines of work"),
            (
                "paragraph",
                "<ul>"
                "<li><b>Research.</b> The network encourages studies that "
                "address real problems in civil-military interaction, drawing "
                "on several disciplines and on the experience of "
                "practitioners. Research results are shared openly where "
                "possible.</li>"
                "<li><b>Education.</b> Through IGN Academy, the network offers "
                "courses, seminars and learning materials that prepare people "
                "from different backgrounds to work alongside each other. "
                "Content is designed to be useful to newcomers and experienced "
                "professionals alike.</li>"
                "<li><b>Exchange.</b> Symposia, workshops and online "
                "discussions give members the chance to meet, compare "
                "approaches and build the personal relationships on which "
                "trust depends.</li>"
                "</ul>",
            ),
            ("heading", "How we work"),
            (
                "paragraph",
                "<p>The network works in an inclusive and non-partisan way. It "
                "does not replace the official coordination mechanisms of "
                "governments, international organisations or humanitarian "
                "actors, and it does not ask anyone to compromise their "
                "principles. Instead, it offers a neutral space for learning and "
                "dialogue, where participants can speak openly about challenges "
                "and look for practical improvements together.</p>",
            ),
        ],
    },
    {
        "slug": "focus-areas",
        "title": "Focus areas",
        "intro": (
            "The network concentrates its research and education on themes where "
            "civilian and military responsibilities closely overlap."
        ),
        "body": [
            ("heading", "Themes we work on"),
            (
                "paragraph",
                "<p>The following areas shape the network's research agenda, the "
                "courses offered through IGN Academy and the topics of its "
                "events. They are connected, and many real situations touch "
                "several of them at once.</p>",
            ),
            (
                "paragraph",
                "<ul>"
                "<li><b>Protection of civilians.</b> Understanding the threats "
                "civilians face in conflict and crisis, and how military, "
                "governmental and humanitarian actors can each contribute to "
                "their safety within their own mandates.</li>"
                "<li><b>Reduction of civilian casualties.</b> Examining how "
                "planning, conduct and review of operations can limit harm to "
                "civilians, and how civilian perspectives can inform those "
                "processes.</li>"
                "<li><b>Non-lethal capability.</b> Studying the role, limits "
                "and ethical questions of capabilities designed to achieve "
                "effects without causing death or permanent injury.</li>"
                "<li><b>Cultural property protection.</b> Safeguarding "
                "monuments, archives, sites and collections that carry the "
                "identity and memory of communities, especially during armed "
                "conflict and disasters.</li>"
                "<li><b>Religion.</b> Recognising religion as a factor in "
                "conflict, reconciliation and community resilience, and helping "
                "practitioners engage with religious actors respectfully and "
                "knowledgeably.</li>"
                "<li><b>Civil and homeland security.</b> Looking at how "
                "societies organise their protection against threats at home, "
                "and how civilian authorities and armed forces share "
                "responsibilities in that task.</li>"
                "<li><b>Critical infrastructure protection.</b> Keeping energy, "
                "water, transport, health and communication systems working "
                "under stress, and understanding the dependencies between "
                "them.</li>"
                "<li><b>Risk reduction.</b> Identifying hazards and "
                "vulnerabilities early and investing in prevention and "
                "preparedness so that crises cause less damage when they "
                "occur.</li>"
                "<li><b>Disaster management and humanitarian assistance.</b> "
                "Improving coordination between relief organisations, "
                "authorities and supporting military assets, while respecting "
                "humanitarian principles and the primacy of civilian "
                "response.</li>"
                "<li><b>Joint medical stability operations.</b> Exploring how "
                "civilian and military health actors can work together to "
                "support health systems and restore essential medical services "
                "in fragile settings.</li>"
                "</ul>",
            ),
            (
                "callout",
                "Most crises touch several focus areas at once, so the network "
                "encourages work that crosses them.",
            ),
            ("heading", "Suggesting new themes"),
            (
                "paragraph",
                "<p>The list of focus areas is not closed. As new risks emerge "
                "and practice evolves, members are invited to propose topics "
                "for research, courses or events. Proposals that connect "
                "practical experience with a clear research question are "
                "especially welcome.</p>",
            ),
        ],
    },
    {
        "slug": "goals",
        "title": "Our goals",
        "intro": (
            "The network pursues a small number of long-term goals that guide "
            "its research, education and exchange."
        ),
        "body": [
            ("heading", "Building partnerships among CMI actors"),
            (
                "paragraph",
                "<p>Civil-military interaction depends on relationships. The "
                "network aims to connect the many actors involved, from "
                "community organisations and local authorities to national "
                "agencies, international organisations and armed forces. By "
                "creating regular opportunities to meet and learn together, it "
                "helps these actors build the familiarity and trust that "
                "cooperation in a crisis requires.</p>",
            ),
            ("heading", "Strengthening international research collaboration"),
            (
                "paragraph",
                "<p>Questions about civil-military interaction rarely stop at "
                "national borders, and neither should the research that "
                "addresses them. The network encourages joint projects between "
                "researchers in different countries and disciplines, including "
                "law, political science, history, medicine, engineering and "
                "security studies. It also seeks to involve practitioners in "
                "research design, so that studies address questions that matter "
                "in the field.</p>",
            ),
            (
                "callout",
                "Good research on civil-military interaction starts with "
                "questions that practitioners actually face.",
            ),
            ("heading", "Informing policymakers"),
            (
                "paragraph",
                "<p>Decisions taken in ministries, parliaments and international "
                "bodies shape how civilian and military actors can work "
                "together. The network aims to make relevant evidence and "
                "practical experience available to those who take such "
                "decisions, through concise publications, briefings and "
                "dialogue. It does so in a balanced way, presenting options and "
                "their consequences rather than advocating for particular "
                "political positions.</p>",
            ),
            ("heading", "Supporting the trans-Atlantic partnership"),
            (
                "paragraph",
                "<p>Many of the organisations active in civil-military "
                "interaction are rooted in the partnership between Europe and "
                "North America. The network seeks to strengthen exchange across "
                "the Atlantic, so that experience gathered on one side informs "
                "thinking on the other. At the same time, it remains open to "
                "partners and perspectives from every region, recognising that "
                "many crises occur far from the North Atlantic area and that "
                "local knowledge is essential.</p>",
            ),
            ("heading", "Contributing to public policy initiatives"),
            (
                "paragraph",
                "<p>Beyond informing individual decisions, the network aims to "
                "contribute to wider public policy initiatives on resilience, "
                "preparedness and the protection of civilians. Members may take "
                "part in consultations, expert groups and public debates, "
                "bringing the combined perspective of civil society, government, "
                "the military and academia.</p>"
                "<p>Progress towards these goals is measured less by formal "
                "outputs than by whether people who meet through the network "
                "later find it easier to work together.</p>",
            ),
        ],
    },
    {
        "slug": "partners",
        "title": "Partners",
        "intro": (
            "The network engages with a wide range of military, governmental, "
            "academic and humanitarian organisations."
        ),
        "body": [
            ("heading", "Working across communities"),
            (
                "paragraph",
                "<p>Civil-military interaction can only be studied and taught "
                "well with the involvement of those who practise it. The "
                "network therefore seeks dialogue with organisations on both "
                "the civilian and the military side. The relationships "
                "described here reflect the network's engagement and "
                "exchange; they do not imply that any of these organisations "
                "endorses the network's views or publications.</p>",
            ),
            ("heading", "NATO structures"),
            (
                "paragraph",
                "<p>The network engages with several parts of the NATO "
                "structure whose work touches civil-military interaction:</p>"
                "<ul>"
                "<li><b>NATO Headquarters</b>, where political guidance and "
                "policy on topics such as the protection of civilians, "
                "resilience and cultural property protection are developed.</li>"
                "<li><b>Allied Command Transformation (ACT)</b>, which works on "
                "concepts, doctrine, education and training for the future, and "
                "where questions of civil-military interaction are part of "
                "longer-term development.</li>"
                "<li><b>Allied Command Operations (ACO)</b>, which is responsible "
                "for planning and conducting operations and therefore faces "
                "civil-military questions in practice.</li>"
                "</ul>",
            ),
            ("heading", "Centres of Excellence"),
            (
                "paragraph",
                "<p>NATO-accredited Centres of Excellence are multinational "
                "institutions that offer expertise, education and training in "
                "specific fields. Several of them address topics close to the "
                "network's focus areas, including civil-military cooperation, "
                "crisis management and disaster response, military medicine, "
                "energy security, security force assistance and stability "
                "policing. The network works with members of this family of "
                "centres, among them the Civil-Military Cooperation (CIMIC) "
                "Centre of Excellence, to exchange knowledge and to link "
                "research with education and training.</p>",
            ),
            ("heading", "Multinational Joint Headquarters Ulm"),
            (
                "paragraph",
                "<p>The network also engages with the Multinational Joint "
                "Headquarters Ulm, a multinational command and control "
                "headquarters whose tasks include planning for crisis "
                "management operations. Exchange with such headquarters helps "
                "ensure that the network's education reflects the realities of "
                "multinational planning.</p>",
            ),
            ("heading", "Civilian and academic partners"),
            (
                "paragraph",
                "<p>Equally important are the network's civilian and academic "
                "contacts. It works with universities and research institutes "
                "that study security, humanitarian action, law and public "
                "health; with humanitarian organisations that bring operational "
                "experience and a principled perspective; and with governmental "
                "agencies responsible for civil protection, development, foreign "
                "affairs and emergency management.</p>",
            ),
            (
                "callout",
                "Organisations interested in engaging with the network are "
                "welcome to get in touch through IGN Academy.",
            ),
        ],
    },
]

EVENTS = [
    {
        "slug": "annual-symposium-2027",
        "title": "IGN Annual Symposium 2027: Preparing Together for Complex Crises",
        "kind": "symposium",
        "start_date": "2027-05-18",
        "end_date": "2027-05-20",
        "location": "Ulm, Germany, and online",
        "summary": (
            "A three-day symposium bringing civilian, governmental, military and "
            "academic participants together to discuss preparedness for complex "
            "crises."
        ),
        "body": [
            ("heading", "About the symposium"),
            (
                "paragraph",
                "<p>The annual symposium is the network's main meeting point. "
                "This year's edition looks at how civilian and military actors "
                "can prepare together for crises that combine several "
                "dimensions, such as armed conflict alongside displacement, "
                "damaged infrastructure and public health risks.</p>",
            ),
            (
                "paragraph",
                "<p>The programme will combine keynote presentations, panel "
                "discussions and smaller working sessions. Planned themes "
                "include:</p>"
                "<ul>"
                "<li>lessons from recent joint exercises and real-world "
                "responses;</li>"
                "<li>protection of civilians and critical infrastructure in "
                "hybrid scenarios;</li>"
                "<li>the place of humanitarian principles in joint planning;</li>"
                "<li>new research on civil-military interaction and how it can "
                "be used in education.</li>"
                "</ul>",
            ),
            ("heading", "Who should attend"),
            (
                "paragraph",
                "<p>The symposium is open to members of civil society, staff of "
                "governmental agencies, military practitioners, researchers and "
                "students. Sessions will be held in English. Selected sessions "
                "will be streamed for online participants, and recordings will "
                "be made available on IGN Academy afterwards.</p>",
            ),
            (
                "callout",
                "Registration is free for IGN Academy members; places for "
                "in-person attendance are limited.",
            ),
        ],
    },
    {
        "slug": "seminar-protection-of-civilians-2027",
        "title": "Seminar: Protection of Civilians in Practice",
        "kind": "seminar",
        "start_date": "2027-03-10",
        "end_date": None,
        "location": "Online",
        "summary": (
            "A one-day online seminar on how different actors contribute to "
            "protecting civilians in conflict and crisis."
        ),
        "body": [
            ("heading", "Overview"),
            (
                "paragraph",
                "<p>Protecting civilians is a shared responsibility, but each "
                "actor contributes in a different way. Armed forces can shape "
                "how operations are planned and conducted. Governmental agencies "
                "set legal and policy frameworks. Humanitarian and community "
                "organisations often have the closest contact with affected "
                "people and the clearest view of their needs.</p>"
                "<p>This seminar introduces the main concepts of protection of "
                "civilians and looks at how these contributions fit together in "
                "practice. Short presentations will be followed by moderated "
                "discussion and a case study exercise in small groups.</p>",
            ),
            ("heading", "Learning objectives"),
            (
                "paragraph",
                "<ul>"
                "<li>Understand key terms and frameworks related to the "
                "protection of civilians.</li>"
                "<li>Recognise the different roles and limits of civilian and "
                "military actors.</li>"
                "<li>Identify practical points of coordination and "
                "information sharing.</li>"
                "<li>Reflect on how the views of affected communities can be "
                "taken into account in planning.</li>"
                "</ul>",
            ),
            (
                "callout",
                "No prior knowledge is required; the seminar is suitable for "
                "newcomers and experienced practitioners alike.",
            ),
        ],
    },
    {
        "slug": "workshop-cultural-property-protection-2027",
        "title": "Workshop: Cultural Property Protection in Crisis Planning",
        "kind": "workshop",
        "start_date": "2027-09-22",
        "end_date": "2027-09-23",
        "location": "Vienna, Austria",
        "summary": (
            "A two-day practical workshop on integrating cultural property "
            "protection into civilian and military crisis planning."
        ),
        "body": [
            ("heading", "Why this workshop"),
            (
                "paragraph",
                "<p>Cultural heritage is often damaged during armed conflict and "
                "disasters, sometimes deliberately and sometimes through lack of "
                "awareness. Protecting it requires early planning and "
                "cooperation between heritage professionals, civil protection "
                "authorities and armed forces.</p>",
            ),
            ("heading", "Format"),
            (
                "paragraph",
                "<p>The workshop is hands-on. Participants will work in mixed "
                "teams on a fictional scenario, identifying cultural property at "
                "risk, considering how it could be protected and discussing how "
                "information can be shared between civilian and military "
                "planners. Experts from the heritage, humanitarian and defence "
                "communities will support the groups and lead short input "
                "sessions on legal obligations and practical protection "
                "measures.</p>"
                "<p>On the second day, teams will present their plans and "
                "discuss what would help or hinder them in a real "
                "situation. The workshop closes with a review of existing "
                "guidance and a discussion of how cultural property protection "
                "can be included more systematically in exercises and "
                "training.</p>",
            ),
            (
                "callout",
                "Participation is limited to keep groups small; early "
                "registration is recommended.",
            ),
        ],
    },
    {
        "slug": "workshop-critical-infrastructure-resilience-2027",
        "title": "Workshop: Critical Infrastructure and Societal Resilience",
        "kind": "workshop",
        "start_date": "2027-11-16",
        "end_date": "2027-11-17",
        "location": "Brussels, Belgium, and online",
        "summary": (
            "A hybrid workshop exploring how civilian and military actors can "
            "keep essential services running under stress."
        ),
        "body": [
            ("heading", "Overview"),
            (
                "paragraph",
                "<p>Energy grids, water systems, transport networks and digital "
                "communications are the backbone of modern societies. They are "
                "exposed to natural hazards, accidents, cyber attacks and "
                "deliberate sabotage. When they fail, the effects spread quickly "
                "and affect civilians and armed forces alike.</p>"
                "<p>This workshop brings together infrastructure operators, "
                "civil protection authorities, military planners and "
                "researchers to examine dependencies between sectors and to "
                "discuss how preparedness can be improved jointly.</p>",
            ),
            ("heading", "Topics"),
            (
                "paragraph",
                "<ul>"
                "<li>Mapping interdependencies between critical services.</li>"
                "<li>Roles of public authorities, private operators and the "
                "armed forces in protection and recovery.</li>"
                "<li>Exercising joint responses to cascading failures.</li>"
                "<li>Communicating with the public when essential services "
                "are disrupted.</li>"
                "</ul>",
            ),
            ("heading", "Format"),
            (
                "paragraph",
                "<p>The first day will focus on short expert inputs and a "
                "structured discussion of recent experience. On the second day, "
                "participants will work through a scenario in which a regional "
                "power outage affects water supply, hospitals and transport, "
                "and will consider who needs to act, in what order and with "
                "which information. The results will feed into learning "
                "material on IGN Academy.</p>",
            ),
            (
                "callout",
                "Online participants will join the discussion sessions through "
                "IGN Academy.",
            ),
        ],
    },
]

PUBLICATIONS = [
    {
        "slug": "unity-of-aim-without-unity-of-command",
        "title": "Unity of Aim without Unity of Command: Coordinating Civilian "
        "and Military Actors in Crises",
        "kind": "working-paper",
        "published_date": "2025-10-14",
        "authors": "IGN Working Group on Civil-Military Coordination",
        "abstract": (
            "Civilian and military actors responding to the same crisis rarely "
            "share a chain of command, and many of them, particularly "
            "humanitarian organisations, must keep a clear distance from "
            "military structures. This working paper examines how a degree of "
            "unity of aim can still be achieved under these conditions. It "
            "distinguishes between coordination, cooperation and co-existence "
            "as different modes of interaction, and discusses the factors that "
            "make each mode appropriate in a given context. Drawing on published "
            "lessons from disaster response and stabilisation settings, the "
            "paper identifies recurring obstacles, such as differing planning "
            "horizons, unclear information-sharing rules and limited mutual "
            "knowledge of mandates. It concludes with suggestions for education "
            "and preparation that could reduce these obstacles before a crisis "
            "begins."
        ),
        "body": [
            ("heading", "Introduction"),
            (
                "paragraph",
                "<p>The idea that all actors in a crisis should work towards a "
                "common goal is widely accepted. How to achieve it is much less "
                "clear. Unlike a military operation, a crisis response involves "
                "organisations that are independent of each other, that answer "
                "to different authorities and that sometimes have good reasons "
                "not to be seen working together.</p>",
            ),
            ("heading", "Modes of interaction"),
            (
                "paragraph",
                "<p>The paper distinguishes three broad modes. In "
                "<b>co-existence</b>, actors share a space but limit interaction "
                "to what is needed to avoid conflict and harm. In "
                "<b>coordination</b>, they exchange information and align "
                "activities while keeping separate decision-making. In "
                "<b>cooperation</b>, they work together on shared tasks. None "
                "of these modes is better in principle; the appropriate choice "
                "depends on the context, the actors' mandates and the "
                "perceptions of the affected population.</p>",
            ),
            ("heading", "Recurring obstacles"),
            (
                "paragraph",
                "<ul>"
                "<li>Different planning cycles, with military planning often "
                "faster and more formalised than civilian processes.</li>"
                "<li>Unclear rules on what information can be shared, with whom "
                "and for what purpose.</li>"
                "<li>Limited knowledge of other actors' principles, mandates "
                "and constraints.</li>"
                "<li>Staff rotation, which erodes relationships built over "
                "time.</li>"
                "</ul>",
            ),
            (
                "callout",
                "Unity of aim depends less on structures than on people who "
                "understand each other's constraints.",
            ),
            ("heading", "Implications for education"),
            (
                "paragraph",
                "<p>Many of these obstacles can be reduced before a crisis "
                "begins. The paper recommends joint courses that mix civilian "
                "and military participants, scenario exercises that include "
                "humanitarian and local perspectives, and shared reference "
                "material that explains each actor's role in plain language. It "
                "also suggests that evaluations after a crisis should look at "
                "interaction between actors, not only at each actor's own "
                "performance.</p>",
            ),
        ],
    },
    {
        "slug": "cultural-property-protection-and-military-planning",
        "title": "Integrating Cultural Property Protection into Military and "
        "Civilian Planning",
        "kind": "journal-article",
        "published_date": "2026-02-03",
        "authors": "IGN Working Group on Cultural Property Protection",
        "abstract": (
            "The protection of cultural property during armed conflict and "
            "disasters is an obligation under international law and an "
            "important factor in the recovery of affected communities. Yet it "
            "is often treated as a specialist concern added late in planning. "
            "This article reviews how cultural property protection can be "
            "integrated into civilian and military planning processes from the "
            "start. It outlines the main legal foundations, describes the "
            "information that planners typically need and discusses the roles "
            "of heritage professionals, civil protection authorities and armed "
            "forces. The article argues that early, structured exchange between "
            "these communities is the most effective way to reduce avoidable "
            "damage, and proposes elements for joint training."
        ),
        "body": [
            ("heading", "Background"),
            (
                "paragraph",
                "<p>Cultural property includes monuments, places of worship, "
                "archaeological sites, museums, libraries and archives. Its loss "
                "can deprive communities of their history and identity and make "
                "reconciliation harder. International humanitarian law, "
                "including the 1954 Hague Convention and its protocols, sets out "
                "obligations to respect and safeguard such property.</p>",
            ),
            ("heading", "Where planning falls short"),
            (
                "paragraph",
                "<p>In practice, cultural property protection is often "
                "considered too late. Lists of protected sites may be "
                "incomplete or unavailable to those who need them. Heritage "
                "experts may not know how to contribute to military or civil "
                "protection planning, and planners may not know whom to ask. "
                "Disaster response adds a further challenge, since heritage "
                "sites can be damaged by the emergency measures themselves.</p>",
            ),
            (
                "callout",
                "Cultural property protection works best when it is part of "
                "planning from the beginning, not an addition at the end.",
            ),
            ("heading", "Elements of integration"),
            (
                "paragraph",
                "<ol>"
                "<li>Maintaining accessible, reliable inventories of cultural "
                "property, with agreed procedures for sharing them.</li>"
                "<li>Identifying points of contact in heritage institutions, "
                "civil protection bodies and armed forces.</li>"
                "<li>Including cultural property considerations in risk "
                "assessments and scenario planning.</li>"
                "<li>Providing basic awareness training for all personnel and "
                "specialist training for a smaller group of advisers.</li>"
                "</ol>",
            ),
            ("heading", "Conclusion"),
            (
                "paragraph",
                "<p>Joint training that brings heritage professionals and "
                "planners together can build the familiarity needed for "
                "effective protection. The article recommends that such "
                "training use realistic scenarios and include both armed "
                "conflict and disaster settings.</p>",
            ),
        ],
    },
    {
        "slug": "religion-as-a-factor-in-civil-military-interaction",
        "title": "Religion as a Factor in Civil-Military Interaction",
        "kind": "working-paper",
        "published_date": "2026-05-19",
        "authors": "IGN Working Group on Religion and Crisis Response",
        "abstract": (
            "Religious beliefs, institutions and leaders shape how communities "
            "experience conflict and disaster and how they respond to outside "
            "actors. Civil-military practice has at times either overlooked "
            "religion or treated it mainly as a source of risk. This working "
            "paper argues for a more balanced approach. It describes the ways "
            "in which religion can influence crisis dynamics, including its "
            "role in social cohesion, local assistance and mediation. It then "
            "discusses how civilian and military practitioners can engage with "
            "religious actors in a respectful and informed way, and what "
            "knowledge and skills they need to do so. The paper closes with "
            "suggestions for including religious literacy in civil-military "
            "education."
        ),
        "body": [
            ("heading", "Why religion matters"),
            (
                "paragraph",
                "<p>In many crisis settings, religious communities are among the "
                "first to respond. Places of worship become shelters, religious "
                "networks distribute aid and religious leaders speak with "
                "authority on questions of trust, grief and reconciliation. At "
                "the same time, religious identity can be drawn into conflict "
                "and used to divide communities.</p>",
            ),
            ("heading", "Common pitfalls"),
            (
                "paragraph",
                "<ul>"
                "<li>Treating religion solely as a security concern.</li>"
                "<li>Assuming that religious communities speak with one "
                "voice.</li>"
                "<li>Engaging only with the most visible leaders and missing "
                "women, young people and minority groups.</li>"
                "<li>Overlooking how outside engagement can affect the "
                "standing of local religious actors.</li>"
                "</ul>",
            ),
            (
                "callout",
                "Religious literacy is a practical skill, not a specialist luxury.",
            ),
            ("heading", "Principles for engagement"),
            (
                "paragraph",
                "<p>The paper proposes that engagement with religious actors "
                "should be based on genuine interest in local perspectives, "
                "awareness of one's own assumptions and care not to instrumentalise "
                "religion for other purposes. Civilian and military actors "
                "should coordinate their contacts so that communities are not "
                "approached repeatedly with conflicting messages. Where "
                "humanitarian organisations work with faith-based partners, "
                "military actors should respect the distance those partnerships "
                "may require.</p>",
            ),
            ("heading", "Educational recommendations"),
            (
                "paragraph",
                "<p>Religious literacy can be built through short modules in "
                "existing courses, case studies from different regions and "
                "dialogue with religious practitioners. The paper recommends "
                "that such content be offered to civilian and military learners "
                "together, so that they develop a shared understanding of how "
                "religion shapes the environments in which they work.</p>",
            ),
        ],
    },
    {
        "slug": "joint-medical-stability-operations",
        "title": "Civilian and Military Health Actors in Fragile Settings: "
        "Lessons for Joint Medical Stability Operations",
        "kind": "journal-article",
        "published_date": "2026-09-08",
        "authors": "IGN Working Group on Health and Medical Stability",
        "abstract": (
            "In fragile and conflict-affected settings, health systems are "
            "often among the first public services to fail. Military medical "
            "units may have resources and logistics that civilian systems "
            "lack, while civilian health actors bring long-term presence, local "
            "knowledge and public trust. This article examines how these "
            "strengths can be combined without undermining local health "
            "systems or humanitarian principles. It reviews common forms of "
            "civil-military health interaction, from emergency support to "
            "longer-term capacity building, and discusses the risks of "
            "short-term, visibility-driven projects. The article concludes that "
            "joint medical stability operations are most effective when they "
            "are led by local needs and aligned with national health "
            "authorities."
        ),
        "body": [
            ("heading", "Context"),
            (
                "paragraph",
                "<p>Conflict and disaster can destroy clinics, interrupt supply "
                "chains and drive health workers away. The consequences reach "
                "far beyond immediate injuries: vaccination programmes stop, "
                "chronic conditions go untreated and outbreaks spread more "
                "easily. Restoring essential health services is therefore "
                "central to stability and recovery.</p>"
                "<p>Civilian and military health actors approach this task "
                "differently. Military medical services are built for rapid "
                "deployment and self-sufficiency, while civilian providers focus "
                "on continuity, community relationships and integration with "
                "national systems. Both perspectives are needed.</p>",
            ),
            ("heading", "Forms of interaction"),
            (
                "paragraph",
                "<ul>"
                "<li><b>Emergency support</b>, such as transport, field "
                "hospitals or logistics during the acute phase of a crisis.</li>"
                "<li><b>Information sharing</b> on disease surveillance, access "
                "and security conditions.</li>"
                "<li><b>Capacity building</b>, including training and support "
                "for local health facilities.</li>"
                "</ul>",
            ),
            ("heading", "Risks"),
            (
                "paragraph",
                "<p>Short-term medical outreach carried out mainly for "
                "visibility can raise expectations that cannot be met, draw "
                "staff and patients away from local facilities and blur the "
                "line between humanitarian and military action. This can put "
                "civilian health workers at risk and weaken trust in the health "
                "system as a whole.</p>",
            ),
            (
                "callout",
                "Medical support should strengthen local health systems, not "
                "replace them.",
            ),
            ("heading", "Recommendations"),
            (
                "paragraph",
                "<p>The article recommends that military medical contributions "
                "be coordinated with national health authorities and "
                "established health coordination mechanisms, that they focus on "
                "gaps civilian actors cannot fill and that they include clear "
                "plans for handover. Joint training for civilian and military "
                "health professionals can help each side understand the "
                "other's standards, ethics and constraints before they meet in "
                "the field.</p>",
            ),
        ],
    },
]
