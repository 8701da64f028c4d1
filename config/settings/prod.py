"""Production (and the demo): gunicorn, DEBUG off, HTTPS-only cookies and HSTS.

SECRET_KEY comes from DJANGO_SECRET_KEY; `make demo` writes a local one to var/secret_key once.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = False
_secret_file = VAR_DIR / "secret_key"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or (
    _secret_file.read_text().strip() if _secret_file.exists() else ""
)
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (at least 50 characters).")

# The demo serves plain http on 127.0.0.1; a real deployment keeps the HTTPS defaults.
_https = os.environ.get("KRING_HTTPS", "1") == "1"
SECURE_SSL_REDIRECT = _https
SESSION_COOKIE_SECURE = _https
CSRF_COOKIE_SECURE = _https
SECURE_HSTS_SECONDS = 31536000 if _https else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _https
SECURE_HSTS_PRELOAD = _https
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
