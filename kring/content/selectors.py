"""Reads of posts for pages: one post for its page, and cards for a page of a stream.

`post_cards` decorates any list of visible posts for one reader in a fixed number of queries
(attachments, reactions, bookmarks, read confirmations, polls), whatever the list holds.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Prefetch, QuerySet, prefetch_related_objects
from django.shortcuts import get_object_or_404

from kring.accounts.models import User
from kring.content import permissions
from kring.content.models import Attachment, Blog, PollOption, PollVote, Post, ReadConfirmation
from kring.content.targets import POST
from kring.engagement.models import Bookmark
from kring.engagement.selectors import ReactionCount, reaction_summary
from kring.spaces import permissions as space_permissions
from kring.spaces.models import Membership, Space

MEDIA = (Attachment.Kind.AUDIO, Attachment.Kind.VIDEO)


@dataclass
class PostCard:
    """A post as one reader sees it in a stream."""

    post: Post
    reactions: list[ReactionCount] = field(default_factory=list)
    my_reaction: str | None = None
    saved: bool = False
    confirmed: bool = False
    unread: bool = False
    images: list[Attachment] = field(default_factory=list)
    media: list[Attachment] = field(default_factory=list)  # audio and video, played inline
    files: list[Attachment] = field(default_factory=list)
    voted_option_ids: set[int] = field(default_factory=set)
    can_react: bool = False
    can_comment: bool = False
    html: str = ""  # the card drawn for a stream (content/views/cards.py)

    @property
    def original(self) -> Post:
        """What the card shows: the shared post for a share, the post itself otherwise."""
        return self.post.shared_post or self.post


def post_get(actor: object, pk: int) -> Post:
    """One post for its page: 404 for what the actor may not read (secret, deleted, hidden)."""
    post = get_object_or_404(
        Post.objects.select_related("author", "space", "blog", "shared_post__author"), pk=pk
    )
    permissions.check_read(actor, post)
    return post


def _attachments(posts: list[Post]) -> dict[int, list[Attachment]]:
    found: dict[int, list[Attachment]] = defaultdict(list)
    for attachment in Attachment.objects.filter(post__in=posts):
        found[attachment.post_id].append(attachment)
    return found


def post_cards(
    actor: User,
    posts: list[Post],
    *,
    memberships: dict[int, Membership] | None = None,
    unread_after: datetime | None = None,
) -> list[PostCard]:
    """Cards for a page of visible posts, in a fixed number of queries."""
    if not posts:
        return []
    shown = [p.shared_post or p for p in posts]
    ids = [p.pk for p in shown]
    space_permissions.remember_memberships(actor, [p.space for p in shown], memberships)
    attachments = _attachments(shown)
    summary, mine = reaction_summary(actor, POST, ids)
    saved, confirmed = _saved_and_confirmed(actor, shown)
    votes = _poll_votes(actor, shown)
    cards = []
    for post, original in zip(posts, shown, strict=True):
        files = attachments.get(original.pk, [])
        cards.append(
            PostCard(
                post=post,
                reactions=summary.get(original.pk, []),
                my_reaction=mine.get(original.pk),
                saved=original.pk in saved,
                confirmed=original.pk in confirmed,
                unread=bool(
                    unread_after and post.published_at > unread_after and post.author_id != actor.pk
                ),
                images=[a for a in files if a.kind == Attachment.Kind.IMAGE],
                media=[a for a in files if a.kind in MEDIA],
                files=[a for a in files if a.kind == Attachment.Kind.DOCUMENT],
                voted_option_ids=votes.get(original.pk, set()),
                can_react=permissions.can_react(actor, original),
                can_comment=permissions.can_comment(actor, original),
            )
        )
    return cards


def with_reader_marks(qs: QuerySet[Post], actor: User) -> QuerySet[Post]:
    """Annotate whether the reader saved each post and confirmed reading it: no extra queries
    when the cards are drawn (`post_cards` asks the database only for posts without these)."""
    return qs.annotate(
        reader_saved=Exists(
            Bookmark.objects.filter(user=actor, target_type=POST, target_id=OuterRef("pk"))
        ),
        reader_confirmed=Exists(ReadConfirmation.objects.filter(user=actor, post=OuterRef("pk"))),
    )


def _saved_and_confirmed(actor: User, posts: list[Post]) -> tuple[set[int], set[int]]:
    marked = [p for p in posts if hasattr(p, "reader_saved")]
    saved = {p.pk for p in marked if getattr(p, "reader_saved", False)}
    confirmed = {p.pk for p in marked if getattr(p, "reader_confirmed", False)}
    rest = [p.pk for p in posts if not hasattr(p, "reader_saved")]
    if rest:
        saved |= set(
            Bookmark.objects.filter(user=actor, target_type=POST, target_id__in=rest).values_list(
                "target_id", flat=True
            )
        )
        important = [p.pk for p in posts if p.important and p.pk in rest]
        if important:
            confirmed |= set(
                ReadConfirmation.objects.filter(user=actor, post_id__in=important).values_list(
                    "post_id", flat=True
                )
            )
    return saved, confirmed


def _poll_votes(actor: User, posts: list[Post]) -> dict[int, set[int]]:
    """The reader's votes on the polls among `posts` (their options come with the poll)."""
    polls = [p for p in posts if p.kind == Post.Kind.POLL]
    if not polls:
        return {}
    options: QuerySet[PollOption] = PollOption.objects.order_by("position", "pk")
    prefetch_related_objects(polls, "poll", Prefetch("poll__options", queryset=options))
    votes: dict[int, set[int]] = defaultdict(set)
    for post_id, option_id in PollVote.objects.filter(user=actor, poll__post__in=polls).values_list(
        "poll__post_id", "option_id"
    ):
        votes[post_id].add(option_id)
    return votes


