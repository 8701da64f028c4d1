"""Link previews against real HTTP(S) servers on 127.0.0.1; the point is what is refused."""

import ipaddress
import socket
import socketserver
import ssl
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kring.common import linkpreview
from kring.common.linkpreview import (
    Preview,
    PreviewRefused,
    extract_first_url,
    fetch_preview,
    is_public_address,
)

Route = Callable[[BaseHTTPRequestHandler], None]


class Handler(BaseHTTPRequestHandler):
    server: "LocalServer"

    def do_GET(self) -> None:
        self.server.hits.append(self.path)
        self.server.requests.append((self.command, self.path, dict(self.headers.items())))
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        route(self)

    def log_message(self, format, *args) -> None:
        pass


class LocalServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Route] = {}
        self.hits: list[str] = []
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.sni: list[str | None] = []
        # Set at teardown, so stalled handlers end.
        self.release = threading.Event()

    def server_bind(self) -> None:
        # HTTPServer.server_bind does a reverse DNS lookup we do not need.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = "127.0.0.1", self.server_address[1]

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, path: str = "/", host: str = "127.0.0.1", scheme: str = "http") -> str:
        return f"{scheme}://{host}:{self.port}{path}"


def start(server: LocalServer):
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def server():
    yield from start(LocalServer())


def allow(settings, port: int, *hosts: str) -> None:
    settings.KRING = {
        **settings.KRING,
        "LINK_PREVIEW_ALLOWED_HOSTS": hosts,
        "LINK_PREVIEW_ALLOWED_PORTS": (80, 443, port),
    }


@pytest.fixture
def allowed(settings, server):
    """The local server may be previewed, as an intranet that lists its own host would."""
    allow(settings, server.port, "127.0.0.1")
    return server


def page(html: str | bytes, content_type: str = "text/html; charset=utf-8") -> Route:
    body = html.encode() if isinstance(html, str) else html

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.send_header("Set-Cookie", "session=abc")
        handler.end_headers()
        handler.wfile.write(body)

    return route


def redirect(location: str, status: int = 302) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


def status(code: int) -> Route:
    return page("<title>Error page</title>") if code == 200 else lambda h: h.send_error(code)


def refused(url: str) -> str:
    with pytest.raises(PreviewRefused) as caught:
        fetch_preview(url)
    return caught.value.reason


OG_PAGE = """<!doctype html><html><head>
<title>Fallback title</title>
<meta property="og:title" content="Schoolreis naar de Efteling">
<meta property="og:description" content="Alle groepen gaan mee op 12 juni.">
<meta property="og:image" content="https://cdn.example.org/efteling.jpg">
<meta property="og:site_name" content="De Regenboog">
<meta name="description" content="Fallback description">
</head><body><p>Hallo</p></body></html>"""


# --- Refused before any connection


LOOPBACK_HOSTS = [
    "127.0.0.1",
    "localhost",  # a name that resolves to loopback
    "LocalHost",
    "127.1",
    "127.0.0.1.",
    "0.0.0.0",
    "[::1]",
    "[::ffff:127.0.0.1]",
    "2130706433",
    "0x7f000001",
    "0x7F.0.0.1",
    "0177.0.0.1",
]


@pytest.mark.parametrize("host", LOOPBACK_HOSTS)
def test_loopback_is_refused_and_the_server_hears_nothing(settings, server, host):
    server.routes["/"] = page(OG_PAGE)
    allow(settings, server.port)  # the port is fine; the address is not
    assert refused(f"http://{host}:{server.port}/") == "private_address"
    assert server.hits == []


def test_the_same_server_answers_once_allowed(allowed):
    """The control for the test above: the server is reachable, only the rule stops it."""
    allowed.routes["/"] = page(OG_PAGE)
    assert fetch_preview(allowed.url("/")) is not None
    assert allowed.hits == ["/"]


@pytest.mark.parametrize(
    "host",
    [
        "10.0.0.1",
        "172.16.0.1",
        "172.31.255.254",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # shared CGNAT
        "224.0.0.1",  # multicast
        "240.0.0.1",  # reserved
        "255.255.255.255",
        "192.0.2.1",  # documentation
        "[fe80::1]",
        "[fc00::1]",
        "[fd12:3456::1]",
        "[fec0::1]",  # old site-local
        "[ff02::1]",  # multicast
        "[::]",
        "[::ffff:10.0.0.1]",
        "[::ffff:169.254.169.254]",
        "[64:ff9b::a9fe:a9fe]",  # NAT64 of 169.254.169.254
        "[2002:a00:1::1]",  # 6to4 of 10.0.0.1
        "[2001:0:4136:e378:8000:63bf:f5ff:fffe]",  # Teredo
        "012.0.0.1",  # octal 10.0.0.1
        "0xa9fea9fe",  # 169.254.169.254
        "3232235777",  # 192.168.1.1
    ],
)
def test_private_and_special_addresses_are_refused(host):
    started = time.monotonic()
    assert refused(f"http://{host}/latest/meta-data/") == "private_address"
    assert time.monotonic() - started < 1  # refused, not a connect that timed out


