"""Posts as the services leave them (content is always written through the services)."""

from typing import Any

from kring.accounts.models import User
from kring.content.models import Post
from kring.content.services.posts import post_create
from kring.spaces.models import Space


def post(author: User, space: Space, body: str = "Hallo allemaal", **fields: Any) -> Post:
    return post_create(actor=author, space=space, body=body, **fields)


def question(
    author: User, space: Space, title: str = "Wie weet hoe dit werkt?", **fields: Any
) -> Post:
    return post_create(actor=author, space=space, kind=Post.Kind.QUESTION, title=title, **fields)


def news(editor: User, space: Space, title: str = "Nieuws van het bestuur", **fields: Any) -> Post:
    fields.setdefault("body", "De scholen zijn op 1 april dicht.")
    return post_create(actor=editor, space=space, kind=Post.Kind.NEWS, title=title, **fields)
