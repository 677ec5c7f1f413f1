"""The demo in French: the translations seed_demo makes of the English pages
(home, the network's pages, events, publications, the catalog, four courses
with their lessons and quiz, the quiz's questions) and the quiz of a course
that exists only in French.

Written for French readers, in NATO's French terminology: coopération
civilo-militaire (CIMIC), interaction civilo-militaire (CMI), protection des
civils (PoC). A page's "body" lists the French values of its text blocks in
the English page's order, with the same paragraphs and list items, so each
French string replaces its English counterpart (demo.localize).
"""

from __future__ import annotations

from typing import Any

TOPICS: dict[str, str] = {
    "cmi-foundations": "Fondamentaux de la CMI",
    "cimic-doctrine": "Doctrine CIMIC",
    "humanitarian-coordination": "Coordination civilo-militaire humanitaire",
    "protection-of-civilians": "Protection des civils",
    "civilian-harm-mitigation": "Réduction des pertes civiles",
    "cultural-property-protection": "Protection des biens culturels",
    "children-and-armed-conflict": "Enfants et conflits armés",
    "women-peace-security": "Femmes, paix et sécurité",
    "resilience": "Résilience et préparation du secteur civil",
    "critical-infrastructure": "Protection des infrastructures critiques",
    "disaster-response": "Gestion des catastrophes et aide humanitaire",
    "medical-stability": "Opérations médicales conjointes de stabilisation",
    "liaison-engagement": "Liaison et engagement des dirigeants clés",
    "information-management": "Gestion de l’information CIMIC",
    "religion-and-conflict": "Religion",
    "non-lethal-capability": "Capacités non létales",
    "civil-homeland-security": "Sécurité civile et sécurité intérieure",
    "risk-reduction": "Réduction des risques",
}

HOME: dict[str, Any] = {
    "title": "IGN Academy",
    "seo_title": "IGN Academy — se former à l’interaction civilo-militaire",
    "hero_title": "Apprendre ensemble l’interaction civilo-militaire",
    "hero_text": (
        "IGN Academy est la plateforme de formation de l’Interacta Global "
        "Network. Elle réunit civils, militaires et chercheurs pour se préparer "
        "aux crises avant qu’elles ne surviennent."
    ),
    "intro": (
        "<p>L’Interacta Global Network (IGN), également appelé réseau JCMI "
        "(Joint Civil-Military Interaction Research and Education Network), "
        "relie celles et ceux qui travaillent là où les responsabilités civiles "
        "et militaires se rencontrent. Ses membres font face aux conflits armés, "
        "aux catastrophes naturelles et technologiques, aux urgences sanitaires "
        "et aux menaces hybrides, et partagent une même conviction : ces "
        "situations sont mieux gérées lorsque les acteurs concernés se "
        "connaissent et se comprennent déjà.</p>"
        "<p>IGN Academy est la plateforme de formation du réseau. Elle propose "
        "des cours, des lectures, des enregistrements d’événements et des "
        "espaces d’échange qui s’appuient à la fois sur l’expérience du terrain "
        "et sur la recherche la plus récente. Son objectif est concret : aider "
        "chacun à comprendre comment les autres organisations pensent, "
        "planifient et décident, et faciliter la coopération au moment où elle "
        "compte le plus.</p>"
        "<p>L’académie est ouverte à toute personne qui s’intéresse à "
        "l’interaction civilo-militaire. Membres de la société civile, agents "
        "des administrations, militaires et universitaires y sont également "
        "les bienvenus, qu’ils débutent ou qu’ils aient de longues années "
        "d’expérience.</p>"
    ),
    "open_to_all": (
        "Toute personne qui souhaite que civils et militaires travaillent mieux "
        "ensemble est la bienvenue. Créez un compte gratuit pour accéder aux "
        "cours, aux événements et aux publications."
    ),
}

PAGES: dict[str, dict[str, Any]] = {
    "courses": {
        "title": "Cours",
        "intro": (
            "<p>Des modules à suivre à votre rythme sur l’interaction "
            "civilo-militaire et la CIMIC, ouverts aux officiers, aux "
            "fonctionnaires, au personnel des ONG et aux étudiants.</p>"
        ),
    },
    "events": {
        "title": "Événements",
        "intro": "Symposiums, séminaires et ateliers du réseau.",
    },
    "publications": {
        "title": "Publications",
        "intro": "Articles de revues et documents de travail issus du réseau.",
    },
    "why-ign": {
        "title": "Pourquoi IGN",
        "intro": (
            "Les crises exigent la coopération des acteurs civils et militaires, "
            "et cette coopération se prépare à l’avance."
        ),
        "body": [
            "Les crises ignorent les frontières entre organisations",
            "<p>Conflits armés, séismes et inondations, pandémies et menaces "
            "hybrides ont un point commun : aucune organisation ne peut les "
            "gérer seule. Agences humanitaires, services de secours, ministères, "
            "collectivités locales, associations et forces armées se retrouvent "
            "souvent au même endroit, au même moment, au service de la même "
            "population sinistrée. Chacun arrive avec son mandat, ses moyens, sa "
            "culture de travail et son vocabulaire.</p>"
            "<p>Lorsque ces acteurs se rencontrent pour la première fois en "
            "pleine crise, un temps précieux est perdu. Les malentendus sur les "
            "rôles, les principes et les procédures peuvent conduire à des "
            "doublons, à des lacunes dans l’aide, voire à nuire aux personnes que "
            "tous cherchent à secourir. Là où civils et militaires se comprennent "
            "déjà, ils se coordonnent plus vite, respectent les limites de "
            "chacun et se concentrent sur les besoins du terrain.</p>",
            "La compréhension mutuelle se construit avant la crise, pas pendant.",
            "Rapprocher la pratique, la recherche et la formation",
            "<p>On sait déjà beaucoup de choses sur l’interaction "
            "civilo-militaire, mais ce savoir est dispersé. Les praticiens "
            "tirent des enseignements durement acquis qui sont rarement mis par "
            "écrit. Les chercheurs mènent des études rigoureuses qui ne "
            "parviennent pas toujours à ceux qui planifient et conduisent les "
            "opérations. Les organismes de formation enseignent des compétences "
            "précieuses, mais souvent dans le cadre d’une seule organisation ou "
            "d’une seule profession.</p>"
            "<p>IGN existe pour relier ces trois mondes. L’expérience du terrain "
            "doit nourrir les questions de recherche ; les résultats de la "
            "recherche doivent façonner les programmes de formation ; et la "
            "formation doit préparer chacun aux réalités qu’il rencontrera "
            "vraiment. IGN Academy est l’un des principaux outils de ce "
            "cycle.</p>",
            "Pourquoi un réseau plutôt qu’une institution",
            "<p>L’interaction civilo-militaire fait intervenir de nombreuses "
            "communautés dont les mandats et les points de vue diffèrent "
            "légitimement. Les organisations humanitaires doivent préserver leur "
            "neutralité et leur indépendance. Les administrations répondent à "
            "leur propre cadre politique et juridique. Les armées suivent leur "
            "chaîne de commandement. Aucune institution ne pourrait parler au nom "
            "de toutes, et aucune ne devrait s’y essayer.</p>"
            "<p>Un réseau permet à chacun de garder son identité tout en "
            "contribuant à un savoir commun. Il est assez souple pour réunir une "
            "université, une organisation de secours et un état-major autour "
            "d’une même question, et assez ouvert pour accueillir de nouvelles "
            "voix à mesure que les défis évoluent. Le modèle du réseau répartit "
            "aussi l’effort : chaque membre apporte ce qu’il connaît le mieux et "
            "apprend de ce que d’autres connaissent mieux que lui.</p>",
            "IGN relie les expertises existantes au lieu de les remplacer.",
        ],
    },
    "about-jcmi": {
        "title": "Le réseau JCMI",
        "intro": (
            "Le Joint Civil-Military Interaction Research and Education Network "
            "réunit les communautés qui partagent des responsabilités en temps "
            "de crise."
        ),
        "body": [
            "Notre raison d’être",
            "<p>Le réseau JCMI, également appelé Interacta Global Network, est "
            "une communauté de personnes et d’organisations qui veulent que "
            "civils et militaires travaillent plus efficacement ensemble. Ses "
            "membres viennent de la société civile, des administrations, des "
            "forces armées et du monde universitaire. Ce qui les unit n’est pas "
            "un mandat commun mais un intérêt commun : parvenir à l’unité de but "
            "entre des acteurs différents, afin que la réponse à une crise serve "
            "les populations qui la subissent.</p>"
            "<p>L’unité de but ne signifie pas que tout le monde fait la même "
            "chose ni obéit à la même autorité. Elle signifie que chaque acteur "
            "comprend les objectifs des autres, respecte leurs principes et se "
            "coordonne là où c’est utile. Cela demande parfois une coopération "
            "étroite, parfois une distance délibérée. Savoir laquelle convient "
            "est en soi une compétence que le réseau veut développer.</p>",
            "L’unité de but, dans le respect des mandats de chacun.",
            "Avant, pendant et après les crises",
            "<p>Le travail du réseau couvre tout le cycle de vie d’une crise. "
            "Avant la crise, il soutient la préparation : concepts de "
            "planification partagés, exercices conjoints et relations nouées en "
            "période calme. Pendant la crise, il offre un ensemble de "
            "connaissances et de contacts qui aident les acteurs à se "
            "coordonner. Après la crise, il aide à recueillir les enseignements, "
            "à évaluer ce qui a fonctionné et à en faire profiter le "
            "relèvement, la reconstruction et la préparation future.</p>",
            "Trois axes de travail",
            "<ul>"
            "<li><b>Recherche.</b> Le réseau encourage les études qui traitent "
            "de problèmes réels de l’interaction civilo-militaire, en croisant "
            "plusieurs disciplines et l’expérience des praticiens. Les résultats "
            "sont partagés ouvertement chaque fois que possible.</li>"
            "<li><b>Formation.</b> Par IGN Academy, le réseau propose des cours, "
            "des séminaires et des ressources pédagogiques qui préparent des "
            "personnes d’horizons différents à travailler côte à côte. Les "
            "contenus sont pensés pour être utiles aux débutants comme aux "
            "professionnels expérimentés.</li>"
            "<li><b>Échanges.</b> Symposiums, ateliers et discussions en ligne "
            "permettent aux membres de se rencontrer, de comparer leurs "
            "approches et de nouer les relations personnelles sur lesquelles "
            "repose la confiance.</li>"
            "</ul>",
            "Notre façon de travailler",
            "<p>Le réseau travaille de manière inclusive et non partisane. Il ne "
            "se substitue pas aux mécanismes officiels de coordination des "
            "États, des organisations internationales ou des acteurs "
            "humanitaires, et ne demande à personne de transiger sur ses "
            "principes. Il offre au contraire un espace neutre d’apprentissage et "
            "de dialogue, où chacun peut parler franchement des difficultés et "
            "chercher, avec les autres, des améliorations concrètes.</p>",
        ],
    },
    "focus-areas": {
        "title": "Domaines d’action",
        "intro": (
            "Le réseau concentre sa recherche et ses formations sur les thèmes "
            "où les responsabilités civiles et militaires se recoupent "
            "étroitement."
        ),
        "body": [
            "Nos thèmes de travail",
            "<p>Les domaines suivants orientent le programme de recherche du "
            "réseau, les cours proposés par IGN Academy et les thèmes de ses "
            "événements. Ils sont liés entre eux, et bien des situations réelles "
            "en concernent plusieurs à la fois.</p>",
            "<ul>"
            "<li><b>Protection des civils.</b> Comprendre les menaces qui pèsent "
            "sur les civils dans les conflits et les crises, et la manière dont "
            "acteurs militaires, gouvernementaux et humanitaires peuvent, chacun "
            "dans son mandat, contribuer à leur sécurité.</li>"
            "<li><b>Réduction des pertes civiles.</b> Examiner comment la "
            "planification, la conduite et l’analyse des opérations peuvent "
            "limiter les dommages causés aux civils, et comment le regard des "
            "civils peut éclairer ces processus.</li>"
            "<li><b>Capacités non létales.</b> Étudier le rôle, les limites et "
            "les questions éthiques des capacités conçues pour produire des "
            "effets sans causer la mort ni de blessures permanentes.</li>"
            "<li><b>Protection des biens culturels.</b> Préserver les "
            "monuments, archives, sites et collections qui portent l’identité et "
            "la mémoire des communautés, en particulier pendant les conflits "
            "armés et les catastrophes.</li>"
            "<li><b>Religion.</b> Reconnaître la religion comme un facteur de "
            "conflit, de réconciliation et de résilience des communautés, et "
            "aider les praticiens à dialoguer avec les acteurs religieux avec "
            "respect et connaissance de cause.</li>"
            "<li><b>Sécurité civile et sécurité intérieure.</b> Observer comment "
            "les sociétés organisent leur protection face aux menaces sur leur "
            "propre territoire, et comment autorités civiles et forces armées se "
            "partagent cette tâche.</li>"
            "<li><b>Protection des infrastructures critiques.</b> Maintenir en "
            "fonctionnement les réseaux d’énergie, d’eau, de transport, de santé "
            "et de communication sous contrainte, et comprendre leurs "
            "interdépendances.</li>"
            "<li><b>Réduction des risques.</b> Repérer tôt les aléas et les "
            "vulnérabilités, et investir dans la prévention et la préparation "
            "pour que les crises causent moins de dégâts lorsqu’elles "
            "surviennent.</li>"
            "<li><b>Gestion des catastrophes et aide humanitaire.</b> Améliorer "
            "la coordination entre organisations de secours, autorités et moyens "
            "militaires en appui, dans le respect des principes humanitaires et "
            "de la primauté de la réponse civile.</li>"
            "<li><b>Opérations médicales conjointes de stabilisation.</b> "
            "Explorer comment acteurs de santé civils et militaires peuvent "
            "soutenir ensemble les systèmes de santé et rétablir les services "
            "médicaux essentiels dans les contextes fragiles.</li>"
            "</ul>",
            "La plupart des crises touchent plusieurs domaines à la fois : le "
            "réseau encourage les travaux qui les croisent.",
            "Proposer de nouveaux thèmes",
            "<p>La liste des domaines n’est pas figée. À mesure que de nouveaux "
            "risques apparaissent et que les pratiques évoluent, les membres sont "
            "invités à proposer des sujets de recherche, de cours ou "
            "d’événements. Les propositions qui relient l’expérience pratique à "
            "une question de recherche claire sont particulièrement "
            "bienvenues.</p>",
        ],
    },
    "goals": {
        "title": "Nos objectifs",
        "intro": (
            "Le réseau poursuit quelques objectifs de long terme qui guident sa "
            "recherche, ses formations et ses échanges."
        ),
        "body": [
            "Tisser des partenariats entre les acteurs de la CMI",
            "<p>L’interaction civilo-militaire repose sur des relations. Le "
            "réseau veut relier les nombreux acteurs concernés, des associations "
            "locales et des collectivités aux agences nationales, aux "
            "organisations internationales et aux forces armées. En créant des "
            "occasions régulières de se rencontrer et d’apprendre ensemble, il "
            "aide ces acteurs à bâtir la familiarité et la confiance qu’exige la "
            "coopération en temps de crise.</p>",
            "Renforcer la coopération internationale en matière de recherche",
            "<p>Les questions d’interaction civilo-militaire s’arrêtent rarement "
            "aux frontières nationales, et la recherche qui les traite ne devrait "
            "pas s’y arrêter non plus. Le réseau encourage les projets communs "
            "entre chercheurs de pays et de disciplines différents : droit, "
            "science politique, histoire, médecine, ingénierie et études de "
            "sécurité. Il cherche aussi à associer les praticiens à la "
            "conception des recherches, afin que les études portent sur les "
            "questions qui comptent sur le terrain.</p>",
            "Une bonne recherche sur l’interaction civilo-militaire part des "
            "questions que les praticiens se posent réellement.",
            "Éclairer les décideurs",
            "<p>Les décisions prises dans les ministères, les parlements et les "
            "instances internationales déterminent la manière dont civils et "
            "militaires peuvent travailler ensemble. Le réseau veut mettre les "
            "données et l’expérience pratique utiles à la disposition de ceux "
            "qui prennent ces décisions, par des publications concises, des "
            "notes et le dialogue. Il le fait de façon équilibrée, en présentant "
            "des options et leurs conséquences plutôt qu’en défendant des "
            "positions politiques.</p>",
            "Soutenir le partenariat transatlantique",
            "<p>Nombre des organisations actives dans l’interaction "
            "civilo-militaire sont ancrées dans le partenariat entre l’Europe et "
            "l’Amérique du Nord. Le réseau cherche à renforcer les échanges de "
            "part et d’autre de l’Atlantique, pour que l’expérience acquise d’un "
            "côté nourrisse la réflexion de l’autre. Il reste en même temps "
            "ouvert aux partenaires et aux points de vue de toutes les régions, "
            "car bien des crises surviennent loin de l’Atlantique Nord et la "
            "connaissance locale y est indispensable.</p>",
            "Contribuer aux politiques publiques",
            "<p>Au-delà des décisions ponctuelles, le réseau veut contribuer aux "
            "initiatives de politique publique en matière de résilience, de "
            "préparation et de protection des civils. Ses membres peuvent "
            "participer à des consultations, à des groupes d’experts et aux "
            "débats publics, en y apportant le regard croisé de la société "
            "civile, des administrations, des armées et du monde "
            "universitaire.</p>"
            "<p>Les progrès vers ces objectifs se mesurent moins aux résultats "
            "formels qu’à la facilité avec laquelle les personnes qui se sont "
            "rencontrées grâce au réseau travaillent ensemble par la suite.</p>",
        ],
    },
    "partners": {
        "title": "Partenaires",
        "intro": (
            "Le réseau dialogue avec un large éventail d’organisations "
            "militaires, gouvernementales, universitaires et humanitaires."
        ),
        "body": [
            "Travailler d’une communauté à l’autre",
            "<p>L’interaction civilo-militaire ne peut être bien étudiée et bien "
            "enseignée qu’avec ceux qui la pratiquent. Le réseau recherche donc "
            "le dialogue avec des organisations civiles comme militaires. Les "
            "relations décrites ici traduisent les échanges du réseau ; elles "
            "ne signifient pas que ces organisations approuvent ses positions ou "
            "ses publications.</p>",
            "Les structures de l’OTAN",
            "<p>Le réseau dialogue avec plusieurs composantes de l’OTAN dont le "
            "travail touche à l’interaction civilo-militaire :</p>"
            "<ul>"
            "<li><b>Le siège de l’OTAN</b>, où sont élaborées les orientations "
            "politiques sur des sujets comme la protection des civils, la "
            "résilience et la protection des biens culturels.</li>"
            "<li><b>Le Commandement allié Transformation (ACT)</b>, qui prépare "
            "les concepts, la doctrine, l’enseignement et l’entraînement de "
            "demain, et où l’interaction civilo-militaire fait partie du "
            "développement à long terme.</li>"
            "<li><b>Le Commandement allié Opérations (ACO)</b>, chargé de "
            "planifier et de conduire les opérations, et donc confronté en "
            "pratique aux questions civilo-militaires.</li>"
            "</ul>",
            "Les centres d’excellence",
            "<p>Les centres d’excellence accrédités par l’OTAN sont des "
            "institutions multinationales qui apportent expertise, enseignement "
            "et entraînement dans des domaines précis. Plusieurs traitent de "
            "sujets proches des domaines d’action du réseau : coopération "
            "civilo-militaire, gestion de crise et réponse aux catastrophes, "
            "médecine militaire, sécurité énergétique, assistance aux forces de "
            "sécurité et police de stabilisation. Le réseau travaille avec des "
            "membres de cette famille de centres, dont le Centre d’excellence "
            "CIMIC (Civil-Military Cooperation Centre of Excellence), pour "
            "échanger des connaissances et relier la recherche à l’enseignement "
            "et à l’entraînement.</p>",
            "Le Multinational Joint Headquarters Ulm",
            "<p>Le réseau échange aussi avec le Multinational Joint Headquarters "
            "d’Ulm, état-major multinational de commandement et de contrôle "
            "chargé notamment de planifier des opérations de gestion de crise. "
            "Ces échanges aident à ce que les formations du réseau reflètent les "
            "réalités de la planification multinationale.</p>",
            "Partenaires civils et universitaires",
            "<p>Les contacts civils et universitaires du réseau comptent tout "
            "autant. Il travaille avec des universités et des instituts de "
            "recherche spécialisés dans la sécurité, l’action humanitaire, le "
            "droit et la santé publique ; avec des organisations humanitaires "
            "qui apportent leur expérience opérationnelle et leur attachement aux "
            "principes ; et avec les administrations chargées de la protection "
            "civile, du développement, des affaires étrangères et de la gestion "
            "des urgences.</p>",
            "Les organisations qui souhaitent travailler avec le réseau peuvent "
            "prendre contact par l’intermédiaire d’IGN Academy.",
        ],
    },
}

