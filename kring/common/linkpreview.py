"""Link previews for posts: fetch a page and read its Open Graph title, description and image.

The fetch is built against server-side request forgery (SSRF): someone who may post must not be able
to make Kring reach its own network, a cloud metadata endpoint or the database. So:

- only http and https, on ports 80 and 443 (or `KRING["LINK_PREVIEW_ALLOWED_PORTS"]`), and no
  `user:pass@` in the URL;
- the host is resolved here, once, and every address it resolves to must be public; we then connect
  to exactly that address (no second lookup, so DNS rebinding cannot swap it) and send the original
  Host header, with SNI and normal certificate checks for https;
- hosts written as legacy numbers (`2130706433`, `0x7f000001`, `0177.0.0.1`, `127.1`) are refused;
- every redirect (at most MAX_REDIRECTS) is checked by the same rules;
- CONNECT_TIMEOUT per connection, TOTAL_TIMEOUT for everything (DNS, TLS, each byte read), at most
  MAX_BODY_BYTES of body, and only HTML content types; GET only, no cookies.

`KRING["LINK_PREVIEW_ALLOWED_HOSTS"]` lists hosts (exact names or IPs) that skip the public-address
check; it is meant only for tests and for closed intranets that preview their own internal sites. An
allowed host is still limited by the scheme, port, credential, redirect, size and time rules, and a
redirect away from it is checked again like any other URL.

The image URL is only returned, never fetched.
"""

import codecs
import http.client
import io
import ipaddress
import re
import select
import socket
import ssl
import threading
import time
import unicodedata
from collections.abc import Buffer
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import cast
from urllib.parse import quote, urljoin, urlsplit

from django.conf import settings

