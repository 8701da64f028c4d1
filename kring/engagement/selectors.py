"""Reads of engagement for pages: reactions in summary, what a person follows."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from kring.accounts.models import User
from kring.engagement.comment_target import COMMENT
from kring.engagement.models import REACTION_EMOJI, Comment, Follow, Mention, Reaction, Report
from kring.engagement.targets import registered, target_type
from kring.spaces import permissions as space_permissions
from kring.spaces.models import Space


@dataclass(frozen=True)
class ReactionCount:
    kind: str
    emoji: str
    label: str
    count: int


def reaction_summary(
    actor: User, target: str, ids: list[int]
) -> tuple[dict[int, list[ReactionCount]], dict[int, str]]:
    """Per target id: the reactions by kind, and the actor's own. One query for any number."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    mine: dict[int, str] = {}
    rows = (
        Reaction.objects.filter(target_type=target, target_id__in=ids)
        .values("target_id", "kind")
        .annotate(n=Count("pk"), me=Count("pk", filter=Q(user_id=actor.pk)))
        .order_by()
    )
    for row in rows:
        counts[row["target_id"]][row["kind"]] = row["n"]
        if row["me"]:
            mine[row["target_id"]] = row["kind"]
    labels = {kind: str(label) for kind, label in Reaction.Kind.choices}
    summary = {
        pk: [
            ReactionCount(kind, REACTION_EMOJI[Reaction.Kind(kind)], labels[kind], by_kind[kind])
            for kind in Reaction.Kind.values
            if by_kind.get(kind)
        ]
        for pk, by_kind in counts.items()
    }
    return summary, mine


def reaction_choices() -> list[tuple[str, str, str]]:
    """(kind, emoji, label) for the reaction picker."""
    return [
        (kind, REACTION_EMOJI[Reaction.Kind(kind)], str(label))
        for kind, label in Reaction.Kind.choices
    ]


def follows(actor: User, kind: str, target_id: int) -> bool:
    return Follow.objects.filter(user=actor, target_type=kind, target_id=target_id).exists()


@dataclass
class CommentView:
    comment: Comment
    reactions: list[ReactionCount]
    my_reaction: str | None
    can_edit: bool
    can_delete: bool
    can_moderate: bool
    replies: list["CommentView"] = field(default_factory=list)


@dataclass
class Thread:
    target: str
    target_id: int
    comments: list[CommentView]
    count: int
    can_comment: bool
    accepted_id: int | None = None


def comment_thread(actor: User, target: str, obj: Any, accepted_id: int | None = None) -> Thread:
    """Every visible comment on a (visible) target, replies under their parent: three queries."""
    kind = target_type(target)
    rows = list(
        Comment.objects.filter(
            Q(hidden_at__isnull=True) | Q(author_id=actor.pk),
            target_type=target,
            target_id=obj.pk,
            deleted_at__isnull=True,
        )
        .select_related("author")
        .order_by("created_at", "pk")
    )
    summary, mine = reaction_summary(actor, COMMENT, [c.pk for c in rows])
    can_moderate = kind.can_moderate(actor, obj)
    can_comment = kind.can_comment(actor, obj)

    def view(c: Comment) -> CommentView:
        own = c.author_id == actor.pk
        return CommentView(
            comment=c,
            reactions=summary.get(c.pk, []),
            my_reaction=mine.get(c.pk),
            can_edit=own and can_comment,
            can_delete=(own and can_comment) or can_moderate,
            can_moderate=can_moderate,
        )

    top: dict[int, CommentView] = {}
    for c in rows:
        if c.parent_id is None:
            top[c.pk] = view(c)
    for c in rows:
        if c.parent_id is not None and c.parent_id in top:
            top[c.parent_id].replies.append(view(c))
    ordered = list(top.values())
    if accepted_id in top:  # the answer that helped comes first
        ordered.sort(key=lambda v: v.comment.pk != accepted_id)
    return Thread(target, obj.pk, ordered, len(rows), can_comment, accepted_id)


def mention_candidates(actor: User, space: Space, query: str) -> list[User]:
    """People whose name matches and who can read `space`, in one query. An external guest is
    offered the space's members only: the rest of the organisation stays out of their sight."""
    query = " ".join(query.split())[:50]
    if len(query) < 2:
        return []
    people = space_permissions.filter_readers(space, User.objects.all())
    if space_permissions.is_external_guest(actor):
        people = people.filter(
            pk__in=space_permissions.current_memberships_of(space).values("user_id")
        )
    return list(
        people.filter(display_name__icontains=query)
        .exclude(pk=actor.pk)
        .order_by("display_name")[:8]
    )


def unseen_mentions(actor: User, target: str, target_id: int) -> list[str]:
    """Names the actor mentioned on this target who cannot see it (to warn the author)."""
    return list(
        Mention.objects.filter(target_type=target, target_id=target_id, by=actor, visible=False)
        .order_by("user__display_name")
        .values_list("user__display_name", flat=True)
    )


def mention_warning(names: list[str]) -> str:
    return _("%(names)s cannot see this, so they will not be told you mentioned them.") % {
        "names": ", ".join(names)
    }


@dataclass
class ReportedItem:
    """One reported post or comment, with every open report on it."""

    target: str
    target_id: int
    obj: Any
    reports: list[Report]

    @property
    def first_reported_at(self) -> Any:
        return self.reports[-1].created_at


REPORT_QUEUE_LIMIT = 50


def open_reports(actor: User) -> list[ReportedItem]:
    """The moderation queue: open reports on what the actor moderates (and can see), grouped by
    what was reported, oldest waiting first. A fixed number of queries: one for the reports, one
    per kind of target for the reported things."""
    on = Q(pk__in=[])
    for kind in registered():
        on |= Q(target_type=kind.name, target_id__in=kind.moderated_ids(actor))
    reports = list(
        Report.objects.filter(on, state=Report.State.OPEN)
        .select_related("reporter")
        .order_by("-created_at")[:500]
    )
    grouped: dict[tuple[str, int], list[Report]] = defaultdict(list)
    for report in reports:
        grouped[(report.target_type, report.target_id)].append(report)
    items: list[ReportedItem] = []
    for name in {key[0] for key in grouped}:
        kind = target_type(name)
        ids = [pk for (t, pk) in grouped if t == name]
        related = ["author"] if hasattr(kind.model, "author") else []
        for obj in kind.model._default_manager.filter(pk__in=ids).select_related(*related):
            items.append(ReportedItem(name, obj.pk, obj, grouped[(name, obj.pk)]))
    items.sort(key=lambda item: item.first_reported_at)
    return items[:REPORT_QUEUE_LIMIT]