# Events and publications, by slug (their dates, kinds and authors stay).
ITEMS: dict[str, dict[str, Any]] = {
    "annual-symposium-2027": {
        "title": "Symposium annuel IGN 2027 : se préparer ensemble aux crises "
        "complexes",
        "location": "Ulm (Allemagne) et en ligne",
        "summary": (
            "Trois jours de symposium réunissant participants civils, "
            "gouvernementaux, militaires et universitaires autour de la "
            "préparation aux crises complexes."
        ),
        "body": [
            "Le symposium",
            "<p>Le symposium annuel est le principal lieu de rencontre du "
            "réseau. Cette édition examine comment acteurs civils et militaires "
            "peuvent se préparer ensemble à des crises aux dimensions multiples, "
            "où un conflit armé s’accompagne de déplacements de population, "
            "d’infrastructures endommagées et de risques sanitaires.</p>",
            "<p>Le programme alternera conférences plénières, tables rondes et "
            "ateliers en petits groupes. Thèmes prévus :</p>"
            "<ul>"
            "<li>les enseignements des exercices conjoints récents et des crises "
            "réelles ;</li>"
            "<li>la protection des civils et des infrastructures critiques dans "
            "les scénarios hybrides ;</li>"
            "<li>la place des principes humanitaires dans la planification "
            "conjointe ;</li>"
            "<li>les nouvelles recherches sur l’interaction civilo-militaire et "
            "leur usage en formation.</li>"
            "</ul>",
            "À qui s’adresse-t-il ?",
            "<p>Le symposium est ouvert aux membres de la société civile, aux "
            "agents des administrations, aux militaires, aux chercheurs et aux "
            "étudiants. Les séances se tiendront en anglais. Certaines seront "
            "diffusées en direct pour les participants à distance, et les "
            "enregistrements seront ensuite disponibles sur IGN Academy.</p>",
            "L’inscription est gratuite pour les membres d’IGN Academy ; les "
            "places en présentiel sont limitées.",
        ],
    },
    "seminar-protection-of-civilians-2027": {
        "title": "Séminaire : la protection des civils en pratique",
        "location": "En ligne",
        "summary": (
            "Une journée de séminaire en ligne sur la contribution des "
            "différents acteurs à la protection des civils dans les conflits et "
            "les crises."
        ),
        "body": [
            "Présentation",
            "<p>Protéger les civils est une responsabilité partagée, mais chaque "
            "acteur y contribue à sa manière. Les forces armées peuvent agir sur "
            "la planification et la conduite des opérations. Les administrations "
            "fixent les cadres juridiques et politiques. Les organisations "
            "humanitaires et associatives sont souvent au plus près des "
            "personnes touchées et voient le plus clairement leurs besoins.</p>"
            "<p>Ce séminaire présente les principales notions de la protection "
            "des civils et montre comment ces contributions s’articulent en "
            "pratique. De courts exposés seront suivis d’un débat animé et d’une "
            "étude de cas en petits groupes.</p>",
            "Objectifs pédagogiques",
            "<ul>"
            "<li>Maîtriser les notions et les cadres clés de la protection des "
            "civils.</li>"
            "<li>Distinguer les rôles et les limites des acteurs civils et "
            "militaires.</li>"
            "<li>Repérer les points concrets de coordination et de partage de "
            "l’information.</li>"
            "<li>Réfléchir à la prise en compte du point de vue des populations "
            "touchées dans la planification.</li>"
            "</ul>",
            "Aucune connaissance préalable n’est requise : le séminaire convient "
            "aux débutants comme aux praticiens expérimentés.",
        ],
    },
    "workshop-cultural-property-protection-2027": {
        "title": "Atelier : la protection des biens culturels dans la "
        "planification de crise",
        "location": "Vienne (Autriche)",
        "summary": (
            "Deux jours d’atelier pratique pour intégrer la protection des biens "
            "culturels à la planification de crise, civile et militaire."
        ),
        "body": [
            "Pourquoi cet atelier",
            "<p>Le patrimoine culturel est souvent endommagé lors des conflits "
            "armés et des catastrophes, parfois délibérément, parfois par "
            "méconnaissance. Le protéger suppose une planification précoce et "
            "une coopération entre professionnels du patrimoine, autorités de "
            "protection civile et forces armées.</p>",
            "Déroulement",
            "<p>L’atelier est résolument pratique. Les participants travailleront "
            "en équipes mixtes sur un scénario fictif : repérer les biens "
            "culturels menacés, envisager les moyens de les protéger et discuter "
            "du partage de l’information entre planificateurs civils et "
            "militaires. Des experts du patrimoine, de l’humanitaire et de la "
            "défense accompagneront les groupes et animeront de courtes séances "
            "sur les obligations juridiques et les mesures concrètes de "
            "protection.</p>"
            "<p>Le second jour, les équipes présenteront leurs plans et "
            "discuteront de ce qui les aiderait ou les freinerait dans une "
            "situation réelle. L’atelier se conclura par un tour d’horizon des "
            "orientations existantes et une réflexion sur la manière d’intégrer "
            "plus systématiquement la protection des biens culturels aux "
            "exercices et à l’entraînement.</p>",
            "Le nombre de places est limité pour garder des groupes restreints ; "
            "il est conseillé de s’inscrire tôt.",
        ],
    },
    "workshop-critical-infrastructure-resilience-2027": {
        "title": "Atelier : infrastructures critiques et résilience de la société",
        "location": "Bruxelles (Belgique) et en ligne",
        "summary": (
            "Un atelier hybride sur les moyens, pour les acteurs civils et "
            "militaires, de maintenir les services essentiels sous contrainte."
        ),
        "body": [
            "Présentation",
            "<p>Réseaux électriques, systèmes d’eau, réseaux de transport et "
            "communications numériques forment l’ossature des sociétés modernes. "
            "Ils sont exposés aux aléas naturels, aux accidents, aux "
            "cyberattaques et au sabotage. Quand ils défaillent, les effets se "
            "propagent vite et touchent les civils comme les forces armées.</p>"
            "<p>Cet atelier réunit exploitants d’infrastructures, autorités de "
            "protection civile, planificateurs militaires et chercheurs pour "
            "examiner les interdépendances entre secteurs et discuter des moyens "
            "d’améliorer ensemble la préparation.</p>",
            "Thèmes",
            "<ul>"
            "<li>Cartographier les interdépendances entre services "
            "critiques.</li>"
            "<li>Le rôle des pouvoirs publics, des opérateurs privés et des "
            "forces armées dans la protection et le rétablissement.</li>"
            "<li>S’exercer ensemble à répondre aux défaillances en "
            "cascade.</li>"
            "<li>Communiquer avec le public lorsque les services essentiels sont "
            "interrompus.</li>"
            "</ul>",
            "Déroulement",
            "<p>La première journée sera consacrée à de courts exposés d’experts "
            "et à une discussion structurée sur l’expérience récente. La "
            "seconde, les participants travailleront sur un scénario dans lequel "
            "une panne d’électricité régionale affecte l’alimentation en eau, "
            "les hôpitaux et les transports : qui doit agir, dans quel ordre et "
            "avec quelles informations ? Les résultats alimenteront les "
            "ressources pédagogiques d’IGN Academy.</p>",
            "Les participants à distance prendront part aux discussions par "
            "l’intermédiaire d’IGN Academy.",
        ],
    },
    "unity-of-aim-without-unity-of-command": {
        "title": "L’unité de but sans l’unité de commandement : coordonner "
        "acteurs civils et militaires en temps de crise",
        "authors": "Groupe de travail IGN sur la coordination civilo-militaire",
        "abstract": (
            "Les acteurs civils et militaires qui répondent à une même crise "
            "partagent rarement une chaîne de commandement, et beaucoup d’entre "
            "eux, en particulier les organisations humanitaires, doivent garder "
            "une distance nette vis-à-vis des structures militaires. Ce document "
            "de travail examine comment une certaine unité de but peut malgré "
            "tout être atteinte dans ces conditions. Il distingue la "
            "coordination, la coopération et la coexistence comme autant de "
            "modes d’interaction, et analyse ce qui rend chacun d’eux approprié "
            "dans un contexte donné. À partir des retours d’expérience publiés "
            "sur la réponse aux catastrophes et la stabilisation, il relève des "
            "obstacles récurrents : horizons de planification différents, règles "
            "floues de partage de l’information, connaissance insuffisante des "
            "mandats des autres. Il conclut par des pistes de formation et de "
            "préparation qui pourraient réduire ces obstacles avant que la crise "
            "n’éclate."
        ),
        "body": [
            "Introduction",
            "<p>L’idée que tous les acteurs d’une crise doivent tendre vers un "
            "but commun fait largement consensus. La manière d’y parvenir est "
            "beaucoup moins claire. Contrairement à une opération militaire, la "
            "réponse à une crise mobilise des organisations indépendantes les "
            "unes des autres, qui rendent compte à des autorités différentes et "
            "qui ont parfois de bonnes raisons de ne pas être vues travaillant "
            "ensemble.</p>",
            "Les modes d’interaction",
            "<p>Le document distingue trois grands modes. Dans la "
            "<b>coexistence</b>, les acteurs partagent un espace mais limitent "
            "leurs échanges au strict nécessaire pour éviter les frictions et "
            "les dommages. Dans la <b>coordination</b>, ils échangent des "
            "informations et harmonisent leurs activités tout en décidant "
            "séparément. Dans la <b>coopération</b>, ils accomplissent ensemble "
            "des tâches communes. Aucun de ces modes n’est meilleur en soi : le "
            "bon choix dépend du contexte, des mandats des acteurs et de la "
            "perception de la population touchée.</p>",
            "Des obstacles récurrents",
            "<ul>"
            "<li>Des cycles de planification différents, la planification "
            "militaire étant souvent plus rapide et plus formalisée que les "
            "processus civils.</li>"
            "<li>Des règles floues sur ce qui peut être partagé, avec qui et à "
            "quelle fin.</li>"
            "<li>Une connaissance limitée des principes, des mandats et des "
            "contraintes des autres acteurs.</li>"
            "<li>La rotation du personnel, qui use les relations construites "
            "dans la durée.</li>"
            "</ul>",
            "L’unité de but tient moins aux structures qu’à des personnes qui "
            "comprennent les contraintes des autres.",
            "Conséquences pour la formation",
            "<p>Beaucoup de ces obstacles peuvent être réduits avant la crise. "
            "Le document recommande des cours communs qui mêlent participants "
            "civils et militaires, des exercices sur scénario intégrant les "
            "points de vue humanitaires et locaux, et des documents de référence "
            "partagés qui expliquent simplement le rôle de chaque acteur. Il "
            "suggère aussi que les évaluations menées après une crise portent "
            "sur l’interaction entre les acteurs, et pas seulement sur la "
            "performance de chacun.</p>",
        ],
    },
    "cultural-property-protection-and-military-planning": {
        "title": "Intégrer la protection des biens culturels à la "
        "planification militaire et civile",
        "authors": "Groupe de travail IGN sur la protection des biens culturels",
        "abstract": (
            "La protection des biens culturels pendant les conflits armés et les "
            "catastrophes est une obligation de droit international et un "
            "facteur important du relèvement des communautés touchées. Elle est "
            "pourtant souvent traitée comme une préoccupation de spécialistes, "
            "ajoutée tardivement à la planification. Cet article examine comment "
            "l’intégrer dès le départ aux processus de planification civils et "
            "militaires. Il en rappelle les principaux fondements juridiques, "
            "décrit les informations dont les planificateurs ont généralement "
            "besoin et analyse le rôle des professionnels du patrimoine, des "
            "autorités de protection civile et des forces armées. Il soutient "
            "qu’un échange précoce et structuré entre ces communautés est le "
            "moyen le plus efficace de réduire les dommages évitables, et "
            "propose des éléments pour une formation commune."
        ),
        "body": [
            "Contexte",
            "<p>Les biens culturels comprennent les monuments, les lieux de "
            "culte, les sites archéologiques, les musées, les bibliothèques et "
            "les archives. Leur perte peut priver les communautés de leur "
            "histoire et de leur identité, et rendre la réconciliation plus "
            "difficile. Le droit international humanitaire, notamment la "
            "Convention de La Haye de 1954 et ses protocoles, impose de "
            "respecter et de sauvegarder ces biens.</p>",
            "Les lacunes de la planification",
            "<p>Dans les faits, la protection des biens culturels est souvent "
            "envisagée trop tard. Les listes de sites protégés peuvent être "
            "incomplètes ou inaccessibles à ceux qui en ont besoin. Les experts "
            "du patrimoine ne savent pas toujours comment contribuer à la "
            "planification militaire ou de protection civile, et les "
            "planificateurs ne savent pas toujours à qui s’adresser. La réponse "
            "aux catastrophes ajoute une difficulté : les mesures d’urgence "
            "elles-mêmes peuvent endommager les sites patrimoniaux.</p>",
            "La protection des biens culturels fonctionne le mieux lorsqu’elle "
            "fait partie de la planification dès le début, et non lorsqu’elle y "
            "est ajoutée à la fin.",
            "Les éléments d’une intégration",
            "<ol>"
            "<li>Tenir des inventaires de biens culturels fiables et "
            "accessibles, avec des procédures convenues pour les partager.</li>"
            "<li>Désigner des points de contact dans les institutions "
            "patrimoniales, les organismes de protection civile et les forces "
            "armées.</li>"
            "<li>Prendre en compte les biens culturels dans les évaluations des "
            "risques et la planification sur scénario.</li>"
            "<li>Assurer une sensibilisation de base à tout le personnel et une "
            "formation spécialisée à un petit groupe de conseillers.</li>"
            "</ol>",
            "Conclusion",
            "<p>Une formation commune réunissant professionnels du patrimoine et "
            "planificateurs peut créer la familiarité nécessaire à une "
            "protection efficace. L’article recommande qu’elle s’appuie sur des "
            "scénarios réalistes couvrant à la fois les conflits armés et les "
            "catastrophes.</p>",
        ],
    },
    "religion-as-a-factor-in-civil-military-interaction": {
        "title": "La religion, facteur de l’interaction civilo-militaire",
        "authors": "Groupe de travail IGN sur la religion et la réponse aux crises",
        "abstract": (
            "Les croyances, les institutions et les responsables religieux "
            "influencent la manière dont les communautés vivent les conflits et "
            "les catastrophes, et dont elles réagissent aux acteurs extérieurs. "
            "La pratique civilo-militaire a parfois ignoré la religion, ou ne l’a "
            "vue que comme une source de risque. Ce document de travail plaide "
            "pour une approche plus équilibrée. Il décrit comment la religion "
            "peut peser sur la dynamique d’une crise, notamment par son rôle "
            "dans la cohésion sociale, l’entraide locale et la médiation. Il "
            "examine ensuite comment praticiens civils et militaires peuvent "
            "dialoguer avec les acteurs religieux de façon respectueuse et "
            "éclairée, et quelles connaissances et compétences cela suppose. Il "
            "se termine par des propositions pour intégrer la culture religieuse "
            "à la formation civilo-militaire."
        ),
        "body": [
            "Pourquoi la religion compte",
            "<p>Dans bien des crises, les communautés religieuses sont parmi les "
            "premières à réagir. Les lieux de culte deviennent des abris, les "
            "réseaux religieux distribuent l’aide et les responsables religieux "
            "s’expriment avec autorité sur la confiance, le deuil et la "
            "réconciliation. Dans le même temps, l’identité religieuse peut être "
            "entraînée dans le conflit et servir à diviser les communautés.</p>",
            "Les écueils fréquents",
            "<ul>"
            "<li>Ne voir la religion que sous l’angle de la sécurité.</li>"
            "<li>Supposer que les communautés religieuses parlent d’une seule "
            "voix.</li>"
            "<li>Ne dialoguer qu’avec les responsables les plus visibles, en "
            "oubliant les femmes, les jeunes et les minorités.</li>"
            "<li>Négliger l’effet que l’engagement d’acteurs extérieurs peut "
            "avoir sur la position des acteurs religieux locaux.</li>"
            "</ul>",
            "La culture religieuse est une compétence pratique, pas un luxe de "
            "spécialiste.",
            "Des principes pour dialoguer",
            "<p>Le document propose que le dialogue avec les acteurs religieux "
            "repose sur un intérêt sincère pour les points de vue locaux, la "
            "conscience de ses propres présupposés et le souci de ne pas "
            "instrumentaliser la religion à d’autres fins. Acteurs civils et "
            "militaires devraient coordonner leurs contacts, pour que les "
            "communautés ne soient pas sollicitées à répétition avec des "
            "messages contradictoires. Lorsque des organisations humanitaires "
            "travaillent avec des partenaires confessionnels, les acteurs "
            "militaires doivent respecter la distance que ces partenariats "
            "peuvent exiger.</p>",
            "Recommandations pour la formation",
            "<p>La culture religieuse peut s’acquérir par de courts modules "
            "intégrés aux cours existants, des études de cas de différentes "
            "régions et le dialogue avec des responsables religieux. Le document "
            "recommande de proposer ces contenus ensemble aux apprenants civils "
            "et militaires, afin qu’ils comprennent de la même façon comment la "
            "religion façonne les milieux où ils travaillent.</p>",
        ],
    },
    "joint-medical-stability-operations": {
        "title": "Acteurs de santé civils et militaires dans les contextes "
        "fragiles : enseignements pour les opérations médicales conjointes de "
        "stabilisation",
        "authors": "Groupe de travail IGN sur la santé et la stabilisation médicale",
        "abstract": (
            "Dans les contextes fragiles et touchés par un conflit, les systèmes "
            "de santé sont souvent parmi les premiers services publics à "
            "s’effondrer. Les unités médicales militaires disposent parfois de "
            "moyens et d’une logistique qui manquent aux systèmes civils, tandis "
            "que les acteurs de santé civils apportent une présence durable, la "
            "connaissance du terrain et la confiance du public. Cet article "
            "examine comment conjuguer ces atouts sans fragiliser les systèmes "
            "de santé locaux ni les principes humanitaires. Il passe en revue "
            "les formes courantes d’interaction civilo-militaire en matière de "
            "santé, du soutien d’urgence au renforcement des capacités à long "
            "terme, et souligne les risques des projets de court terme menés "
            "pour la visibilité. Il conclut que les opérations médicales "
            "conjointes de stabilisation sont les plus efficaces lorsqu’elles "
            "partent des besoins locaux et s’alignent sur les autorités "
            "sanitaires nationales."
        ),
        "body": [
            "Contexte",
            "<p>Conflits et catastrophes peuvent détruire les centres de santé, "
            "rompre les chaînes d’approvisionnement et faire fuir les soignants. "
            "Les conséquences dépassent de loin les blessures immédiates : les "
            "campagnes de vaccination s’arrêtent, les maladies chroniques ne "
            "sont plus soignées et les épidémies se propagent plus facilement. "
            "Rétablir les services de santé essentiels est donc au cœur de la "
            "stabilisation et du relèvement.</p>"
            "<p>Acteurs de santé civils et militaires abordent cette tâche "
            "différemment. Les services de santé des armées sont conçus pour se "
            "déployer vite et en autonomie ; les acteurs civils privilégient la "
            "continuité, les liens avec les communautés et l’intégration aux "
            "systèmes nationaux. Les deux regards sont nécessaires.</p>",
            "Les formes d’interaction",
            "<ul>"
            "<li><b>Le soutien d’urgence</b> : transport, hôpitaux de campagne "
            "ou logistique pendant la phase aiguë d’une crise.</li>"
            "<li><b>Le partage d’informations</b> sur la surveillance "
            "épidémiologique, l’accès et les conditions de sécurité.</li>"
            "<li><b>Le renforcement des capacités</b>, y compris la formation et "
            "l’appui aux structures de santé locales.</li>"
            "</ul>",
            "Les risques",
            "<p>Les actions médicales ponctuelles menées surtout pour la "
            "visibilité peuvent susciter des attentes impossibles à satisfaire, "
            "détourner soignants et patients des structures locales et brouiller "
            "la frontière entre action humanitaire et action militaire. Elles "
            "peuvent exposer les soignants civils et affaiblir la confiance dans "
            "l’ensemble du système de santé.</p>",
            "Le soutien médical doit renforcer les systèmes de santé locaux, non "
            "s’y substituer.",
            "Recommandations",
            "<p>L’article recommande que les contributions médicales militaires "
            "soient coordonnées avec les autorités sanitaires nationales et les "
            "mécanismes de coordination existants dans le secteur de la santé, "
            "qu’elles se concentrent sur les besoins que les acteurs civils ne "
            "peuvent couvrir et qu’elles prévoient clairement leur passation. "
            "Une formation commune des professionnels de santé civils et "
            "militaires aide chacun à comprendre les normes, l’éthique et les "
            "contraintes de l’autre avant de se retrouver sur le terrain.</p>",
        ],
    },
}

