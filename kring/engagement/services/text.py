"""Text people write, made safe, with its @mentions and #topics kept (for posts and comments)."""

from kring.accounts.models import User
from kring.accounts.services.activity import activity_record
from kring.common import markup
from kring.engagement.models import Mention, Topic, TopicUse
from kring.engagement.targets import target_type


def text_render(body: str) -> str:
    # Mentions and topics render as marked-up text; they become links to the person's and the
    # topic's streams once those pages exist (the feed, issue 9's next part).
    return markup.render_markdown(body)


def mentioned_people(body: str) -> list[User]:
    ids = markup.extract_mentions(body)
    found = {u.pk: u for u in User.objects.filter(pk__in=ids, is_active=True)}
    return [found[i] for i in ids if i in found]


def who_cannot_see(target: str, target_id: int, people: list[User]) -> list[User]:
    """The people among `people` who could not read the target (the author is warned)."""
    kind = target_type(target)
    manager = kind.model._default_manager
    return [p for p in people if not kind.visible_to(p, manager.filter(pk=target_id)).exists()]


def mentions_record(*, actor: User, target: str, target_id: int, body: str) -> list[Mention]:
    """Keep the target's mentions in step with its text; new ones are recorded as activity.

    Each mention stores whether the person could see the target when it was written, so a later
    notification reaches only those who may read it (and checks again before sending)."""
    if "@[" not in body:  # the common case: no mention now, so none may stay
        Mention.objects.filter(target_type=target, target_id=target_id).delete()
        return []
    people = [p for p in mentioned_people(body) if p.pk != actor.pk]
    blind = {p.pk for p in who_cannot_see(target, target_id, people)}
    existing = set(
        Mention.objects.filter(target_type=target, target_id=target_id).values_list(
            "user_id", flat=True
        )
    )
    wanted = {p.pk for p in people}
    Mention.objects.filter(target_type=target, target_id=target_id).exclude(
        user_id__in=wanted
    ).delete()
    kind = target_type(target)
    space_id = kind.space_id_of(kind.model._default_manager.get(pk=target_id))
    created = []
    for person in people:
        if person.pk in existing:
            Mention.objects.filter(target_type=target, target_id=target_id, user=person).update(
                visible=person.pk not in blind
            )
            continue
        created.append(
            Mention.objects.create(
                target_type=target,
                target_id=target_id,
                user=person,
                by=actor,
                visible=person.pk not in blind,
            )
        )
        if person.pk not in blind:
            activity_record(
                actor=actor,
                verb="mention",
                obj_type=target,
                obj_id=target_id,
                target_user_id=person.pk,
                space_id=space_id,
            )
    return created


def topics_record(*, target: str, target_id: int, body: str, extra: str = "") -> list[Topic]:
    """Keep the target's #topics in step with its text (and title, given as `extra`)."""
    names = markup.extract_topics(f"{extra}\n{body}")
    topics = []
    for name in names:
        topic, _created = Topic.objects.get_or_create(
            name=markup.normalise_topic(name), defaults={"label": name[:50]}
        )
        topics.append(topic)
    TopicUse.objects.filter(target_type=target, target_id=target_id).exclude(
        topic__in=topics
    ).delete()
    TopicUse.objects.bulk_create(
        [TopicUse(topic=t, target_type=target, target_id=target_id) for t in topics],
        ignore_conflicts=True,
    )
    return topics
