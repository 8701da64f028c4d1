"""Django strings whose Dutch translation Kring supplies itself, in its own catalogue.

Django 6.1's Dutch catalogue lacks the ``%d`` form of MinimumLengthValidator's error, so the
login and invitation pages would show it in English; and its Dutch similarity message reads
"op de e-mailadres". Naming the exact msgids here makes ``makemessages`` keep them in
``kring/locale``, whose translations take precedence over Django's own. Nothing imports this
module at run time: the translations are looked up by msgid.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, ngettext_lazy

PASSWORD_TOO_SHORT: Promise = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
)
PASSWORD_TOO_SIMILAR: Promise = gettext_lazy("The password is too similar to the %(verbose_name)s.")
