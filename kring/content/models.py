"""Everything people write in a space: posts, news, blog posts, questions and polls.

One table for every kind, so a stream is one indexed query over `(published_at, id)` whatever it
shows (docs/feed.md). Kind-specific parts live beside it: the poll's options, attachments, read
confirmations, revisions.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kring.common import clock
from kring.spaces.models import Space


class PostQuerySet(models.QuerySet["Post"]):
    def visible_to(self, actor: object) -> "models.QuerySet[Post]":
        from kring.content.permissions import filter_visible_posts

        return filter_visible_posts(actor, self)


class Blog(models.Model):
    """A person's or a space's blog: a series of posts with a title of its own."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="blogs")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("title"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("blog")
        verbose_name_plural = _("blogs")

    def __str__(self) -> str:
        return self.title


class Post(models.Model):
    class Kind(models.TextChoices):
        POST = "post", _("Post")
        NEWS = "news", _("News")
        BLOG = "blog", _("Blog post")
        QUESTION = "question", _("Question")
        POLL = "poll", _("Poll")

    class State(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")

    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.POST)
    space = models.ForeignKey(Space, on_delete=models.PROTECT, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts"
    )
    blog = models.ForeignKey(
        Blog, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts"
    )
    title = models.CharField(_("title"), max_length=150, blank=True)
    lead = models.CharField(_("lead"), max_length=300, blank=True)
    body = models.TextField(_("text"), max_length=20_000, blank=True)
    body_html = models.TextField(blank=True)
    cover = models.ImageField(_("cover image"), upload_to="content/covers/", blank=True)
    cover_alt = models.CharField(_("description of the cover image"), max_length=200, blank=True)
    # A share is a post that points at another one; it shows only to who may see both.
    shared_post = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="shares"
    )
    link_url = models.URLField(max_length=500, blank=True)
    link_preview = models.JSONField(default=dict, blank=True)

    state = models.CharField(max_length=10, choices=State.choices, default=State.PUBLISHED)
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)
    published_at = models.DateTimeField(default=clock.now)
    pinned_until = models.DateTimeField(_("pinned until"), null=True, blank=True)
    important = models.BooleanField(_("important: ask readers to confirm"), default=False)

    accepted_answer = models.ForeignKey(
        "engagement.Comment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_reason = models.CharField(max_length=300, blank=True)
    spotlight_at = models.DateTimeField(null=True, blank=True)
    # Important news: when an editor last asked to remind the readers who have not confirmed,
    # and which of those requests the reminder task has sent (each is sent once).
    reminded_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    comment_count = models.PositiveIntegerField(default=0)
    reaction_count = models.PositiveIntegerField(default=0)
    last_activity_at = models.DateTimeField(default=clock.now)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [
            # The streams: newest first, keyset on (published_at, id).
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(state="published", deleted_at__isnull=True),
                name="post_stream",
            ),
            models.Index(
                fields=["space", "-published_at", "-id"],
                condition=Q(state="published", deleted_at__isnull=True),
                name="post_space_stream",
            ),
            # News and questions of a space, and the home stream's "news" and "questions".
            models.Index(
                fields=["space", "kind", "-published_at", "-id"],
                condition=Q(state="published", deleted_at__isnull=True),
                name="post_space_kind_stream",
            ),
            models.Index(fields=["author", "-published_at", "-id"], name="post_author_stream"),
            models.Index(fields=["state", "publish_at"], name="post_scheduled"),
            # Must-know on top of the home stream: pinned or important news.
            models.Index(
                fields=["-published_at"],
                condition=Q(kind="news", deleted_at__isnull=True)
                & (Q(important=True) | Q(pinned_until__isnull=False)),
                name="post_must_know",
            ),
            models.Index(
                fields=["space", "-published_at"],
                condition=Q(pinned_until__isnull=False, deleted_at__isnull=True),
                name="post_pinned",
            ),
            models.Index(
                fields=["-spotlight_at"],
                condition=Q(spotlight_at__isnull=False),
                name="post_spotlight",
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.get_kind_display()} {self.pk}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def cover_filename(self) -> str:
        """The stored cover's own name: random, new with every cover, so it versions its URL."""
        return (self.cover.name or "").rsplit("/", 1)[-1]

    def is_pinned(self) -> bool:
        return self.pinned_until is not None and self.pinned_until > clock.now()


class PostRevision(models.Model):
    """What a post said before an edit."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=150, blank=True)
    body = models.TextField(blank=True)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"revision of {self.post_id} at {self.created_at:%Y-%m-%d %H:%M}"


class Attachment(models.Model):
    """A file in a post, served only after the permission check (never from a public URL)."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        AUDIO = "audio", _("Audio")
        VIDEO = "video", _("Video")
        DOCUMENT = "document", _("Document")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    file = models.FileField(upload_to="content/files/%Y/%m/")
    mime = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    original_name = models.CharField(max_length=150)
    alt_text = models.CharField(
        _("description for people who cannot see the image"), max_length=300, blank=True
    )
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.original_name


class Poll(models.Model):
    class Results(models.TextChoices):
        AFTER_VOTE = "after_vote", _("After voting")
        AFTER_CLOSE = "after_close", _("When the poll closes")

    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="poll")
    multiple = models.BooleanField(_("more than one answer allowed"), default=False)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    results = models.CharField(max_length=12, choices=Results.choices, default=Results.AFTER_VOTE)
    voter_count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"poll of {self.post_id}"

    def is_closed(self) -> bool:
        return self.closes_at is not None and self.closes_at <= clock.now()


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("option"), max_length=120)
    position = models.PositiveSmallIntegerField(default=0)
    vote_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.label


class PollVote(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["option", "user"], name="one_vote_per_option")
        ]
        indexes = [models.Index(fields=["poll", "user"], name="pollvote_poll_user")]

    def __str__(self) -> str:
        return f"{self.user_id} voted {self.option_id}"


class ReadConfirmation(models.Model):
    """ "I have read it": important news asks every reader for one."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="confirmations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    confirmed_at = models.DateTimeField(default=clock.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="one_confirmation_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.post_id}"
