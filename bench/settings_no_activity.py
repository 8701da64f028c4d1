"""Production settings minus the ActivityMiddleware: what recording a page view adds."""

from config.settings.prod import *  # noqa: F403
from config.settings.prod import MIDDLEWARE as _MIDDLEWARE

MIDDLEWARE = [m for m in _MIDDLEWARE if m != "kring.accounts.middleware.ActivityMiddleware"]