# Module constants, read at call time, so tests may shorten them.
CONNECT_TIMEOUT = 3.0
TOTAL_TIMEOUT = 5.0
MAX_BODY_BYTES = 512 * 1024
MAX_REDIRECTS = 3
MAX_URL_LENGTH = 2048
TITLE_MAX = 200
DESCRIPTION_MAX = 400
SITE_NAME_MAX = 100
USER_AGENT = "KringLinkPreview/1.0"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
DEFAULT_PORTS = {"http": 80, "https": 443}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_SockAddr = tuple[str, int] | tuple[str, int, int, int] | tuple[int, bytes]
_AddrInfo = tuple[socket.AddressFamily, socket.SocketKind, int, str, _SockAddr]

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
# A host whose last label is a number is an IPv4 address to browsers and to inet_aton.
_NUMERIC_LABEL = re.compile(r"(0x[0-9a-f]*|[0-9]+)", re.IGNORECASE)
_HOST_NAME = re.compile(r"[a-z0-9_.-]+")
# Anything at or below space, and DEL: never valid inside a URL, and a header-injection risk.
_UNSAFE_URL_CHAR = re.compile(r"[\x00-\x20\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.IGNORECASE)
# Bidi overrides and isolates could flip the text around the preview.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_WANTED_META = frozenset({"og:title", "og:description", "og:image", "og:site_name", "description"})

_URL_IN_TEXT = re.compile(r"(?<!\w)https?://[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING_PUNCTUATION = ".,;:!?*"
_CLOSING_TO_OPENING = {")": "(", "]": "[", "}": "{"}


class PreviewRefused(Exception):
    """The URL may not be previewed, or fetching it failed; `reason` is a short machine code."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Preview:
    url: str
    title: str
    description: str
    image_url: str
    site_name: str


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str  # ASCII, without brackets
    port: int
    allowed: bool
    host_header: str
    request_target: str


@dataclass(frozen=True)
class _Page:
    body: bytes
    charset: str | None


@dataclass(frozen=True)
class _Redirect:
    location: str


def fetch_preview(url: str) -> Preview | None:
    """Fetch `url` under the rules above; None when the page has no title or description."""
    deadline = time.monotonic() + TOTAL_TIMEOUT
    current = url.strip()
    for hop in range(MAX_REDIRECTS + 1):
        target = _check_url(current)
        try:
            outcome = _fetch_once(target, deadline)
        except TimeoutError:
            raise PreviewRefused("timeout") from None
        except (OSError, http.client.HTTPException):
            raise PreviewRefused("unreachable") from None
        if isinstance(outcome, _Page):
            return _build_preview(current, outcome)
        if hop == MAX_REDIRECTS:
            break
        current = urljoin(current, outcome.location)
    raise PreviewRefused("redirects")


def is_public_address(address: IPAddress) -> bool:
    """True when `address` is on the public internet: not loopback, private, link-local,
    multicast, reserved, shared (CGNAT) or unspecified, also when hidden inside IPv6."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id:
            return False
        embedded = address.ipv4_mapped
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public_address(embedded)
        inner = [address.sixtofour, *(address.teredo or ())]
        if any(v4 is not None and not is_public_address(v4) for v4 in inner):
            return False
        if address.is_site_local:
            return False
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def extract_first_url(text: str) -> str | None:
    """The first http(s) URL in a post's text, without trailing punctuation or an unbalanced
    closing bracket."""
    for match in _URL_IN_TEXT.finditer(text):
        candidate = _trim_url(match.group())
        try:
            host = urlsplit(candidate).hostname
        except ValueError:
            continue
        if host:
            return candidate
    return None


def _trim_url(candidate: str) -> str:
    while candidate:
        last = candidate[-1]
        opening = _CLOSING_TO_OPENING.get(last)
        if last in _TRAILING_PUNCTUATION or (
            opening is not None and candidate.count(last) > candidate.count(opening)
        ):
            candidate = candidate[:-1]
        else:
            break
    return candidate


# --- Checking a URL


def _allowed_hosts() -> frozenset[str]:
    hosts = settings.KRING.get("LINK_PREVIEW_ALLOWED_HOSTS", ())
    return frozenset(str(host).lower().strip("[]") for host in hosts)


def _allowed_ports() -> frozenset[int]:
    return frozenset(
        int(port) for port in settings.KRING.get("LINK_PREVIEW_ALLOWED_PORTS", (80, 443))
    )


def _check_url(url: str) -> _Target:
    """Every rule that needs no network; raise PreviewRefused for the first one broken."""
    if len(url) > MAX_URL_LENGTH or _UNSAFE_URL_CHAR.search(url):
        raise PreviewRefused("bad_url")
    try:
        parts = urlsplit(url)
        port = parts.port
        host = parts.hostname
    except ValueError:
        raise PreviewRefused("bad_url") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise PreviewRefused("scheme")
    if parts.username is not None or parts.password is not None:
        raise PreviewRefused("credentials")
    if not host:
        raise PreviewRefused("bad_url")
    port = port if port is not None else DEFAULT_PORTS[scheme]
    if port not in _allowed_ports():
        raise PreviewRefused("port")
    is_ipv6 = "[" in parts.netloc
    if is_ipv6:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise PreviewRefused("bad_url") from None
    else:
        try:
            host = host.encode("idna").decode("ascii").lower()
        except UnicodeError:
            raise PreviewRefused("bad_url") from None
        if not _HOST_NAME.fullmatch(host):
            raise PreviewRefused("bad_url")
    allowed = host in _allowed_hosts()
    if not allowed:
        literal = ipaddress.IPv6Address(host) if is_ipv6 else _ipv4_literal(host)
        if literal is not None and not is_public_address(literal):
            raise PreviewRefused("private_address")
    shown_host = f"[{host}]" if is_ipv6 else host
    host_header = shown_host if port == DEFAULT_PORTS[scheme] else f"{shown_host}:{port}"
    path = parts.path or "/"
    request_target = f"{path}?{parts.query}" if parts.query else path
    # Non-ASCII in the path or query is sent percent-encoded; existing escapes stay as they are.
    request_target = quote(request_target, safe="/?:@!$&'()*+,;=%~")
    return _Target(scheme, host, port, allowed, host_header, request_target)


def _ipv4_literal(host: str) -> ipaddress.IPv4Address | None:
    """The address when `host` is a dotted quad; refuse the legacy number forms outright."""
    labels = host.removesuffix(".").split(".")
    if not _NUMERIC_LABEL.fullmatch(labels[-1]):
        return None  # a name, checked after resolving
    try:
        return ipaddress.IPv4Address(host.removesuffix("."))
    except ValueError:
        pass
    # Parsers disagree on these forms, so refuse them even when they point somewhere public.
    legacy = _inet_aton(labels)
    if legacy is not None and not is_public_address(legacy):
        raise PreviewRefused("private_address")
    raise PreviewRefused("bad_url")


def _inet_aton(labels: list[str]) -> ipaddress.IPv4Address | None:
    """Read `127.1`, `0x7f000001` or `0177.0.0.1` the way the C library (and so a connect) would."""
    if not 1 <= len(labels) <= 4:
        return None
    numbers: list[int] = []
    for label in labels:
        try:
            if label[:2].lower() == "0x":
                numbers.append(int(label[2:] or "0", 16))
            elif len(label) > 1 and label.startswith("0"):
                numbers.append(int(label, 8))
            else:
                numbers.append(int(label, 10))
        except ValueError:
            return None
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (4 - len(head)):
        return None
    value = last
    for index, number in enumerate(head):
        value |= number << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


# --- Fetching


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


def _resolve(target: _Target, deadline: float) -> list[_AddrInfo]:
    """getaddrinfo has no timeout of its own, so it runs in a thread we stop waiting for."""
    found: list[_AddrInfo] = []
    failed: list[OSError] = []

    def lookup() -> None:
        try:
            found.extend(
                socket.getaddrinfo(
                    target.host, target.port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
                )
            )
        except OSError as error:
            failed.append(error)

    thread = threading.Thread(target=lookup, name="linkpreview-dns", daemon=True)
    thread.start()
    thread.join(_remaining(deadline))
    if thread.is_alive():
        raise TimeoutError
    if failed or not found:
        raise PreviewRefused("unreachable")
    if not target.allowed:
        for info in found:
            try:
                address = ipaddress.ip_address(str(info[4][0]))
            except ValueError:
                raise PreviewRefused("private_address") from None
            if not is_public_address(address):
                raise PreviewRefused("private_address")
    return found


def _connect(infos: list[_AddrInfo], deadline: float) -> socket.socket:
    """Connect to one of the checked addresses themselves, never to the name again."""
    last_error: OSError = OSError("no address")
    for family, kind, proto, _name, sockaddr in infos:
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(min(CONNECT_TIMEOUT, _remaining(deadline)))
            sock.connect(sockaddr)
        except OSError as error:
            sock.close()
            last_error = error
            continue
        return sock
    raise last_error


def _tls_wrap(sock: socket.socket, host: str, deadline: float) -> ssl.SSLSocket:
    """TLS with SNI and certificate checks; the handshake runs non-blocking so that a server
    dripping its handshake is cut off at the deadline too."""
    tls = ssl.create_default_context().wrap_socket(
        sock, server_hostname=host, do_handshake_on_connect=False
    )
    waiting: list[ssl.SSLSocket] = [tls]
    nothing: list[ssl.SSLSocket] = []
    try:
        tls.setblocking(False)
        while True:
            try:
                tls.do_handshake()
                break
            except ssl.SSLWantReadError:
                ready = select.select(waiting, nothing, nothing, _remaining(deadline))
            except ssl.SSLWantWriteError:
                ready = select.select(nothing, waiting, nothing, _remaining(deadline))
            if not any(ready):
                raise TimeoutError
        tls.setblocking(True)
    except BaseException:
        tls.close()
        raise
    return tls


class _DeadlineReader(io.RawIOBase):
    """Each read waits at most until the deadline, so a slow drip cannot stretch the total."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self._sock = sock
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Buffer) -> int:
        self._sock.settimeout(_remaining(self._deadline))
        return self._sock.recv_into(buffer)


class _DeadlineSocket:
    """What http.client.HTTPResponse needs from a socket: only makefile()."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self._sock = sock
        self._deadline = deadline

    def makefile(self, mode: str) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline))


