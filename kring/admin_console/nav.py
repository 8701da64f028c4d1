from django.utils.translation import gettext_lazy as _

# (url name, label): the console's sections, in the order the navigation shows them.
SECTIONS = [
    ("admin_console:index", _("Overview")),
    ("admin_console:people", _("People")),
    ("admin_console:units", _("Units")),
    ("admin_console:spaces", _("Spaces")),
    ("admin_console:waves", _("Rollout waves")),
    ("admin_console:invitations", _("Invitations")),
    ("admin_console:import", _("Import")),
    ("admin_console:audit", _("Audit log")),
    ("admin_console:settings", _("Settings")),
]
