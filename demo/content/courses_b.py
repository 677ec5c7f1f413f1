"""IGN Academy demo content: course set B.

Seven original courses (five in English, two in French) on civil-military
interaction topics. Pure data, no side effects.
"""

from __future__ import annotations

COURSES = [
    # ------------------------------------------------------------------
    # 1. Children and Armed Conflict
    # ------------------------------------------------------------------
    {
        "slug": "children-and-armed-conflict",
        "title": "Children and Armed Conflict: Grave Violations, Monitoring and Military Responsibilities",
        "summary": "Examines the six grave violations against children, the UN monitoring and reporting mechanism created by resolution 1612, and what child protection means for the planning and conduct of military operations.",
        "description": (
            "<p>This module introduces the international framework that protects children affected by armed conflict and explains how it shapes the work of military, police and civilian personnel deployed in conflict settings. It covers the six grave violations identified by the UN Security Council, the monitoring and reporting mechanism created by resolution 1612 (2005), and the standards that guide the release and reintegration of children associated with armed forces and armed groups.</p>"
            "<p>The course is intended for staff officers, CIMIC and liaison personnel, protection officers and students who already have a basic understanding of civil-military interaction. No legal background is required, but familiarity with the core rules of international humanitarian law will help.</p>"
            "<p>By the end of the module, learners will be able to:</p>"
            "<ul>"
            "<li>identify and describe the six grave violations against children in armed conflict;</li>"
            "<li>explain how the monitoring and reporting mechanism gathers, verifies and uses information;</li>"
            "<li>apply the Paris Principles when encountering children associated with armed forces or armed groups;</li>"
            "<li>integrate child protection considerations into planning, reporting and training.</li>"
            "</ul>"
        ),
        "topics": ["children-and-armed-conflict", "protection-of-civilians"],
        "level": "intermediate",
        "language": "en",
        "estimated_hours": 6,
        "prerequisites": [],
        "lessons": [
            {
                "title": "The Children and Armed Conflict Agenda",
                "summary": "Introduces why children need specific protection in armed conflict, the legal foundations of that protection and the six grave violations monitored by the UN.",
                "body": [
                    ("heading", "Why children require specific protection"),
                    (
                        "paragraph",
                        "<p>In many contemporary conflicts, children make up close to half of the affected population. They are killed and injured in hostilities, separated from their families, displaced, recruited into fighting forces and deprived of schooling and health care. Because children depend on adults and on functioning services, the collapse of families, schools and clinics affects them more deeply and for longer than most other groups. The harm often lasts well beyond the end of the fighting, shaping the health, education and prospects of a whole generation.</p>"
                        "<p>International attention to this issue grew sharply after the 1996 report by Graça Machel to the UN General Assembly on the impact of armed conflict on children. The report led to the creation of the mandate of the Special Representative of the Secretary-General for Children and Armed Conflict, which today leads UN advocacy on the subject and presents the Secretary-General's annual report to the Security Council.</p>",
                    ),
                    ("heading", "The legal foundations"),
                    (
                        "paragraph",
                        "<p>Children benefit from the general protection that international humanitarian law gives to all civilians, and from additional, specific rules. The 1977 Additional Protocols to the Geneva Conventions prohibit the recruitment of children under fifteen and their participation in hostilities. The 1989 Convention on the Rights of the Child contains similar protections, and its Optional Protocol on the involvement of children in armed conflict (2000) raised the standard: States Parties must ensure that members of their armed forces under eighteen do not take a direct part in hostilities and must not conscript anyone under eighteen, while armed groups should not recruit or use persons under eighteen in any circumstances.</p>"
                        "<p>International criminal law completes the picture. Under the Rome Statute of the International Criminal Court, conscripting or enlisting children under fifteen, or using them to participate actively in hostilities, is a war crime. The first judgment of the Court, in the Lubanga case in 2012, concerned exactly this crime.</p>",
                    ),
                    ("heading", "The six grave violations"),
                    (
                        "paragraph",
                        "<p>The Security Council has identified six grave violations against children in situations of armed conflict:</p>"
                        "<ul>"
                        "<li><b>Killing and maiming</b> of children.</li>"
                        "<li><b>Recruitment or use</b> of children by armed forces and armed groups.</li>"
                        "<li><b>Rape and other forms of sexual violence</b> against children.</li>"
                        "<li><b>Attacks against schools or hospitals</b>, including attacks on protected personnel.</li>"
                        "<li><b>Abduction</b> of children.</li>"
                        "<li><b>Denial of humanitarian access</b> for children.</li>"
                        "</ul>"
                        "<p>The list grew over time. Resolution 1612 (2005) set up the monitoring system, and listing in the annexes of the Secretary-General's report was initially triggered by recruitment and use. Later resolutions added killing and maiming and sexual violence (1882, 2009), attacks on schools and hospitals (1998, 2011) and abduction (2225, 2015) as grounds for naming a party. Denial of humanitarian access is monitored and reported but is not, at present, a trigger for listing.</p>",
                    ),
                    (
                        "callout",
                        "The six grave violations do not cover every harm that children suffer in war, but they are the violations the Security Council monitors systematically and that can lead to a party being publicly named.",
                    ),
                ],
            },
            {
                "title": "The Monitoring and Reporting Mechanism",
                "summary": "Explains how the mechanism established by Security Council resolution 1612 documents violations, verifies information and leads to action plans with the parties concerned.",
                "body": [
                    ("heading", "What resolution 1612 created"),
                    (
                        "paragraph",
                        "<p>Adopted in July 2005, Security Council resolution 1612 established two structures that still form the backbone of the children and armed conflict agenda. The first is the Monitoring and Reporting Mechanism (MRM), which collects timely, objective and reliable information on grave violations. The second is the Security Council Working Group on Children and Armed Conflict, which reviews country reports and adopts conclusions addressed to governments, armed groups, UN entities and donors.</p>"
                        "<p>In each country where the mechanism is active, a Country Task Force on Monitoring and Reporting is co-chaired by the most senior UN official in the country and the UNICEF representative. The mechanism is activated in situations where parties to conflict are listed in the annexes of the Secretary-General's annual report. Child protection staff of UN missions and agencies, together with trusted national and international partners, document incidents on the ground.</p>",
                    ),
                    ("heading", "From incident to Security Council"),
                    (
                        "paragraph",
                        "<p>Information moves through a structured chain:</p>"
                        "<ol>"
                        "<li>Incidents are documented by trained monitors, using agreed definitions for each violation.</li>"
                        "<li>Each incident is verified against UN standards, typically by cross-checking several independent and credible sources.</li>"
                        "<li>The Country Task Force compiles verified information into periodic global horizontal notes and country reports.</li>"
                        "<li>The Secretary-General's annual report presents trends and lists parties responsible for violations that trigger listing.</li>"
                        "<li>The Working Group examines the reports and issues conclusions and recommendations.</li>"
                        "</ol>"
                        "<p>Because only verified incidents are counted, published figures are often lower than the real scale of violations. This is a deliberate choice in favour of credibility rather than completeness.</p>",
                    ),
                    (
                        "callout",
                        "The MRM relies on verified information. Accurate, timely and well-documented reporting by all actors, including military forces, directly affects what the Security Council knows and can act upon.",
                    ),
                    ("heading", "Action plans and delisting"),
                    (
                        "paragraph",
                        "<p>A listed party can engage with the UN to sign an action plan: a time-bound set of concrete measures to end and prevent the violations for which it was listed. Typical commitments include issuing command orders prohibiting recruitment, releasing children already in the ranks, introducing age verification in recruitment, granting monitors access to barracks and training centres, and holding perpetrators accountable. Once the UN has verified that the measures have been fully implemented, the party can be removed from the annexes. Numerous state armed forces and some non-state armed groups have signed action plans since 2005.</p>"
                        "<p>Military personnel are rarely part of the mechanism itself, but they are often well placed to observe violations. In UN peace operations with a child protection mandate, child protection advisers and military focal points link the force to the mechanism. Personnel should know how to pass information quickly to designated child protection actors, respect confidentiality and never attempt to interview child victims or witnesses themselves.</p>",
                    ),
                ],
            },
            {
                "title": "Children Associated with Armed Forces and Armed Groups",
                "summary": "Looks at who is considered a child associated with armed forces or armed groups, the Paris Principles, and good practice in handover, release and reintegration.",
                "body": [
                    ("heading", "Beyond the image of the child soldier"),
                    (
                        "paragraph",
                        "<p>The familiar picture of a boy carrying a rifle captures only part of the reality. Children are recruited and used as fighters, but also as porters, cooks, guards, messengers, spies, and for sexual purposes. Many are used in several roles at once. For this reason, practitioners increasingly speak of <i>children associated with armed forces or armed groups</i> rather than simply child soldiers. The broader term covers any person under eighteen who is or has been recruited or used by an armed force or armed group in any capacity, whether or not they have taken a direct part in hostilities.</p>"
                        "<p>Girls are frequently overlooked. Because they are less often visible as fighters, they have historically been left out of release and reintegration programmes, even though they face particular risks, including sexual violence, forced marriage and stigma if they return with children of their own.</p>",
                    ),
                    ("heading", "The Paris Principles and Paris Commitments"),
                    (
                        "paragraph",
                        "<p>Adopted in Paris in February 2007 and endorsed since then by more than one hundred States, the Paris Commitments and the accompanying Paris Principles set out guidance on preventing recruitment, securing release and supporting reintegration. Several ideas run through them:</p>"
                        "<ul>"
                        "<li>Children associated with armed forces or groups are primarily victims of violations of international law.</li>"
                        "<li>They should not be prosecuted or punished solely for their association with an armed force or group.</li>"
                        "<li>Where children are accused of crimes, they are entitled to juvenile justice standards, and alternatives to judicial proceedings should be sought.</li>"
                        "<li>Detention should be a measure of last resort and for the shortest appropriate time.</li>"
                        "<li>Reintegration should be community-based and should give equal attention to girls.</li>"
                        "</ul>",
                    ),
                    (
                        "callout",
                        "Children encountered during operations who have been associated with armed forces or groups should be treated primarily as victims and handed over to civilian child protection actors as quickly as possible.",
                    ),
                    ("heading", "Handover and reintegration in practice"),
                    (
                        "paragraph",
                        "<p>Military forces may capture, detain or receive children who have escaped or surrendered. Several governments have signed handover protocols with the UN that commit them to transfer such children to civilian child protection actors within a short, defined period. Where age is uncertain, the person should be given the benefit of the doubt and treated as a child. Questioning children for intelligence purposes is inappropriate and can expose them to further harm; basic information needed for their safety and family tracing should be left to trained specialists.</p>"
                        "<p>Reintegration is a long process. It involves family tracing and reunification, psychosocial support, a return to education or vocational training, and work with communities to reduce stigma and the risk of re-recruitment. Programmes for children are separate from adult disarmament, demobilisation and reintegration processes, and children should never be required to hand in a weapon to be eligible for support.</p>",
                    ),
                ],
            },
            {
                "title": "Implications for Military Operations",
                "summary": "Translates the children and armed conflict framework into concrete measures for planning, conduct of operations, training and reporting.",
                "body": [
                    ("heading", "Child protection across the operational cycle"),
                    (
                        "paragraph",
                        "<p>Child protection is not only a matter for specialists. It should be considered from the earliest stages of planning. The assessment of the operating environment should identify the location of schools, hospitals and places where children gather, the presence of children in armed groups, and local patterns of recruitment and abduction. Orders, rules of engagement and standard operating procedures should include clear guidance on encounters with children, including children who are armed.</p>"
                        "<p>In the conduct of operations, precautions in attack must account for the likely presence of children, and collateral damage estimates should reflect the daily patterns of civilian life, such as school hours. After action, incidents affecting children should be reviewed and lessons identified, with information shared through the appropriate channels.</p>",
                    ),
                    ("heading", "Schools, hospitals and military use"),
                    (
                        "paragraph",
                        "<p>Using schools as bases, firing positions or detention facilities puts children at risk: it may turn the building into a military objective, interrupts education and discourages families from sending children to class. The Safe Schools Declaration, opened for endorsement in Oslo in 2015, commits endorsing States to use the Guidelines for Protecting Schools and Universities from Military Use during Armed Conflict and to bring them into their doctrine and operational frameworks as far as possible. For health care, Security Council resolution 2286 (2016) condemned attacks on medical facilities and personnel and called on parties to respect their protected status.</p>",
                    ),
                    ("heading", "Encounters with children in the field"),
                    (
                        "paragraph",
                        "<p>Meeting an armed child at a checkpoint or in combat is one of the most difficult situations a soldier can face. The right of self-defence remains, but training can prepare personnel to recognise the situation early, use de-escalation techniques and call on specialist support. The Vancouver Principles (2017) address these issues for peacekeeping operations, emphasising prevention of recruitment, early warning and preparation of personnel. Commanders should also recognise the psychological burden that such encounters place on their own troops and plan support accordingly.</p>"
                        "<p>NATO has adopted policy and military guidelines on children and armed conflict and includes the topic in training and exercises. Many national contingents and headquarters appoint child protection focal points or advisers who link the force with UNICEF, the UN mission and non-governmental partners. Regardless of structures, every member of a force should know three things: what the six grave violations are, how to report them, and whom to call when a child needs protection.</p>",
                    ),
                    (
                        "callout",
                        "Child protection is a command responsibility. Clear orders, trained personnel and established reporting channels are what turn international commitments into practice on the ground.",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 2. Women, Peace and Security
    # ------------------------------------------------------------------
    {
        "slug": "women-peace-and-security",
        "title": "Women, Peace and Security: Gender Perspective in Operations",
        "summary": "Covers Security Council resolution 1325 and its follow-on resolutions, how a gender perspective is applied in military operations, the role of gender advisers, and the prevention of and response to conflict-related sexual violence.",
        "description": (
            "<p>The Women, Peace and Security (WPS) agenda recognises that armed conflict affects women, men, girls and boys differently, and that women's participation is essential to lasting peace. This module explains the agenda's origins in Security Council resolution 1325 (2000), the resolutions that followed, and how international organisations and armed forces have translated it into policy, structures and daily practice.</p>"
            "<p>The course is designed for military staff, civilian officials, NGO practitioners and students who work alongside or within security institutions. It pays particular attention to the practical side: how gender analysis improves situational understanding, what gender advisers and gender field advisers do, and how personnel should act when they encounter conflict-related sexual violence.</p>"
            "<p>Learners will be able to:</p>"
            "<ul>"
            "<li>summarise the four pillars of the WPS agenda and its key resolutions;</li>"
            "<li>explain what a gender perspective adds to operational analysis and planning;</li>"
            "<li>describe the responsibilities of gender advisers, gender field advisers and gender focal points;</li>"
            "<li>apply a survivor-centred approach when conflict-related sexual violence is encountered or reported.</li>"
            "</ul>"
        ),
        "topics": ["women-peace-security", "protection-of-civilians"],
        "level": "intermediate",
        "language": "en",
        "estimated_hours": 6,
        "prerequisites": [],
        "lessons": [
            {
                "title": "Resolution 1325 and the WPS Agenda",
                "summary": "Traces the WPS agenda from resolution 1325 through its follow-on resolutions and national action plans.",
                "body": [
                    ("heading", "A landmark resolution"),
                    (
                        "paragraph",
                        "<p>On 31 October 2000, the UN Security Council unanimously adopted resolution 1325 on women and peace and security. For the first time, the Council addressed both the disproportionate and particular impact of armed conflict on women and girls, and the contribution women make to conflict prevention, peacekeeping, conflict resolution and peacebuilding. The resolution was the result of sustained advocacy by women's organisations and civil society networks, and it remains the reference point for the entire agenda.</p>"
                        "<p>The content of resolution 1325 is usually organised into four pillars: <b>participation</b> of women at all levels of decision-making; <b>protection</b> of women and girls from sexual and gender-based violence; <b>prevention</b> of conflict and of violence against women; and <b>relief and recovery</b> measures that address the specific needs of women and girls.</p>",
                    ),
                    (
                        "quote",
                        {
                            "text": "Urges Member States to ensure increased representation of women at all decision-making levels in national, regional and international institutions and mechanisms for the prevention, management, and resolution of conflict",
                            "attribution": "UN Security Council resolution 1325 (2000), operative paragraph 1",
                        },
                    ),
                    ("heading", "The follow-on resolutions"),
                    (
                        "paragraph",
                        "<p>Resolution 1325 has been followed by nine further resolutions that together form the WPS framework:</p>"
                        "<ul>"
                        "<li><b>1820 (2008)</b> recognised that sexual violence used as a tactic of war can exacerbate conflict and impede the restoration of peace.</li>"
                        "<li><b>1888 (2009)</b> created the post of Special Representative of the Secretary-General on Sexual Violence in Conflict and called for women protection advisers.</li>"
                        "<li><b>1889 (2009)</b> focused on women's participation in peacebuilding and called for indicators to track implementation.</li>"
                        "<li><b>1960 (2010)</b> set up monitoring, analysis and reporting arrangements on conflict-related sexual violence and the listing of perpetrators.</li>"
                        "<li><b>2106 (2013)</b> and <b>2122 (2013)</b> strengthened accountability and women's leadership.</li>"
                        "<li><b>2242 (2015)</b> linked the agenda to countering terrorism and violent extremism.</li>"
                        "<li><b>2467 (2019)</b> emphasised a survivor-centred approach, and <b>2493 (2019)</b> urged full implementation of all previous resolutions.</li>"
                        "</ul>",
                    ),
                    (
                        "callout",
                        "WPS is not only about protecting women. Its core message is that peace and security efforts are more effective and more durable when women participate fully and meaningfully in them.",
                    ),
                    ("heading", "National and regional implementation"),
                    (
                        "paragraph",
                        "<p>States translate the agenda into practice mainly through national action plans, which set out objectives, responsibilities and indicators across ministries, including defence. More than one hundred countries have adopted such plans. Regional organisations have followed: NATO adopted its first WPS policy with its partners in 2007, created the post of Special Representative for Women, Peace and Security in 2012 and has revised its policy and action plan several times since. The European Union, the African Union and the OSCE have their own frameworks.</p>",
                    ),
                ],
            },
            {
                "title": "Applying a Gender Perspective in Operations",
                "summary": "Explains what a gender perspective is and how gender analysis strengthens situational understanding, planning and the conduct of operations.",
                "body": [
                    ("heading", "Sex, gender and gender perspective"),
                    (
                        "paragraph",
                        "<p><i>Sex</i> refers to biological characteristics, while <i>gender</i> refers to the socially constructed roles, behaviours and expectations associated with being a woman or a man in a given society. Gender roles vary from one culture to another and change over time, including during conflict, when women may become heads of household and men may be targeted for forced recruitment or detention.</p>"
                        "<p>Applying a <b>gender perspective</b> means systematically asking how women, men, girls and boys are affected differently by a situation or by an activity, and using the answers in analysis, planning, execution and evaluation. It also means considering how gender interacts with other factors such as age, ethnicity, religion, disability or social status. A gender perspective is therefore an analytical lens, not a separate activity added at the end of planning.</p>",
                    ),
                    ("heading", "Gender analysis in practice"),
                    (
                        "paragraph",
                        "<p>Gender analysis relies on sex- and age-disaggregated data and on engagement with the whole population, not only with the men who usually hold formal authority. Questions a staff might ask include:</p>"
                        "<ul>"
                        "<li>Who moves where, when and why? Women collecting water or firewood may follow routes that expose them to specific threats.</li>"
                        "<li>Who holds informal influence in a community, and who is excluded from meetings with the force?</li>"
                        "<li>How do security measures such as checkpoints, searches or curfews affect different groups?</li>"
                        "<li>What do shifts in daily patterns, such as women avoiding markets, reveal about emerging threats?</li>"
                        "</ul>"
                        "<p>Practical consequences follow. A force that cannot search women respectfully at a checkpoint may either offend the population or leave a security gap. Mixed engagement teams, including both female and male personnel, can reach parts of the population that all-male patrols cannot, and so gather a fuller picture of the situation.</p>",
                    ),
                    (
                        "callout",
                        "A gender perspective is an operational tool. It improves situational awareness, helps protect the population and increases the credibility and effectiveness of the force.",
                    ),
                    ("heading", "Integration into planning"),
                    (
                        "paragraph",
                        "<p>Within NATO, Bi-Strategic Command Directive 40-1 sets out how resolution 1325 and a gender perspective are integrated into the NATO command structure. It assigns responsibilities to commanders, establishes gender advisory positions and requires gender considerations to be reflected in operational planning, reporting, training and evaluation. Similar guidance exists in the UN, the EU and in many national armed forces.</p>"
                        "<p>In practice, integration means that gender considerations appear in the assessment of the operating environment, in the commander's guidance, in the annexes of the operation plan and in the measures of effectiveness. It also means that reporting templates capture disaggregated data, so that the headquarters can see whether its actions affect groups differently.</p>",
                    ),
                ],
            },
            {
                "title": "Gender Advisers, Gender Field Advisers and Focal Points",
                "summary": "Describes the gender advisory structure in military organisations, how it supports commanders, and common pitfalls in its use.",
                "body": [
                    ("heading", "A layered advisory structure"),
                    (
                        "paragraph",
                        "<p>Armed forces and international headquarters that implement the WPS agenda typically rely on three types of positions:</p>"
                        "<ul>"
                        "<li><b>Gender advisers (GENAD)</b> serve at strategic and operational headquarters. They advise the commander and the staff on integrating a gender perspective into policy, planning and operations, and ideally have direct access to the commander.</li>"
                        "<li><b>Gender field advisers (GFA)</b> work at tactical level, supporting units in the field with gender analysis, engagement planning and training, and feeding observations back to the higher headquarters.</li>"
                        "<li><b>Gender focal points (GFP)</b> are personnel in each branch or unit who take on gender-related tasks in addition to their primary duties, ensuring that the perspective is applied in their own area of work.</li>"
                        "</ul>"
                        "<p>In UN peace operations, gender advisers work alongside women protection advisers, whose role, established under resolutions 1888 and 1960, focuses specifically on conflict-related sexual violence.</p>",
                    ),
                    ("heading", "The commander's responsibility"),
                    (
                        "paragraph",
                        "<p>Advisers do not own the gender perspective; commanders do. The adviser's task is to help the commander and staff understand how the operation affects different parts of the population and how the force can draw on the full range of local knowledge. Where the gender adviser is the only person thinking about these questions, integration has failed. Training therefore targets all levels, from key leader seminars for senior officers to pre-deployment training for every soldier.</p>"
                        "<p>The Nordic Centre for Gender in Military Operations, based in Sweden, serves as NATO's department head for gender in military operations training. It runs courses for gender advisers, gender field advisers and senior leaders, and supports the development of common training standards across the Alliance and its partners.</p>",
                    ),
                    (
                        "callout",
                        "Gender advisers are most effective when they are placed close to the commander, involved early in planning and supported by focal points throughout the organisation.",
                    ),
                    ("heading", "Common pitfalls"),
                    (
                        "paragraph",
                        "<p>Experience from recent operations points to recurring problems. Gender advisory posts are sometimes left vacant, filled at a low rank or placed far from the decision-making process. Gender is sometimes treated as a women's issue and assigned by default to female personnel, regardless of their training or role. Gender considerations may be reduced to a checklist at the end of the planning cycle, rather than shaping the analysis from the start. Finally, engagement with women in the local population can become extractive, gathering information without considering the risks for those who share it or giving anything back.</p>"
                        "<p>Avoiding these pitfalls requires clear mandates, adequate rank and resources for advisers, consistent training and regular evaluation of whether the perspective actually changes decisions.</p>",
                    ),
                ],
            },
            {
                "title": "Conflict-Related Sexual Violence",
                "summary": "Defines conflict-related sexual violence, identifies early warning indicators and sets out a survivor-centred approach for military and civilian personnel.",
                "body": [
                    ("heading", "Understanding conflict-related sexual violence"),
                    (
                        "paragraph",
                        "<p>The UN uses the term conflict-related sexual violence (CRSV) to describe rape, sexual slavery, forced prostitution, forced pregnancy, forced abortion, enforced sterilisation, forced marriage and other forms of sexual violence of comparable gravity against women, men, girls or boys that are directly or indirectly linked to a conflict. The link may appear in the profile of the perpetrator, the profile of the victim, a climate of impunity or the breakdown of state authority.</p>"
                        "<p>Resolutions 1820 and 2106 recognised that sexual violence can be used as a tactic of war and of terrorism, to humiliate, displace or destroy communities. Under the Rome Statute, such acts can constitute war crimes, crimes against humanity or constitutive acts of genocide. While women and girls are the majority of reported victims, men and boys are also targeted, particularly in detention, and are often even less likely to report.</p>",
                    ),
                    ("heading", "Early warning indicators"),
                    (
                        "paragraph",
                        "<p>CRSV is chronically under-reported, so forces should watch for indirect signs. These can include sudden changes in movement patterns, such as women avoiding water points, markets or fields; reports of abductions or of harassment at checkpoints; unexplained displacement; a rise in rhetoric that dehumanises a particular group; and the presence of armed actors with a history of such abuses. Where patterns emerge, forces can adapt their posture, for example by patrolling routes used for collecting firewood or water, or by increasing presence near camps for displaced people.</p>",
                    ),
                    (
                        "callout",
                        "Follow a survivor-centred approach: ensure safety, respect confidentiality and consent, and refer survivors to specialised services. Do not interview survivors unless you are trained and mandated to do so.",
                    ),
                    ("heading", "Responding and preventing"),
                    (
                        "paragraph",
                        "<p>When personnel encounter a survivor or receive a report, their role is to ensure immediate safety, provide or facilitate urgent medical care, and refer the person, with their informed consent, to established referral pathways run by health, psychosocial, legal and protection actors. Repeated questioning by untrained interviewers can re-traumatise survivors and compromise later investigations. Information should be reported through the chain of command and, in UN contexts, to the monitoring, analysis and reporting arrangements, without disclosing identifying details beyond those who need them.</p>"
                        "<p>NATO adopted a policy on preventing and responding to conflict-related sexual violence in 2021, and it also has a policy on preventing and responding to sexual exploitation and abuse by its own personnel. Credibility depends on both: a force cannot protect the population from sexual violence if its own members commit abuses. Clear codes of conduct, vetting, training, and swift disciplinary and judicial action are essential.</p>",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 3. Resilience and Civil Preparedness
    # ------------------------------------------------------------------
    {
        "slug": "resilience-and-civil-preparedness",
        "title": "Resilience and Civil Preparedness",
        "summary": "Explores national and collective resilience in the NATO context: Article 3, the seven baseline requirements, whole-of-society preparedness, and the protection of critical infrastructure by civil and homeland security actors.",
        "description": (
            "<p>Modern armed forces cannot deploy, sustain or defend without functioning civilian systems: energy, transport, communications, food, water and health care. This module examines how NATO Allies and partners build resilience, understood as the ability of a society to prepare for, resist, respond to and quickly recover from shocks such as armed attack, hybrid activity, pandemics or major disasters.</p>"
            "<p>The course is aimed at military planners, civil servants in ministries of interior, defence and emergency management, infrastructure operators and students of security policy. It links the strategic commitments made by Allies to the practical work of civil-military planning at national and local levels.</p>"
            "<p>Learners will be able to:</p>"
            "<ul>"
            "<li>explain the basis of resilience in Article 3 of the North Atlantic Treaty and recent summit commitments;</li>"
            "<li>describe NATO's seven baseline requirements for national resilience and their interdependencies;</li>"
            "<li>compare whole-of-government and whole-of-society approaches to preparedness;</li>"
            "<li>identify the roles of civil, homeland security and military actors in protecting critical infrastructure.</li>"
            "</ul>"
        ),
        "topics": ["resilience", "critical-infrastructure", "civil-homeland-security"],
        "level": "intermediate",
        "language": "en",
        "estimated_hours": 7,
        "prerequisites": [],
        "lessons": [
            {
                "title": "Resilience, Article 3 and Civil Preparedness",
                "summary": "Sets out the treaty basis and political commitments behind resilience in NATO and explains why military power depends on civilian capacity.",
                "body": [
                    ("heading", "The treaty basis"),
                    (
                        "paragraph",
                        "<p>Resilience is often associated with recent debates about hybrid threats, but its roots go back to the founding text of the Alliance. Article 3 of the North Atlantic Treaty, signed in Washington in 1949, commits each Ally to maintain and develop its capacity to resist armed attack. That capacity is not only military: it includes the ability of governments, economies and societies to keep functioning under pressure.</p>",
                    ),
                    (
                        "quote",
                        {
                            "text": "In order more effectively to achieve the objectives of this Treaty, the Parties, separately and jointly, by means of continuous and effective self-help and mutual aid, will maintain and develop their individual and collective capacity to resist armed attack.",
                            "attribution": "North Atlantic Treaty (1949), Article 3",
                        },
                    ),
                    ("heading", "From civil emergency planning to resilience"),
                    (
                        "paragraph",
                        "<p>During the Cold War, Allies maintained extensive civil emergency planning arrangements to ensure that government, industry and the population could support defence in wartime. After 1990 many of these arrangements were scaled back. The annexation of Crimea in 2014, the growth of hybrid and cyber threats, and later the COVID-19 pandemic and Russia's full-scale invasion of Ukraine in 2022 brought civil preparedness back to the centre of Alliance thinking.</p>"
                        "<p>At the Warsaw Summit in 2016, Allied leaders adopted a Commitment to Enhance Resilience and agreed seven baseline requirements against which national resilience can be assessed. A Strengthened Resilience Commitment followed in 2021, and national resilience goals and plans have since been developed in line with Alliance-wide objectives. The Resilience Committee, formerly the Civil Emergency Planning Committee, leads this work at NATO Headquarters, supported by planning groups that bring together national experts from sectors such as transport, energy, health and communications. The Euro-Atlantic Disaster Response Coordination Centre, created in 1998, coordinates assistance between Allies and partners in emergencies.</p>",
                    ),
                    (
                        "callout",
                        "Resilience is first a national responsibility. Collective commitments only work when each Ally invests in the preparedness of its own institutions, infrastructure and population.",
                    ),
                    ("heading", "Why the military depends on civilians"),
                    (
                        "paragraph",
                        "<p>Large-scale military deployments rely heavily on civilian resources. Most strategic transport for major operations uses commercial shipping, rail, road haulage and air charter. Troops crossing Europe depend on civilian ports, bridges, fuel supplies, power grids and telecommunications, and on host nation support arranged with civilian authorities and businesses. Civilian hospitals may be needed to treat military casualties. If these systems are disrupted, whether by sabotage, cyber attack, natural hazards or the simple exhaustion of capacity, military plans may fail regardless of the strength of the forces themselves.</p>",
                    ),
                ],
            },
            {
                "title": "The Seven Baseline Requirements",
                "summary": "Describes NATO's seven baseline requirements for national resilience and how their interdependencies shape planning.",
                "body": [
                    ("heading", "A common yardstick"),
                    (
                        "paragraph",
                        "<p>The baseline requirements agreed in 2016 give Allies a shared framework for assessing their civil preparedness. They are not detailed technical standards; rather, they describe the functions that must continue in a crisis for a country to govern, sustain its population and support military operations. NATO has developed guidelines and evaluation criteria for each requirement, and Allies report on progress through regular assessments.</p>"
                        "<p>The seven requirements are:</p>"
                        "<ol>"
                        "<li><b>Assured continuity of government and critical government services</b>: the ability to make decisions, communicate them and enforce them, even under severe pressure.</li>"
                        "<li><b>Resilient energy supplies</b>: back-up plans and robust power grids, both internally and across borders.</li>"
                        "<li><b>Ability to deal effectively with uncontrolled movement of people</b>, and to de-conflict such movements from military deployments.</li>"
                        "<li><b>Resilient food and water resources</b>, protected from disruption or sabotage.</li>"
                        "<li><b>Ability to deal with mass casualties and disruptive health crises</b>, ensuring civilian health systems can cope and that medical supplies are available.</li>"
                        "<li><b>Resilient civil communications systems</b>, so that telecommunications and cyber networks function under crisis conditions.</li>"
                        "<li><b>Resilient transport systems</b>, so that forces can move rapidly across Alliance territory and civilian services can rely on transport networks.</li>"
                        "</ol>",
                    ),
                    (
                        "callout",
                        "The seven baseline requirements describe functions, not institutions. Meeting them usually requires cooperation between several ministries, private operators and local authorities.",
                    ),
                    ("heading", "Interdependencies and cascading effects"),
                    (
                        "paragraph",
                        "<p>The requirements are closely linked. Electricity powers water pumping and treatment, telecommunications, fuel distribution and hospitals. Transport depends on fuel and on communications for signalling and logistics. Continuity of government relies on all of these. A failure in one sector can therefore cascade into others, sometimes across national borders. Planners need to map these dependencies, identify single points of failure and decide which services must be restored first.</p>"
                        "<p>Interdependencies also create competition for scarce resources. In a crisis, the armed forces, emergency services and the population may all need the same fuel, transport capacity, hospital beds or radio spectrum. Civil-military planning should agree priorities and allocation mechanisms in advance, rather than improvising them under pressure. Exercises that bring together military, civilian and private actors are one of the most effective ways to test these arrangements and reveal hidden assumptions, such as the expectation that civilian trucks and drivers will be available to the military at the same time as they are needed for food distribution.</p>",
                    ),
                ],
            },
            {
                "title": "Whole-of-Government and Whole-of-Society Approaches",
                "summary": "Compares national models of comprehensive security and total defence and examines the roles of citizens, the private sector and civil society.",
                "body": [
                    ("heading", "Beyond the state"),
                    (
                        "paragraph",
                        "<p>A <b>whole-of-government</b> approach brings ministries and agencies together under shared plans, so that defence, interior, health, transport, energy and finance act coherently in a crisis. A <b>whole-of-society</b> approach goes further. It recognises that much of what a country needs in a crisis is owned or delivered by businesses, local communities, voluntary organisations and individual households, and it seeks to involve them in preparedness.</p>"
                        "<p>Several countries have long-standing models. Finland's comprehensive security concept brings authorities, businesses, organisations and citizens together to safeguard the vital functions of society, with a permanent Security Committee supporting coordination. Sweden and Norway have revitalised total defence concepts that combine military defence and civil defence, including obligations on public agencies and private companies. The Baltic States have developed similar approaches that emphasise the will to defend and the role of volunteers.</p>",
                    ),
                    ("heading", "Citizens, business and civil society"),
                    (
                        "paragraph",
                        "<p>Individual preparedness is a simple but important layer. Governments increasingly advise households to be able to manage on their own for several days, with water, food, medicines, a radio and a plan for contacting family. Sweden has distributed a brochure on what to do if crisis or war comes to all households, and Finland promotes a 72-hour preparedness standard for households.</p>"
                        "<p>The private sector owns and operates most critical infrastructure and supply chains, so its continuity planning is part of national resilience. Voluntary organisations, including National Red Cross and Red Crescent Societies acting in their auxiliary role to public authorities, provide shelter, first aid, psychosocial support and logistics. Local governments are often the first level of authority that people turn to, and their preparedness is frequently the weakest link.</p>",
                    ),
                    (
                        "callout",
                        "Whole-of-society preparedness is built in peacetime through trust, clear roles and regular exercises. It cannot be created at the moment a crisis begins.",
                    ),
                    ("heading", "Information and social cohesion"),
                    (
                        "paragraph",
                        "<p>Resilience also has a psychological and informational dimension. Hostile actors may try to undermine trust in institutions, spread disinformation about emergencies or exploit divisions within society. Societies that have reliable public communication channels, independent media, media-literate citizens and a high level of trust in authorities are better able to withstand such pressure. For civil-military practitioners, this means coordinating public messages, avoiding contradictory information and respecting the principle that, in domestic crises, civilian authorities lead public communication.</p>",
                    ),
                ],
            },
            {
                "title": "Critical Infrastructure Protection and Civil Security",
                "summary": "Examines how critical infrastructure is identified and protected, and how civil, homeland security and military actors share responsibilities.",
                "body": [
                    ("heading", "What counts as critical infrastructure"),
                    (
                        "paragraph",
                        "<p>Critical infrastructure comprises the assets, systems and networks whose disruption or destruction would seriously affect essential societal functions, health, safety, security or economic well-being. Typical sectors include energy, transport, banking, health, drinking water, waste water, digital infrastructure, public administration, space and food. Definitions vary by country, but the common idea is that these services are essential and that their failure would have wide consequences.</p>"
                        "<p>In the European Union, the Critical Entities Resilience Directive (EU) 2022/2557 requires Member States to identify critical entities and ensure they take measures to enhance their resilience, while the NIS 2 Directive (EU) 2022/2555 sets cybersecurity obligations for a wide range of essential and important entities. Damage to subsea pipelines and cables in recent years has drawn attention to vulnerable infrastructure at sea, and NATO established a Critical Undersea Infrastructure Coordination Cell in 2023.</p>",
                    ),
                    ("heading", "Civil and homeland security roles"),
                    (
                        "paragraph",
                        "<p>In most democracies, the protection of critical infrastructure on national territory in peacetime is led by civilian authorities: ministries of interior, civil protection agencies, police, border guards, regulators and the operators themselves. Armed forces may support them, but under clear legal bases and usually under civilian lead. Many countries have formal arrangements for military aid to civil authorities, which define when the military can be requested, which tasks it may perform and who bears the costs.</p>"
                        "<p>As a crisis escalates towards armed conflict, the balance shifts. Infrastructure that supports military operations may become a target, and the armed forces may take on more protective tasks. Plans should anticipate this transition, clarifying command relationships, the use of force, information sharing and liaison arrangements before they are needed.</p>",
                    ),
                    (
                        "callout",
                        "Operators, regulators, security agencies and armed forces each hold part of the picture. Effective infrastructure protection depends on sharing risk information across these boundaries.",
                    ),
                    ("heading", "Protect, prepare, restore"),
                    (
                        "paragraph",
                        "<p>Good practice combines several layers: risk assessment that considers both natural hazards and deliberate threats; physical and cyber protection measures; redundancy and diversity of supply; business continuity plans; stockpiles of spare parts and fuel; and rehearsed procedures for restoring services. For CIMIC and liaison personnel, the main contributions are building an accurate civil situation picture, identifying dependencies between military plans and civilian infrastructure, and maintaining relationships with operators and authorities so that information flows quickly when something goes wrong.</p>",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 4. Disaster Response and Humanitarian Assistance
    # ------------------------------------------------------------------
    {
        "slug": "disaster-response-and-humanitarian-assistance",
        "title": "Disaster Response and Humanitarian Assistance: An Introduction",
        "summary": "An introduction to the disaster management cycle, the Sendai Framework for disaster risk reduction, the international response system, and the appropriate use of military assets and medical support in disasters.",
        "description": (
            "<p>Floods, earthquakes, storms, droughts and epidemics affect millions of people every year, and armed forces are frequently called upon to help. This introductory module explains how disasters are understood and managed, who leads and coordinates the response, and where military and civil defence assets fit into a system that is, and should remain, led by civilians.</p>"
            "<p>The course is intended for newcomers to disaster response: junior officers, civil servants, NGO staff and students. It requires no prior knowledge. It provides a common vocabulary and a map of the main actors, tools and guidelines, so that learners can work effectively alongside disaster management authorities and humanitarian organisations.</p>"
            "<p>Learners will be able to:</p>"
            "<ul>"
            "<li>describe the phases of the disaster management cycle and the concept of disaster risk;</li>"
            "<li>outline the priorities and targets of the Sendai Framework for Disaster Risk Reduction 2015-2030;</li>"
            "<li>identify the main national, regional and international actors and coordination mechanisms;</li>"
            "<li>apply the core principles of the Oslo Guidelines and basic good practice in medical support.</li>"
            "</ul>"
        ),
        "topics": ["disaster-response", "risk-reduction", "medical-stability"],
        "level": "introductory",
        "language": "en",
        "estimated_hours": 5,
        "prerequisites": [],
        "lessons": [
            {
                "title": "Understanding Disasters and the Disaster Management Cycle",
                "summary": "Introduces the concepts of hazard, exposure, vulnerability and disaster risk, and the phases of the disaster management cycle.",
                "body": [
                    ("heading", "Hazards are not disasters"),
                    (
                        "paragraph",
                        "<p>A disaster is a serious disruption of the functioning of a community or society, caused by hazardous events interacting with conditions of exposure, vulnerability and capacity, and leading to human, material, economic or environmental losses. Typically, it overwhelms the ability of those affected to cope using their own resources. The same earthquake can cause limited damage in one city and catastrophic losses in another, depending on building standards, preparedness, poverty and the capacity of local institutions.</p>"
                        "<p>Practitioners therefore speak of <b>disaster risk</b> as a combination of the <b>hazard</b> (for example a cyclone), the <b>exposure</b> of people and assets to it, their <b>vulnerability</b> to harm, and the <b>capacity</b> available to anticipate, resist and recover. Many specialists argue that there is no such thing as a purely natural disaster: hazards may be natural, but the scale of a disaster is largely shaped by human choices about where and how people live.</p>",
                    ),
                    ("heading", "The disaster management cycle"),
                    (
                        "paragraph",
                        "<p>Disaster management is often presented as a cycle of overlapping phases:</p>"
                        "<ul>"
                        "<li><b>Prevention and mitigation</b>: reducing hazards, exposure and vulnerability, for example through land-use planning, building codes, flood defences or vaccination.</li>"
                        "<li><b>Preparedness</b>: contingency plans, early warning systems, stockpiles, training and exercises that allow an effective response.</li>"
                        "<li><b>Response</b>: saving lives and meeting immediate needs such as search and rescue, medical care, shelter, water and food.</li>"
                        "<li><b>Recovery</b>: restoring and improving livelihoods, services and infrastructure, ideally reducing risk for the future.</li>"
                        "</ul>"
                        "<p>The cycle is a simplification. In reality the phases overlap, and recovery choices determine the risk of the next disaster. Military involvement tends to concentrate in the response phase, but the greatest gains in lives saved are usually achieved through prevention and preparedness.</p>",
                    ),
                    (
                        "callout",
                        "Every dollar, hour and plan invested before a disaster tends to save far more during the response. Preparedness is the most cost-effective phase of disaster management.",
                    ),
                    ("heading", "Who is in charge"),
                    (
                        "paragraph",
                        "<p>Responsibility for responding to disasters lies first with the affected State. This principle is set out in UN General Assembly resolution 46/182 (1991), which remains the foundation of international humanitarian coordination. In practice, the first responders are almost always local: neighbours, municipal services, local fire brigades, health workers and National Red Cross or Red Crescent Societies. National disaster management authorities coordinate the government response, and international assistance is provided at the request, or with the consent, of the affected State.</p>",
                    ),
                    (
                        "quote",
                        {
                            "text": "Each State has the responsibility first and foremost to take care of the victims of natural disasters and other emergencies occurring on its territory.",
                            "attribution": "UN General Assembly resolution 46/182 (1991), Annex, guiding principle 4",
                        },
                    ),
                ],
            },
            {
                "title": "The Sendai Framework and Disaster Risk Reduction",
                "summary": "Presents the Sendai Framework for Disaster Risk Reduction 2015-2030, its four priorities and seven global targets, and its relevance to security actors.",
                "body": [
                    ("heading", "From Hyogo to Sendai"),
                    (
                        "paragraph",
                        "<p>The Sendai Framework for Disaster Risk Reduction 2015-2030 was adopted at the Third UN World Conference on Disaster Risk Reduction, held in Sendai, Japan, in March 2015, and endorsed by the UN General Assembly. It succeeded the Hyogo Framework for Action 2005-2015. Its main innovation was a shift from managing disasters to managing disaster risk: the focus moved from responding to events towards preventing new risk, reducing existing risk and strengthening resilience.</p>",
                    ),
                    (
                        "quote",
                        {
                            "text": "The substantial reduction of disaster risk and losses in lives, livelihoods and health and in the economic, physical, social, cultural and environmental assets of persons, businesses, communities and countries.",
                            "attribution": "Sendai Framework for Disaster Risk Reduction 2015-2030, expected outcome",
                        },
                    ),
                    ("heading", "Four priorities and seven targets"),
                    (
                        "paragraph",
                        "<p>The framework sets out four priorities for action:</p>"
                        "<ol>"
                        "<li>Understanding disaster risk.</li>"
                        "<li>Strengthening disaster risk governance to manage disaster risk.</li>"
                        "<li>Investing in disaster risk reduction for resilience.</li>"
                        "<li>Enhancing disaster preparedness for effective response and to build back better in recovery, rehabilitation and reconstruction.</li>"
                        "</ol>"
                        "<p>Progress is measured against seven global targets. Four aim to reduce disaster mortality, the number of people affected, direct economic losses, and damage to critical infrastructure and disruption of basic services such as health and education. Three aim to increase the number of countries with national and local risk reduction strategies, international cooperation with developing countries, and the availability of and access to multi-hazard early warning systems and disaster risk information.</p>",
                    ),
                    (
                        "callout",
                        "The Sendai Framework places the primary responsibility for reducing disaster risk on States, but stresses that it must be shared with local government, the private sector, communities and other stakeholders.",
                    ),
                    ("heading", "Why it matters to security actors"),
                    (
                        "paragraph",
                        "<p>Armed forces and security agencies are affected by disaster risk in several ways. Their bases, equipment and supply chains are exposed to hazards, and climate change is increasing the frequency and intensity of some of them. They are also frequently tasked to support civilian authorities during emergencies. Aligning military preparedness with national risk assessments and disaster risk reduction strategies helps ensure that the armed forces are ready for the tasks they are most likely to be asked to perform, and that they do not create new risks, for example by building facilities in flood plains. The framework also encourages the inclusion of the most vulnerable groups, such as persons with disabilities, older people and children, in planning.</p>",
                    ),
                ],
            },
            {
                "title": "The International Disaster Response System",
                "summary": "Maps the main international and regional actors in disaster response and the mechanisms they use to coordinate.",
                "body": [
                    ("heading", "Key international actors"),
                    (
                        "paragraph",
                        "<p>When a disaster exceeds national capacity, the affected State may request or accept international assistance. A wide range of actors can then become involved:</p>"
                        "<ul>"
                        "<li>The UN <b>Office for the Coordination of Humanitarian Affairs (OCHA)</b>, headed by the Emergency Relief Coordinator, supports coordination, needs assessment, funding appeals and information management.</li>"
                        "<li><b>UN Disaster Assessment and Coordination (UNDAC)</b> teams are stand-by experts who can deploy within hours to support the affected government and the UN.</li>"
                        "<li>The <b>International Search and Rescue Advisory Group (INSARAG)</b> sets standards for urban search and rescue teams and runs an external classification of medium and heavy teams.</li>"
                        "<li>UN agencies such as WFP, UNICEF, WHO and UNHCR, the <b>International Red Cross and Red Crescent Movement</b>, and international and national NGOs provide relief in their areas of expertise.</li>"
                        "<li>Regional mechanisms, including the EU Civil Protection Mechanism, the ASEAN AHA Centre and NATO's Euro-Atlantic Disaster Response Coordination Centre, mobilise assistance among their members and partners.</li>"
                        "</ul>",
                    ),
                    ("heading", "Coordination mechanisms"),
                    (
                        "paragraph",
                        "<p>Since the humanitarian reform of 2005, international humanitarian response has been organised through the <b>cluster approach</b>. Clusters are groups of organisations working in a sector, such as health, shelter, logistics, or water, sanitation and hygiene, each with a designated lead agency. Where possible, clusters work alongside and support the relevant government ministries.</p>"
                        "<p>In sudden-onset disasters, an <b>On-Site Operations Coordination Centre (OSOCC)</b> may be set up to support the national emergency operations centre in coordinating incoming international teams, together with a reception and departure centre at the main airport. At country level, the Humanitarian Coordinator and the Humanitarian Country Team provide strategic leadership for the international humanitarian community.</p>",
                    ),
                    (
                        "callout",
                        "International actors support, and do not replace, national and local authorities. Newcomers should first find out who the government has designated to lead, and connect with the existing coordination structures.",
                    ),
                    ("heading", "Legal facilitation"),
                    (
                        "paragraph",
                        "<p>Incoming assistance often meets practical obstacles: customs duties on relief goods, visa requirements for personnel, recognition of foreign medical qualifications, or landing permissions for aircraft. The IFRC's Guidelines for the domestic facilitation and regulation of international disaster relief and initial recovery assistance, adopted in 2007 and often called the IDRL Guidelines, help States prepare their laws in advance so that assistance can enter quickly while remaining properly regulated and of good quality.</p>",
                    ),
                ],
            },
            {
                "title": "Military Assets in Support and Medical Stability Basics",
                "summary": "Explains when and how foreign military and civil defence assets should be used in disaster relief, and introduces good practice in health and medical support.",
                "body": [
                    ("heading", "The Oslo Guidelines"),
                    (
                        "paragraph",
                        "<p>The Guidelines on the Use of Foreign Military and Civil Defence Assets in Disaster Relief, known as the Oslo Guidelines, were first drafted in 1994 and updated in 2006-2007. They are not legally binding, but they are widely recognised by States, the UN and humanitarian organisations. Their central ideas are:</p>"
                        "<ul>"
                        "<li><b>Last resort</b>: foreign military assets should be requested only where there is no comparable civilian alternative and only to meet a critical humanitarian need.</li>"
                        "<li><b>Unique capability and availability</b>: the assets should offer something civilian actors cannot provide in time.</li>"
                        "<li><b>Civilian control</b>: the operation remains under the overall authority of the affected State and retains its civilian character.</li>"
                        "<li><b>Limited in time and scale</b>, with a clear exit strategy, and in principle provided at no cost to the affected State.</li>"
                        "</ul>"
                        "<p>The guidelines distinguish direct assistance (face-to-face distribution), indirect assistance (such as transporting relief goods) and infrastructure support (such as repairing roads or managing airspace). Foreign military forces should generally concentrate on indirect assistance and infrastructure support.</p>",
                    ),
                    ("heading", "What military assets can offer"),
                    (
                        "paragraph",
                        "<p>Armed forces can provide strategic airlift, helicopters, ships, engineering units, water purification, field hospitals, logistics hubs and communications. These capabilities proved vital after the Indian Ocean tsunami of 2004, the Pakistan earthquake of 2005 and the Haiti earthquake of 2010. Their value depends on arriving quickly, fitting into the civilian-led plan and leaving once civilian capacity is available.</p>",
                    ),
                    (
                        "callout",
                        "Military assets are most useful when they fill a clearly identified gap at the request of the civilian lead, and are withdrawn as soon as civilian actors can take over.",
                    ),
                    ("heading", "Health support and medical stability"),
                    (
                        "paragraph",
                        "<p>Health needs are among the most visible in disasters, and military medical units are often deployed. The guiding idea of medical stability activities is to support and strengthen the host nation's health system, not to replace it. Free one-off clinics can draw patients and staff away from local providers, interrupt continuity of care and leave no lasting benefit when the team departs.</p>"
                        "<p>Good practice includes coordinating through the health cluster, led by the World Health Organization, and with the national ministry of health; registering with the WHO Emergency Medical Teams coordination cell and meeting its minimum standards and classification, from outpatient teams to referral hospitals; planning referrals and handover before deployment; and respecting medical ethics, including impartial care based on need alone.</p>",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 5. CIMIC Information Management and Civil Assessment
    # ------------------------------------------------------------------
    {
        "slug": "cimic-information-management-and-civil-assessment",
        "title": "CIMIC Information Management and Civil Assessment",
        "summary": "An advanced module on gathering, analysing and sharing civil factor information: analytical frameworks such as PMESII and ASCOPE, information exchange with civilian actors, data protection and do-no-harm.",
        "description": (
            "<p>Understanding the civil environment is one of the main contributions CIMIC makes to an operation. This advanced module looks at how civil factor information is planned, collected, analysed, shared and protected, and at the ethical and legal limits that apply when military organisations handle information about civilians and work alongside humanitarian and development actors.</p>"
            "<p>The course is designed for CIMIC staff officers, civil assessment teams, information managers, liaison officers and civilian counterparts who already have practical experience of civil-military interaction. It assumes familiarity with basic CIMIC doctrine and the operations planning process.</p>"
            "<p>Learners will be able to:</p>"
            "<ul>"
            "<li>define civil factor information requirements and link them to the commander's needs;</li>"
            "<li>use PMESII, ASCOPE and related frameworks critically to structure civil assessments;</li>"
            "<li>design information-sharing arrangements with civilian actors that respect their principles and constraints;</li>"
            "<li>apply data protection and do-no-harm safeguards throughout the information life cycle.</li>"
            "</ul>"
        ),
        "topics": ["information-management", "cimic-doctrine", "liaison-engagement"],
        "level": "advanced",
        "language": "en",
        "estimated_hours": 10,
        "prerequisites": [],
        "lessons": [
            {
                "title": "Civil Factors and Information Requirements",
                "summary": "Explains how civil factor information supports understanding of the operating environment and how CIMIC information management is organised.",
                "body": [
                    (
                        "heading",
                        "The civil environment as part of the operating environment",
                    ),
                    (
                        "paragraph",
                        "<p>No operation takes place in an empty space. The population, local authorities, international and non-governmental organisations, the economy, infrastructure and culture all shape what a force can achieve and how its actions will be perceived. Allied doctrine on CIMIC, set out in AJP-3.19, places the integration of civil factors at the centre of CIMIC's contribution: civil factors must be understood, assessed and fed into planning and decision-making, rather than being treated as background.</p>"
                        "<p>This contribution feeds the comprehensive preparation of the operating environment, which combines military and non-military analysis into a shared picture. CIMIC staff typically focus on questions such as: how are basic needs met, and by whom? Who governs, formally and informally? Which civilian actors are present, with what mandates and capacities? How might the operation affect civilian life, and how might civilian activity affect the operation?</p>",
                    ),
                    ("heading", "From information requirements to understanding"),
                    (
                        "paragraph",
                        "<p>Information management starts with requirements, not with collection. The commander's critical information requirements and the planning staff's questions should be translated into specific civil information requirements, each with a purpose, a priority and a deadline. Collecting data that nobody needs wastes effort and can create risks for the people concerned.</p>"
                        "<p>Civil factor information comes from many sources: open sources, published humanitarian and development reports, official statistics, meetings with local authorities and civil society, observations by patrols and liaison teams, and assessments conducted with partners. A useful distinction is often made between data, information, knowledge and understanding: raw observations become useful only when they are checked, put in context, analysed and connected to decisions.</p>",
                    ),
                    (
                        "callout",
                        "CIMIC is not an intelligence collection capability. Using CIMIC or liaison contacts as covert sources destroys trust, endangers interlocutors and undermines the force's relationships with civilian actors.",
                    ),
                    ("heading", "The information life cycle"),
                    (
                        "paragraph",
                        "<p>Civil information should be managed through a deliberate life cycle:</p>"
                        "<ol>"
                        "<li><b>Plan</b>: define requirements, sources, formats and responsibilities.</li>"
                        "<li><b>Collect</b>: gather data openly and lawfully, recording source and date.</li>"
                        "<li><b>Process</b>: clean, standardise and store data in agreed formats.</li>"
                        "<li><b>Analyse</b>: identify patterns, trends and implications, with stated confidence levels.</li>"
                        "<li><b>Disseminate</b>: deliver products to those who need them, in a usable form.</li>"
                        "<li><b>Retain or dispose</b>: keep only what is needed, and delete or hand over data responsibly.</li>"
                        "</ol>"
                        "<p>A civil information management plan, agreed with the intelligence, operations and knowledge management staffs, helps avoid duplication and clarifies what will be shared with whom.</p>",
                    ),
                ],
            },
            {
                "title": "Analytical Frameworks: PMESII, ASCOPE and Beyond",
                "summary": "Reviews common frameworks for structuring civil assessments and discusses how to use them critically rather than mechanically.",
                "body": [
                    ("heading", "PMESII: systems of the operating environment"),
                    (
                        "paragraph",
                        "<p>PMESII divides the operating environment into six interacting systems: <b>political</b>, <b>military</b>, <b>economic</b>, <b>social</b>, <b>infrastructure</b> and <b>information</b>. Variants add further domains, for example physical environment and time. The framework encourages staff to look beyond the military situation and to consider how, for instance, economic stress may fuel recruitment into armed groups, or how damaged infrastructure may affect the legitimacy of local authorities. Its strength is breadth; its weakness is that the categories can be filled with facts without revealing how the systems actually interact.</p>",
                    ),
                    ("heading", "ASCOPE: civil considerations on the ground"),
                    (
                        "paragraph",
                        "<p>ASCOPE structures civil considerations into six categories: <b>areas</b> (for example, tribal territories, markets or agricultural zones), <b>structures</b> (such as bridges, hospitals, places of worship and cultural property), <b>capabilities</b> (the ability of authorities and communities to provide services), <b>organisations</b> (formal and informal groups), <b>people</b> (population groups, leaders and their attitudes) and <b>events</b> (harvests, elections, religious festivals, anniversaries). It is well suited to tactical and operational planning because it ties civil factors to places and times.</p>"
                        "<p>The two frameworks are often combined in a matrix, with ASCOPE categories on one axis and PMESII systems on the other. The matrix can be a useful checklist to identify gaps in knowledge, but a completed matrix is not yet an analysis.</p>",
                    ),
                    ("heading", "Complementary tools and common pitfalls"),
                    (
                        "paragraph",
                        "<p>Civil assessments benefit from other tools: stakeholder and actor mapping, conflict analysis that identifies drivers and connectors, gender analysis, basic needs assessments of services such as water, electricity, health and education, and comparison with humanitarian needs overviews produced by the UN and its partners. Working with civilian analysts, academic experts and local staff brings perspectives that military staffs often lack.</p>"
                        "<p>Recurring pitfalls include:</p>"
                        "<ul>"
                        "<li>treating frameworks as forms to complete rather than as aids to thinking;</li>"
                        "<li>relying on a few accessible interlocutors, often male elites, and mistaking their views for those of the population;</li>"
                        "<li>producing static snapshots that are not updated as the situation evolves;</li>"
                        "<li>failing to state sources, gaps and confidence levels, so that assumptions are presented as facts.</li>"
                        "</ul>",
                    ),
                    (
                        "callout",
                        "Good civil assessment triangulates sources, states its level of confidence, and tells the commander what matters for decisions, not everything that is known.",
                    ),
                ],
            },
            {
                "title": "Sharing Information with Civilian Actors",
                "summary": "Examines the benefits and limits of information exchange between military forces and civilian organisations, and practical arrangements that make it work.",
                "body": [
                    ("heading", "Why share"),
                    (
                        "paragraph",
                        "<p>Military forces and civilian organisations often need similar information: the security situation on roads, the status of bridges and airfields, the location of displaced populations, or the functioning of hospitals and water systems. Sharing can reduce duplication, improve the safety of humanitarian staff and help forces avoid harming civilians. One important example is humanitarian notification for deconfliction, through which humanitarian organisations inform parties to a conflict of the location of their premises and movements, so that these can be protected from attack. Notification does not replace the obligation of parties to respect civilians and civilian objects in all circumstances.</p>",
                    ),
                    ("heading", "Limits and red lines"),
                    (
                        "paragraph",
                        "<p>Information sharing has firm limits on both sides. Humanitarian organisations will not provide information that could be used for targeting, that could compromise their neutrality and impartiality, or that could expose the people they assist to harm. Many will not attend meetings inside military compounds, or will share information only through OCHA's civil-military coordination officers. On the military side, classification rules and releasability restrictions limit what can be passed to non-military partners, and releasing products takes time.</p>"
                        "<p>Trust is damaged quickly when exchange flows in one direction only, or when civilian partners suspect that information is being gathered for intelligence purposes. Transparency about what the force will do with information, and a willingness to give useful information in return, are preconditions for sustained exchange.</p>",
                    ),
                    (
                        "callout",
                        "Information sharing with humanitarian actors should be transparent, reciprocal and limited to what is necessary. It must never put civilians, humanitarian staff or their neutrality at risk.",
                    ),
                    ("heading", "Practical arrangements"),
                    (
                        "paragraph",
                        "<p>Several practices make exchange work:</p>"
                        "<ul>"
                        "<li>agree in advance what will be shared, in what format, through which focal points and at which classification level;</li>"
                        "<li>produce unclassified, releasable products by design, rather than trying to declassify them later;</li>"
                        "<li>use common standards used by the humanitarian community, such as common operational datasets, administrative place codes and who-does-what-where matrices;</li>"
                        "<li>use civilian-led platforms, such as humanitarian information portals and coordination meetings, rather than expecting civilians to come to military systems;</li>"
                        "<li>record and review what has been shared, with whom and for what purpose.</li>"
                        "</ul>"
                        "<p>Civil-military coordination centres, where they exist, can offer a neutral space for such exchange, provided their purpose and rules are clear to all participants.</p>",
                    ),
                ],
            },
            {
                "title": "Data Protection and Do No Harm in Information",
                "summary": "Applies data protection principles and the do-no-harm approach to the collection, storage and use of information about civilians.",
                "body": [
                    ("heading", "Personal and sensitive data in operations"),
                    (
                        "paragraph",
                        "<p>CIMIC and liaison work inevitably involves personal data: names and telephone numbers of local leaders, lists of beneficiaries of projects, photographs, and records of meetings. Some operations also handle biometric data. The legal framework depends on the nationality of the force, the host nation's law and the mandate: within the European Union, for instance, the General Data Protection Regulation applies to many activities, although defence and national security activities are treated differently. Whatever the legal regime, the ethical duty to protect people from misuse of their data remains.</p>"
                        "<p>Humanitarian organisations have developed demanding standards, notably the ICRC Handbook on Data Protection in Humanitarian Action and the IASC Operational Guidance on Data Responsibility in Humanitarian Action. Military practitioners who work with them should know these standards, because they shape what partners can share and expect.</p>",
                    ),
                    ("heading", "Do no harm applied to information"),
                    (
                        "paragraph",
                        "<p>The do-no-harm approach, developed in the humanitarian and development field, asks how an intervention may unintentionally worsen conflict or expose people to risk. Applied to information, it raises specific concerns. Being seen talking to soldiers can expose an interlocutor to retaliation. Lists of names can fall into the wrong hands if a base is overrun or a laptop is lost. Aggregated data that reveals where a minority group lives, sometimes called demographically identifiable information, can be used to target a whole community even if no individual is named. Combining several harmless datasets can reveal sensitive patterns, a risk known as the mosaic effect.</p>",
                    ),
                    (
                        "callout",
                        "Before collecting or sharing any information about civilians, ask: do we need it, who could be harmed if it is disclosed, and how will we protect it and eventually dispose of it?",
                    ),
                    ("heading", "Practical safeguards"),
                    (
                        "paragraph",
                        "<p>Useful safeguards include:</p>"
                        "<ul>"
                        "<li><b>data minimisation</b> and <b>purpose limitation</b>: collect only what is needed for a defined purpose;</li>"
                        "<li><b>informed consent</b> where personal data is collected, with clear explanations of use;</li>"
                        "<li><b>anonymisation and aggregation</b> before sharing, while remaining alert to re-identification risks;</li>"
                        "<li><b>secure storage</b> and access on a need-to-know basis;</li>"
                        "<li><b>retention and disposal rules</b>, including what happens to data at the end of a mission or a rotation;</li>"
                        "<li><b>risk assessments</b> for new data collection activities or sharing arrangements.</li>"
                        "</ul>"
                        "<p>These measures protect civilians, but they also protect the force: responsible information management sustains the trust on which civil-military interaction depends.</p>",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 6. Introduction à la coopération civilo-militaire (CIMIC) [fr]
    # ------------------------------------------------------------------
    {
        "slug": "introduction-a-la-cooperation-civilo-militaire",
        "title": "Introduction à la coopération civilo-militaire (CIMIC)",
        "summary": "Un premier module pour comprendre l'interaction civilo-militaire (CMI) et la coopération civilo-militaire (CIMIC) : notions de base, acteurs de l'environnement civil, principes et fonctions de la CIMIC.",
        "description": (
            "<p>Les forces armées opèrent aujourd'hui au milieu des populations, aux côtés d'autorités locales, d'organisations internationales, d'organisations non gouvernementales et d'acteurs économiques. Ce module d'introduction présente les notions d'interaction civilo-militaire (CMI) et de coopération civilo-militaire (CIMIC), telles qu'elles sont définies par l'Organisation du Traité de l'Atlantique Nord (OTAN), et les replace dans le contexte plus large des relations entre civils et militaires.</p>"
            "<p>Il s'adresse aux officiers et sous-officiers, aux fonctionnaires civils, au personnel des ONG et aux étudiants qui découvrent le domaine. Aucune connaissance préalable n'est requise. Le module fournit un vocabulaire commun et des repères pratiques pour travailler efficacement avec des partenaires aux cultures et aux mandats différents.</p>"
            "<p>À l'issue du module, les participants seront en mesure de :</p>"
            "<ul>"
            "<li>distinguer l'interaction civilo-militaire de la coopération civilo-militaire ;</li>"
            "<li>identifier les principaux acteurs de l'environnement civil et leurs mandats ;</li>"
            "<li>expliquer les principes qui encadrent la CIMIC ;</li>"
            "<li>décrire les trois activités principales de la CIMIC et son organisation au sein d'une force.</li>"
            "</ul>"
        ),
        "topics": ["cmi-foundations", "cimic-doctrine", "liaison-engagement"],
        "level": "introductory",
        "language": "fr",
        "estimated_hours": 4,
        "prerequisites": [],
        "lessons": [
            {
                "title": "Interaction et coopération civilo-militaires : les notions de base",
                "summary": "Cette leçon explique pourquoi les forces armées doivent interagir avec les acteurs civils et distingue la CMI de la CIMIC.",
                "body": [
                    (
                        "heading",
                        "Pourquoi les militaires interagissent avec les civils",
                    ),
                    (
                        "paragraph",
                        "<p>Les crises contemporaines ne se règlent pas par les seuls moyens militaires. Qu'il s'agisse d'un conflit armé, d'une opération de stabilisation ou d'une catastrophe naturelle, la force intervient dans un environnement où vivent des populations, où agissent des autorités nationales et locales, et où travaillent de nombreuses organisations civiles. Ces acteurs poursuivent leurs propres objectifs, selon leurs propres mandats. Leur action peut compléter celle des militaires, la contraindre ou, dans certains cas, s'en tenir volontairement à distance.</p>"
                        "<p>Depuis la fin des années 2000, l'OTAN a fait de l'approche globale un principe de son action : la résolution durable des crises exige de combiner des instruments politiques, civils et militaires. Pour les forces armées, cela suppose de comprendre l'environnement civil, de coordonner leurs actions avec celles des autres acteurs et d'éviter de leur nuire.</p>",
                    ),
                    ("heading", "Distinguer la CMI et la CIMIC"),
                    (
                        "paragraph",
                        "<p>La politique militaire de l'OTAN en matière de coopération civilo-militaire et d'interaction civilo-militaire (MC 0411/2) et la doctrine interarmées alliée AJP-3.19 distinguent deux notions complémentaires :</p>"
                        "<ul>"
                        "<li>L'<b>interaction civilo-militaire (CMI)</b> désigne l'ensemble des activités menées entre les organismes militaires de l'OTAN et les acteurs non militaires pour favoriser la compréhension mutuelle et l'efficacité de la réponse aux crises. Elle concerne tous les niveaux de commandement et, en pratique, l'ensemble du personnel.</li>"
                        "<li>La <b>coopération civilo-militaire (CIMIC)</b> est une fonction interarmées, dotée de capacités spécialisées, qui permet au commandement de mener efficacement cette interaction et de contribuer à la réalisation des objectifs de la mission.</li>"
                        "</ul>"
                        "<p>Autrement dit, la CMI est une responsabilité partagée, tandis que la CIMIC est l'outil militaire spécialisé qui l'organise, la facilite et en intègre les résultats dans la planification et la conduite des opérations.</p>",
                    ),
                    (
                        "callout",
                        "Tout militaire déployé participe à l'interaction civilo-militaire. La CIMIC est la fonction spécialisée qui aide le commandant à la conduire de façon cohérente.",
                    ),
                    ("heading", "Le regard des civils"),
                    (
                        "paragraph",
                        "<p>Les acteurs civils n'emploient pas tous le même vocabulaire. Les Nations Unies parlent de coordination civilo-militaire humanitaire (UN-CMCoord), l'Union européenne de coordination civilo-militaire au sein de sa politique de sécurité et de défense commune. Ces différences ne sont pas anodines : de nombreuses organisations humanitaires préfèrent le terme de coordination à celui de coopération, afin de souligner leur indépendance vis-à-vis des forces armées. Connaître ces sensibilités est une première condition pour établir des relations de travail fondées sur la confiance.</p>",
                    ),
                ],
            },
            {
                "title": "Les acteurs de l'environnement civil",
                "summary": "Cette leçon présente la diversité des acteurs non militaires, leurs mandats et leurs cultures de travail.",
                "body": [
                    ("heading", "Une grande diversité d'acteurs"),
                    (
                        "paragraph",
                        "<p>L'environnement civil d'une opération rassemble des acteurs très variés, que l'on peut regrouper en grandes catégories :</p>"
                        "<ul>"
                        "<li>les <b>autorités nationales et locales</b> : gouvernement, administrations, maires, services de sécurité et de secours, qui restent les premiers responsables de la population ;</li>"
                        "<li>les <b>organisations internationales</b>, notamment les agences, fonds et programmes des Nations Unies, tels que le Bureau de la coordination des affaires humanitaires (OCHA), le Haut-Commissariat pour les réfugiés (HCR), l'UNICEF, le Programme alimentaire mondial (PAM) ou l'Organisation mondiale de la santé (OMS) ;</li>"
                        "<li>les <b>organisations régionales</b>, comme l'Union européenne, l'Union africaine ou l'Organisation pour la sécurité et la coopération en Europe (OSCE) ;</li>"
                        "<li>le <b>Mouvement international de la Croix-Rouge et du Croissant-Rouge</b>, composé du Comité international de la Croix-Rouge (CICR), de la Fédération internationale et des Sociétés nationales ;</li>"
                        "<li>les <b>organisations non gouvernementales</b>, internationales et locales ;</li>"
                        "<li>le <b>secteur privé</b>, les <b>médias</b>, et enfin la <b>population</b> elle-même, avec ses responsables communautaires, religieux et coutumiers.</li>"
                        "</ul>",
                    ),
                    ("heading", "Des mandats et des cultures différents"),
                    (
                        "paragraph",
                        "<p>Chaque acteur agit selon un mandat qui lui est propre : une résolution du Conseil de sécurité, les Conventions de Genève pour le CICR, les statuts d'une association ou la loi nationale. Ces mandats déterminent ce qu'il peut faire, avec qui il peut travailler et quelles informations il peut partager. Les cultures de travail diffèrent également. Là où les militaires valorisent la hiérarchie, la planification détaillée et des délais courts, de nombreuses organisations civiles privilégient le consensus, l'engagement de long terme et l'ancrage local. Ces différences sont souvent sources de malentendus, rarement de mauvaise volonté.</p>"
                        "<p>Il faut aussi tenir compte de la perception. Pour une organisation humanitaire, être vue aux côtés d'une force armée peut mettre en danger son personnel et compromettre son accès aux populations, en particulier lorsque la force est partie au conflit.</p>",
                    ),
                    (
                        "callout",
                        "Comprendre le mandat, les contraintes et les intérêts de chaque acteur est la clé d'une relation efficace : on ne peut coopérer utilement qu'avec des partenaires dont on comprend la logique.",
                    ),
                    ("heading", "Cartographier les acteurs"),
                    (
                        "paragraph",
                        "<p>La cartographie des acteurs est l'un des premiers travaux de la CIMIC. Elle consiste à identifier qui est présent, où, avec quels moyens, quelles activités, quelles relations avec les autres acteurs et quelle attitude à l'égard de la force. Elle doit être régulièrement mise à jour, car la situation évolue vite. Elle doit aussi éviter les raccourcis : une même organisation peut avoir des positions différentes selon les régions, et les acteurs informels, comme les réseaux de femmes ou de jeunes, sont souvent plus influents que ne le laisse penser leur absence des réunions officielles.</p>",
                    ),
                ],
            },
            {
                "title": "Les principes de la CIMIC",
                "summary": "Cette leçon présente les principes qui guident l'action CIMIC, côté militaire et dans la relation avec les acteurs civils.",
                "body": [
                    ("heading", "Des principes pour guider l'action"),
                    (
                        "paragraph",
                        "<p>La doctrine CIMIC de l'OTAN s'appuie sur un ensemble de principes, traditionnellement présentés en deux groupes. Le premier groupe concerne la manière dont la force conduit ses activités CIMIC :</p>"
                        "<ul>"
                        "<li><b>primauté de la mission</b> : les activités CIMIC servent les objectifs de la mission fixés par le commandement ;</li>"
                        "<li><b>direction par le commandement</b> : la CIMIC est une responsabilité du commandant, et non une activité autonome ;</li>"
                        "<li><b>économie des moyens</b> : les ressources militaires restent limitées et doivent être employées avec discernement ;</li>"
                        "<li><b>définition des priorités</b> : toutes les demandes ne peuvent être satisfaites, et des choix explicites sont nécessaires ;</li>"
                        "<li><b>obligations juridiques</b> : le droit international, notamment le droit international humanitaire, et le droit applicable encadrent toute action ;</li>"
                        "<li><b>considérations humanitaires</b> : les besoins de la population et les principes humanitaires doivent être pris en compte.</li>"
                        "</ul>",
                    ),
                    ("heading", "Les principes de la relation civilo-militaire"),
                    (
                        "paragraph",
                        "<p>Le second groupe porte sur la relation avec les acteurs civils : <b>sensibilité culturelle</b>, pour comprendre et respecter les usages locaux ; <b>objectifs communs</b>, lorsque les intérêts convergent ; <b>responsabilité partagée</b>, chacun assumant sa part dans la réalisation de ces objectifs ; <b>consentement</b>, car la coopération ne peut être imposée ; <b>transparence</b> sur les intentions et les moyens ; et <b>communication</b> régulière, afin d'éviter les malentendus.</p>"
                        "<p>Ces principes ne constituent pas une liste à cocher. Ils aident à raisonner lorsque des intérêts divergent, par exemple lorsqu'un projet utile à la force risquerait de compromettre l'indépendance d'un partenaire humanitaire.</p>",
                    ),
                    (
                        "callout",
                        "La coopération avec les acteurs civils repose sur le consentement et la transparence. Une coopération imposée ou opaque finit presque toujours par se retourner contre la force.",
                    ),
                    ("heading", "Les principes à l'épreuve du terrain"),
                    (
                        "paragraph",
                        "<p>Prenons l'exemple d'une unité qui souhaite forer un puits dans un village pour améliorer son acceptation. Le projet semble servir à la fois la mission et la population. Pourtant, plusieurs questions se posent : le besoin a-t-il été identifié avec les autorités locales et les organisations spécialisées dans l'eau ? Qui assurera l'entretien après le départ de l'unité ? Le choix du village risque-t-il d'attiser des rivalités ? Le projet ne concurrence-t-il pas une ONG déjà engagée sur place ? Appliquer les principes, c'est se poser ces questions avant d'agir et privilégier l'appropriation locale et la durabilité plutôt que l'effet visible à court terme.</p>",
                    ),
                ],
            },
            {
                "title": "Les fonctions et l'organisation de la CIMIC",
                "summary": "Cette leçon décrit les trois activités principales de la CIMIC, son organisation au sein d'une force et sa place dans la planification.",
                "body": [
                    ("heading", "Trois activités principales"),
                    (
                        "paragraph",
                        "<p>La doctrine AJP-3.19 regroupe la contribution de la CIMIC en trois activités principales :</p>"
                        "<ul>"
                        "<li>La <b>liaison civilo-militaire</b> établit et entretient les contacts avec les acteurs non militaires, au niveau approprié, afin de faciliter l'échange d'informations, la coordination et la compréhension mutuelle.</li>"
                        "<li>Le <b>soutien à la force</b> consiste à fournir au commandant une compréhension de l'environnement civil et à faciliter l'accès aux ressources civiles nécessaires à la mission, par exemple dans le cadre du soutien de la nation hôte.</li>"
                        "<li>Le <b>soutien aux acteurs non militaires et à l'environnement civil</b> recouvre l'appui que la force peut apporter aux autorités et aux organisations civiles, lorsque cela est nécessaire, demandé et conforme au mandat, sans se substituer à elles.</li>"
                        "</ul>"
                        "<p>Ces activités s'appuient sur une évaluation continue de l'environnement civil, qui alimente la planification et les décisions du commandement.</p>",
                    ),
                    ("heading", "L'organisation de la fonction"),
                    (
                        "paragraph",
                        "<p>Dans un état-major interarmées, la CIMIC relève généralement de la division J9, appelée G9 au niveau terrestre et S9 au niveau des unités. Sur le terrain, des équipes CIMIC tactiques assurent la liaison avec les autorités et la population, et un centre CIMIC peut servir de point de contact ouvert aux acteurs civils. Des spécialistes fonctionnels, souvent des réservistes, apportent une expertise civile dans des domaines tels que la santé, l'ingénierie, l'économie, l'administration ou le droit. Le Centre d'excellence CIMIC de l'OTAN, installé à La Haye, contribue au développement de la doctrine, des concepts et de la formation.</p>",
                    ),
                    (
                        "callout",
                        "La CIMIC doit être intégrée dès le début de la planification. Ajoutée à la fin, elle se réduit à la gestion des conséquences au lieu d'éclairer les décisions.",
                    ),
                    ("heading", "La CIMIC dans le cycle de l'opération"),
                    (
                        "paragraph",
                        "<p>Pendant la planification, la CIMIC contribue à l'analyse de l'environnement civil, identifie les effets possibles de l'opération sur la population et les risques de dommages, et propose des mesures pour les atténuer. Pendant la conduite, elle entretient les relations, suit l'évolution de la situation civile et signale les problèmes émergents. Enfin, elle prépare la transition : dès le départ, il faut réfléchir à la manière dont les responsabilités exercées temporairement par la force seront transférées aux autorités locales ou aux organisations civiles, afin que le départ des militaires ne laisse pas de vide.</p>",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 7. Protection des civils et action humanitaire [fr]
    # ------------------------------------------------------------------
    {
        "slug": "protection-des-civils-et-action-humanitaire",
        "title": "Protection des civils et action humanitaire",
        "summary": "Un module sur les principes humanitaires, la coordination civilo-militaire humanitaire, la protection des civils dans les opérations et l'accès humanitaire, à destination des praticiens civils et militaires.",
        "description": (
            "<p>Dans les conflits armés contemporains, les civils sont les premières victimes des hostilités, des déplacements forcés et de l'effondrement des services essentiels. Ce module examine comment les forces armées et les acteurs humanitaires, chacun dans son rôle, contribuent à la protection des civils, et comment leurs relations doivent être organisées pour préserver l'espace humanitaire.</p>"
            "<p>Il s'adresse aux officiers d'état-major, au personnel CIMIC, aux fonctionnaires et aux membres d'organisations humanitaires disposant déjà de notions de base sur la coopération civilo-militaire. Le module d'introduction à la CIMIC est recommandé comme prérequis.</p>"
            "<p>À l'issue du module, les participants seront en mesure de :</p>"
            "<ul>"
            "<li>expliquer les principes humanitaires et leurs conséquences pour les relations avec les forces armées ;</li>"
            "<li>appliquer les lignes directrices de la coordination civilo-militaire humanitaire des Nations Unies ;</li>"
            "<li>décrire les fondements juridiques et les approches de la protection des civils, à l'ONU et à l'OTAN ;</li>"
            "<li>identifier les obstacles à l'accès humanitaire et le rôle que peuvent jouer les forces armées pour le faciliter.</li>"
            "</ul>"
        ),
        "topics": ["protection-of-civilians", "humanitarian-coordination"],
        "level": "intermediate",
        "language": "fr",
        "estimated_hours": 6,
        "prerequisites": ["introduction-a-la-cooperation-civilo-militaire"],
        "lessons": [
            {
                "title": "Les principes humanitaires",
                "summary": "Cette leçon présente les principes d'humanité, de neutralité, d'impartialité et d'indépendance, et explique pourquoi ils concernent aussi les militaires.",
                "body": [
                    ("heading", "Origine des principes"),
                    (
                        "paragraph",
                        "<p>Les principes humanitaires trouvent leur origine dans le Mouvement international de la Croix-Rouge et du Croissant-Rouge, qui a adopté en 1965, à Vienne, ses sept principes fondamentaux : humanité, impartialité, neutralité, indépendance, volontariat, unité et universalité. L'Assemblée générale des Nations Unies a repris les principes d'humanité, de neutralité et d'impartialité dans sa résolution 46/182 de 1991, qui organise la coordination de l'aide humanitaire d'urgence, puis y a ajouté le principe d'indépendance en 2003, dans sa résolution 58/114.</p>",
                    ),
                    ("heading", "Quatre principes clés"),
                    (
                        "paragraph",
                        "<ul>"
                        "<li><b>Humanité</b> : la souffrance humaine doit être soulagée où qu'elle se trouve, afin de protéger la vie et la santé et de faire respecter la dignité de la personne.</li>"
                        "<li><b>Neutralité</b> : les acteurs humanitaires ne prennent pas parti dans les hostilités et ne s'engagent pas dans des controverses d'ordre politique, racial, religieux ou idéologique.</li>"
                        "<li><b>Impartialité</b> : l'aide est apportée en fonction des seuls besoins, en donnant la priorité aux situations les plus urgentes, sans distinction de nationalité, d'appartenance ethnique, de religion, de sexe ou d'opinion politique.</li>"
                        "<li><b>Indépendance</b> : les objectifs humanitaires restent autonomes par rapport aux objectifs politiques, économiques ou militaires que d'autres acteurs peuvent poursuivre.</li>"
                        "</ul>"
                        "<p>Ces principes ne sont pas de simples valeurs morales. Ils sont des outils opérationnels : c'est parce qu'elles sont perçues comme neutres et impartiales que les organisations humanitaires peuvent accéder aux populations de toutes les parties et assurer la sécurité de leur personnel, qui repose largement sur l'acceptation.</p>",
                    ),
                    (
                        "callout",
                        "Une force armée, même animée des meilleures intentions, n'est ni neutre ni indépendante au sens humanitaire. Elle peut soutenir l'action humanitaire, mais ne doit pas s'en réclamer.",
                    ),
                    ("heading", "Pourquoi les militaires sont concernés"),
                    (
                        "paragraph",
                        "<p>Lorsque des militaires distribuent de l'aide pour gagner le soutien de la population, ou lorsque des véhicules militaires et humanitaires se ressemblent, la population et les parties au conflit peuvent confondre les deux. Ce brouillage des lignes expose le personnel humanitaire à des attaques et peut lui fermer l'accès à certaines zones. Les forces armées ont donc intérêt à distinguer clairement leurs activités de l'action humanitaire, à éviter d'employer le terme humanitaire pour qualifier leurs propres projets et à respecter la volonté des organisations de garder leurs distances. Les lignes directrices non contraignantes du Comité permanent interorganisations (IASC) sur l'utilisation d'escortes armées, adoptées en 2013, rappellent que le recours à une escorte militaire doit rester une mesure de dernier ressort.</p>",
                    ),
                ],
            },
            {
                "title": "La coordination civilo-militaire humanitaire",
                "summary": "Cette leçon présente la coordination civilo-militaire humanitaire des Nations Unies, ses textes de référence et ses outils pratiques.",
                "body": [
                    ("heading", "Qu'est-ce que l'UN-CMCoord ?"),
                    (
                        "paragraph",
                        "<p>La coordination civilo-militaire humanitaire des Nations Unies (UN-CMCoord) désigne le dialogue et l'interaction entre acteurs civils et militaires dans les situations d'urgence humanitaire. Elle vise à protéger et promouvoir les principes humanitaires, à éviter la concurrence entre acteurs, à réduire les incohérences et, lorsque cela est approprié, à poursuivre des objectifs communs. Elle est animée par le Bureau de la coordination des affaires humanitaires (OCHA), qui déploie des spécialistes de la coordination civilo-militaire auprès des équipes humanitaires.</p>"
                        "<p>La relation peut prendre des formes très différentes selon le contexte. Dans une catastrophe naturelle en temps de paix, une coopération étroite est souvent possible. Dans un conflit armé où la force est partie aux hostilités, la relation se limite généralement à une simple coexistence, centrée sur l'échange d'informations indispensables et la prévention des incidents.</p>",
                    ),
                    ("heading", "Les textes de référence"),
                    (
                        "paragraph",
                        "<p>Plusieurs documents, non contraignants mais largement reconnus, encadrent ces relations :</p>"
                        "<ul>"
                        "<li>les <b>Directives d'Oslo</b> sur l'utilisation des ressources militaires et de la protection civile étrangères dans le cadre des opérations de secours en cas de catastrophe ;</li>"
                        "<li>les <b>Directives MCDA</b> de 2003, qui s'appliquent à l'utilisation de ces ressources dans les situations d'urgence complexes ;</li>"
                        "<li>le document de référence de l'IASC de 2004 sur les relations civilo-militaires dans les situations d'urgence complexes ;</li>"
                        "<li>les lignes directrices de l'IASC de 2013 sur les escortes armées ;</li>"
                        "<li>les directives propres à certains pays, élaborées par les équipes humanitaires pour tenir compte du contexte local.</li>"
                        "</ul>"
                        "<p>Tous reposent sur des idées communes : respect des principes humanitaires, maintien du caractère civil de l'aide, recours aux moyens militaires en dernier ressort et sous contrôle civil.</p>",
                    ),
                    (
                        "callout",
                        "Le degré de coordination dépend du contexte : plus la force est impliquée dans les hostilités, plus la distance entre acteurs humanitaires et militaires doit être grande.",
                    ),
                    ("heading", "Les outils de la coordination"),
                    (
                        "paragraph",
                        "<p>La coordination repose sur trois éléments principaux : le partage d'informations, la répartition des tâches et, lorsque c'est possible, la planification conjointe. Dans la pratique, elle s'appuie sur des forums de coordination civilo-militaire, sur des officiers de liaison désignés de part et d'autre et sur des systèmes de notification humanitaire, par lesquels les organisations signalent aux parties la localisation de leurs installations et de leurs mouvements afin d'éviter qu'ils ne soient touchés. Pour le personnel CIMIC, le premier réflexe doit être de prendre contact avec la cellule de coordination civilo-militaire d'OCHA plutôt que de solliciter directement chaque organisation.</p>",
                    ),
                ],
            },
            {
                "title": "La protection des civils dans les opérations",
                "summary": "Cette leçon présente les fondements juridiques de la protection des civils et les approches développées par l'ONU et l'OTAN.",
                "body": [
                    ("heading", "Les fondements juridiques"),
                    (
                        "paragraph",
                        "<p>La protection des civils repose d'abord sur le droit international humanitaire. Les Conventions de Genève de 1949, en particulier la quatrième Convention, et leurs Protocoles additionnels de 1977 imposent aux parties au conflit de respecter trois principes essentiels dans la conduite des hostilités : la <b>distinction</b> entre combattants et civils, et entre objectifs militaires et biens de caractère civil ; la <b>proportionnalité</b>, qui interdit les attaques dont on peut attendre des pertes civiles excessives par rapport à l'avantage militaire concret et direct attendu ; et la <b>précaution</b>, qui impose de prendre toutes les mesures pratiquement possibles pour épargner la population civile. Le droit international des droits de l'homme et le droit des réfugiés complètent ce cadre.</p>",
                    ),
                    ("heading", "La protection des civils aux Nations Unies"),
                    (
                        "paragraph",
                        "<p>Le Conseil de sécurité a adopté en 1999 sa première résolution thématique sur la protection des civils en période de conflit armé, la résolution 1265. La même année, la mission des Nations Unies en Sierra Leone a été la première opération de maintien de la paix explicitement chargée de protéger les civils menacés de violences physiques imminentes. Aujourd'hui, la plupart des grandes missions disposent d'un tel mandat.</p>"
                        "<p>La politique des Nations Unies en la matière distingue trois niveaux d'action complémentaires : la protection par le dialogue et l'engagement, la fourniture d'une protection physique, et l'instauration d'un environnement protecteur. Elle rappelle que la responsabilité première de la protection des civils incombe à l'État hôte.</p>",
                    ),
                    (
                        "callout",
                        "Protéger les civils commence par ne pas leur nuire : respecter le droit, atténuer les dommages causés par ses propres opérations et en tirer les leçons.",
                    ),
                    ("heading", "L'approche de l'OTAN"),
                    (
                        "paragraph",
                        "<p>L'OTAN a adopté une politique de protection des civils au sommet de Varsovie en 2016. Son approche s'appuie sur la compréhension de l'environnement humain, c'est-à-dire des menaces qui pèsent sur la population, de ses vulnérabilités et des capacités locales. À partir de cette compréhension, la force cherche à atténuer les dommages, qu'ils résultent de ses propres actions ou de celles d'autres acteurs, à faciliter l'accès aux besoins essentiels et à contribuer à un environnement sûr et sécurisé.</p>"
                        "<p>Concrètement, cela implique d'intégrer la protection des civils dans la planification et le ciblage, de suivre et d'analyser les dommages civils, de prendre en compte les effets indirects, comme la destruction d'un réseau d'eau ou d'électricité, et de coopérer avec les acteurs civils qui connaissent les besoins de la population.</p>",
                    ),
                ],
            },
            {
                "title": "L'accès humanitaire",
                "summary": "Cette leçon définit l'accès humanitaire, son cadre juridique, les obstacles rencontrés et le rôle que peuvent jouer les forces armées.",
                "body": [
                    ("heading", "Un accès encadré par le droit"),
                    (
                        "paragraph",
                        "<p>L'accès humanitaire recouvre deux dimensions : la capacité des organisations humanitaires à atteindre les populations dans le besoin, et la capacité de ces populations à accéder à l'aide et aux services. Le droit international humanitaire impose aux parties au conflit d'autoriser et de faciliter le passage rapide et sans encombre des secours humanitaires de caractère impartial destinés aux civils, sous réserve de leur droit de contrôle, et de garantir la liberté de mouvement du personnel humanitaire autorisé. Le consentement des parties reste requis, mais il ne peut être refusé de manière arbitraire.</p>"
                        "<p>Le droit interdit également d'utiliser contre les civils la famine comme méthode de guerre. Par sa résolution 2417 de 2018, le Conseil de sécurité a condamné cette pratique ainsi que le refus illicite de l'accès humanitaire, et a demandé au Secrétaire général de lui signaler les risques de famine liés aux conflits.</p>",
                    ),
                    ("heading", "Des obstacles multiples"),
                    (
                        "paragraph",
                        "<p>Les obstacles à l'accès sont nombreux : combats et insécurité, attaques contre le personnel et les biens humanitaires, restrictions administratives comme les refus de visas ou d'autorisations de déplacement, ingérence dans le choix des bénéficiaires, mines et restes explosifs, destruction des routes et des ponts. Les mesures de sanctions et de lutte contre le terrorisme peuvent aussi entraver l'action humanitaire ; le Conseil de sécurité a adopté en 2022 la résolution 2664, qui prévoit une exemption humanitaire dans les régimes de sanctions des Nations Unies. Pour surmonter ces obstacles, les organisations humanitaires mènent des négociations avec toutes les parties, y compris les groupes armés non étatiques.</p>",
                    ),
                    (
                        "callout",
                        "Le rôle d'une force armée est de faciliter l'accès humanitaire, non de le contrôler : elle crée les conditions, les organisations humanitaires décident où, quand et comment intervenir.",
                    ),
                    ("heading", "Le rôle des forces armées"),
                    (
                        "paragraph",
                        "<p>Les forces armées peuvent contribuer à l'accès de plusieurs façons : respecter elles-mêmes les obligations du droit international humanitaire ; déminer et réparer les axes ; assurer la sécurité générale d'une zone ; prendre en compte les notifications humanitaires dans leur planification ; faciliter les passages aux points de contrôle ; et, lorsque c'est nécessaire, soutenir des pauses humanitaires négociées. Elles doivent en revanche éviter de conditionner l'aide à la coopération de la population, d'imposer leur présence aux convois ou de décider à la place des humanitaires quelles populations doivent être assistées. Les escortes armées ne doivent être envisagées qu'en dernier ressort, à la demande des organisations concernées. Un dialogue régulier, au travers des mécanismes de coordination civilo-militaire, permet de repérer les obstacles et d'y répondre sans compromettre l'indépendance de l'action humanitaire.</p>",
                    ),
                ],
            },
        ],
    },
]

# The two courses written in French exist only in French: seed_demo puts them
# in the French catalog (locale fr), not in the English one.
FRENCH_ONLY = [course for course in COURSES if course["language"] == "fr"]
COURSES = [course for course in COURSES if course["language"] != "fr"]
