from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation

from kring.accounts import permissions
from kring.accounts.models import Organisation
from kring.accounts.services.activity import activity_record

Handler = Callable[[HttpRequest], HttpResponse]


class UserLanguageMiddleware:
    """A signed-in person sees Kring in the language of their profile."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


MFA_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/brand.css")


class AdminMFARequiredMiddleware:
    """When the organisation requires it, administrators must set up TOTP before anything else."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            permissions.is_admin(user)
            and not request.path.startswith(MFA_EXEMPT_PREFIXES)
            and Organisation.current().require_admin_mfa
        ):
            from allauth.mfa.models import Authenticator

            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                return redirect("mfa_activate_totp")
        return self.get_response(request)


class ActivityMiddleware:
    """Records a `page_view` of the section (URL namespace) for every full page a person opens."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = request.user
        match = request.resolver_match
        if (
            request.method == "GET"
            and response.status_code == 200
            and user.is_authenticated
            and match is not None
            and match.namespace
            and not getattr(request, "htmx", False)
            and response.get("Content-Type", "").startswith("text/html")
        ):
            activity_record(
                actor=user,
                verb="page_view",
                # A space's pages say which space, for the per-space analytics.
                space_id=getattr(request, "activity_space_id", None),
                # A page of one thing (a post) says which, for reach ("% opened").
                obj_type=getattr(request, "activity_obj_type", ""),
                obj_id=getattr(request, "activity_obj_id", None),
                meta={"section": getattr(request, "activity_section", match.namespace)},
            )
        return response
