"""Questions: the asker (or a space's managers) accepts the answer that helped."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kring.accounts.models import User
from kring.accounts.services.activity import activity_record
from kring.content import permissions
from kring.content.models import Post
from kring.content.targets import POST
from kring.engagement.models import Comment


@transaction.atomic
def answer_accept(*, actor: User, post_id: int, comment_id: int | None) -> Post:
    """Accept an answer (a top-level comment on the question); None withdraws the acceptance."""
    post = Post.objects.select_for_update().select_related("space").filter(pk=post_id).first()
    if post is None:
        raise ValidationError(_("This question is no longer there."))
    permissions.check_accept_answer(actor, post)
    answer = None
    if comment_id is not None:
        answer = Comment.objects.filter(
            pk=comment_id,
            target_type=POST,
            target_id=post.pk,
            parent__isnull=True,
            deleted_at__isnull=True,
            hidden_at__isnull=True,
        ).first()
        if answer is None:
            raise ValidationError(_("That answer is not on this question."))
    post.accepted_answer = answer
    post.save(update_fields=["accepted_answer"])
    if answer is not None and answer.author_id != post.author_id:
        activity_record(
            actor=actor,
            verb="answer_accepted",
            obj_type="comment",
            obj_id=answer.pk,
            root_type=POST,
            root_id=post.pk,
            space_id=post.space_id,
            target_user_id=answer.author_id,
        )
    return post