def _fetch_once(target: _Target, deadline: float) -> _Page | _Redirect:
    infos = _resolve(target, deadline)
    sock = _connect(infos, deadline)
    try:
        if target.scheme == "https":
            sock = _tls_wrap(sock, target.host, deadline)
        request = (
            f"GET {target.request_target} HTTP/1.1\r\n"
            f"Host: {target.host_header}\r\n"
            f"User-Agent: {USER_AGENT}\r\n"
            "Accept: text/html,application/xhtml+xml\r\n"
            "Accept-Encoding: identity\r\n"
            "Connection: close\r\n\r\n"
        )
        sock.settimeout(_remaining(deadline))
        sock.sendall(request.encode("ascii"))
        response = http.client.HTTPResponse(
            cast(socket.socket, _DeadlineSocket(sock, deadline)), method="GET"
        )
        try:
            response.begin()
            return _read_response(response)
        finally:
            response.close()
    finally:
        sock.close()


def _read_response(response: http.client.HTTPResponse) -> _Page | _Redirect:
    if response.status in REDIRECT_STATUSES:
        location = response.getheader("Location")
        if not location:
            raise PreviewRefused("status")
        return _Redirect(location.strip())
    if not 200 <= response.status < 300:
        raise PreviewRefused("status")
    if response.headers.get_content_type() not in HTML_TYPES:
        raise PreviewRefused("not_html")
    body = bytearray()
    # read1: at most one socket read each time, so the deadline is checked between them, and
    # nothing beyond MAX_BODY_BYTES is ever asked for.
    while len(body) < MAX_BODY_BYTES:
        chunk = response.read1(MAX_BODY_BYTES - len(body))
        if not chunk:
            break
        body += chunk
    return _Page(bytes(body), response.headers.get_content_charset())