@pytest.mark.parametrize("host", ["134744072", "0x08080808", "8.8.010.8", "010.8.8.8"])
def test_legacy_number_hosts_are_refused_even_when_public(host):
    # 134744072 is 8.8.8.8: parsers disagree on these forms, so none is allowed.
    assert refused(f"http://{host}/") == "bad_url"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2606:4700::1111", True),
        ("64:ff9b::808:808", True),  # NAT64 of a public address, as on IPv6-only networks
        ("::ffff:8.8.8.8", True),
        ("127.0.0.1", False),
        ("::ffff:127.0.0.1", False),
        ("100.127.255.255", False),
        ("64:ff9b::7f00:1", False),
        ("::7f00:1", False),  # IPv4-compatible, deprecated
        ("2001:db8::1", False),
        ("fe80::1%1", False),
    ],
)
def test_is_public_address(address, public):
    assert is_public_address(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.com/file.html",
        "gopher://example.com:70/_SET%20x",
        "javascript:alert(1)",
        "data:text/html,<title>x</title>",
        "dict://example.com:11211/stat",
        "example.com/page",
        "//example.com/page",
    ],
)
def test_other_schemes_are_refused(url):
    assert refused(url) == "scheme"


@pytest.mark.parametrize(
    "url",
    ["http://user:secret@example.com/", "https://user@example.com/", "http://:x@example.com/"],
)
def test_credentials_in_the_url_are_refused(url):
    assert refused(url) == "credentials"


def test_credentials_refused_even_for_an_allowed_host(allowed):
    allowed.routes["/"] = page(OG_PAGE)
    assert refused(f"http://admin:admin@127.0.0.1:{allowed.port}/") == "credentials"
    assert allowed.hits == []


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com:22/",
        "http://example.com:6379/",
        "https://example.com:8443/",
        "http://example.com:0/",
        "http://10.0.0.1:6379/",
    ],
)
def test_other_ports_are_refused(url):
    assert refused(url) == "port"


def test_an_allowed_host_still_needs_an_allowed_port(settings, server):
    server.routes["/"] = page(OG_PAGE)
    settings.KRING = {**settings.KRING, "LINK_PREVIEW_ALLOWED_HOSTS": ["127.0.0.1"]}
    assert refused(server.url("/")) == "port"
    assert server.hits == []


@pytest.mark.parametrize(
    "url",
    [
        "http://",
        "http:///path",
        "http://[::1/",
        "http://exa mple.com/",
        "http://example.com/\r\nX-Injected: 1",
        "http://example.com:99999/",
        "http://example.com:8o/",
        "http://a..b/",
        "http://exa%6dple.com/",
        "http://example.com/" + "a" * 3000,
    ],
)
def test_malformed_urls_are_refused(url):
    assert refused(url) == "bad_url"


# --- Reading the page (with the local server allowed)


def test_open_graph_tags(allowed):
    allowed.routes["/nieuws?id=3"] = page(OG_PAGE)
    preview = fetch_preview(allowed.url("/nieuws?id=3#top"))
    assert preview == Preview(
        url=allowed.url("/nieuws?id=3#top"),
        title="Schoolreis naar de Efteling",
        description="Alle groepen gaan mee op 12 juni.",
        image_url="https://cdn.example.org/efteling.jpg",
        site_name="De Regenboog",
    )


def test_the_request_is_a_plain_get_without_cookies(allowed):
    allowed.routes["/"] = page(OG_PAGE)
    fetch_preview(allowed.url("/"))
    fetch_preview(allowed.url("/"))  # the first answer set a cookie; it is not sent back
    assert len(allowed.requests) == 2
    for method, path, headers in allowed.requests:
        assert (method, path) == ("GET", "/")
        assert headers["Host"] == f"127.0.0.1:{allowed.port}"
        assert headers["User-Agent"] == "KringLinkPreview/1.0"
        assert headers["Accept"].startswith("text/html")
        assert "Cookie" not in headers
        assert "Authorization" not in headers


