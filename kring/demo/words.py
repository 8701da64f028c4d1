"""Our own word lists for the demo organisation: Dutch names, schools, units and job titles.

Nothing here is random; the builders draw from these lists with a seeded `random.Random`, so the
same seed always gives the same people. Names are common Dutch first names and surnames, with
the tussenvoegsels ("van", "de", "van der", …) that Dutch surnames carry.
"""

from typing import Final

ORGANISATION_NAME: Final = "Stichting Kring Onderwijs"
ORGANISATION_TOWN: Final = "Alkmaar"
EMAIL_DOMAIN: Final = "kringonderwijs.nl"
# Deep teal: 6.5:1 against white, so links and buttons in the brand colour pass WCAG AA.
BRAND_COLOUR: Final = "#00677f"

BOARD_OFFICE: Final = "Bestuursbureau"

# Departments of the board office (names may not contain "/", unit paths use it).
DEPARTMENTS: Final[tuple[str, ...]] = (
    "HR",
    "Financiën",
    "ICT",
    "Communicatie",
    "Onderwijs en Kwaliteit",
)

# The 14 primary schools with their town, and their size (everyone whose primary unit it is,
# director included). The sizes add up to 495 = 14 directors + 380 teachers + 101 support staff,
# so with the 30 people of the board office the board has 525 staff (ANALYTICS.md §11). The
# builders shuffle the sizes over the schools with the seed; exactly one school has 40 people,
# the planted "chasm" school.
SCHOOLS: Final[tuple[tuple[str, str], ...]] = (
    ("De Regenboog", "Alkmaar"),
    ("Het Kompas", "Heiloo"),
    ("De Wilgenhoek", "Castricum"),
    ("De Zevensprong", "Alkmaar"),
    ("Het Palet", "Bergen"),
    ("De Klimop", "Egmond aan Zee"),
    ("De Vlindertuin", "Uitgeest"),
    ("De Duinroos", "Schoorl"),
    ("Het Anker", "Akersloot"),
    ("De Boomgaard", "Limmen"),
    ("De Toermalijn", "Oudorp"),
    ("De Sterrenwacht", "Koedijk"),
    ("Het Mozaïek", "Alkmaar"),
    ("De Meander", "Heerhugowaard"),
)
SCHOOL_SIZES: Final[tuple[int, ...]] = (22, 26, 28, 30, 32, 34, 35, 36, 38, 40, 42, 42, 44, 46)
CHASM_SCHOOL_SIZE: Final = 40

# Job categories of ANALYTICS.md §11.
BOARD: Final = "board"
DIRECTOR: Final = "director"
TEACHER: Final = "teacher"
SUPPORT: Final = "support"
CATEGORY_COUNTS: Final[dict[str, int]] = {BOARD: 30, DIRECTOR: 14, TEACHER: 380, SUPPORT: 101}

# The 30 people of the board office: (unit, job title, heads the unit). None is the board office
# itself. The first row is the chair of the executive board, who heads the whole organisation.
BOARD_OFFICE_STAFF: Final[tuple[tuple[str | None, str, bool], ...]] = (
    (None, "Voorzitter College van Bestuur", True),
    (None, "Lid College van Bestuur", False),
    (None, "Bestuurssecretaris", False),
    (None, "Managementassistent", False),
    (None, "Managementassistent", False),
    ("HR", "Hoofd HR", True),
    ("HR", "HR-adviseur", False),
    ("HR", "HR-adviseur", False),
    ("HR", "Salarisadministrateur", False),
    ("HR", "Salarisadministrateur", False),
    ("HR", "Medewerker personeelszaken", False),
    ("Financiën", "Controller", True),
    ("Financiën", "Financieel adviseur", False),
    ("Financiën", "Financieel medewerker", False),
    ("Financiën", "Financieel medewerker", False),
    ("Financiën", "Financieel medewerker", False),
    ("ICT", "Hoofd ICT", True),
    ("ICT", "Functioneel beheerder", False),
    ("ICT", "Systeembeheerder", False),
    ("ICT", "Systeembeheerder", False),
    ("ICT", "ICT-medewerker", False),
    ("Communicatie", "Teamleider communicatie", True),
    ("Communicatie", "Communicatieadviseur", False),
    ("Communicatie", "Communitymanager intranet", False),
    ("Communicatie", "Communicatiemedewerker", False),
    ("Onderwijs en Kwaliteit", "Hoofd Onderwijs en Kwaliteit", True),
    ("Onderwijs en Kwaliteit", "Beleidsmedewerker onderwijs", False),
    ("Onderwijs en Kwaliteit", "Beleidsmedewerker onderwijs", False),
    ("Onderwijs en Kwaliteit", "Kwaliteitsmedewerker", False),
    ("Onderwijs en Kwaliteit", "Stafmedewerker passend onderwijs", False),
)
BOARD_MEMBER_TITLES: Final = ("Voorzitter College van Bestuur", "Lid College van Bestuur")
COMMS_OFFICER_TITLE: Final = "Communicatiemedewerker"  # the decoy "liked only on news"

