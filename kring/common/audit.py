from typing import Any

from django.db import models

from kring.common.models import AuditEntry


def audit_record(
    *,
    actor: models.Model | None,
    action: str,
    obj: models.Model | None = None,
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write an audit entry; call it inside the transaction of the change it describes."""
    return AuditEntry.objects.create(
        actor_id=actor.pk if actor is not None else None,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        changes=changes or {},
    )