# Courses translated into French, by the English slug; lessons by their slug.
FOUNDATIONS: dict[str, Any] = {
    "title": "Les fondamentaux de l’interaction civilo-militaire",
    "summary": (
        "Une introduction à la rencontre des forces armées et des acteurs civils "
        "dans les crises : la différence entre CMI et CIMIC, les principaux "
        "acteurs, les principes communs et l’approche globale."
    ),
    "description": (
        "<p>Ce module d’introduction pose les idées de base et le vocabulaire de "
        "l’interaction civilo-militaire. Il explique pourquoi les armées et une "
        "grande diversité d’organisations civiles se retrouvent de plus en plus "
        "sur le même terrain, des conflits armés et opérations de paix aux "
        "catastrophes naturelles et aux urgences nationales, et pourquoi cette "
        "relation doit être comprise et organisée plutôt que laissée au "
        "hasard.</p>"
        "<p>Le cours s’adresse aux officiers, aux fonctionnaires, au personnel "
        "des organisations internationales et non gouvernementales et aux "
        "étudiants qui découvrent le domaine. Aucune connaissance préalable "
        "n’est requise. C’est le point de départ conseillé pour les autres cours "
        "du catalogue d’IGN Academy.</p>"
        "<ul>"
        "<li>Expliquer la différence entre l’interaction civilo-militaire (CMI) "
        "et la coopération civilo-militaire (CIMIC).</li>"
        "<li>Identifier les principaux groupes d’acteurs d’un environnement de "
        "crise et décrire leurs mandats, leurs cultures et leurs "
        "contraintes.</li>"
        "<li>Appliquer les principes communément admis d’une interaction "
        "civilo-militaire efficace et responsable.</li>"
        "<li>Décrire l’approche globale et la manière de rechercher l’unité de "
        "but avant, pendant et après une crise.</li>"
        "</ul>"
    ),
    "lessons": {
        "cmi-and-cimic-two-terms-one-relationship": {
            "title": "CMI et CIMIC : deux termes, une seule relation",
            "summary": (
                "Distingue l’interaction civilo-militaire, ensemble large "
                "d’activités partagées, de la CIMIC, fonction interarmées et "
                "capacité d’état-major propres aux forces armées."
            ),
            "body": [
                "Pourquoi le vocabulaire compte",
                "<p>Quiconque travaille à la jonction des forces armées et des "
                "organisations civiles se heurte vite à un vocabulaire "
                "foisonnant : relations civilo-militaires, coopération "
                "civilo-militaire, coordination civilo-militaire, affaires civiles, "
                "interaction civilo-militaire. Ces termes ne sont pas "
                "interchangeables. Chacun reflète le point de vue de l’institution "
                "qui l’emploie et suppose une certaine idée de qui dirige, qui "
                "appuie et quelle proximité la relation doit avoir. Employer le "
                "mauvais mot devant des humanitaires, par exemple, peut laisser "
                "croire que les militaires attendent une coopération là où "
                "l’organisation humanitaire est seulement prête à échanger des "
                "informations de base. Choisir les bons mots est le premier pas "
                "vers une relation de travail.</p>",
                "L’interaction civilo-militaire (CMI)",
                "<p>Dans l’usage de l’OTAN, fixé par la politique militaire "
                "MC 0411/2, l’interaction civilo-militaire désigne l’ensemble des "
                "activités, fondées sur la communication, la planification et la "
                "coordination, que les organismes militaires partagent avec les "
                "acteurs non militaires internationaux et locaux. La CMI "
                "n’appartient à aucune branche en particulier. Chefs, "
                "planificateurs, logisticiens, sapeurs, personnels de santé, "
                "prévôts et chefs de patrouille sont tous en contact avec des "
                "civils, et chacun de ces contacts façonne l’image de la force. La "
                "CMI a un but réciproque : rendre plus efficaces et plus "
                "efficientes les actions des acteurs militaires comme civils pour "
                "prévenir les crises et y répondre. Dans le monde de la recherche "
                "et de la formation, la CMI sert aussi de terme générique neutre, "
                "acceptable pour les acteurs civils parce qu’il ne suppose pas "
                "qu’ils participent à un effort militaire.</p>",
                "La coopération civilo-militaire (CIMIC)",
                "<p>La CIMIC est plus restreinte. À l’OTAN, c’est une fonction "
                "interarmées, servie par un personnel dédié (le bureau J9 au niveau "
                "interarmées) et des unités CIMIC projetables, qui permet au "
                "commandant de prendre une part efficace à la CMI. Le personnel "
                "CIMIC conseille le commandant sur l’environnement civil, organise "
                "la liaison avec les acteurs non militaires et aide à intégrer les "
                "facteurs civils à la planification et à la conduite. L’Union "
                "européenne et de nombreuses armées nationales disposent de "
                "structures comparables, tandis que les États-Unis parlent de "
                "« civil affairs » et d’opérations civilo-militaires. Les "
                "opérations de paix de l’ONU ont leur propre politique UN-CIMIC, "
                "alors que les agences humanitaires emploient la notion distincte "
                "de coordination civilo-militaire humanitaire, traitée dans un "
                "autre cours.</p>",
                "<p>Un moyen simple de garder la distinction en tête :</p>"
                "<ul>"
                "<li>la <b>CMI</b>, c’est ce que fait toute la force, et ce que "
                "font les civils avec elle, chaque fois qu’ils interagissent ;</li>"
                "<li>la <b>CIMIC</b>, c’est la capacité militaire qui planifie, "
                "coordonne et conseille cette interaction pour le compte du "
                "commandant ;</li>"
                "<li>la <b>coordination</b> est un processus : y prendre part ne "
                "signifie pas que les acteurs civils acceptent une direction "
                "militaire.</li>"
                "</ul>",
                "La CIMIC est une fonction militaire ; la CMI est une activité "
                "partagée. Les partenaires civils ne font jamais partie de la "
                "CIMIC, mais toujours de la CMI.",
            ],
        },
        "who-is-in-the-civil-environment": {
            "title": "Qui compose l’environnement civil ?",
            "summary": (
                "Passe en revue les acteurs militaires, gouvernementaux, "
                "internationaux, non gouvernementaux et locaux présents dans une "
                "crise, et les cultures et contraintes de chacun."
            ),
            "body": [
                "Un espace encombré et divers",
                "<p>Les planificateurs militaires parlent parfois « des civils » "
                "comme s’ils formaient un seul groupe. En réalité, l’environnement "
                "civil de toute crise compte des dizaines, voire des centaines "
                "d’organisations aux mandats, moyens, cultures et intérêts "
                "différents, aux côtés d’une population locale elle-même divisée "
                "par la géographie, l’appartenance ethnique, le genre, l’âge, la "
                "classe sociale et les loyautés politiques. Savoir qui sont ces "
                "acteurs, ce qu’ils cherchent à accomplir et comment ils voient les "
                "militaires est une compétence essentielle pour quiconque travaille "
                "dans la CMI.</p>",
                "Les principaux groupes d’acteurs",
                "<p>La plupart des environnements de crise comptent au moins cinq "
                "grands groupes :</p>"
                "<ul>"
                "<li><b>Les acteurs militaires</b> : forces nationales et "
                "multinationales, y compris celles du pays hôte et des États "
                "partenaires, et parfois des groupes armés non étatiques dont la "
                "présence conditionne ce que tous les autres peuvent faire.</li>"
                "<li><b>Les acteurs gouvernementaux</b> : ministères du pays hôte, "
                "autorités régionales et municipales, police et protection civile, "
                "mais aussi ambassades étrangères, agences de développement et "
                "États donateurs.</li>"
                "<li><b>Les organisations internationales</b> : entités de l’ONU "
                "comme le BCAH (OCHA), le HCR, l’UNICEF et le PAM ; organisations "
                "régionales comme l’UE, l’Union africaine et l’OSCE ; et le Comité "
                "international de la Croix-Rouge, qui tient un rôle particulier en "
                "vertu des Conventions de Genève.</li>"
                "<li><b>Les organisations non gouvernementales</b> : ONG "
                "internationales et nationales, organisations confessionnelles et "
                "associations locales, des organismes strictement humanitaires aux "
                "organisations de développement, de défense des droits humains et "
                "de consolidation de la paix.</li>"
                "<li><b>La population locale et la société civile</b> : "
                "responsables communautaires et religieux, associations de femmes "
                "et de jeunes, commerçants, médias, universitaires et secteur "
                "privé, qui fournit souvent l’essentiel des biens et services en "
                "temps de crise.</li>"
                "</ul>",
                "Des cultures et des contraintes différentes",
                "<p>Ces acteurs ne se distinguent pas seulement par leur taille. "
                "Les organisations militaires sont hiérarchiques, planifient en "
                "détail, renouvellent leur personnel tous les quelques mois et "
                "mesurent leurs progrès par rapport à un état final recherché. "
                "Beaucoup d’organisations civiles fonctionnent par consensus, "
                "dépendent de financements volontaires, restent des années ou des "
                "décennies et rendent compte à des conseils d’administration, à des "
                "donateurs et aux communautés touchées plutôt qu’à une chaîne de "
                "commandement. Les organisations humanitaires, en particulier, "
                "doivent préserver leur indépendance et leur neutralité perçue, car "
                "leur accès et la sécurité de leur personnel dépendent de "
                "l’acceptation de toutes les parties. Une demande qui paraît "
                "raisonnable d’un point de vue militaire, comme partager des listes "
                "de bénéficiaires ou voyager dans un convoi militaire, peut leur "
                "être impossible à accepter.</p>",
                "<p>La population locale mérite une attention particulière. Elle "
                "n’est pas seulement destinataire de l’aide : elle est le premier "
                "acteur de son propre relèvement. Les autorités et les communautés "
                "locales réagissent généralement les premières, connaissent le "
                "terrain et restent bien après le départ des acteurs "
                "internationaux. Une CMI efficace traite donc la population locale "
                "en partenaire, avec ses capacités et ses priorités, et non comme "
                "un simple décor des opérations.</p>",
                "Cartographiez les acteurs selon leur mandat, leurs intérêts, leurs "
                "capacités et leur regard sur les militaires, et ne supposez jamais "
                "que « les civils » ont un programme unique.",
            ],
        },
        "principles-for-working-together": {
            "title": "Des principes pour travailler ensemble",
            "summary": (
                "Présente les principes qui reviennent dans les orientations "
                "militaires et civiles sur l’interaction civilo-militaire, et "
                "montre comment ils guident les décisions concrètes."
            ),
            "body": [
                "Pourquoi des principes",
                "<p>L’interaction civilo-militaire se déroule sous pression : les "
                "délais sont courts, l’information incomplète et les malentendus "
                "peuvent avoir de lourdes conséquences. Des principes partagés "
                "offrent aux deux parties une référence commune quand il faut "
                "trancher. Ils sont issus de la doctrine CIMIC de l’OTAN, des "
                "lignes directrices onusiennes et humanitaires et de décennies "
                "d’expérience dans les Balkans, en Afghanistan, en Irak, au Sahel "
                "et lors de grandes catastrophes naturelles. Les textes les "
                "formulent différemment, mais plusieurs idées reviennent "
                "constamment.</p>",
                "Les principes les plus cités",
                "<ul>"
                "<li><b>Compréhension mutuelle et respect des mandats.</b> Chaque "
                "acteur a sa base juridique, ses objectifs et ses limites. Les "
                "respecter, même lorsqu’ils dérangent, fonde la confiance.</li>"
                "<li><b>Transparence et communication.</b> Faire connaître tôt et "
                "honnêtement ses intentions et ses contraintes, dans les limites de "
                "la sécurité des opérations.</li>"
                "<li><b>Des objectifs communs lorsqu’ils existent vraiment.</b> La "
                "coopération est la plus solide là où les objectifs se recoupent ; "
                "elle ne doit pas être forcée ailleurs.</li>"
                "<li><b>Primauté civile pour les tâches civiles.</b> L’appui "
                "militaire doit compléter les capacités civiles, non s’y "
                "substituer, et leur être rendu dès que possible.</li>"
                "<li><b>Ne pas nuire.</b> Se demander si une action peut accroître "
                "les risques pour les civils, les humanitaires ou les partenaires, "
                "ou fausser l’économie et les rapports de pouvoir locaux.</li>"
                "<li><b>Appropriation locale et durabilité.</b> Passer par les "
                "institutions locales et prévoir dès le départ qui entretiendra ce "
                "qui est construit ou lancé.</li>"
                "</ul>",
                "Les principes à l’épreuve du terrain",
                "<p>Imaginons un bataillon qui veut réparer une école endommagée "
                "dans sa zone d’opérations. Appliquer les principes, c’est se poser "
                "plusieurs questions avant tout travail. L’autorité scolaire "
                "a-t-elle demandé que cette école soit prioritaire ? Des ONG ou des "
                "agences de développement prévoient-elles déjà des travaux "
                "semblables ? Qui paiera les enseignants et entretiendra le "
                "bâtiment ? Un projet militaire très visible pourrait-il faire de "
                "l’école, de ses élèves ou de son personnel une cible ? Bien "
                "souvent, la meilleure contribution consiste à assurer la sécurité, "
                "une expertise du génie ou du transport qui permettent aux acteurs "
                "civils compétents d’agir, plutôt qu’à réaliser le projet "
                "soi-même.</p>",
                "<p>Les principes peuvent aussi tirer dans des directions "
                "opposées. La transparence peut se heurter à la sécurité des "
                "opérations ; la rapidité, à l’appropriation locale. La réponse "
                "n’est pas de renoncer à un principe, mais d’assumer explicitement "
                "l’arbitrage, de convenir tôt avec les partenaires de ce qui peut "
                "être partagé ou non, et de consigner les raisons des décisions "
                "pour pouvoir les expliquer ensuite.</p>",
                "Les bonnes intentions ne suffisent pas : une aide militaire qui "
                "contourne les autorités locales ou les mandats civils peut créer "
                "de la dépendance, exposer les partenaires et compromettre la "
                "mission qu’elle devait servir.",
            ],
        },
        "the-comprehensive-approach-unity-of-aim-before-during-and-after-crises": {
            "title": "L’approche globale : l’unité de but avant, pendant et après "
            "les crises",
            "summary": (
                "Explique l’approche globale et la manière dont acteurs militaires "
                "et civils peuvent mener des efforts cohérents sur tout le cycle "
                "de la crise, sans que l’un soit subordonné à l’autre."
            ),
            "body": [
                "De l’unité de commandement à l’unité de but",
                "<p>La doctrine militaire valorise l’unité de commandement, mais "
                "dans un environnement à acteurs multiples, aucune autorité ne "
                "commande tout le monde. L’approche globale répond à cette réalité. "
                "L’OTAN l’a entérinée au sommet de Bucarest en 2008 et dans son "
                "concept stratégique de 2010 ; l’Union européenne parle d’approche "
                "intégrée ; l’ONU a développé les missions intégrées puis, plus "
                "récemment, le nexus humanitaire-développement-paix. Toutes "
                "partagent une idée : une sortie de crise durable suppose que les "
                "efforts politiques, sécuritaires, humanitaires, de développement "
                "et d’État de droit se renforcent mutuellement. L’objectif réaliste "
                "est rarement l’unité de commandement. C’est l’unité de but, ou au "
                "moins une compréhension partagée qui permette aux acteurs de se "
                "coordonner et de se compléter. Certaines organisations "
                "humanitaires resteront délibérément hors de tout cadre commun, et "
                "ce choix doit être respecté.</p>",
                "Avant la crise",
                "<p>Les relations nouées avant une crise valent bien plus que "
                "celles improvisées pendant. La préparation passe par des "
                "formations et des exercices communs avec des participants civils, "
                "la connaissance des dispositifs nationaux de gestion de crise et "
                "de protection civile, et des hypothèses de planification "
                "partagées pour les scénarios probables. Les exigences de base de "
                "l’OTAN en matière de résilience nationale, adoptées en 2016, "
                "montrent à quel point la planification militaire dépend de "
                "systèmes civils : énergie, approvisionnement en eau et en "
                "nourriture, transports, communications et soins. Savoir qui fait "
                "fonctionner ces systèmes, et les rencontrer en temps de paix, "
                "raccourcit les délais de réaction au moment où ils comptent le "
                "plus.</p>",
                "Pendant la crise",
                "<p>Une fois la crise déclenchée, ce sont les mécanismes de "
                "coordination qui portent la relation : centres de coordination "
                "civilo-militaire, officiers de liaison dans les états-majors des "
                "uns et des autres, participation aux instances de coordination "
                "humanitaire en qualité d’observateur, plateformes partagées "
                "d’appréciation de situation. L’accent doit porter sur la "
                "déconfliction, l’échange rapide d’informations et le respect de la "
                "direction assurée par l’autorité civile compétente. L’appui "
                "militaire doit répondre à des besoins identifiés, et non à la "
                "disponibilité de moyens militaires.</p>",
                "Après la crise",
                "<p>C’est souvent lors de la transition que la cohérence se perd. "
                "Les forces se redéploient, les financements changent et les "
                "arrangements provisoires deviennent définitifs par défaut. La "
                "transition doit se préparer tôt, avec des critères clairs pour "
                "transférer les tâches aux autorités civiles, des stratégies de "
                "sortie réalistes et une attention à ce que deviennent les "
                "infrastructures, le personnel et les attentes une fois l’appui "
                "militaire terminé. Tirer les enseignements ensemble, plutôt que "
                "dans des rapports militaires et civils séparés, permet à la "
                "réponse suivante de partir sur de meilleures bases.</p>",
                "L’approche globale ne demande pas aux civils de travailler pour "
                "les militaires ; elle demande à tous les acteurs de se comprendre "
                "assez pour que leurs efforts se renforcent au lieu de se "
                "contrarier.",
            ],
        },
    },
    "quiz": {
        "title": "Test de connaissances",
        "intro": (
            "<p>Dix questions sur l’ensemble du cours : le vocabulaire de la CMI "
            "et de la CIMIC, les principes humanitaires et les lignes directrices "
            "sur l’emploi des moyens militaires. Vous pouvez le repasser autant "
            "de fois que vous le souhaitez ; votre meilleur résultat est retenu, "
            "et il faut 70 % pour réussir.</p>"
        ),
    },
}

