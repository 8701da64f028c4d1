from allauth.account.utils import perform_login
from allauth.account.views import LoginView as AllauthLoginView
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from kring.accounts.forms import InvitationAcceptForm
from kring.accounts.models import Organisation, User
from kring.accounts.services import invitations


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch language; a signed-in person keeps the choice in their profile."""
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    language = request.POST.get("language", "")
    if language in dict(settings.LANGUAGES) and check_for_language(language):
        user = request.user
        if isinstance(user, User) and user.is_authenticated:
            User.objects.filter(pk=user.pk).update(language=language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


def brand_css(request: HttpRequest) -> HttpResponse:
    """The organisation's colours as CSS variables: CSP forbids inline styles."""
    org = Organisation.current()
    css = f":root {{ --brand: {org.brand_colour}; --on-brand: {org.brand_text_colour}; }}\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


# --- Invitations: the link in the e-mail, and the login page's throttling answer


def _invitation_trouble(request: HttpRequest, token: str, code: str, message: str) -> HttpResponse:
    """The page for a link that cannot be used; unknown links look exactly like expired ones."""
    if code == "used":
        return render(request, "account/invitation_used.html", status=410)
    if code == "not_yet":
        return render(request, "account/invitation_not_yet.html", {"message": message}, status=403)
    return render(
        request,
        "account/invitation_invalid.html",
        {"token": token, "revoked": code == "revoked"},
        status=404,
    )


@login_not_required
@sensitive_post_parameters("password1", "password2")
@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Choose a password from an invitation link, then go straight in."""
    found = invitations.invitation_for_token(token)
    if found is None:
        return _invitation_trouble(request, token, "invalid", "")
    problem = invitations.invitation_problem(found)
    if problem is not None:
        return _invitation_trouble(request, token, problem.code or "", str(problem.message))
    form = InvitationAcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.invitation_accept(
                token=token, password=form.cleaned_data["password1"]
            )
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                return _invitation_trouble(request, token, error.code or "", str(error.message))
            form.add_error("password1", error.error_dict["password"])
        else:
            return perform_login(request, user, redirect_url=reverse("feed:home"))
    return render(request, "account/invitation_accept.html", {"form": form, "person": found.user})


@login_not_required
@require_POST
def invitation_request_new(request: HttpRequest, token: str) -> HttpResponse:
    """Ask for a fresh link. The answer is the same whatever the token was."""
    invitations.invitation_request_new(token=token)
    return render(request, "account/invitation_requested.html")


class LoginView(AllauthLoginView):
    """allauth's login, answering 429 (not 200) once failed attempts are throttled."""

    def form_invalid(self, form: Form) -> HttpResponse:
        response = super().form_invalid(form)
        codes = {error.code for error in form.non_field_errors().as_data()}
        if "too_many_login_attempts" in codes:
            response.status_code = 429
        return response


login = LoginView.as_view()
