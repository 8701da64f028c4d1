"""Strings of Django and allauth whose Dutch Kring supplies itself, in its own catalogue.

Django 6.1's Dutch catalogue lacks the ``%d`` form of MinimumLengthValidator's error, so the
login and invitation pages would show it in English; its other password texts say the formal
"Uw", where Kring says "je"; and allauth calls two-factor authentication "twee-factor-
authenticatie", where Kring says "tweestapsverificatie". Naming the exact msgids here makes
``makemessages`` keep them in ``kring/locale``, whose translations take precedence over the
libraries' own. Nothing imports this module at run time: translations are looked up by msgid.
"""

# ruff: noqa: RUF001 -- the msgids must match Django's own, curly apostrophes included.

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, ngettext_lazy

PASSWORD_VALIDATORS: tuple[Promise, ...] = (
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
    ),
    gettext_lazy("The password is too similar to the %(verbose_name)s."),
    gettext_lazy("Your password can’t be too similar to your other personal information."),
    gettext_lazy("Your password can’t be a commonly used password."),
    gettext_lazy("Your password can’t be entirely numeric."),
)

ALLAUTH: tuple[Promise, ...] = (gettext_lazy("Two-Factor Authentication"),)