def test_falls_back_to_title_and_meta_description(allowed):
    allowed.routes["/"] = page(
        "<html><head><title>Ouderavond</title>"
        '<meta name="Description" content="Dinsdag om 19.30 uur in de aula.">'
        "</head><body><title>Not this one</title></body></html>"
    )
    preview = fetch_preview(allowed.url("/"))
    assert preview is not None
    assert (preview.title, preview.description) == (
        "Ouderavond",
        "Dinsdag om 19.30 uur in de aula.",
    )
    assert (preview.image_url, preview.site_name) == ("", "")


def test_empty_og_tags_fall_back_too(allowed):
    allowed.routes["/"] = page(
        '<meta property="og:title" content="  "><title>Echte titel</title>'
        '<meta property="og:description" content=""><meta name="description" content="Tekst">'
    )
    preview = fetch_preview(allowed.url("/"))
    assert preview is not None
    assert (preview.title, preview.description) == ("Echte titel", "Tekst")


def test_entities_decoded_and_whitespace_collapsed(allowed):
    allowed.routes["/"] = page(
        "<title>\n  Tom &amp; Jerry\t&#8211;\r\n  &quot;de film&quot;  </title>"
        '<meta property="og:description" content="Regel&#10;twee &lt;b&gt;vet&lt;/b&gt;'
        ' &eacute;&eacute;n\u202e evil\x07">'
    )
    preview = fetch_preview(allowed.url("/"))
    assert preview is not None
    assert preview.title == 'Tom & Jerry \u2013 "de film"'
    # Plain text, one line, no bidi override or bell; the caller escapes it like any text.
    assert preview.description == "Regel twee <b>vet</b> één evil"


def test_long_title_and_description_are_truncated(allowed):
    allowed.routes["/"] = page(
        f'<meta property="og:title" content="{"Lang " * 100}">'
        f'<meta property="og:description" content="{"woord " * 200}">'
    )
    preview = fetch_preview(allowed.url("/"))
    assert preview is not None
    assert len(preview.title) == 200
    assert preview.title.endswith("…")
    assert preview.title.startswith("Lang Lang")
    assert len(preview.description) <= 400
    assert preview.description.endswith("…")


def test_relative_image_made_absolute_and_never_fetched(allowed):
    allowed.routes["/blog/post"] = page(
        '<title>Post</title><meta property="og:image" content="../img/foto.png">'
    )
    preview = fetch_preview(allowed.url("/blog/post"))
    assert preview is not None
    assert preview.image_url == allowed.url("/img/foto.png")
    assert allowed.hits == ["/blog/post"]


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("javascript:alert(1)", ""),
        (" JavaScript:alert(1)", ""),
        ("data:image/png;base64,iVBORw0KGgo=", ""),
        ("file:///etc/passwd", ""),
        ("http://user:pw@cdn.example.org/a.png", ""),
        ("http://169.254.169.254/latest/meta-data/", ""),  # readers' browsers would load it
        ("http://[::1]/a.png", ""),
        ("http://2130706433/a.png", ""),
        ("//cdn.example.org/a.png", "http://cdn.example.org/a.png"),
        ("https://cdn.example.org/a b.png", ""),
        (
            "https://cdn.example.org/a.png?w=100&amp;h=50",
            "https://cdn.example.org/a.png?w=100&h=50",
        ),
    ],
)
def test_image_url_must_be_http(allowed, image, expected):
    allowed.routes["/"] = page(f'<title>Post</title><meta property="og:image" content="{image}">')
    preview = fetch_preview(allowed.url("/"))
    assert preview is not None
    assert preview.image_url == expected


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><head></head><body>Only body text</body></html>",
        '<meta property="og:image" content="/a.png"><title>   </title>',
    ],
)
def test_nothing_useful_gives_none(allowed, html):
    allowed.routes["/"] = page(html)
    assert fetch_preview(allowed.url("/")) is None


def test_declared_charset_is_used(allowed):
    allowed.routes["/latin"] = page(
        "<title>Caf\xe9 \xe0 la carte</title>".encode("latin-1"), "text/html; charset=ISO-8859-1"
    )
    allowed.routes["/meta"] = page(
        b'<meta charset="windows-1252"><title>\x93Caf\xe9\x94</title>', "text/html"
    )
    allowed.routes["/broken"] = page(b"<title>Caf\xe9 \xff ok</title>", "text/html; charset=utf-8")
    allowed.routes["/unknown"] = page("<title>Café</title>".encode(), "text/html; charset=x-nope")
    titles = {
        path: fetch_preview(allowed.url(path)).title
        for path in ["/latin", "/meta", "/broken", "/unknown"]
    }
    assert titles == {
        "/latin": "Café à la carte",
        "/meta": "\u201cCafé\u201d",
        "/broken": "Caf\ufffd \ufffd ok",
        "/unknown": "Café",
    }


