import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kring.common.markup import (
    ALLOWED_SCHEMES,
    ALLOWED_TAGS,
    LINK_REL,
    extract_mentions,
    extract_topics,
    normalise_topic,
    plain_text,
    render_markdown,
)


def person_url(person_id: int) -> str:
    return f"/mensen/{person_id}/"


def topic_url(name: str) -> str:
    return f"/onderwerpen/{name}/"


class Elements(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer would see them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "rel", "class"},
    "span": {"class"},
    "ol": {"start"},
}


def assert_safe(html: str) -> None:
    """Only allowlisted tags and attributes, and only harmless link targets."""
    assert "<script" not in html.lower()
    for tag, attrs in Elements(html).elements:
        assert tag in ALLOWED_TAGS, (tag, html)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, html)
            squashed = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            assert "javascript:" not in squashed and "data:" not in squashed, (tag, value, html)
            assert name in ALLOWED_ATTRIBUTES.get(tag, set()), (tag, name, html)
            if name == "href":
                assert value is not None
                scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):", value)
                if scheme:
                    assert scheme.group(1).lower() in ALLOWED_SCHEMES, (value, html)
                else:
                    before_path = re.split(r"[/?#]", value, maxsplit=1)[0]
                    assert ":" not in before_path, (value, html)
            if name == "class":
                assert value in ("mention", "topic"), (value, html)
        if tag == "a":
            assert attrs.get("rel") == LINK_REL


def hrefs(html: str) -> list[str]:
    return [attrs["href"] or "" for _, attrs in Elements(html).elements if "href" in attrs]


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)"/>hello',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1)  )",
    "[click](java\tscript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](&#x6A;avascript&colon;alert(1))",
    "[click](%6Aavascript:alert(1))",
    "[click](\x01javascript:alert(1))",
    "[click](vbscript:msgbox(1))",
    "<javascript:alert(1)>",
    "<JAVASCRIPT:alert(1)>",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<a href='data:text/html,<script>alert(1)</script>'>x</a>",
    "![x](javascript:alert(1))",
    '![x" onerror="alert(1)](https://example.org/x.png)',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    "<div style=\"width: expression(alert('XSS'));\">x</div>",
    '<a href="javascript:alert(1)">unclosed',
    "<scr<script>ipt>alert(1)</script>",
    "<<script>script>alert(1)//<</script>/script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
    "[x]\n\n[x]: javascript:alert(1)",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<object data=javascript:alert(1)></object><embed src=javascript:alert(1)>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<!--<script>alert(1)</script>-->",
    "@[<script>alert(1)</script>](person:1)",
    '@[x" onmouseover="alert(1)](person:2)',
    '#topic"onmouseover="alert(1)',
    '#"><script>alert(1)</script>',
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
    "[<img src=x onerror=alert(1)>](https://ok.example)",
    "**<img src=x onerror=alert(1)>**",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payloads_are_neutralised(payload):
    for html in (
        render_markdown(payload),
        render_markdown(payload, mention_url=person_url, topic_url=topic_url),
    ):
        assert_safe(html)


def test_xss_payload_list_is_large_enough():
    assert len(XSS_PAYLOADS) >= 15


def test_raw_html_is_shown_as_text_not_run():
    html = render_markdown("<script>alert(1)</script>")
    assert html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"


def test_javascript_link_stays_plain_text():
    html = render_markdown("[click](javascript:alert(1))")
    assert "<a" not in html
    assert "[click](javascript:alert(1))" in html


def test_mention_name_with_markup_is_escaped():
    html = render_markdown("@[<script>x</script>](person:1)", mention_url=person_url)
    assert '<a class="mention" href="/mensen/1/"' in html
    assert "@&lt;script&gt;x&lt;/script&gt;</a>" in html


def test_url_builders_cannot_smuggle_scripts():
    html = render_markdown(
        "@[Jan](person:1) #rekenen",
        mention_url=lambda _: "javascript:alert(1)",
        topic_url=lambda _: '"><script>alert(1)</script>',
    )
    assert_safe(html)
    assert "javascript:" not in html


def test_ordinary_markdown_renders():
    text = (
        "Hallo **iedereen**, dit is _belangrijk_ en ~~oud~~.\n\n"
        "- een\n- twee\n\n"
        "1. eerst\n2. dan\n\n"
        'Zie [de agenda](https://school.example/agenda "Agenda") en `code`.\n\n'
        "```\nregel 1\nregel 2\n```\n\n"
        "> Een citaat\n\n"
        "---\n"
    )
    html = render_markdown(text)
    assert "<strong>iedereen</strong>" in html
    assert "<em>belangrijk</em>" in html
    assert "<del>oud</del>" in html
    assert "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>" in html
    assert "<ol>\n<li>eerst</li>\n<li>dan</li>\n</ol>" in html
    assert (
        f'<a href="https://school.example/agenda" title="Agenda" rel="{LINK_REL}">de agenda</a>'
        in html
    )
    assert "<code>code</code>" in html
    assert "<pre><code>regel 1\nregel 2\n</code></pre>" in html
    assert "<blockquote>\n<p>Een citaat</p>\n</blockquote>" in html
    assert "<hr>" in html
    assert_safe(html)