DIRECTOR_TITLE: Final = "Directeur"
INTERN_SUPERVISOR_TITLE: Final = "Intern begeleider"
TEACHING_ASSISTANT_TITLE: Final = "Onderwijsassistent"
PE_TEACHER_TITLE: Final = "Vakleerkracht bewegingsonderwijs"
TEACHER_TITLE_PREFIX: Final = "Leerkracht"
# Classes of a Dutch primary school; a school has one or more of each ("groep 1-2" twice as often).
GROUPS: Final[tuple[str, ...]] = ("1-2", "3", "4", "5", "1-2", "6", "7", "8")
TEACHER_TITLES: Final = (INTERN_SUPERVISOR_TITLE, TEACHING_ASSISTANT_TITLE, PE_TEACHER_TITLE)

SUPPORT_CARETAKER: Final = "Conciërge"
SUPPORT_ADMINISTRATION: Final = "Administratief medewerker"
SUPPORT_CLEANER: Final = "Schoonmaker"
SUPPORT_LUNCH: Final = "Overblijfkracht"
SUPPORT_CHILDCARE: Final = "Pedagogisch medewerker"
# After a caretaker and an administrator, a school's other support staff cycle through these.
SUPPORT_CYCLE: Final[tuple[str, ...]] = (
    SUPPORT_CLEANER,
    SUPPORT_LUNCH,
    SUPPORT_CLEANER,
    SUPPORT_CHILDCARE,
    SUPPORT_LUNCH,
    SUPPORT_CLEANER,
)
SUPPORT_TITLES: Final = (
    SUPPORT_CARETAKER,
    SUPPORT_ADMINISTRATION,
    SUPPORT_CLEANER,
    SUPPORT_LUNCH,
    SUPPORT_CHILDCARE,
)

_BOARD_TITLES: Final = frozenset(title for _unit, title, _head in BOARD_OFFICE_STAFF)


def job_category(job_title: str) -> str:
    """The §11 category of a demo job title: board, director, teacher or support."""
    if job_title in _BOARD_TITLES:
        return BOARD
    if job_title == DIRECTOR_TITLE:
        return DIRECTOR
    if job_title in TEACHER_TITLES or job_title.startswith(TEACHER_TITLE_PREFIX):
        return TEACHER
    if job_title in SUPPORT_TITLES:
        return SUPPORT
    raise ValueError(f"not a demo job title: {job_title!r}")


FIRST_NAMES: Final[tuple[str, ...]] = (
    # Women's names (most primary-school staff are women, so these come more often).
    "Anna", "Anne", "Annemieke", "Anouk", "Astrid", "Aylin", "Bianca", "Birgit", "Brenda",
    "Carola", "Caroline", "Chantal", "Charlotte", "Claudia", "Corine", "Daphne", "Debby",
    "Dewi", "Diana", "Dominique", "Eline", "Elise", "Ellen", "Els", "Emma", "Esther", "Eva",
    "Evelien", "Fatima", "Femke", "Fleur", "Floor", "Frederique", "Gerda", "Hanneke", "Hatice",
    "Heleen", "Ilse", "Inge", "Ingrid", "Iris", "Jacqueline", "Janneke", "Jasmijn", "Jolanda",
    "Joke", "Judith", "Julia", "Karin", "Kim", "Lana", "Laura", "Lieke", "Linda", "Lisa",
    "Lisanne", "Loes", "Lotte", "Manon", "Marieke", "Marije", "Marjolein", "Marloes", "Martine",
    "Meryem", "Miranda", "Mirjam", "Monique", "Nadia", "Naomi", "Natasja", "Nicole", "Nienke",
    "Noor", "Nora", "Patricia", "Petra", "Priscilla", "Rianne", "Rosa", "Roos", "Sabine",
    "Samira", "Sandra", "Sanne", "Saskia", "Simone", "Sophie", "Suzanne", "Tamara", "Tessa",
    "Tineke", "Vera", "Wendy", "Willemijn", "Yvonne", "Zeynep",
    # Men's names.
    "Ahmed", "Arjen", "Bart", "Bas", "Bram", "Dennis", "Daan", "Erik", "Frank", "Gerrit",
    "Hans", "Henk", "Jan", "Jasper", "Jeroen", "Joost", "Kees", "Koen", "Mark", "Martijn",
    "Mehmet", "Michiel", "Mohamed", "Niels", "Paul", "Peter", "Pieter", "Rik", "Rob", "Ruben",
    "Sander", "Stefan", "Thijs", "Tim", "Tom", "Vincent", "Wouter", "Youssef",
)  # fmt: skip

