"""Attachments, served only after the permission check (owned by the attachments helper)."""

from django.http import Http404, HttpRequest, HttpResponseBase


def attachment(request: HttpRequest, post_id: int, pk: int, name: str) -> HttpResponseBase:
    raise Http404
