"""Reactions, comments, mentions, topics, follows, bookmarks and reports on registered targets.

A target is `(target_type, target_id)`: a type registered in `kring.engagement.targets` (e.g.
"post") and the row's id. Visibility always comes from the target's own filter.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.common import clock


class TargetFields(models.Model):
    target_type = models.CharField(max_length=20)
    target_id = models.BigIntegerField()

    class Meta:
        abstract = True


class Comment(TargetFields):
    """A comment on a target, or a reply to a comment (one level deep). Answers to a question
    are its top-level comments."""

    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments"
    )
    body = models.TextField(_("comment"), max_length=10_000)
    body_html = models.TextField(blank=True)
    created_at = models.DateTimeField(default=clock.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_reason = models.CharField(max_length=300, blank=True)
    reaction_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["target_type", "target_id", "created_at"], name="comment_target"),
            models.Index(fields=["author", "-created_at"], name="comment_author"),
        ]

    def __str__(self) -> str:
        return f"comment {self.pk} on {self.target_type} {self.target_id}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class Reaction(TargetFields):
    """One reaction per person per target; choosing another kind replaces it."""

    class Kind(models.TextChoices):
        LIKE = "like", pgettext_lazy("reaction", "Like")
        THANKS = "thanks", pgettext_lazy("reaction", "Thanks")
        CELEBRATE = "celebrate", pgettext_lazy("reaction", "Celebrate")
        INSIGHTFUL = "insightful", pgettext_lazy("reaction", "Insightful")
        SUPPORT = "support", pgettext_lazy("reaction", "Support")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reactions"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(
                fields=["target_type", "target_id", "user"], name="one_reaction_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} by {self.user_id} on {self.target_type} {self.target_id}"


REACTION_EMOJI = {
    Reaction.Kind.LIKE: "👍",
    Reaction.Kind.THANKS: "🙏",
    Reaction.Kind.CELEBRATE: "🎉",
    Reaction.Kind.INSIGHTFUL: "💡",
    Reaction.Kind.SUPPORT: "💛",
}


class Mention(TargetFields):
    """Someone named in a post or comment. `visible` records whether they could see it when it
    was written; delivery (notifications, a later issue) checks again."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    visible = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["target_type", "target_id", "user"], name="one_mention_per_person"
            )
        ]
        indexes = [models.Index(fields=["user", "-created_at"], name="mention_user")]

    def __str__(self) -> str:
        return f"@{self.user_id} in {self.target_type} {self.target_id}"


class Topic(models.Model):
    name = models.CharField(_("topic"), max_length=50, unique=True)  # normalised: lower case
    label = models.CharField(max_length=50)  # as first written
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"#{self.label}"


class TopicUse(TargetFields):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="uses")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["topic", "target_type", "target_id"], name="one_use_per_target"
            )
        ]
        indexes = [models.Index(fields=["target_type", "target_id"], name="topicuse_target")]

    def __str__(self) -> str:
        return f"{self.topic_id} on {self.target_type} {self.target_id}"


class PersonalMark(TargetFields):
    """Something a person keeps on a target for themselves: following it, saving it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        abstract = True


class Follow(PersonalMark):
    """Following a person, a space, a topic or a thread: their new things come to the home feed."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        SPACE = "space", _("Space")
        TOPIC = "topic", _("Topic")
        THREAD = "thread", _("Thread")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "target_type", "target_id"], name="one_follow_per_target"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.target_type} {self.target_id}"


class Bookmark(PersonalMark):
    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "target_type", "target_id"], name="one_bookmark_per_target"
            )
        ]
        indexes = [models.Index(fields=["user", "-created_at"], name="bookmark_user")]

    def __str__(self) -> str:
        return f"{self.user_id} saved {self.target_type} {self.target_id}"


class Report(TargetFields):
    """Someone asks the moderators to look at a post or comment."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        HIDDEN = "hidden", _("Content hidden")
        DISMISSED = "dismissed", _("Dismissed")

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField(default=clock.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "target_type", "target_id"],
                condition=models.Q(state="open"),
                name="one_open_report_per_person",
            )
        ]
        indexes = [models.Index(fields=["state", "-created_at"], name="report_state")]

    def __str__(self) -> str:
        return f"report on {self.target_type} {self.target_id} ({self.state})"