# Surnames with their tussenvoegsel, as Dutch writes them after a first name ("Jan van Dijk").
SURNAMES: Final[tuple[tuple[str, str], ...]] = (
    ("de", "Jong"), ("", "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"),
    ("", "Bakker"), ("", "Janssen"), ("", "Visser"), ("", "Smit"), ("", "Meijer"),
    ("de", "Boer"), ("", "Mulder"), ("de", "Groot"), ("", "Bos"), ("", "Vos"), ("", "Peters"),
    ("", "Hendriks"), ("van", "Leeuwen"), ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"),
    ("", "Dijkstra"), ("", "Smits"), ("de", "Graaf"), ("van der", "Meer"),
    ("van der", "Linden"), ("", "Kok"), ("", "Jacobs"), ("de", "Haan"), ("", "Vermeulen"),
    ("van den", "Heuvel"), ("van der", "Veen"), ("van den", "Broek"), ("de", "Bruijn"),
    ("van der", "Heijden"), ("", "Schouten"), ("van", "Beek"), ("", "Willems"),
    ("van", "Vliet"), ("van de", "Ven"), ("", "Hoekstra"), ("", "Maas"), ("", "Verhoeven"),
    ("", "Koster"), ("van", "Dam"), ("van der", "Wal"), ("", "Prins"), ("", "Blom"),
    ("", "Huisman"), ("de", "Jonge"), ("", "Kuipers"), ("van", "Veen"), ("", "Post"),
    ("", "Veenstra"), ("", "Kramer"), ("van den", "Brink"), ("", "Scholten"), ("van", "Wijk"),
    ("", "Postma"), ("", "Martens"), ("", "Vink"), ("de", "Ruiter"), ("", "Timmermans"),
    ("", "Groen"), ("", "Gerritsen"), ("", "Jonker"), ("van", "Loon"), ("van der", "Velde"),
    ("", "Willemsen"), ("de", "Lange"), ("", "Bosch"), ("van", "Dongen"), ("", "Schipper"),
    ("de", "Koning"), ("van der", "Laan"), ("", "Driessen"), ("van", "Doorn"), ("", "Hermans"),
    ("", "Evers"), ("van den", "Bosch"), ("van der", "Meulen"), ("", "Hofman"), ("", "Bosman"),
    ("", "Wolters"), ("", "Sluiter"), ("", "Wouters"), ("", "Kroon"), ("ter", "Horst"),
    ("", "Zwart"), ("", "Boon"), ("", "Kaan"), ("", "Rijnders"), ("", "Stam"), ("", "Tol"),
    ("", "Molenaar"), ("", "Visscher"), ("", "Kooij"), ("", "Dijkman"), ("in 't", "Veld"),
    ("van 't", "Hof"), ("", "Beentjes"), ("", "Buis"), ("", "Zijlstra"), ("", "Groot"),
    ("", "Schermer"), ("", "Min"), ("", "Appel"), ("van", "Schagen"), ("", "Kaptein"),
    ("", "Yilmaz"), ("", "Kaya"), ("", "Demir"), ("", "Öztürk"), ("el", "Amrani"),
    ("", "Bouzid"), ("", "Benali"), ("el", "Idrissi"), ("", "Ramdin"), ("", "Nguyen"),
    ("", "Pinas"), ("", "Tahiri"),
)  # fmt: skip