DOCTRINE: dict[str, Any] = {
    "title": "La doctrine CIMIC de l’OTAN : l’AJP-3.19 en pratique",
    "summary": (
        "Un parcours concret de la doctrine interarmées alliée pour la "
        "coopération civilo-militaire, de ses trois fonctions essentielles et "
        "de la façon dont les facteurs civils sont évalués et intégrés à la "
        "planification opérationnelle."
    ),
    "description": (
        "<p>Ce module de niveau intermédiaire examine comment l’OTAN organise "
        "la coopération civilo-militaire, en prenant pour référence l’AJP-3.19, "
        "doctrine interarmées alliée pour la coopération civilo-militaire. Il "
        "dépasse les définitions pour montrer comment le personnel et les unités "
        "CIMIC travaillent en état-major et sur le terrain, et comment leurs "
        "travaux éclairent les décisions du commandant.</p>"
        "<p>Le cours s’adresse aux officiers et sous-officiers affectés à des "
        "postes CIMIC ou J9, aux officiers d’état-major d’autres bureaux qui "
        "doivent comprendre l’apport de la CIMIC, et aux partenaires civils qui "
        "veulent savoir comment les forces de l’OTAN sont susceptibles de les "
        "aborder. Il est conseillé d’avoir d’abord suivi « Les fondamentaux de "
        "l’interaction civilo-militaire ».</p>"
        "<ul>"
        "<li>Situer l’AJP-3.19 dans le cadre politique et doctrinal de l’OTAN "
        "pour la CIMIC et la CMI.</li>"
        "<li>Décrire les trois fonctions essentielles de la CIMIC et donner des "
        "exemples concrets de chacune.</li>"
        "<li>Expliquer l’apport de la CIMIC à chaque étape du processus de "
        "planification des opérations.</li>"
        "<li>Présenter la structure et l’objet d’une évaluation des facteurs "
        "civils.</li>"
        "</ul>"
    ),
    "lessons": {
        "ajp-319-and-the-cimic-joint-function": {
            "title": "L’AJP-3.19 et la fonction interarmées CIMIC",
            "summary": (
                "Situe l’AJP-3.19 dans le cadre politique et doctrinal de l’OTAN "
                "et explique ce que signifie traiter la CIMIC comme une fonction "
                "interarmées."
            ),
            "body": [
                "Le cadre politique et doctrinal",
                "<p>L’approche de l’OTAN en matière de coopération "
                "civilo-militaire repose sur plusieurs niveaux de documents. Au "
                "sommet, la politique militaire MC 0411/2 définit la coopération "
                "et l’interaction civilo-militaires et fixe les responsabilités "
                "des commandants. En dessous, l’AJP-3.19, doctrine interarmées "
                "alliée pour la coopération civilo-militaire, dont l’édition en "
                "vigueur a été promulguée en 2018, explique comment planifier et "
                "conduire la CIMIC dans les opérations de l’Alliance. Les "
                "publications tactiques, les doctrines nationales et les manuels "
                "pratiques, notamment le CIMIC Field Handbook tenu à jour par le "
                "Centre d’excellence CIMIC (CCOE) de La Haye, traduisent ces "
                "principes en procédures et en listes de contrôle. La doctrine "
                "étant révisée périodiquement, les praticiens doivent toujours "
                "vérifier quelle édition est en vigueur.</p>",
                "Ce qu’est une fonction interarmées",
                "<p>La doctrine de l’OTAN regroupe les activités militaires en "
                "fonctions interarmées : manœuvre, feux, commandement et contrôle, "
                "renseignement, soutien, protection de la force, information et "
                "CIMIC. Qualifier la CIMIC de fonction interarmées signifie qu’il "
                "ne s’agit ni d’un supplément facultatif ni d’un outil de "
                "relations publiques. C’est un ensemble de capacités dont le "
                "commandant a besoin pour remplir sa mission dans un "
                "environnement où les civils, les organisations civiles et les "
                "infrastructures civiles sont toujours présents. La fonction "
                "CIMIC irrigue tout l’état-major au lieu d’être cantonnée à un "
                "seul bureau.</p>",
                "L’organisation en pratique",
                "<p>Au niveau interarmées, le bureau CIMIC de l’état-major est "
                "généralement désigné J9 ; au niveau des composantes, il devient "
                "G9 pour les forces terrestres, avec des équivalents dans les "
                "états-majors maritimes et aériens. Il comprend habituellement des "
                "planificateurs, des analystes et des coordinateurs de liaison. "
                "Sous l’état-major, des unités et équipes CIMIC sont déployées "
                "pour travailler directement avec les autorités locales, les "
                "communautés et les organisations civiles, souvent depuis un "
                "centre CIMIC ou un centre de coordination civilo-militaire. "
                "Plusieurs nations entretiennent des unités CIMIC dédiées, et des "
                "formations multinationales comme le Multinational CIMIC Group "
                "fournissent une capacité projetable. Le personnel CIMIC dépend "
                "aussi largement des autres bureaux : le renseignement pour les "
                "menaces, le génie pour l’expertise des infrastructures, le "
                "service de santé pour les données sanitaires et les conseillers "
                "juridiques pour les questions de droit international.</p>",
                "<p>C’est le commandant, et non le J9, qui porte l’interaction "
                "civilo-militaire. Le rôle du personnel CIMIC est de le conseiller "
                "sur l’environnement civil et ses conséquences, de gérer "
                "l’interface avec les acteurs non militaires et de veiller à ce "
                "que les facteurs civils soient présents dans chaque discussion de "
                "planification. Un état-major où les questions civiles ne sont "
                "soulevées que par la CIMIC, et seulement en fin de briefing, n’a "
                "pas encore intégré la fonction.</p>",
                "La CIMIC est une fonction interarmées portée par le commandant et "
                "conseillée par le J9 ; sa valeur dépend de la manière dont les "
                "facteurs civils irriguent le travail de tous les autres bureaux.",
            ],
        },
        "core-function-one-civil-military-liaison": {
            "title": "Première fonction essentielle : la liaison civilo-militaire",
            "summary": (
                "Explique l’objet de la liaison civilo-militaire, les structures "
                "qui la soutiennent et les habitudes qui la rendent efficace."
            ),
            "body": [
                "Le socle des autres fonctions",
                "<p>L’AJP-3.19 décrit trois fonctions essentielles de la CIMIC : "
                "la liaison civilo-militaire, le soutien à la force, et le soutien "
                "aux acteurs non militaires et à l’environnement civil. La liaison "
                "vient en premier, car les deux autres en dépendent. Sans contacts "
                "réguliers et structurés avec les acteurs civils concernés, une "
                "force ne peut ni comprendre l’environnement civil, ni "
                "déconflicter ses activités avec celles des autres, ni savoir où "
                "un soutien est nécessaire, ou nuisible. La liaison est le moyen "
                "par lequel l’intention du commandant est expliquée aux "
                "partenaires civils et par lequel leurs préoccupations lui "
                "parviennent.</p>",
                "Les structures de liaison",
                "<p>La liaison s’organise délibérément ; elle n’est pas laissée "
                "aux rencontres fortuites. On y trouve généralement :</p>"
                "<ul>"
                "<li>une <b>architecture de liaison</b> qui recense les acteurs "
                "civils qui comptent à chaque niveau, des ministères nationaux et "
                "des équipes de pays de l’ONU jusqu’aux responsables de district "
                "et aux conseils communautaires, et attribue la responsabilité de "
                "chaque relation ;</li>"
                "<li>des <b>officiers de liaison</b> échangés avec les principaux "
                "partenaires ou présents à leurs instances de coordination, en "
                "qualité d’observateurs lorsque les organisations humanitaires le "
                "préfèrent ;</li>"
                "<li>des <b>centres de coordination civilo-militaire</b>, parfois "
                "appelés centres CIMIC ou centres d’opérations civilo-militaires, "
                "où les acteurs civils peuvent rencontrer le personnel militaire, "
                "soulever des questions et obtenir des informations sans entrer "
                "dans un état-major ;</li>"
                "<li>un <b>répertoire des contacts</b> et des comptes rendus de "
                "réunion, tenus à jour pour que les relations survivent à la "
                "relève du personnel.</li>"
                "</ul>",
                "Une liaison réussie",
                "<p>Une liaison efficace fonctionne dans les deux sens. Les "
                "acteurs civils se désintéressent vite des réunions où les "
                "militaires recueillent des informations sans rien donner en "
                "retour. Partager des informations non classifiées sur la "
                "situation sécuritaire, l’état des itinéraires, les mouvements "
                "prévus susceptibles de toucher les civils ou l’emplacement de "
                "munitions non explosées donne aux partenaires une raison de "
                "s’engager. Le personnel de liaison doit connaître les limites de "
                "son autorité, éviter les promesses qu’il ne peut tenir et rendre "
                "compte fidèlement de ce qu’il a entendu, y compris les critiques "
                "adressées à la force.</p>",
                "<p>La liaison exige aussi d’être attentif à la position de "
                "chaque partenaire. Un maire peut apprécier un contact visible "
                "avec la force ; une ONG humanitaire peut préférer des réunions "
                "hors des emprises militaires et sans visite en uniforme dans ses "
                "locaux. Adapter la forme de la liaison aux besoins du partenaire "
                "fait partie du métier et décide souvent si la relation survivra "
                "à une période difficile.</p>",
                "Une liaison qui ne fait que prélever des informations ne dure "
                "pas : offrez en retour des informations utiles et respectez la "
                "manière dont chaque partenaire souhaite conduire la relation.",
            ],
        },
        "core-functions-two-and-three-support-to-the-force-and-to-the-civil-environment": {
            "title": "Deuxième et troisième fonctions essentielles : le soutien à "
            "la force et à l’environnement civil",
            "summary": (
                "Décrit comment la CIMIC soutient la mission militaire, et quand "
                "et comment elle soutient les acteurs non militaires et "
                "l’environnement civil."
            ),
            "body": [
                "Le soutien à la force",
                "<p>La deuxième fonction essentielle concerne la force elle-même. "
                "Les opérations militaires dépendent de l’environnement civil de "
                "bien des façons : ports, aérodromes, routes, carburant, eau, "
                "main-d’œuvre, hébergement et tolérance de la population locale. "
                "Le personnel CIMIC aide le commandant à comprendre et à gérer ces "
                "dépendances. Concrètement, il peut s’agir de recenser les "
                "ressources civiles dans le cadre du soutien de la nation hôte, "
                "de signaler où des mouvements civils, comme ceux de personnes "
                "déplacées, risquent de croiser les itinéraires militaires, et "
                "d’anticiper les effets de l’activité militaire sur la vie locale "
                "pour limiter les frictions. Il s’agit aussi d’alimenter la "
                "situation opérationnelle commune en informations sur la situation "
                "civile, afin que tous les bureaux planifient avec une "
                "compréhension exacte de l’environnement.</p>",
                "<p>Le soutien à la force consiste aussi à préserver sa "
                "légitimité. Une unité qui abîme des terres agricoles, bloque des "
                "marchés ou ignore les coutumes locales suscite une hostilité qui "
                "peut devenir un problème de sécurité. Les conseils CIMIC sur ces "
                "questions contribuent autant à la protection de la force que "
                "n’importe quelle mesure physique.</p>",
                "Le soutien aux acteurs non militaires et à l’environnement civil",
                "<p>La troisième fonction essentielle couvre le soutien que la "
                "force apporte aux acteurs civils : autorités locales, "
                "organisations internationales et, le cas échéant, population. La "
                "doctrine de l’OTAN l’encadre avec soin. Ce soutien est fourni "
                "lorsqu’il contribue à la mission, lorsque les acteurs civils le "
                "demandent ou ne peuvent couvrir eux-mêmes un besoin vital, et "
                "dans la limite des moyens et des capacités de la force. Il doit "
                "permettre aux acteurs civils de remplir leur propre mandat, non "
                "s’y substituer. Exemples : assurer la sécurité d’un processus "
                "conduit par des civils, mettre à disposition l’expertise du génie "
                "pour évaluer des infrastructures endommagées, appuyer le "
                "rétablissement des services essentiels jusqu’au retour des "
                "capacités civiles, ou offrir un soutien logistique lors d’une "
                "catastrophe lorsqu’aucune solution civile n’existe.</p>",
                "Points de vigilance",
                "<p>L’expérience de l’Afghanistan et d’ailleurs montre les risques "
                "de l’aide utilisée comme outil pour gagner des soutiens. De petits "
                "projets réalisés rapidement par des unités militaires, parfois "
                "appelés projets à impact rapide, peuvent créer de la bonne "
                "volonté ; mais des projets mal choisis peuvent faire doublon avec "
                "des programmes civils, favoriser certains notables locaux, "
                "susciter des attentes intenables ou brouiller la distinction "
                "entre action militaire et action humanitaire. Lorsque le soutien "
                "touche à l’action humanitaire, les lignes directrices de l’ONU "
                "sur l’emploi des moyens militaires, étudiées dans le cours "
                "UN-CMCoord, doivent guider ce qui est proposé et la manière de le "
                "faire.</p>",
                "Le soutien aux acteurs civils doit les rendre capables d’agir, "
                "répondre à des besoins réels et exprimés, et avoir un terme "
                "clair ; il ne remplace pas les capacités civiles et ne sert pas à "
                "acheter le consentement.",
            ],
        },
        "cimic-in-the-planning-process-and-the-civil-factor-assessment": {
            "title": "La CIMIC dans le processus de planification et "
            "l’évaluation des facteurs civils",
            "summary": (
                "Montre comment le personnel CIMIC contribue à la planification "
                "opérationnelle de l’OTAN et comment une évaluation des facteurs "
                "civils est construite et utilisée."
            ),
            "body": [
                "Les facteurs civils dans la planification",
                "<p>La planification opérationnelle de l’OTAN suit la directive "
                "de planification globale des opérations (COPD), qui va de "
                "l’appréciation initiale de la situation à l’analyse de "
                "l’environnement stratégique, à l’analyse de la mission et à "
                "l’élaboration des modes d’action, puis à l’élaboration du plan, à "
                "l’exécution et à la transition. Le personnel CIMIC intervient à "
                "chaque étape. Au début, il aide à comprendre l’environnement "
                "civil et à identifier les acteurs civils dont les mandats et les "
                "activités doivent être pris en compte. Pendant l’analyse de la "
                "mission, il relève les facteurs civils susceptibles de "
                "contraindre ou de faciliter l’opération : mouvements de "
                "population, services essentiels fragiles, sites protégés. Lors "
                "de la comparaison des modes d’action, il évalue les effets "
                "probables de chaque option sur les civils et les organisations "
                "civiles. Pendant l’élaboration du plan, il rédige l’annexe CIMIC "
                "et veille à ce que les facteurs civils figurent dans le corps du "
                "plan, et pas seulement en annexe.</p>",
                "L’évaluation des facteurs civils",
                "<p>Le principal produit de planification CIMIC est une "
                "évaluation de l’environnement civil, souvent appelée évaluation "
                "des facteurs civils ou évaluation civile. Elle s’appuie sur des "
                "sources ouvertes, des rapports d’organisations civiles, des "
                "données de la nation hôte, les contacts de liaison et les comptes "
                "rendus militaires, et elle alimente la préparation globale de "
                "l’environnement opérationnel. De nombreux états-majors la "
                "structurent selon des grilles éprouvées :</p>"
                "<ul>"
                "<li><b>PMESII</b> (systèmes politique, militaire, économique, "
                "social, d’infrastructure et d’information), pour décrire "
                "l’environnement comme un ensemble de systèmes liés ;</li>"
                "<li><b>ASCOPE</b> (zones, structures, capacités, organisations, "
                "personnes et événements), pour saisir les facteurs civils d’une "
                "zone géographique donnée ;</li>"
                "<li>des thèmes transversaux comme la protection des civils, les "
                "enfants et les conflits armés, les femmes, la paix et la "
                "sécurité, la protection des biens culturels et l’intégrité.</li>"
                "</ul>",
                "De l’évaluation à l’action",
                "<p>Une évaluation n’est utile que si elle change les décisions. "
                "Une bonne évaluation dit clairement ce que les facteurs civils "
                "impliquent pour l’opération : quels itinéraires éviter les jours "
                "de marché, quels sites inscrire sur les listes de zones à accès "
                "restreint ou d’interdiction de frappe, où des déplacements sont "
                "probables et quels acteurs civils y répondront. Elle recense "
                "aussi les lacunes d’information et attribue des tâches de "
                "recueil. Pendant l’exécution, le personnel CIMIC tient "
                "l’évaluation à jour, suit les indicateurs d’évolution de la "
                "situation civile et les intègre à l’évaluation opérationnelle, "
                "pour que le commandant puisse juger si l’opération produit les "
                "effets voulus et évite les effets non désirés.</p>",
                "Une évaluation des facteurs civils doit répondre à la question "
                "« et alors, pour l’opération ? » ; elle se tient à jour pendant "
                "toute l’exécution au lieu d’être classée après la planification.",
            ],
        },
    },
}