def test_xhtml_is_accepted(allowed):
    allowed.routes["/"] = page("<title>XHTML</title>", "application/xhtml+xml")
    assert fetch_preview(allowed.url("/")).title == "XHTML"


@pytest.mark.parametrize(
    "content_type", ["image/png", "application/json", "text/plain", "text/html-sandboxed", None]
)
def test_other_content_types_are_refused(allowed, content_type):
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        if content_type:
            handler.send_header("Content-Type", content_type)
        handler.end_headers()
        handler.wfile.write(b"<title>Looks like HTML</title>")

    allowed.routes["/"] = route
    assert refused(allowed.url("/")) == "not_html"


@pytest.mark.parametrize("code", [404, 500, 401])
def test_error_status_is_refused(allowed, code):
    allowed.routes["/"] = status(code)
    assert refused(allowed.url("/")) == "status"


def test_chunked_response(allowed):
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.wfile.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"7\r\n<title>\r\n9\r\nIn stukje\r\n9\r\ns</title>\r\n0\r\n\r\n"
        )

    allowed.routes["/"] = route
    assert fetch_preview(allowed.url("/")).title == "In stukjes"


# --- Redirects


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/", "private_address"),
        ("http://10.0.0.1/", "private_address"),
        ("http://[::ffff:10.0.0.1]/", "private_address"),
        ("file:///etc/passwd", "scheme"),
        ("gopher://example.com/", "scheme"),
        ("http://example.com:6379/", "port"),
        ("http://u:p@example.com/", "credentials"),
    ],
)
def test_redirect_targets_are_checked_again(allowed, location, reason):
    allowed.routes["/go"] = redirect(location)
    assert refused(allowed.url("/go")) == reason


def test_redirect_to_another_name_for_an_allowed_address_is_refused(allowed):
    """Only the exact allowed host is let through, not other names of the same machine."""
    allowed.routes["/go"] = redirect(allowed.url("/secret", host="localhost"))
    allowed.routes["/secret"] = page(OG_PAGE)
    assert refused(allowed.url("/go")) == "private_address"
    assert allowed.hits == ["/go"]


@pytest.mark.parametrize("hops", [2, 3])
def test_redirect_chains_up_to_three_are_followed(allowed, hops):
    for n in range(1, hops + 1):
        # Relative and absolute Location headers, and each redirect status.
        target = f"/r{n + 1}" if n < hops else "/final"
        location = target if n % 2 else allowed.url(target)
        allowed.routes[f"/r{n}"] = redirect(location, status=(301, 307, 308)[n - 1])
    allowed.routes["/final"] = page(OG_PAGE)
    preview = fetch_preview(allowed.url("/r1"))
    assert preview is not None
    assert preview.url == allowed.url("/final")
    assert allowed.hits == [f"/r{n}" for n in range(1, hops + 1)] + ["/final"]


def test_four_redirects_are_too_many(allowed):
    for n in range(1, 5):
        allowed.routes[f"/r{n}"] = redirect(f"/r{n + 1}" if n < 4 else "/final")
    allowed.routes["/final"] = page(OG_PAGE)
    assert refused(allowed.url("/r1")) == "redirects"
    assert allowed.hits == ["/r1", "/r2", "/r3", "/r4"]


def test_redirect_without_location_is_refused(allowed):
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.end_headers()

    allowed.routes["/"] = route
    assert refused(allowed.url("/")) == "status"


# --- Size and time


FILLER = "<!-- " + "x" * 99 + " -->\n"  # 110 bytes