def test_new_line_is_a_line_break():
    assert render_markdown("regel een\nregel twee") == "<p>regel een<br>\nregel twee</p>"


def test_ordered_list_keeps_its_start():
    assert '<ol start="3">' in render_markdown("3. drie\n4. vier")


def test_bare_urls_and_addresses_become_links():
    html = render_markdown("Kijk op https://school.example/a?b=1 of www.kring.nl, of mail a@b.nl")
    assert hrefs(html) == ["https://school.example/a?b=1", "http://www.kring.nl", "mailto:a@b.nl"]


def test_headings_never_compete_with_the_page_heading():
    html = render_markdown("# Een\n\n## Twee\n\n### Drie\n\n#### Vier\n\n###### Zes")
    assert html.split("\n") == [
        "<h3>Een</h3>",
        "<h3>Twee</h3>",
        "<h3>Drie</h3>",
        "<h4>Vier</h4>",
        "<h4>Zes</h4>",
    ]


def test_images_render_as_their_alt_text():
    html = render_markdown("Kijk: ![een *mooie* foto](https://tracker.example/pixel.png)")
    assert html == "<p>Kijk: een mooie foto</p>"


def test_tables_are_not_rendered():
    html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<table" not in html
    assert "| a | b |" in html


def test_mentions_render_as_links_or_spans():
    text = "Dank je @[Anna de Vries](person:12)!"
    assert render_markdown(text, mention_url=person_url) == (
        f'<p>Dank je <a class="mention" href="/mensen/12/" rel="{LINK_REL}">@Anna de Vries</a>!</p>'
    )
    assert render_markdown(text) == '<p>Dank je <span class="mention">@Anna de Vries</span>!</p>'


def test_mention_inside_a_link_is_not_a_nested_link():
    html = render_markdown("[zie @[Anna](person:1)](https://x.example)", mention_url=person_url)
    assert html.count("<a ") == 1
    assert '<span class="mention">@Anna</span>' in html


@pytest.mark.parametrize(
    "text",
    [
        "@[Anna](person:abc)",
        "@[Anna](person:)",
        "@[](person:1)",
        "@[   ](person:1)",
        "@[Anna](persoon:1)",
        "@[Anna](person:1",
        "@Anna",
        "@[An\nna](person:1)",
    ],
)
def test_malformed_mentions_stay_plain_text(text):
    assert extract_mentions(text) == []
    html = render_markdown(text, mention_url=person_url)
    assert "mention" not in html
    assert "<a" not in html


def test_extract_mentions_distinct_in_order_and_not_in_code():
    text = (
        "@[Bert](person:2) en @[Anna](person:1), nog eens @[Bert](person:2)\n\n"
        "`@[Code](person:3)`\n\n    @[Blok](person:4)\n\n```\n@[Fence](person:5)\n```\n"
        "> @[Citaat](person:6)"
    )
    assert extract_mentions(text) == [2, 1, 6]


def test_mentions_in_code_render_as_code():
    html = render_markdown("`@[Anna](person:1)`", mention_url=person_url)
    assert html == "<p><code>@[Anna](person:1)</code></p>"


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("#rekenen en #groep2", ["rekenen", "groep2"]),
        ("#Ouderbetrokkenheid", ["ouderbetrokkenheid"]),
        ("#één #ÉÉN", ["één"]),
        ("#e\u0301e\u0301n", ["één"]),
        ("#1 #2024 #12345", []),
        ("#1a", ["1a"]),
        ("#a", []),
        ("#" + "a" * 50, ["a" * 50]),
        ("#" + "a" * 51, []),
        ("https://x.nl/a#b", []),
        ("www.x.nl/pagina#kop", []),
        ("x.nl/#anker", []),
        ("it&#39;s &#39;quoted&#39;", []),
        ("C#sharp", []),
        ("`#code`", []),
        ("```\n#fenced\n```", []),
        ("\\#escaped", []),
        ("[#inlink](https://x.nl)", []),
        ("(#haakjes) en _#nadruk_", ["haakjes", "nadruk"]),
        ("#week-12 #lees_plezier", ["week-12", "lees_plezier"]),
        ("eind #zin.", ["zin"]),
        ("#-min #_laag", []),
        ("#rekenen #Rekenen #REKENEN", ["rekenen"]),
        ("# kop", []),
    ],
)
def test_extract_topics(text, topics):
    assert extract_topics(text) == topics