CMCOORD: dict[str, Any] = {
    "title": "La coordination civilo-militaire humanitaire des Nations unies "
    "(UN-CMCoord)",
    "summary": (
        "Comment organisations humanitaires et forces armées interagissent selon "
        "les orientations de l’ONU : les principes humanitaires, les directives "
        "d’Oslo et MCDA, le principe du dernier recours et l’éventail de la "
        "coordination."
    ),
    "description": (
        "<p>La coordination civilo-militaire humanitaire, appelée UN-CMCoord dans "
        "le système des Nations unies, est le dialogue et l’interaction entre "
        "acteurs humanitaires civils et acteurs militaires nécessaires pour "
        "protéger et promouvoir les principes humanitaires, éviter la "
        "concurrence, réduire les incohérences et, le cas échéant, poursuivre des "
        "objectifs communs. Ce module de niveau intermédiaire explique la logique "
        "de la position humanitaire et les lignes directrices qui la "
        "façonnent.</p>"
        "<p>Le cours s’adresse aux militaires appelés à être déployés aux côtés "
        "d’organisations humanitaires, au personnel humanitaire amené à dialoguer "
        "avec des forces armées et aux fonctionnaires qui demandent ou proposent "
        "des moyens militaires en situation d’urgence. Il prolonge « Les "
        "fondamentaux de l’interaction civilo-militaire ».</p>"
        "<ul>"
        "<li>Expliquer les quatre principes humanitaires et pourquoi ils "
        "déterminent la relation des humanitaires avec les forces armées.</li>"
        "<li>Identifier les principales lignes directrices de l’ONU et de l’IASC "
        "sur l’emploi des moyens militaires et de protection civile.</li>"
        "<li>Appliquer les critères du dernier recours aux demandes d’appui "
        "militaire.</li>"
        "<li>Décrire l’éventail de la coordination, de la coexistence à la "
        "coopération, et le rôle des officiers UN-CMCoord.</li>"
        "</ul>"
    ),
    "lessons": {
        "the-humanitarian-principles-and-why-they-matter": {
            "title": "Les principes humanitaires et pourquoi ils comptent",
            "summary": (
                "Explique l’humanité, la neutralité, l’impartialité et "
                "l’indépendance, et comment elles déterminent la relation des "
                "acteurs humanitaires avec les forces armées."
            ),
            "body": [
                "L’origine des principes",
                "<p>Les principes humanitaires trouvent leur origine dans le "
                "Mouvement international de la Croix-Rouge et du Croissant-Rouge. "
                "Ils ont été consacrés pour le système des Nations unies par la "
                "résolution 46/182 de l’Assemblée générale en 1991, qui a aussi "
                "créé les dispositifs de coordination devenus depuis le Bureau de "
                "la coordination des affaires humanitaires (BCAH, ou OCHA en "
                "anglais). La résolution 58/114 de 2003 a ajouté l’indépendance "
                "aux trois principes d’origine. Ensemble, ils forment l’identité "
                "professionnelle de l’action humanitaire et se retrouvent dans les "
                "codes de conduite de nombreuses organisations.</p>",
                {
                    "text": "L’assistance humanitaire doit être fournie "
                    "conformément aux principes d’humanité, de neutralité et "
                    "d’impartialité.",
                    "attribution": "Résolution 46/182 de l’Assemblée générale des "
                    "Nations unies (1991), annexe, principe directeur 2",
                },
                "Les quatre principes",
                "<ul>"
                "<li><b>Humanité</b> : la souffrance humaine doit être soulagée "
                "partout où elle se trouve, pour protéger la vie et la santé et "
                "faire respecter la personne humaine.</li>"
                "<li><b>Neutralité</b> : les acteurs humanitaires ne doivent pas "
                "prendre parti dans les hostilités ni s’engager dans des "
                "controverses d’ordre politique, racial, religieux ou "
                "idéologique.</li>"
                "<li><b>Impartialité</b> : l’aide doit être fondée sur les seuls "
                "besoins, en donnant la priorité aux cas les plus urgents, sans "
                "distinction de nationalité, de race, de genre, de religion, de "
                "classe ou d’opinion politique.</li>"
                "<li><b>Indépendance</b> : l’action humanitaire doit rester "
                "autonome par rapport aux objectifs politiques, économiques, "
                "militaires ou autres que tout acteur peut poursuivre là où l’aide "
                "est apportée.</li>"
                "</ul>",
                "Pourquoi ils comptent en pratique",
                "<p>Pour un public militaire, les principes peuvent sembler "
                "abstraits, voire gênants. En pratique, ce sont des outils "
                "opérationnels. Les organisations humanitaires disposent rarement "
                "d’une protection armée ; leur sécurité dépend surtout de leur "
                "acceptation par les communautés et par toutes les parties au "
                "conflit. Si une organisation est perçue comme alignée sur un camp, "
                "par exemple parce qu’elle circule sous escorte militaire, partage "
                "des informations avec une force ou distribue l’aide aux côtés de "
                "soldats, elle peut perdre l’accès aux populations des zones "
                "tenues par l’autre camp, et son personnel peut être attaqué. Les "
                "principes protègent non seulement l’organisation, mais aussi les "
                "personnes touchées qui dépendent d’elle.</p>",
                "<p>La perception compte autant que la réalité. Une force peut "
                "n’avoir aucune intention d’utiliser l’aide à des fins militaires ; "
                "mais si des personnels en uniforme distribuent des secours dans la "
                "même zone que les agences humanitaires, la population risque de "
                "ne pas faire la différence. C’est pourquoi les humanitaires "
                "tiennent à une distinction visible entre activités militaires et "
                "humanitaires, et pourquoi ils peuvent décliner des offres d’appui "
                "militaire qui paraissent généreuses et pratiques. Comprendre ce "
                "raisonnement est le point de départ d’une coordination "
                "constructive.</p>",
                "Pour les acteurs humanitaires, les principes ne sont pas une "
                "position politique mais une condition de l’accès et de la "
                "sécurité du personnel ; les respecter est souvent ce qu’une force "
                "militaire peut faire de plus utile.",
            ],
        },
        "the-guidelines-oslo-mcda-and-related-guidance": {
            "title": "Les lignes directrices : Oslo, MCDA et textes connexes",
            "summary": (
                "Présente les principales lignes directrices de l’ONU et de "
                "l’IASC sur l’emploi des moyens militaires et de protection civile "
                "lors des catastrophes et des urgences complexes."
            ),
            "body": [
                "Un ensemble de lignes directrices non contraignantes",
                "<p>La coordination civilo-militaire humanitaire est encadrée par "
                "un ensemble de lignes directrices élaborées au sein de l’ONU et "
                "du Comité permanent interorganisations (IASC), principale "
                "instance de coordination des politiques humanitaires entre "
                "organisations onusiennes et non onusiennes. Ces lignes "
                "directrices ne sont pas des traités contraignants, mais elles "
                "traduisent un large consensus entre États, agences de l’ONU et "
                "organisations humanitaires, et sont largement citées dans les "
                "doctrines militaires, dont celle de l’OTAN.</p>",
                "Les textes clés",
                "<ul>"
                "<li><b>Les directives d’Oslo</b>, officiellement Directives sur "
                "l’utilisation des ressources militaires et de la protection "
                "civile étrangères dans le cadre des opérations de secours en cas "
                "de catastrophe, publiées en 1994 et mises à jour en 2006 et 2007. "
                "Elles s’appliquent aux urgences naturelles, technologiques et "
                "environnementales en temps de paix.</li>"
                "<li><b>Les directives MCDA</b>, sur l’emploi des moyens "
                "militaires et de protection civile à l’appui des activités "
                "humanitaires de l’ONU dans les urgences complexes, publiées en "
                "2003 et révisées en 2006. Elles s’appliquent en cas de conflit "
                "armé ou de grave instabilité politique.</li>"
                "<li><b>Le document de référence de l’IASC sur les relations "
                "civilo-militaires dans les urgences complexes</b> (2004), qui "
                "expose les principes et les notions sur lesquels repose la "
                "coordination en situation de conflit.</li>"
                "<li><b>Les lignes directrices non contraignantes de l’IASC sur "
                "le recours aux escortes armées pour les convois humanitaires</b> "
                "(2013), qui font de l’escorte armée une mesure exceptionnelle "
                "soumise à des critères stricts.</li>"
                "<li><b>Les orientations propres à chaque pays</b>, élaborées par "
                "les équipes humanitaires de pays pour appliquer ces principes à "
                "un contexte donné.</li>"
                "</ul>",
                "Les notions clés",
                "<p>Plusieurs idées traversent tous ces textes. Les moyens "
                "militaires étrangers ne doivent être demandés qu’en l’absence "
                "d’alternative civile comparable et seulement pour répondre à un "
                "besoin humanitaire vital. Leur emploi doit être limité dans le "
                "temps et en ampleur, avec une stratégie de sortie claire. Les "
                "opérations humanitaires qui y recourent doivent conserver leur "
                "nature et leur caractère civils, et les moyens doivent rester "
                "sous coordination civile d’ensemble, même si leur commandement "
                "militaire demeure à l’État qui les fournit. En cas de "
                "catastrophe, les directives d’Oslo précisent aussi que cette "
                "assistance doit en principe être fournie gratuitement à l’État "
                "touché.</p>",
                "<p>Les lignes directrices distinguent également trois types "
                "d’appui. L’<b>assistance directe</b> est la distribution en main "
                "propre de biens et de services aux personnes touchées. "
                "L’<b>assistance indirecte</b> se situe au moins à un degré de "
                "distance, comme le transport de secours ou de personnel. Le "
                "<b>soutien aux infrastructures</b> recouvre des services généraux "
                "(réfection de routes, gestion de l’espace aérien, production "
                "d’électricité) qui profitent à la population sans apparaître comme "
                "une aide destinée à un groupe particulier. Dans les urgences "
                "complexes, les moyens militaires doivent en général se limiter à "
                "l’assistance indirecte et au soutien aux infrastructures, afin "
                "que la distinction entre rôles militaires et humanitaires reste "
                "visible.</p>",
                "Les directives d’Oslo s’appliquent aux catastrophes en temps de "
                "paix, les directives MCDA aux urgences complexes ; toutes deux "
                "font des moyens militaires un complément des capacités civiles, "
                "jamais un substitut.",
            ],
        },
        "last-resort-and-the-use-of-military-assets": {
            "title": "Le dernier recours et l’emploi des moyens militaires",
            "summary": (
                "Examine le principe du dernier recours et la manière d’évaluer "
                "et de traiter les demandes d’appui militaire aux opérations "
                "humanitaires."
            ),
            "body": [
                "Ce que signifie le dernier recours",
                "<p>Le dernier recours est la notion la plus souvent citée, et la "
                "plus souvent mal comprise, de la coordination civilo-militaire "
                "humanitaire. Il ne signifie pas que les moyens militaires ne "
                "peuvent être employés qu’une fois tout le reste épuisé, quand des "
                "personnes meurent déjà. Il signifie que les moyens militaires ne "
                "doivent être employés que lorsque les moyens civils ne peuvent "
                "répondre à un besoin humanitaire vital dans les délais, au lieu "
                "ou à l’échelle requis. Selon les termes des lignes directrices, "
                "le moyen militaire doit être unique par sa capacité et sa "
                "disponibilité. Si un hélicoptère commercial peut être affrété "
                "dans les délais nécessaires, il doit être préféré à un "
                "hélicoptère militaire, même si l’option militaire est plus rapide "
                "à organiser.</p>",
                "Évaluer une demande",
                "<p>Lorsqu’une organisation humanitaire ou un coordinateur "
                "envisage de demander un appui militaire, ou lorsqu’une force "
                "militaire le propose, plusieurs questions doivent trouver "
                "réponse :</p>"
                "<ol>"
                "<li>Existe-t-il un besoin vital, dont dépendent des vies, qui "
                "n’est pas couvert ?</li>"
                "<li>Les alternatives civiles, y compris commerciales, ont-elles "
                "été étudiées et jugées insuffisantes ?</li>"
                "<li>L’appui peut-il prendre la forme d’une assistance indirecte "
                "ou d’un soutien aux infrastructures plutôt que d’une assistance "
                "directe ?</li>"
                "<li>Le recours aux moyens militaires modifiera-t-il la perception "
                "des acteurs humanitaires, leur accès ou la sécurité de leur "
                "personnel et des bénéficiaires ?</li>"
                "<li>L’appui est-il limité dans le temps et en ampleur, avec un "
                "plan clair de relève par des moyens civils ?</li>"
                "</ol>",
                "Le traitement des demandes",
                "<p>Dans les réponses conduites par l’ONU, les demandes d’appui "
                "militaire passent normalement par le système de coordination "
                "humanitaire plutôt que d’être formulées bilatéralement par chaque "
                "agence. Le coordonnateur humanitaire ou le coordonnateur résident, "
                "conseillé par les spécialistes de la coordination "
                "civilo-militaire du BCAH, décide si l’appui militaire est "
                "approprié. En cas de catastrophe, l’État touché doit demander "
                "l’assistance militaire étrangère ou y consentir, et les autorités "
                "nationales restent responsables de la coordination de la réponse. "
                "Des plateformes de coordination, comme un centre de coordination "
                "des opérations humanitaires et militaires, peuvent être créées "
                "pour faire correspondre les demandes validées et les capacités "
                "militaires disponibles.</p>",
                "<p>Le contexte change la réponse. Après un séisme soudain dans un "
                "pays stable, le transport aérien, le génie et les capacités "
                "médicales militaires sont souvent acceptés rapidement, car le "
                "risque pour la neutralité humanitaire est faible. Dans un conflit "
                "actif où les mêmes forces sont parties aux hostilités, le seuil "
                "est bien plus élevé, et escortes ou visibilité commune peuvent "
                "être refusées même lorsqu’elles seraient commodes sur le plan "
                "logistique.</p>",
                "Le dernier recours tient à l’absence d’alternative civile "
                "comparable pour un besoin vital, non à la rapidité ou à la "
                "commodité de l’option militaire.",
            ],
        },
        "the-coordination-spectrum-and-the-un-cmcoord-function": {
            "title": "L’éventail de la coordination et la fonction UN-CMCoord",
            "summary": (
                "Décrit l’éventail qui va de la coexistence à la coopération et la "
                "manière dont les officiers UN-CMCoord soutiennent le dialogue "
                "entre acteurs humanitaires et militaires."
            ),
            "body": [
                "De la coexistence à la coopération",
                "<p>La relation entre acteurs humanitaires et militaires n’est "
                "pas figée ; elle se situe quelque part sur un éventail qui dépend "
                "du contexte et du rôle des forces militaires en présence. À une "
                "extrémité se trouve la <b>coopération</b>, typique des "
                "catastrophes en temps de paix, lorsque le gouvernement touché "
                "demande un appui militaire étranger et que les forces armées ne "
                "sont parties à aucun conflit. Planification commune, logistique "
                "partagée et échanges d’informations étroits y sont courants. À "
                "l’autre extrémité se trouve la <b>coexistence</b>, typique des "
                "conflits armés, lorsque les forces militaires sont belligérantes "
                "ou perçues comme alignées sur un camp. Il s’agit alors de limiter "
                "la concurrence, d’éviter les incidents et de préserver la "
                "distinction entre action humanitaire et action militaire. La "
                "coordination, responsabilité partagée facilitée par la liaison et "
                "la formation commune, s’étend sur tout l’éventail.</p>",
                "Un dialogue indispensable dans tous les contextes",
                "<p>Même du côté de la coexistence, une certaine interaction est "
                "nécessaire. Le manuel de terrain UN-CMCoord, publié par le BCAH, "
                "met en avant quelques éléments de base valables partout :</p>"
                "<ul>"
                "<li>le <b>partage d’informations</b> sur les conditions de "
                "sécurité, les emplacements et mouvements humanitaires et les "
                "activités militaires susceptibles de toucher les civils ;</li>"
                "<li>la <b>déconfliction</b>, notamment par des systèmes de "
                "notification humanitaire qui signalent aux parties "
                "l’emplacement des installations et des convois humanitaires pour "
                "qu’ils ne soient pas attaqués ;</li>"
                "<li>la <b>répartition des tâches et la planification</b>, le cas "
                "échéant, pour que les efforts ne se chevauchent pas et ne laissent "
                "pas de lacunes ;</li>"
                "<li>le <b>plaidoyer humanitaire</b> auprès des acteurs "
                "militaires en faveur de la protection des civils et du respect du "
                "droit international humanitaire.</li>"
                "</ul>",
                "La fonction UN-CMCoord",
                "<p>Le BCAH déploie des officiers de coordination "
                "civilo-militaire auprès des coordonnateurs humanitaires et des "
                "équipes de pays. Ils établissent et entretiennent le dialogue "
                "avec les forces armées et les autres acteurs armés, conseillent "
                "sur l’emploi des moyens militaires, aident à élaborer les "
                "orientations propres au pays et forment les personnels "
                "humanitaires comme militaires. Lors des catastrophes, ils peuvent "
                "animer ou appuyer une plateforme de coordination "
                "humanitaire-militaire ; dans les conflits, ils sont souvent le "
                "canal unique par lequel les préoccupations humanitaires sont "
                "portées auprès des forces armées, ce qui évite aux agences d’être "
                "vues en contact direct avec elles.</p>",
                "<p>Pour les militaires, la leçon pratique est de repérer tôt le "
                "point focal UN-CMCoord, de comprendre où se situe le contexte sur "
                "l’éventail et d’ajuster ses attentes en conséquence. Proposer un "
                "appui que les organisations humanitaires devront décliner "
                "publiquement abîme la relation ; demander quelles informations ou "
                "quels dispositifs de déconfliction les aideraient la renforce "
                "généralement.</p>",
                "Plus les militaires sont proches du conflit, plus la relation "
                "tend vers la coexistence ; le dialogue ne s’arrête jamais, mais "
                "son objet passe de travailler ensemble à se tenir à bonne "
                "distance, en sécurité.",
            ],
        },
    },
}

