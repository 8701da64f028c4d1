"""The demo accounts that can log in, and their one known password.

Everyone else in the demo organisation has an unusable password (they would log in through the
organisation's single sign-on), which also keeps seeding fast.
"""

from dataclasses import dataclass
from typing import Final

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kring.demo import words

DEMO_PASSWORD: Final = "kring-demo-2026"


@dataclass(frozen=True)
class DemoLogin:
    key: str
    label: Promise
    role: str  # a User.Role value
    display_name: str
    email: str
    job_title: str
    unit: str  # a department of the board office, or a school's name (a guest: their space)


def _email(local: str) -> str:
    return f"{local}@{words.EMAIL_DOMAIN}"


ADMINISTRATOR: Final = DemoLogin(
    "administrator", _("Administrator"), "admin", "Bas Kramer", _email("beheerder"),
    "Functioneel beheerder", "ICT",
)  # fmt: skip
COMMUNITY_MANAGER: Final = DemoLogin(
    "community_manager", _("Community manager"), "community_manager", "Roos Meijer",
    _email("roos.meijer"), "Communitymanager intranet", "Communicatie",
)  # fmt: skip
COMMS_EDITOR: Final = DemoLogin(
    "comms_editor", _("Communications editor"), "comms_editor", "Alexandra de Wit",
    _email("alexandra.dewit"), "Communicatieadviseur", "Communicatie",
)  # fmt: skip
DIRECTOR: Final = DemoLogin(
    "director", _("School director"), "member", "Marieke Visser", _email("marieke.visser"),
    words.DIRECTOR_TITLE, "De Regenboog",
)  # fmt: skip
TEACHERS: Final = (
    DemoLogin(
        "teacher_1", _("Teacher"), "member", "Fatima el Amrani", _email("fatima.elamrani"),
        "Leerkracht groep 5", "De Regenboog",
    ),
    DemoLogin(
        "teacher_2", _("Teacher"), "member", "Daan de Vries", _email("daan.devries"),
        "Leerkracht groep 7", "Het Kompas",
    ),
    DemoLogin(
        "teacher_3", _("Special needs coordinator (teacher)"), "member", "Lotte van Dijk",
        _email("lotte.vandijk"), words.INTERN_SUPERVISOR_TITLE, "De Wilgenhoek",
    ),
)  # fmt: skip

# An external guest: a parent on the parents' council of De Regenboog, invited into that one
# space by its director. Not on the staff plan (guests have no unit); the spaces step creates her.
GUEST: Final = DemoLogin(
    "guest", _("External guest (parent)"), "guest", "Sanne Brouwer", "sanne.brouwer@example.org",
    "", "Ouderraad De Regenboog",
)  # fmt: skip

DEMO_LOGINS: Final[tuple[DemoLogin, ...]] = (
    ADMINISTRATOR,
    COMMUNITY_MANAGER,
    COMMS_EDITOR,
    DIRECTOR,
    *TEACHERS,
)
DEMO_SCHOOLS: Final = frozenset(d.unit for d in DEMO_LOGINS if d.unit in dict(words.SCHOOLS))
# Every login the demo prints: the staff above, then the guest.
ALL_LOGINS: Final[tuple[DemoLogin, ...]] = (*DEMO_LOGINS, GUEST)
