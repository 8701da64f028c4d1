"""Reacting: one reaction per person per target; the same again takes it back."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kring.accounts.models import User
from kring.accounts.services.activity import activity_record
from kring.engagement import permissions
from kring.engagement.models import Reaction
from kring.engagement.targets import target_get, target_type


@transaction.atomic
def reaction_set(*, actor: User, target: str, target_id: int, kind: str) -> Reaction | None:
    """React with `kind`; reacting with the kind you already gave removes it (returns None)."""
    if kind not in Reaction.Kind.values:
        raise ValidationError({"kind": _("Choose one of the reactions.")})
    obj = target_get(actor, target, target_id)
    permissions.check_react_on(actor, target, obj)
    mine = (
        Reaction.objects.select_for_update()
        .filter(target_type=target, target_id=target_id, user=actor)
        .first()
    )
    registered = target_type(target)
    if mine is not None and mine.kind == kind:
        mine.delete()
        registered.counts_changed(target_id)
        return None
    if mine is not None:
        mine.kind = kind
        mine.save(update_fields=["kind"])
        return mine
    reaction = Reaction.objects.create(
        target_type=target, target_id=target_id, user=actor, kind=kind
    )
    registered.counts_changed(target_id)
    author = registered.author_id_of(obj)
    activity_record(
        actor=actor,
        verb="reaction_added",
        obj_type=target,
        obj_id=target_id,
        space_id=registered.space_id_of(obj),
        target_user_id=author if author != actor.pk else None,
        meta={"kind": kind},
    )
    return reaction