HERITAGE: dict[str, Any] = {
    "title": "La protection des biens culturels dans les opérations militaires",
    "summary": (
        "Pourquoi et comment les forces armées protègent le patrimoine culturel : "
        "la Convention de La Haye de 1954 et ses protocoles, le réseau du "
        "Bouclier bleu, la protection des biens culturels dans la planification "
        "et le ciblage, et la lutte contre le pillage et le trafic."
    ),
    "description": (
        "<p>Le patrimoine culturel est souvent endommagé, détruit ou pillé "
        "pendant les conflits armés, parfois comme dommage collatéral, parfois "
        "dans une stratégie délibérée d’effacement de l’identité d’une "
        "communauté. Ce module de niveau intermédiaire explique les obligations "
        "juridiques des forces armées en matière de protection des biens "
        "culturels (PBC) et leur mise en œuvre dans la planification, le "
        "ciblage, la stabilisation et la coopération civilo-militaire.</p>"
        "<p>Le cours s’adresse aux planificateurs, aux spécialistes du ciblage, "
        "aux conseillers juridiques, au personnel CIMIC et aux professionnels du "
        "patrimoine qui travaillent avec les forces armées. Il suppose d’avoir "
        "suivi « Les fondamentaux de l’interaction civilo-militaire ».</p>"
        "<ul>"
        "<li>Résumer les obligations de la Convention de La Haye de 1954 et de "
        "ses deux protocoles.</li>"
        "<li>Décrire le rôle du Bouclier bleu et des autres partenaires civils "
        "de la PBC.</li>"
        "<li>Expliquer comment les biens culturels sont intégrés à la "
        "planification, au ciblage et aux listes d’interdiction de frappe.</li>"
        "<li>Identifier les mesures qui préviennent le pillage et le trafic "
        "illicite pendant et après les opérations.</li>"
        "</ul>"
    ),
    "lessons": {
        "the-legal-framework-the-1954-hague-convention-and-its-protocols": {
            "title": "Le cadre juridique : la Convention de La Haye de 1954 et "
            "ses protocoles",
            "summary": (
                "Présente les instruments juridiques internationaux qui protègent "
                "les biens culturels en cas de conflit armé et les obligations "
                "qu’ils imposent aux forces armées."
            ),
            "body": [
                "Pourquoi une convention particulière",
                "<p>Les destructions et les pillages massifs du patrimoine "
                "culturel pendant la Seconde Guerre mondiale ont conduit les États "
                "à adopter, à La Haye en 1954, la Convention pour la protection des "
                "biens culturels en cas de conflit armé. Premier traité "
                "international entièrement consacré au patrimoine culturel en "
                "temps de guerre, elle reste la pierre angulaire du domaine. Elle "
                "définit largement les biens culturels : biens meubles et "
                "immeubles qui présentent une grande importance pour le patrimoine "
                "culturel des peuples, comme les monuments, les sites "
                "archéologiques, les œuvres d’art, les manuscrits, les livres et "
                "les archives, ainsi que les édifices qui les abritent.</p>",
                {
                    "text": "Convaincues que les atteintes portées aux biens "
                    "culturels, à quelque peuple qu’ils appartiennent, constituent "
                    "des atteintes au patrimoine culturel de l’humanité entière, "
                    "étant donné que chaque peuple apporte sa contribution à la "
                    "culture mondiale",
                    "attribution": "Convention pour la protection des biens "
                    "culturels en cas de conflit armé (La Haye, 1954), préambule",
                },
                "Les obligations essentielles",
                "<p>La Convention demande aux États de <b>sauvegarder</b> les "
                "biens culturels dès le temps de paix, en se préparant aux effets "
                "prévisibles d’un conflit armé, par exemple au moyen d’inventaires, "
                "de plans d’urgence et de la désignation d’autorités responsables. "
                "En cas de conflit, elle leur impose de <b>respecter</b> les biens "
                "culturels, en s’interdisant de les utiliser, ainsi que leurs "
                "abords immédiats, à des fins qui pourraient les exposer à une "
                "destruction, et de diriger contre eux des actes d’hostilité, sauf "
                "nécessité militaire impérative. Les parties doivent aussi "
                "interdire et prévenir le vol, le pillage et le vandalisme. Aux "
                "termes de l’article 7, les États s’engagent à introduire la "
                "Convention dans les règlements militaires et à prévoir ou à "
                "créer, au sein de leurs forces armées, des services ou un "
                "personnel spécialisé chargés de veiller au respect des biens "
                "culturels et de coopérer avec les autorités civiles qui en ont la "
                "charge.</p>",
                "Les protocoles et le droit connexe",
                "<ul>"
                "<li>Le <b>premier Protocole</b> (1954) porte sur les biens "
                "meubles en territoire occupé : la puissance occupante doit en "
                "empêcher l’exportation et les restituer à la fin des "
                "hostilités.</li>"
                "<li>Le <b>deuxième Protocole</b> (1999) renforce la Convention. "
                "Il précise quand la nécessité militaire impérative peut être "
                "invoquée, instaure un régime de protection renforcée pour les "
                "biens de la plus haute importance, définit les violations graves "
                "qui engagent la responsabilité pénale individuelle et crée un "
                "comité intergouvernemental chargé de suivre sa mise en "
                "œuvre.</li>"
                "<li>Le Protocole additionnel I aux Conventions de Genève "
                "(article 53), le Statut de Rome de la Cour pénale internationale "
                "et la résolution 2347 (2017) du Conseil de sécurité ajoutent "
                "d’autres protections. En 2016, la Cour pénale internationale a "
                "condamné Ahmad al-Faqi al-Mahdi pour la destruction de bâtiments "
                "religieux et historiques à Tombouctou, première affaire de ce "
                "type devant la Cour.</li>"
                "</ul>",
                "La Convention de 1954 oblige les États à s’abstenir d’attaquer "
                "ou de détourner les biens culturels, mais aussi à se préparer dès "
                "le temps de paix, notamment en créant une capacité spécialisée de "
                "PBC au sein de leurs forces armées.",
            ],
        },
        "blue-shield-and-the-civil-military-cpp-network": {
            "title": "Le Bouclier bleu et le réseau civilo-militaire de la PBC",
            "summary": (
                "Présente le Bouclier bleu et les autres partenaires civils et "
                "militaires engagés dans la protection du patrimoine culturel en "
                "temps de crise."
            ),
            "body": [
                "L’emblème distinctif et l’organisation",
                "<p>La Convention de 1954 a créé un emblème distinctif, un écu "
                "pointu en bas, écartelé en sautoir de bleu et de blanc, pour "
                "signaler les biens culturels protégés et le personnel qui en a la "
                "charge. Cet emblème a donné son nom au Bouclier bleu, fondé en "
                "1996 par les organisations professionnelles internationales des "
                "archives, des bibliothèques, des musées et des monuments et "
                "sites. Aujourd’hui, Blue Shield International coordonne un réseau "
                "de comités nationaux qui œuvrent à la protection du patrimoine "
                "culturel et naturel lors des conflits armés et des catastrophes. "
                "Le Bouclier bleu se présente comme l’équivalent culturel de la "
                "Croix-Rouge, et ses comités nationaux sont souvent le principal "
                "partenaire civil des forces armées en matière de PBC.</p>",
                "Un réseau plus large",
                "<p>La PBC fait intervenir de nombreux acteurs, chacun dans son "
                "rôle :</p>"
                "<ul>"
                "<li>les <b>autorités nationales du patrimoine</b> du pays hôte, "
                "qui détiennent les inventaires, la responsabilité juridique et "
                "l’expertise locale, et dont il faut soutenir les capacités plutôt "
                "que s’y substituer ;</li>"
                "<li>l’<b>UNESCO</b>, qui assure le secrétariat de la Convention de "
                "1954 et de ses protocoles, tient la liste des biens sous "
                "protection renforcée et coordonne les interventions d’urgence en "
                "faveur du patrimoine ;</li>"
                "<li>l’<b>ICCROM</b>, l’ICOM, l’ICOMOS et d’autres organismes "
                "professionnels, qui offrent formation, expertise d’urgence et, "
                "pour certains, des listes rouges d’objets exposés au trafic ;</li>"
                "<li>les <b>services de police et de douane</b>, dont INTERPOL, "
                "qui suivent les biens culturels volés d’un pays à l’autre ;</li>"
                "<li>les <b>spécialistes militaires de la PBC</b>, conseillers en "
                "état-major et officiers de réserve issus des métiers du "
                "patrimoine, qui font le lien entre les communautés militaire et "
                "patrimoniale.</li>"
                "</ul>",
                "Travailler ensemble",
                "<p>La valeur de ce réseau tient aux relations nouées avant les "
                "opérations. Les professionnels du patrimoine peuvent aider les "
                "forces armées à dresser des listes de sites exactes et "
                "géolocalisées, les conseiller sur l’importance de lieux qui "
                "peuvent sembler anodins à un soldat, comme un cimetière ou un "
                "petit sanctuaire, et évaluer les dommages après les combats. Les "
                "forces armées peuvent en retour partager des informations sur les "
                "menaces qui pèsent sur les sites, assurer sur demande la sécurité "
                "de l’évacuation d’urgence de collections et associer des experts "
                "du patrimoine à leurs exercices. Comme dans toute CMI, les "
                "partenaires civils doivent pouvoir préserver leur indépendance et "
                "leurs exigences professionnelles.</p>",
                "<p>L’OTAN a reconnu la PBC comme un thème transversal et publié "
                "des orientations pour l’intégrer aux opérations et missions. De "
                "nombreux Alliés et partenaires ont créé des postes ou des unités "
                "dédiés, et la PBC figure de plus en plus dans les exercices, aux "
                "côtés de la protection des civils et des autres thèmes "
                "transversaux.</p>",
                "La PBC militaire ne vaut que par ses partenariats civils : les "
                "experts du patrimoine savent ce qui compte et pourquoi, ce que les "
                "états-majors ne peuvent établir seuls.",
            ],
        },
        "cpp-in-planning-and-targeting-inventories-and-no-strike-lists": {
            "title": "La PBC dans la planification et le ciblage : inventaires "
            "et listes d’interdiction de frappe",
            "summary": (
                "Explique comment les biens culturels sont identifiés, "
                "cartographiés et protégés tout au long de la planification et du "
                "ciblage."
            ),
            "body": [
                "Commencer tôt",
                "<p>Les biens culturels doivent être pris en compte dès les "
                "premières étapes de la planification, et non ajoutés quand les "
                "objectifs sont déjà proposés. Lors de l’analyse de "
                "l’environnement opérationnel, le personnel CIMIC, le "
                "renseignement et les spécialistes de la PBC doivent recenser les "
                "biens culturels de la zone d’opérations et comprendre leur "
                "importance pour la population locale. Édifices religieux, "
                "cimetières, archives, musées, bibliothèques et sites "
                "archéologiques peuvent tous être concernés, de même que des "
                "éléments immatériels comme les chemins de pèlerinage et les lieux "
                "de fête. C’est la communauté qui détermine l’importance d’un bien, "
                "non le regard extérieur porté sur sa valeur artistique.</p>",
                "Constituer et utiliser les inventaires",
                "<p>Des données fiables sont la base de tout. Elles proviennent "
                "des registres nationaux du patrimoine, des listes de l’UNESCO, "
                "des bases de données universitaires et archéologiques, du "
                "Bouclier bleu et d’autres organisations patrimoniales, ainsi que "
                "de l’analyse d’images. Elles doivent être géolocalisées avec "
                "précision, vérifiées et fournies dans des formats exploitables par "
                "les systèmes militaires. Le résultat alimente la <b>liste "
                "d’interdiction de frappe</b>, qui regroupe les objets protégés "
                "par le droit ou par une décision politique, et la <b>liste des "
                "objectifs à frappe restreinte</b>, qui vise les objets ne pouvant "
                "être traités que sous certaines conditions. Les biens culturels "
                "figurent avant tout sur la liste d’interdiction de frappe, mais "
                "les planificateurs doivent se rappeler qu’un bien peut perdre sa "
                "protection s’il est utilisé à des fins militaires, et que toute "
                "décision en ce sens exige un examen juridique approfondi et "
                "l’autorisation du plus haut niveau prévu par les règles "
                "nationales et alliées.</p>",
                "Au-delà du ciblage",
                "<p>Une grande partie des dommages au patrimoine ne vient pas des "
                "frappes aériennes mais de l’activité militaire quotidienne. Les "
                "planificateurs doivent tenir compte :</p>"
                "<ul>"
                "<li>de l’implantation des bases, des points de contrôle et des "
                "positions défensives, en évitant les bâtiments historiques et les "
                "sites archéologiques ;</li>"
                "<li>des travaux du génie, tranchées, merlons et routes, qui "
                "peuvent détruire des vestiges enfouis ;</li>"
                "<li>des itinéraires des véhicules lourds à travers les centres "
                "historiques ;</li>"
                "<li>des effets collatéraux des incendies, des vibrations et du "
                "souffle sur les structures fragiles ;</li>"
                "<li>des règles de comportement du personnel, dont l’interdiction "
                "de prélever des souvenirs et les consignes de conduite sur les "
                "lieux de culte.</li>"
                "</ul>",
                "<p>Pendant l’exécution, les spécialistes de la PBC doivent suivre "
                "les comptes rendus de dommages, mettre à jour les listes à mesure "
                "que de nouvelles informations arrivent et s’assurer que les chefs "
                "mesurent la réaction probable si un site d’importance culturelle "
                "est endommagé. Les évaluations des dommages après l’opération, "
                "idéalement menées avec des experts civils du patrimoine, "
                "soutiennent le relèvement et nourrissent les enseignements pour "
                "les opérations futures.</p>",
                "Une liste d’interdiction de frappe ne vaut que par ses données : "
                "investissez tôt dans des inventaires exacts et géolocalisés, "
                "établis avec des experts civils du patrimoine.",
            ],
        },
        "looting-trafficking-and-stabilisation": {
            "title": "Pillage, trafic et stabilisation",
            "summary": (
                "Examine comment les conflits favorisent le pillage et le commerce "
                "illicite des biens culturels, et ce que les acteurs militaires et "
                "civils peuvent faire pour l’empêcher."
            ),
            "body": [
                "Les leçons des conflits récents",
                "<p>Le pillage du Musée national d’Irak à Bagdad en avril 2003, "
                "dans le vide sécuritaire qui a suivi la chute du gouvernement, "
                "est devenu l’exemple type de ce qui peut arriver quand la PBC "
                "n’est pas planifiée. Des milliers d’objets ont été volés, et des "
                "fouilles illégales massives ont suivi dans tout le pays. Dix ans "
                "plus tard, des groupes armés en Irak et en Syrie, dont Daech, ont "
                "délibérément détruit des sites patrimoniaux à des fins de "
                "propagande tout en tirant profit du trafic d’antiquités. En "
                "réponse, la résolution 2199 (2015) du Conseil de sécurité a "
                "imposé aux États d’empêcher le commerce des biens culturels "
                "illégalement sortis d’Irak et de Syrie, et la résolution 2347 "
                "(2017) a traité plus largement de la protection du patrimoine "
                "culturel.</p>",
                "Pourquoi c’est l’affaire de la mission",
                "<p>Le pillage et le trafic ne sont pas seulement des pertes "
                "culturelles. Ils peuvent financer des groupes armés et le crime "
                "organisé, nourrir la corruption et entamer la légitimité de toute "
                "force perçue comme les ayant laissés faire. Les attaques "
                "délibérées contre le patrimoine s’inscrivent souvent dans une "
                "campagne plus large contre l’identité d’une communauté et peuvent "
                "être liées à d’autres atrocités. Protéger le patrimoine peut donc "
                "contribuer à la stabilité, à la réconciliation et à la protection "
                "des civils.</p>",
                "Mesures pratiques",
                "<ul>"
                "<li><b>Anticiper les vides.</b> Repérer les musées, archives et "
                "grands sites qui seront menacés si l’autorité locale s’effondre, "
                "et planifier leur sécurité avec les autorités du pays hôte.</li>"
                "<li><b>Partager l’information.</b> Signaler les indices de fouilles "
                "illégales ou de trafic aux autorités civiles et aux services "
                "répressifs compétents, et intégrer le trafic de biens culturels à "
                "l’analyse du financement des menaces.</li>"
                "<li><b>Soutenir les capacités civiles.</b> Aider les autorités du "
                "patrimoine, la police et les douanes à retrouver les moyens de "
                "protéger les sites et de contrôler les frontières, plutôt que de "
                "s’y substituer durablement.</li>"
                "<li><b>Montrer l’exemple.</b> Faire appliquer strictement "
                "l’interdiction pour le personnel d’acquérir ou d’emporter des "
                "biens culturels, et enquêter sur tout manquement.</li>"
                "<li><b>Former.</b> Veiller à ce que les soldats des points de "
                "contrôle et des postes-frontières sachent reconnaître les objets "
                "susceptibles d’être trafiqués et qui prévenir.</li>"
                "</ul>",
                "<p>Pendant la phase de stabilisation, le patrimoine culturel peut "
                "aussi soutenir le relèvement. Restaurer une mosquée, une église ou "
                "un marché endommagés peut symboliser avec force le retour à une "
                "vie normale, à condition que le travail soit conduit par les "
                "communautés et les autorités locales et que la participation "
                "militaire ne le politise pas. Le personnel CIMIC a un rôle "
                "important pour mettre en relation, le cas échéant, les moyens "
                "militaires et les organisations patrimoniales civiles les mieux "
                "placées pour mener ces efforts.</p>",
                "Le plus grand danger pour le patrimoine vient souvent après les "
                "combats, quand l’autorité s’effondre : les plans doivent couvrir "
                "le vide sécuritaire autant que la conduite des hostilités.",
            ],
        },
    },
}