SPOTLIGHT_LIMIT = 3
SPOTLIGHT_CANDIDATES = 20
SPOTLIGHT_KEY = "content:spotlight"
SPOTLIGHT_SECONDS = 60


def _spotlight_candidates() -> list[int]:
    """The newest posts in the spotlight, whoever may see them: the same for everyone, so kept
    for a minute and forgotten as soon as the spotlight changes (`spotlight_forget`; a cache of
    one process only lags by the minute). The home page asks nothing more of the database when
    nothing is in the spotlight."""
    found = cache.get_or_set(
        SPOTLIGHT_KEY,
        lambda: list(
            Post.objects.filter(spotlight_at__isnull=False, deleted_at__isnull=True)
            .order_by("-spotlight_at")
            .values_list("pk", flat=True)[:SPOTLIGHT_CANDIDATES]
        ),
        SPOTLIGHT_SECONDS,
    )
    return found or []


def spotlight_forget() -> None:
    cache.delete(SPOTLIGHT_KEY)


def spotlight(actor: User) -> list[Post]:
    """Good examples the community manager put in the spotlight, newest first: the newest ones the
    reader may see, among the newest `SPOTLIGHT_CANDIDATES`."""
    candidates = _spotlight_candidates()
    if not candidates:
        return []
    return list(
        Post.objects.visible_to(actor)
        .filter(pk__in=candidates)
        .select_related("author", "shared_post__author")
        .order_by("-spotlight_at")[:SPOTLIGHT_LIMIT]
    )


def compose_spaces(actor: User, mine: list[Space] | None = None) -> list[Space]:
    """The spaces the person may write a post in (for the quick composer), by name.

    `mine`: the person's spaces when the caller has them already (with memberships remembered).
    """
    if mine is None:
        mine = list(
            Space.objects.filter(
                pk__in=space_permissions.current_memberships(actor).values("space_id"),
                deleted_at__isnull=True,
            )
        )
    writable = [
        s
        for s in mine
        if s.kind != Space.Kind.NEWS and not s.is_archived and space_permissions.can_post(actor, s)
    ]
    return sorted(writable, key=lambda s: s.name.lower())


def compose_kinds(actor: User, space: Space) -> list[tuple[str, str]]:
    """What the person may write in this space: (kind, label)."""
    return [
        (kind, str(label))
        for kind, label in Post.Kind.choices
        if kind != Post.Kind.BLOG and permissions.can_post(actor, space, kind)
    ]


@dataclass
class UnitConfirmations:
    unit: str
    audience: int
    confirmed: int
    waiting: list[User] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(100 * self.confirmed / self.audience) if self.audience else 0


def confirmations_by_unit(actor: User, post: Post) -> list[UnitConfirmations]:
    """For editors: per unit, how many of the audience confirmed, and who has not yet."""
    permissions.check_see_confirmations(actor, post)
    confirmed = set(ReadConfirmation.objects.filter(post=post).values_list("user_id", flat=True))
    people = (
        User.objects.filter(
            pk__in=space_permissions.current_memberships_of(post.space).values("user_id"),
            is_active=True,
        )
        .exclude(pk=post.author_id)
        .select_related("primary_unit")
        .order_by("display_name")
    )
    rows: dict[str, UnitConfirmations] = {}
    for person in people:
        unit = person.primary_unit.name if person.primary_unit else ""
        row = rows.setdefault(unit, UnitConfirmations(unit=unit, audience=0, confirmed=0))
        row.audience += 1
        if person.pk in confirmed:
            row.confirmed += 1
        else:
            row.waiting.append(person)
    return sorted(rows.values(), key=lambda r: (r.percent, r.unit))


def writable_blogs(actor: User, space: Space) -> list[Blog]:
    return [
        b
        for b in Blog.objects.filter(space=space).select_related("owner")
        if permissions.can_write_in_blog(actor, b, space)
    ]