# --- Reading the page


class _MetaParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self._in_title = False
        self._title_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = {name: value for name, value in attrs if value is not None}
            key = (values.get("property") or values.get("name") or "").strip().lower()
            if key in _WANTED_META and key not in self.meta and "content" in values:
                self.meta[key] = values["content"]
        elif tag == "title" and not self._title_done:
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            self._in_title = False
            self._title_done = True

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)


def _decode(page: _Page) -> str:
    charset = page.charset
    if charset is None:
        declared = _META_CHARSET.search(page.body[:2048])
        charset = declared.group(1).decode("ascii") if declared else None
    try:
        codec = codecs.lookup(charset or "utf-8").name
    except LookupError:
        codec = "utf-8"
    return page.body.decode(codec, errors="replace")


def _clean(text: str, limit: int) -> str:
    """Plain text on one line, at most `limit` characters."""
    text = "".join(
        " " if unicodedata.category(ch) == "Cc" else ch for ch in text if ch not in _BIDI_CONTROLS
    )
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _image_url(raw: str, base: str) -> str:
    """An absolute http(s) URL for the image, or "" when it is anything else."""
    raw = raw.strip()
    if not raw or _UNSAFE_URL_CHAR.search(raw):
        return ""
    absolute = urljoin(base, raw)
    try:
        parts = urlsplit(absolute)
        host = parts.hostname
    except ValueError:
        return ""
    if (
        parts.scheme.lower() not in DEFAULT_PORTS
        or not host
        or parts.username is not None
        or len(absolute) > MAX_URL_LENGTH
    ):
        return ""
    # Never fetched here, but every reader's browser would: keep it off their private network.
    if host not in _allowed_hosts():
        try:
            literal = ipaddress.IPv6Address(host) if "[" in parts.netloc else _ipv4_literal(host)
        except (ValueError, PreviewRefused):
            return ""
        if literal is not None and not is_public_address(literal):
            return ""
    return absolute


def _build_preview(url: str, page: _Page) -> Preview | None:
    parser = _MetaParser()
    parser.feed(_decode(page))
    parser.close()
    meta = parser.meta
    title = _clean(meta.get("og:title", ""), TITLE_MAX) or _clean(
        "".join(parser.title_parts), TITLE_MAX
    )
    description = _clean(meta.get("og:description", ""), DESCRIPTION_MAX) or _clean(
        meta.get("description", ""), DESCRIPTION_MAX
    )
    if not title and not description:
        return None
    return Preview(
        url=url,
        title=title,
        description=description,
        image_url=_image_url(meta.get("og:image", ""), url),
        site_name=_clean(meta.get("og:site_name", ""), SITE_NAME_MAX),
    )