# French text of the translated quiz's questions, by idnumber: answers in the
# question's answer order. Where an answer's text is the key (short answer,
# numeric, gaps) it stays as it is, so grading is unchanged: the short answer
# and the gaps ask for the English terms, which the French text says.
QUESTIONS: dict[str, dict[str, Any]] = {
    "found-cmi-cimic": {
        "title": "CMI et CIMIC",
        "stem": (
            "<p>Quelle affirmation décrit le mieux la relation entre "
            "l’interaction civilo-militaire (CMI) et la coopération "
            "civilo-militaire (CIMIC) au sens de l’OTAN ?</p>"
        ),
        "general_feedback": (
            "<p>La CMI est ce que toute la force fait avec les civils ; la CIMIC "
            "est la capacité militaire qui planifie et conseille cette "
            "interaction pour le compte du commandant.</p>"
        ),
        "answers": [
            {
                "text": "<p>La CMI est l’ensemble des activités que toute la force "
                "partage avec les acteurs non militaires ; la CIMIC est la "
                "fonction interarmées et la capacité d’état-major qui permettent "
                "au commandant d’y prendre part.</p>",
                "feedback": "<p>Exact. La CMI est partagée et n’appartient à "
                "aucune branche ; la CIMIC est la capacité militaire qui la "
                "planifie, la coordonne et conseille à son sujet.</p>",
            },
            {
                "text": "<p>La CIMIC est le terme générique ; la CMI est le nom du "
                "bureau J9.</p>",
                "feedback": "<p>Non, c’est l’inverse : la CIMIC est la fonction "
                "militaire, plus restreinte (J9 au niveau interarmées).</p>",
            },
            {
                "text": "<p>Les deux termes sont interchangeables et s’emploient "
                "dans n’importe quelle réunion.</p>",
                "feedback": "<p>Non. Le vocabulaire suppose qui dirige et quelle "
                "proximité on attend ; le mauvais mot peut induire en erreur des "
                "partenaires civils.</p>",
            },
            {
                "text": "<p>La CIMIC couvre le travail des organisations "
                "humanitaires, tandis que la CMI est purement militaire.</p>",
                "feedback": "<p>Non. Les partenaires civils ne font jamais partie "
                "de la CIMIC, mais toujours de la CMI.</p>",
            },
        ],
    },
    "found-core-functions": {
        "title": "Les fonctions essentielles de la CIMIC à l’OTAN",
        "stem": (
            "<p>Associez chaque situation à la fonction essentielle de la CIMIC "
            "(AJP-3.19) qu’elle illustre.</p>"
        ),
        "general_feedback": (
            "<p>L’AJP-3.19 distingue trois fonctions essentielles : la liaison "
            "civilo-militaire, le soutien à la force, et le soutien aux acteurs "
            "non militaires et à l’environnement civil.</p>"
        ),
        "answers": [
            {
                "text": "<p>Un officier CIMIC est placé auprès de l’autorité "
                "provinciale de gestion des catastrophes pour échanger des "
                "informations et déconflicter les mouvements.</p>",
                "match": "Liaison civilo-militaire",
            },
            {
                "text": "<p>L’état-major évalue les ressources locales en "
                "carburant, en eau et en main-d’œuvre dont dépendra la logistique "
                "de la force.</p>",
                "match": "Soutien à la force",
            },
            {
                "text": "<p>À la demande des autorités, le génie militaire expertise "
                "un pont endommagé que les services civils ne peuvent "
                "atteindre.</p>",
                "match": "Soutien aux acteurs non militaires et à l’environnement "
                "civil",
            },
            {"text": "", "match": "Opérations d’information"},
        ],
    },
    "found-coordination-tf": {
        "title": "Coordination et direction",
        "stem": (
            "<p>Vrai ou faux : en participant à une réunion de coordination "
            "civilo-militaire, une organisation humanitaire accepte que la force "
            "militaire dirige ses activités.</p>"
        ),
        "answers": [
            {
                "text": "Vrai",
                "feedback": "<p>Non. La coordination est un dialogue ; y prendre "
                "part ne signifie pas accepter une direction militaire.</p>",
            },
            {
                "text": "Faux",
                "feedback": "<p>Exact. La coordination est un processus ; les "
                "organisations humanitaires gardent leur mandat et leur "
                "indépendance.</p>",
            },
        ],
    },
    "found-principles": {
        "title": "Les principes humanitaires",
        "stem": (
            "<p>Lesquels de ces principes sont des principes humanitaires "
            "consacrés par l’Assemblée générale des Nations unies ? Cochez toutes "
            "les bonnes réponses ; les mauvaises font perdre des points.</p>"
        ),
        "general_feedback": (
            "<p>La résolution 46/182 (1991) a posé l’humanité, la neutralité et "
            "l’impartialité ; la résolution 58/114 (2003) y a ajouté "
            "l’indépendance.</p>"
        ),
        "answers": [
            {
                "text": "<p>Humanité</p>",
                "feedback": "<p>Oui : la souffrance humaine doit être soulagée "
                "partout où elle se trouve.</p>",
            },
            {
                "text": "<p>Neutralité</p>",
                "feedback": "<p>Oui : les humanitaires ne prennent pas parti dans "
                "les hostilités ni dans les controverses politiques, raciales, "
                "religieuses ou idéologiques.</p>",
            },
            {
                "text": "<p>Impartialité</p>",
                "feedback": "<p>Oui : l’aide est apportée selon les seuls besoins, "
                "les cas les plus urgents d’abord.</p>",
            },
            {
                "text": "<p>Indépendance</p>",
                "feedback": "<p>Oui : l’action humanitaire est autonome vis-à-vis "
                "des objectifs politiques, économiques, militaires ou "
                "autres.</p>",
            },
            {
                "text": "<p>Proportionnalité</p>",
                "feedback": "<p>Non. La proportionnalité est une règle du droit "
                "international humanitaire sur la conduite des hostilités.</p>",
            },
            {
                "text": "<p>Unité de commandement</p>",
                "feedback": "<p>Non. L’unité de commandement est un principe "
                "militaire, pas humanitaire.</p>",
            },
        ],
    },
    "found-46-182": {
        "title": "La résolution 46/182",
        "stem": (
            "<p>En quelle année l’Assemblée générale des Nations unies a-t-elle "
            "adopté la résolution 46/182, qui a posé les principes d’humanité, de "
            "neutralité et d’impartialité et jeté les bases du système actuel de "
            "coordination humanitaire ?</p>"
        ),
        "answers": [
            {
                "feedback": "<p>Exact : la résolution 46/182 a été adoptée en "
                "décembre 1991.</p>"
            },
            {
                "feedback": "<p>Non. Elle a été adoptée en 1991 ; l’indépendance "
                "a été ajoutée en 2003 par la résolution 58/114.</p>"
            },
        ],
    },
    "found-ocha": {
        "title": "Le foyer de l’UN-CMCoord",
        "stem": (
            "<p>Quel bureau des Nations unies est le dépositaire des directives "
            "d’Oslo et abrite la fonction de coordination civilo-militaire "
            "humanitaire (UN-CMCoord) ? Donnez son sigle anglais ou son nom "
            "anglais (en français : Bureau de la coordination des affaires "
            "humanitaires, BCAH).</p>"
        ),
        "answers": [
            {
                "feedback": "<p>Exact : le Bureau de la coordination des affaires "
                "humanitaires.</p>"
            },
            {
                "feedback": "<p>Exact : le Bureau de la coordination des affaires "
                "humanitaires.</p>"
            },
            {"feedback": "<p>Exact.</p>"},
            {"feedback": "<p>Exact.</p>"},
        ],
    },
    "found-oslo-indirect": {
        "title": "Les types d’assistance",
        "stem": (
            "<p>Selon les directives d’Oslo, un hélicoptère militaire étranger "
            "achemine des secours jusqu’à un point de distribution où une ONG les "
            "remet à la population. Quel type d’assistance l’hélicoptère "
            "fournit-il ?</p>"
        ),
        "answers": [
            {
                "text": "<p>Une assistance indirecte</p>",
                "feedback": "<p>Exact. Les militaires restent au moins à un degré "
                "de la population, ici en transportant les secours.</p>",
            },
            {
                "text": "<p>Une assistance directe</p>",
                "feedback": "<p>Non. L’assistance directe est la distribution en "
                "main propre de biens et de services aux personnes touchées.</p>",
            },
            {
                "text": "<p>Un soutien aux infrastructures</p>",
                "feedback": "<p>Non. Le soutien aux infrastructures recouvre des "
                "services généraux : réfection de routes, gestion de l’espace "
                "aérien, production d’électricité.</p>",
            },
            {
                "text": "<p>La protection de la force</p>",
                "feedback": "<p>Non. La protection de la force n’est pas une "
                "catégorie d’assistance des directives d’Oslo.</p>",
            },
        ],
    },
    "found-escorts": {
        "title": "Les escortes armées",
        "stem": (
            "<p>Quel est le point de départ des lignes directrices non "
            "contraignantes de l’IASC sur le recours aux escortes armées pour "
            "les convois humanitaires (2013) ?</p>"
        ),
        "answers": [
            {
                "text": "<p>En règle générale, les convois humanitaires ne "
                "recourent pas aux escortes armées ; une escorte est une "
                "exception, un dernier recours soumis à des critères stricts.</p>",
                "feedback": "<p>Exact. Les escortes peuvent compromettre la "
                "neutralité perçue et exposer le personnel et les "
                "bénéficiaires.</p>",
            },
            {
                "text": "<p>Il faut recourir aux escortes armées chaque fois "
                "qu’une force militaire est présente dans la zone.</p>",
                "feedback": "<p>Non. La disponibilité de moyens militaires n’est "
                "jamais une raison de les employer.</p>",
            },
            {
                "text": "<p>Le commandant militaire décide quels convois ont "
                "besoin d’une escorte.</p>",
                "feedback": "<p>Non. La décision revient aux organisations "
                "humanitaires, sur la base de leur propre évaluation.</p>",
            },
            {
                "text": "<p>Les escortes par les forces du pays hôte sont "
                "toujours acceptables, celles de forces étrangères jamais.</p>",
                "feedback": "<p>Non. Les lignes directrices fixent des critères "
                "pour toute escorte ; aucune n’est acceptable d’office.</p>",
            },
        ],
    },
    "found-chronology": {
        "title": "De la résolution 46/182 à la politique de l’OTAN sur la PoC",
        "stem": (
            "<p>Classez ces jalons des orientations civilo-militaires dans "
            "l’ordre chronologique, du plus ancien au plus récent.</p>"
        ),
        "general_feedback": (
            "<p>La résolution 46/182 (1991), les directives d’Oslo (1994, mises à "
            "jour en 2006 et 2007), les directives MCDA pour les urgences "
            "complexes (2003), les lignes directrices non contraignantes de "
            "l’IASC sur les escortes armées (2013) et la politique de l’OTAN "
            "pour la protection des civils, adoptée au sommet de Varsovie "
            "(2016).</p>"
        ),
        "answers": [
            {
                "text": "<p>La résolution 46/182 de l’Assemblée générale des "
                "Nations unies</p>"
            },
            {"text": "<p>La première édition des directives d’Oslo</p>"},
            {"text": "<p>Les directives MCDA pour les urgences complexes</p>"},
            {
                "text": "<p>Les lignes directrices non contraignantes de l’IASC "
                "sur les escortes armées</p>"
            },
            {
                "text": "<p>La politique de l’OTAN pour la protection des civils "
                "(PoC)</p>"
            },
        ],
    },
    "found-last-resort": {
        "title": "Le principe du dernier recours",
        "stem": (
            "<p>Complétez avec les termes anglais des directives d’Oslo : les "
            "moyens militaires étrangers ne sont demandés que s’il n’existe "
            "aucune « comparable {{1}} alternative » et que seuls des moyens "
            "militaires peuvent répondre à un besoin humanitaire vital. C’est le "
            "principe dit du « {{2}} resort » (dernier recours).</p>"
        ),
        "general_feedback": (
            "<p>Les moyens militaires complètent les secours civils ; on y "
            "recourt lorsqu’ils sont uniques par leurs capacités et leur "
            "disponibilité, non parce qu’ils se trouvent sur place.</p>"
        ),
    },
}

