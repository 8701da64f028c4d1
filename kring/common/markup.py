"""Text in, safe HTML out: Markdown for posts and comments, with @mentions and #topics.

People write CommonMark (no raw HTML, no tables, no images). Mentions are stored as
``@[Display Name](person:123)`` (the composer's autocomplete inserts them); topics are typed as
``#rekenen``. Both are recognised by the Markdown parser itself, so text inside code is never a
mention or a topic. Whatever the parser emits goes through nh3 with a short allowlist before it
reaches a page: the sanitiser, not the parser, is the security boundary.
"""

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

MentionUrl = Callable[[int], str]
TopicUrl = Callable[[str], str]

LINK_REL = "nofollow noopener noreferrer ugc"
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h3", "h4"}
    | {"hr", "del", "span"}
)

TOPIC_MIN_LENGTH = 2
TOPIC_MAX_LENGTH = 50

_MENTION_RE = re.compile(r"@\[([^\[\]\r\n]{1,100})\]\(person:(\d{1,18})\)")
_SCHEME_RE = re.compile(r"([a-z][a-z0-9+.-]*):", re.IGNORECASE)
# A `#` right after these belongs to something else: a word (`C#`), an entity (`&#39;`), a URL
# path or fragment (`x.nl/a#b`), an e-mail address or a query string.
_NOT_BEFORE_TOPIC = frozenset("&/#-.@=?\\")
_HEADING_TAGS = {"h1": "h3", "h2": "h3", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}


def normalise_topic(name: str) -> str:
    """The form a topic is stored and looked up by: `#Één ` and `één` are the same topic."""
    name = unicodedata.normalize("NFC", name).strip().removeprefix("#")
    return unicodedata.normalize("NFC", name.casefold())


def _is_topic_char(char: str) -> bool:
    # Letters, digits and combining marks (a decomposed `é` is `e` plus a mark), `_` and `-`.
    return unicodedata.category(char)[0] in "LNM" or char in "_-"


def _valid_link(url: str) -> bool:
    """Links may be http(s), mailto or relative; anything with another scheme stays plain text."""
    head = re.split(r"[/?#]", url, maxsplit=1)[0]
    if ":" not in head:
        return True
    scheme = _SCHEME_RE.fullmatch(head[: head.index(":") + 1])
    return scheme is not None and scheme.group(1).lower() in ALLOWED_SCHEMES


class _Markdown(MarkdownIt):
    def validateLink(self, url: str) -> bool:
        return _valid_link(url)


