"""Where to send someone back to after a form: only ever a page of this site."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, *, referer: bool = False) -> str | None:
    """The form's `next` when it is a path on this site (or, with `referer` and no `next`, the
    page the button was on, if on this site); None otherwise, so a crafted link cannot send
    anyone elsewhere."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not target.startswith("/"):
        target = request.META.get("HTTP_REFERER", "") if referer and not target else ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None
