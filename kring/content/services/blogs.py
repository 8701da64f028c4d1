"""Blogs: a person (a manager's weekly blog) or a space keeps a series of posts."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kring.accounts.models import User
from kring.content import permissions
from kring.content.models import Blog
from kring.spaces import permissions as space_permissions
from kring.spaces.models import Space


@transaction.atomic
def blog_create(
    *, actor: User, space: Space, title: str, description: str = "", personal: bool = True
) -> Blog:
    """Start a blog in a space: the actor's own, or (for its managers) the space's."""
    space_permissions.check_read(actor, space)
    if not permissions.can_keep_blog(actor, space, personal):
        raise PermissionDenied
    title, description = (title or "").strip(), (description or "").strip()
    if not title:
        raise ValidationError({"title": _("Give it a title.")})
    if len(title) > 120:
        raise ValidationError({"title": _("A title can be at most 120 characters long.")})
    if len(description) > 300:
        raise ValidationError(
            {"description": _("A description can be at most 300 characters long.")}
        )
    return Blog.objects.create(
        space=space, owner=actor if personal else None, title=title, description=description
    )