def _mention_rule(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "@":
        return False
    match = _MENTION_RE.match(state.src, state.pos)
    if match is None or not match.group(1).strip():
        return False
    if not silent:
        token = state.push("mention", "", 0)
        token.meta = {
            "person_id": int(match.group(2)),
            "name": match.group(1).strip(),
            "in_link": state.linkLevel > 0,
        }
    state.pos = match.end()
    return True


def _topic_rule(state: StateInline, silent: bool) -> bool:
    src, start = state.src, state.pos
    if src[start] != "#" or state.linkLevel > 0:
        return False
    if start > 0 and (src[start - 1].isalnum() or src[start - 1] in _NOT_BEFORE_TOPIC):
        return False
    end = start + 1
    while end < state.posMax and _is_topic_char(src[end]):
        end += 1
    # Trailing `-` and `_` are punctuation or emphasis markers (`_about #reading_`), not the word.
    word = src[start + 1 : end].rstrip("-_")
    if not (TOPIC_MIN_LENGTH <= len(word) <= TOPIC_MAX_LENGTH):
        return False
    if word[0] in "-_" or not any(unicodedata.category(c)[0] == "L" for c in word):
        return False
    if not silent:
        token = state.push("topic", "", 0)
        token.meta = {"name": normalise_topic(word), "text": word}
    state.pos = start + 1 + len(word)
    return True


def _retag(state: StateCore) -> None:
    """Headings drop to h3/h4 so a post never competes with the page's h1; `~~x~~` is <del>."""
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = _HEADING_TAGS[token.tag]
        for child in token.children or ():
            if child.type in ("s_open", "s_close"):
                child.tag = "del"


def _inline_text(tokens: Sequence[Token]) -> str:
    """The words of an inline token list, without markup."""
    parts: list[str] = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif token.type == "mention":
            parts.append(f"@{token.meta['name']}")
        elif token.type == "topic":
            parts.append(f"#{token.meta['text']}")
        elif token.type == "image":
            parts.append(_inline_text(token.children or ()))
    return "".join(parts)


class _Renderer(RendererHTML):
    def mention(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        meta = tokens[idx].meta
        label = escapeHtml(f"@{meta['name']}")
        url_for: MentionUrl | None = env.get("mention_url")
        if url_for is None or meta["in_link"]:
            return f'<span class="mention">{label}</span>'
        href = escapeHtml(url_for(meta["person_id"]))
        return f'<a class="mention" href="{href}">{label}</a>'

    def topic(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        meta = tokens[idx].meta
        label = escapeHtml(f"#{meta['text']}")
        url_for: TopicUrl | None = env.get("topic_url")
        if url_for is None:
            return f'<span class="topic">{label}</span>'
        href = escapeHtml(url_for(meta["name"]))
        return f'<a class="topic" href="{href}">{label}</a>'

    def image(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        # Pictures come as attachments; an inline image would load a third party's URL.
        return escapeHtml(_inline_text(tokens[idx].children or ()))


def _build_parser() -> MarkdownIt:
    md = _Markdown(
        "commonmark",
        # `breaks`: a new line in the composer is a new line in the post, as people expect.
        {"html": False, "linkify": True, "typographer": False, "breaks": True},
        renderer_cls=_Renderer,
    )
    md.enable(["linkify", "strikethrough"])
    md.disable(["html_block", "html_inline"])
    md.inline.ruler.before("link", "mention", _mention_rule)
    md.inline.ruler.before("link", "topic", _topic_rule)
    md.core.ruler.push("kring_retag", _retag)
    return md


_MD = _build_parser()
_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    attributes={"a": {"href", "title"}, "ol": {"start"}},
    allowed_classes={"a": {"mention", "topic"}, "span": {"mention", "topic"}},
    link_rel=LINK_REL,
    url_schemes=set(ALLOWED_SCHEMES),
    strip_comments=True,
)


def render_markdown(
    text: str, *, mention_url: MentionUrl | None = None, topic_url: TopicUrl | None = None
) -> str:
    """Safe HTML for a post or comment. `mention_url(person_id)` and `topic_url(normalised_name)`
    turn mentions and topics into links; without them they render as spans."""
    env: dict[str, Any] = {"mention_url": mention_url, "topic_url": topic_url}
    return _CLEANER.clean(_MD.render(text, env)).strip()


def _inline_tokens(text: str) -> list[Token]:
    return [child for token in _MD.parse(text) for child in token.children or ()]


def extract_mentions(text: str) -> list[int]:
    """The ids of the people mentioned, each once, in order of first mention."""
    found = (t.meta["person_id"] for t in _inline_tokens(text) if t.type == "mention")
    return list(dict.fromkeys(found))


def extract_topics(text: str) -> list[str]:
    """The normalised topic names, each once, in order of first use."""
    found = (t.meta["name"] for t in _inline_tokens(text) if t.type == "topic")
    return list(dict.fromkeys(found))


def plain_text(text: str, limit: int | None = None) -> str:
    """The words without markup, for previews, e-mail and search; mentions read `@Name`.

    The result is not HTML-escaped. Paragraphs are separated by a blank line, list items by a new
    line with a `- ` or `1. ` in front. Over `limit` characters, it is cut at a word boundary and
    ends in "…" (the ellipsis counts towards the limit).
    """
    chunks: list[tuple[str, int | None]] = []  # text, and which top-level list it is in
    lists: list[list[int]] = []  # per open list: [next number] for ordered, [] for bullets
    list_count = 0
    prefix = ""
    for token in _MD.parse(text):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            list_count += not lists
            lists.append([int(token.attrGet("start") or 1)] if token.tag == "ol" else [])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open":
            indent = "  " * (len(lists) - 1)
            counter = lists[-1]
            if counter:
                prefix = f"{indent}{counter[0]}. "
                counter[0] += 1
            else:
                prefix = f"{indent}- "
        elif token.type in ("inline", "fence", "code_block"):
            body = _inline_text(token.children or ()) if token.type == "inline" else token.content
            body = body.strip("\n")
            if body:
                chunks.append((prefix + body, list_count if lists else None))
            prefix = ""
    out: list[str] = []
    for index, (body, in_list) in enumerate(chunks):
        if index:
            same_list = in_list is not None and in_list == chunks[index - 1][1]
            out.append("\n" if same_list else "\n\n")
        out.append(body)
    result = "".join(out)
    if limit is None or len(result) <= limit:
        return result
    return _truncate(result, limit)


def _truncate(text: str, limit: int) -> str:
    if limit < 1:
        raise ValueError("limit must be at least 1")
    cut = text[: limit - 1]
    # Cutting inside a word: go back to the last whitespace, if the text has any before it.
    if not text[limit - 1].isspace():
        boundary = max(cut.rfind(" "), cut.rfind("\n"), cut.rfind("\t"))
        if boundary > 0:
            cut = cut[:boundary]
    return cut.rstrip(" \t\n,;:") + "…"