COURSES: dict[str, dict[str, Any]] = {
    "foundations-of-civil-military-interaction": FOUNDATIONS,
    "nato-cimic-doctrine-ajp-3-19": DOCTRINE,
    "un-humanitarian-civil-military-coordination": CMCOORD,
    "cultural-property-protection-in-military-operations": HERITAGE,
}

# The quiz of the course that exists only in French: its own bank, in French.
ONLY_QUIZ: dict[str, Any] = {
    "course": "introduction-a-la-cooperation-civilo-militaire",
    "bank": "Introduction à la coopération civilo-militaire",
    "title": "Test de connaissances",
    "slug": "test-de-connaissances",
    "intro": (
        "<p>Quatre questions pour vérifier les notions essentielles du module. "
        "Il faut 75 % pour réussir ; vous pouvez le repasser autant de fois que "
        "vous le souhaitez.</p>"
    ),
    "settings": {
        "pass_mark": 75,
        "attempts_allowed": None,
        "grading_method": "highest",
        "time_limit_minutes": None,
        "shuffle_questions": False,
        "shuffle_options": False,
        "review_when": "immediately",
        "review_show_score": True,
        "review_show_correct": True,
        "review_show_feedback": True,
    },
    "gift": """\
$CATEGORY: $course$/top/Notions

// [id:intro-cmi-cimic]
::CMI ou CIMIC ?::Quelle affirmation décrit le mieux la coopération civilo-militaire (CIMIC) ?{
=Une fonction militaire qui permet au commandant de prendre part à l’interaction civilo-militaire.#Exact \\: la CIMIC est la capacité militaire ; la CMI est l’activité partagée avec les civils.
~L’ensemble des relations entre tous les acteurs civils d’une crise.#Non \\: ce sont les acteurs civils entre eux, pas la CIMIC.
~Un synonyme d’aide humanitaire.#Non \\: l’aide humanitaire relève des organisations humanitaires, pas de la CIMIC.}

// [id:intro-acteurs]
::Les acteurs::Parmi ces acteurs, lequel a un rôle particulier en vertu des Conventions de Genève ?{
=Le Comité international de la Croix-Rouge (CICR)#Exact \\: le CICR tient son mandat des Conventions de Genève.
~Une entreprise privée de transport#Non.
~Un état-major multinational#Non.}

// [id:intro-coordination]
::Coordination et direction::Prendre part à une réunion de coordination civilo-militaire revient-il, pour une organisation humanitaire, à accepter la direction de la force ?{
=Non \\: la coordination est un dialogue, chacun garde son mandat et son indépendance.#Exact.
~Oui \\: toute coordination suppose une chaîne de commandement unique.#Non \\: l’objectif réaliste est l’unité de but, pas l’unité de commandement.}

// [id:intro-principes]
::Les principes humanitaires::Quel principe consiste à apporter l’aide selon les seuls besoins, les cas les plus urgents d’abord ?{
=L’impartialité#Exact.
~La neutralité#Non \\: la neutralité consiste à ne pas prendre parti.
~L’indépendance#Non \\: l’indépendance est l’autonomie vis-à-vis des objectifs politiques, économiques ou militaires.}
""",
    "slots": [
        {"question": "intro-cmi-cimic"},
        {"question": "intro-acteurs"},
        {"question": "intro-coordination"},
        {"question": "intro-principes"},
    ],
}
