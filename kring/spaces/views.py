"""Placeholder views: the spaces UI is being built (issue 8)."""

from django.http import Http404, HttpRequest, HttpResponse


def directory(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def create(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def detail(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def cover(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def members(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def member_role(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def member_remove(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def join(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def leave(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def request_join(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def decide(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def invite(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def invite_search(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def guests(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def guest_access(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def transfer(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def settings(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def archive(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


def delete(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404