def test_topics_render_as_links_with_the_original_spelling():
    html = render_markdown("Over #Rekenen.", topic_url=topic_url)
    assert html == (
        f'<p>Over <a class="topic" href="/onderwerpen/rekenen/" rel="{LINK_REL}">#Rekenen</a>.</p>'
    )
    assert render_markdown("Over #Rekenen.") == '<p>Over <span class="topic">#Rekenen</span>.</p>'


def test_topic_at_line_start_is_not_a_heading():
    assert (
        render_markdown("#rekenen is leuk") == '<p><span class="topic">#rekenen</span> is leuk</p>'
    )


def test_emphasis_around_a_topic_still_works():
    html = render_markdown("_over #lezen_")
    assert html == '<p><em>over <span class="topic">#lezen</span></em></p>'


@pytest.mark.parametrize(
    ("name", "normal"),
    [("Rekenen", "rekenen"), ("  #Één ", "één"), ("STRASSE", "strasse"), ("Straße", "strasse")],
)
def test_normalise_topic(name, normal):
    assert normalise_topic(name) == normal


def test_plain_text():
    text = (
        "# Ouderavond\n\n"
        "Beste @[Anna de Vries](person:12), zie **de** [agenda](https://x.example) "
        "en `code` #ouders.\n\n"
        "- koffie\n- thee\n\n"
        "3. drie\n4. vier\n\n"
        "![foto van het plein](https://x.example/p.png)\n\n"
        "<b>geen html</b> &amp; entiteiten"
    )
    assert plain_text(text) == (
        "Ouderavond\n\n"
        "Beste @Anna de Vries, zie de agenda en code #ouders.\n\n"
        "- koffie\n- thee\n\n"
        "3. drie\n4. vier\n\n"
        "foto van het plein\n\n"
        "<b>geen html</b> & entiteiten"
    )


def test_plain_text_truncates_on_a_word_boundary():
    text = "Vandaag gaan we met de hele groep naar het museum"
    assert plain_text(text, limit=20) == "Vandaag gaan we met…"
    assert len(plain_text(text, limit=20)) <= 20
    assert plain_text(text, limit=len(text)) == text
    assert plain_text(text, limit=13) == "Vandaag gaan…"
    assert plain_text("Onafgebrokenlangwoord", limit=10) == "Onafgebro…"
    assert plain_text("een, twee, drie", limit=6) == "een…"


def test_plain_text_of_mentions_and_empty_text():
    assert plain_text("@[Jan](person:1) @[Jan](person:x)") == "@Jan @[Jan](person:x)"
    assert plain_text("") == ""
    assert render_markdown("") == ""


def mixed_markdown() -> str:
    block = (
        "## Nieuws uit groep 5\n\n"
        "Deze week werkten we aan **breuken** en _tafels_ met @[Juf Anna](person:7). "
        "Meer op https://school.example/groep5 en #rekenen.\n\n"
        "- Maandag: `gym`\n- Dinsdag: ~~zwemmen~~ museum\n\n"
        "> Leren is leuk! <script>alert(1)</script>\n\n"
    )
    text = ""
    while len(text) < 2000:
        text += block
    return text


def test_two_thousand_characters_of_mixed_markdown():
    text = mixed_markdown()
    assert len(text) >= 2000
    blocks = text.count("## Nieuws")
    html = render_markdown(text, mention_url=person_url, topic_url=topic_url)
    assert html.count("<h3>Nieuws uit groep 5</h3>") == blocks
    assert html.count("<strong>breuken</strong>") == blocks
    assert html.count('<a class="mention" href="/mensen/7/"') == blocks
    assert html.count('<a class="topic" href="/onderwerpen/rekenen/"') == blocks
    assert html.count('href="https://school.example/groep5"') == blocks
    assert html.count("<li>") == 2 * blocks
    assert html.count("<del>zwemmen</del>") == blocks
    assert html.count("&lt;script&gt;") == blocks
    assert_safe(html)
    assert extract_mentions(text) == [7]
    assert extract_topics(text) == ["rekenen"]


MARKUP_ALPHABET = st.sampled_from(
    [*"<>\"'&;:/\\=()[]!@#`*_~-\n ", "javascript:", "data:", "script", "onerror", "a", "é"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKUP_ALPHABET, max_size=60).map("".join))
def test_any_text_renders_safely(text):
    assert_safe(render_markdown(text, mention_url=person_url, topic_url=topic_url))
    plain_text(text, limit=20)