def big_page(size: int, tail: str = "") -> bytes:
    head = (
        '<html><head><meta property="og:title" content="Groot document">'
        '<meta name="description" content="Uit de kop">'
    )
    return (head + FILLER * (size // len(FILLER)) + tail).encode()


def test_a_two_megabyte_page_is_read_only_up_to_the_cap(allowed):
    body = big_page(2 * 1024 * 1024, tail='<meta property="og:description" content="TAIL">')
    assert len(body) > 2_000_000
    allowed.routes["/"] = page(body)
    preview = fetch_preview(allowed.url("/"))
    assert preview is not None
    assert (preview.title, preview.description) == ("Groot document", "Uit de kop")


def test_reading_stops_at_the_cap_and_does_not_wait_for_the_rest(allowed):
    """The server promises 2 MB, sends 600 KB and then stalls: reading on would hit the timeout."""
    body = big_page(600 * 1024)

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(2 * 1024 * 1024))
        handler.end_headers()
        handler.wfile.write(body)
        allowed.release.wait(10)

    allowed.routes["/"] = route
    started = time.monotonic()
    preview = fetch_preview(allowed.url("/"))
    assert time.monotonic() - started < 2
    assert preview is not None
    assert preview.title == "Groot document"


def drip(server: LocalServer, head: bytes) -> Route:
    """One byte each 0.5 s; it gives up after 12 s, so that a client without a deadline fails
    the test instead of hanging it."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        try:
            handler.wfile.write(head)
            for _ in range(24):
                if server.release.wait(0.5):
                    return
                handler.wfile.write(b"a")
        except OSError:
            pass

    return route


def test_a_slow_drip_body_is_cut_off_at_the_total_timeout(allowed):
    assert linkpreview.TOTAL_TIMEOUT == 5.0  # the real limit, not a shortened one
    head = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<title>"
    allowed.routes["/"] = drip(allowed, head)
    started = time.monotonic()
    assert refused(allowed.url("/")) == "timeout"
    assert 4.5 < time.monotonic() - started < 8


def test_a_slow_drip_in_the_headers_is_cut_off_too(allowed, monkeypatch):
    monkeypatch.setattr(linkpreview, "TOTAL_TIMEOUT", 1.0)
    allowed.routes["/"] = drip(allowed, b"HTTP/1.0 200 OK\r\nX-Slow: ")
    started = time.monotonic()
    assert refused(allowed.url("/")) == "timeout"
    assert time.monotonic() - started < 3


def test_the_deadline_covers_all_redirects_together(allowed, monkeypatch):
    monkeypatch.setattr(linkpreview, "TOTAL_TIMEOUT", 1.0)

    def slow_redirect(target: str) -> Route:
        def route(handler: BaseHTTPRequestHandler) -> None:
            allowed.release.wait(0.4)
            redirect(target)(handler)

        return route

    allowed.routes["/r1"] = slow_redirect("/r2")
    allowed.routes["/r2"] = slow_redirect("/r3")
    allowed.routes["/r3"] = slow_redirect("/final")
    allowed.routes["/final"] = page(OG_PAGE)
    assert refused(allowed.url("/r1")) == "timeout"
    assert "/final" not in allowed.hits


# --- Network trouble


def test_closed_port_is_unreachable(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    allow(settings, port, "127.0.0.1")
    assert refused(f"http://127.0.0.1:{port}/") == "unreachable"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"SSH-2.0-OpenSSH_9.6\r\n",
        b"HTTP/1.1 2xx OK\r\n\r\n",
        b"HTTP/1.1 200 OK\r\n" + b"X-Many: 1\r\n" * 200 + b"\r\n",
        b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70000 + b"\r\n\r\n",
    ],
)
def test_broken_answers_are_unreachable(allowed, raw):
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.wfile.write(raw)

    allowed.routes["/"] = route
    assert refused(allowed.url("/")) == "unreachable"


def test_unknown_host_is_unreachable(settings):
    assert refused("http://kring-preview-test.invalid/") == "unreachable"


def test_the_name_is_resolved_once_per_hop_and_the_host_header_kept(settings, server, monkeypatch):
    """We connect to the address we checked; a second lookup could be answered differently
    (DNS rebinding). The spy passes every lookup on to the real resolver."""
    allow(settings, server.port, "localhost")
    server.routes["/r1"] = redirect("/page")
    server.routes["/page"] = page(OG_PAGE)
    lookups: list[object] = []
    real_getaddrinfo = socket.getaddrinfo

    def spy(host, *args, **kwargs):
        lookups.append(host)
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", spy)
    preview = fetch_preview(server.url("/r1", host="localhost"))
    assert preview is not None
    assert lookups == ["localhost", "localhost"]
    assert [headers["Host"] for _m, _p, headers in server.requests] == [
        f"localhost:{server.port}"
    ] * 2


# --- HTTPS: real TLS with a certificate made here


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    """A test CA and two server certificates it signed: one for localhost, one for another name."""
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    folder = tmp_path_factory.mktemp("tls")
    now = datetime.now(UTC)

    def name(common: str):
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])

    def usage(*, ca: bool):
        return x509.KeyUsage(
            digital_signature=True,
            content_commitment=False,
            key_encipherment=False,
            data_encipherment=False,
            key_agreement=False,
            key_cert_sign=ca,
            crl_sign=ca,
            encipher_only=False,
            decipher_only=False,
        )

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(name("Kring test CA"))
        .issuer_name(name("Kring test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(usage(ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    ca_file = folder / "ca.pem"
    ca_file.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))

    def leaf(dns_name: str) -> tuple[str, str]:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (
            x509.CertificateBuilder()
            .subject_name(name(dns_name))
            .issuer_name(ca_cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(hours=1))
            .not_valid_after(now + timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(dns_name)]), False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(usage(ca=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
            )
            .sign(ca_key, hashes.SHA256())
        )
        cert_file, key_file = folder / f"{dns_name}.pem", folder / f"{dns_name}.key"
        cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_file.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        return str(cert_file), str(key_file)

    return {"ca": str(ca_file), "localhost": leaf("localhost"), "other": leaf("other.example")}


def tls_server(cert_and_key: tuple[str, str]):
    server = LocalServer()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*cert_and_key)
    context.sni_callback = lambda _sock, server_name, _ctx: server.sni.append(server_name)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.routes["/"] = page(OG_PAGE)
    return server


@pytest.fixture
def tls_localhost(certificates, settings):
    server = tls_server(certificates["localhost"])
    allow(settings, server.port, "localhost")
    yield from start(server)


@pytest.fixture
def tls_other(certificates, settings):
    server = tls_server(certificates["other"])
    allow(settings, server.port, "localhost")
    yield from start(server)


def test_https_with_a_trusted_certificate(tls_localhost, certificates, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", certificates["ca"])
    preview = fetch_preview(tls_localhost.url("/", host="localhost", scheme="https"))
    assert preview is not None
    assert preview.title == "Schoolreis naar de Efteling"
    assert tls_localhost.sni == ["localhost"]
    assert tls_localhost.requests[0][2]["Host"] == f"localhost:{tls_localhost.port}"


def test_https_with_an_untrusted_certificate_is_refused(tls_localhost):
    # Without our CA in SSL_CERT_FILE, the self-made chain is not trusted.
    assert refused(tls_localhost.url("/", host="localhost", scheme="https")) == "unreachable"
    assert tls_localhost.hits == []


def test_https_certificate_for_another_name_is_refused(tls_other, certificates, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", certificates["ca"])
    assert refused(tls_other.url("/", host="localhost", scheme="https")) == "unreachable"
    assert tls_other.hits == []


def test_a_slow_tls_handshake_is_cut_off(settings, monkeypatch):
    """A server that accepts and never answers the TLS hello."""
    monkeypatch.setattr(linkpreview, "TOTAL_TIMEOUT", 1.0)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        allow(settings, port, "127.0.0.1")
        started = time.monotonic()
        assert refused(f"https://127.0.0.1:{port}/") == "timeout"
        assert time.monotonic() - started < 2


# --- Finding the URL in a post


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kijk op https://example.com/page.", "https://example.com/page"),
        ("Zie https://kring.example/p/1!", "https://kring.example/p/1"),
        ("eerst http://a.example/x, dan https://b.example/", "http://a.example/x"),
        ("(zie https://example.com/a)", "https://example.com/a"),
        ("https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)"),
        ("(https://en.wikipedia.org/wiki/Foo_(bar)).", "https://en.wikipedia.org/wiki/Foo_(bar)"),
        ("[tekst](https://example.com/x)", "https://example.com/x"),
        ("<https://example.com/x>", "https://example.com/x"),
        ('<a href="https://example.com/x">', "https://example.com/x"),
        ("HTTPS://Example.com/Pad?q=1&r=2#deel;", "HTTPS://Example.com/Pad?q=1&r=2#deel"),
        ("**https://example.com/vet**", "https://example.com/vet"),
        ("https://example.com/a?b=c...", "https://example.com/a?b=c"),
        ("http:// niets, dan https://ok.example", "https://ok.example"),
        ("https://?x https://ok.example/", "https://ok.example/"),
        ("geen link hier", None),
        ("ftp://files.example/a en mailto:a@b.example", None),
        ("xhttps://example.com", None),
        ("", None),
    ],
)
def test_extract_first_url(text, expected):
    assert extract_first_url(text) == expected
