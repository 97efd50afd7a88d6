"""Articles from web addresses: a page fetched within limits (time, size, redirects, kind
of content), refused when its address is on a private network, and read like a saved
.html page.

Server-side request forgery: an address the user types could point at this computer or
its network (a router's admin page, a cloud's metadata service at 169.254.169.254). Every
host is resolved and each of its addresses checked; the connection then goes to the
checked address itself, so a second DNS answer (rebinding) cannot send it elsewhere, and
every redirect is checked again. Set SOURCE_BIAS_ALLOW_PRIVATE_URLS=1 (or pass
`allow_private=True`) to fetch from such addresses, e.g. an intranet.
"""

import http.client
import ipaddress
import os
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import PurePosixPath
from urllib.parse import quote, urljoin, urlsplit

from ..errors import InputError
from .article import MAX_FILE_BYTES, Article
from .make import article_from_bytes

ALLOW_PRIVATE_ENV = "SOURCE_BIAS_ALLOW_PRIVATE_URLS"
# A news page answers in a second or two; 20 s allows a slow connection, not a hang.
TIMEOUT_S = 20.0
# Browsers follow up to 20; news sites use one or two (http to https, a canonical path).
MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)
USER_AGENT = "source-bias/0.1 (news coverage comparison; fetches one page per address)"
CHUNK_BYTES = 64 * 1024
# Pages fetched at once by `fetch_each`: a class's list in a few seconds, yet few enough
# to be polite to a site that several of the addresses share.
FETCH_WORKERS = 4
REQUEST_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
    "Accept-Encoding": "gzip, deflate, identity",
}
# Characters a request target may hold as they are; others are percent-encoded.
URL_SAFE = "/%:@!$&'()*+,;=-._~"
# Content types read as a web page or as plain text; anything else is refused by name.
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain", "text/markdown")
REFUSED_TYPES = {
    "application/pdf": "a PDF document",
    "image/png": "a PNG image",
    "image/jpeg": "a JPEG image",
    "image/gif": "a GIF image",
    "image/webp": "a WebP image",
    "image/svg+xml": "an SVG image",
    "application/zip": "a ZIP archive",
    "application/gzip": "a gzip archive",
    "application/x-tar": "a tar archive",
    "application/x-7z-compressed": "a 7-Zip archive",
    "application/vnd.rar": "a RAR archive",
    "application/json": "JSON data",
    "application/octet-stream": "a binary file",
}
REFUSED_FAMILIES = {"image": "an image", "audio": "a sound file", "video": "a video"}


@dataclass(frozen=True)
class Page:
    """A fetched page as received: the final address (after redirects), the one asked
    for, its content type, when it was fetched (UTC, ISO 8601) and its bytes."""

    url: str
    requested: str
    content_type: str
    fetched_at: str
    data: bytes = field(repr=False)


def is_web_address(text: str) -> bool:
    """Whether `text` is meant as a web address (http or https), not a file path."""
    return text.strip().lower().startswith(("http://", "https://"))


def allow_private_default() -> bool:
    """Whether private addresses are allowed by the environment ($SOURCE_BIAS_ALLOW_PRIVATE_URLS=1)."""
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes")


def fetch_article(
    url: str,
    *,
    timeout: float = TIMEOUT_S,
    allow_private: bool | None = None,
    **metadata: str,
) -> tuple[Article, Page]:
    """The article at `url` and the page it was read from; `metadata` wins over what the
    page says. InputError names the address and the reason it could not be read."""
    page = fetch_page(url, timeout=timeout, allow_private=allow_private)
    return article_from_page(page, **metadata), page


def fetch_each(
    urls: Iterable[str], *, timeout: float = TIMEOUT_S, allow_private: bool | None = None
) -> tuple[list[tuple[Article, Page]], list[InputError]]:
    """Like `fetch_article` for many addresses, FETCH_WORKERS pages at a time: the
    articles read (in the order given) and an error for each address that failed."""

    def attempt(url: str) -> Page | InputError:
        try:
            return fetch_page(url, timeout=timeout, allow_private=allow_private)
        except InputError as error:
            return error

    with ThreadPoolExecutor(FETCH_WORKERS) as pool:
        pages = list(pool.map(attempt, urls))
    fetched, failures = [], []
    for page in pages:  # extracted one at a time, here: the HTML parser is not shared
        if isinstance(page, InputError):
            failures.append(page)
            continue
        try:
            fetched.append((article_from_page(page), page))
        except InputError as error:
            failures.append(error)
    return fetched, failures


def article_from_page(page: Page, **metadata: str) -> Article:
    """The article of a fetched (or stored) page, decoded and extracted like a saved
    .html file; its outlet is the site's name, else the host."""
    kind = "html" if media_type(page.content_type) in HTML_TYPES else "txt"
    name = f"{page_name(page.url)}.{kind}"
    article = article_from_bytes(
        page.data, name, page.requested, **{"file": "", "url": page.url, **metadata}
    )
    if not article.outlet:
        article = replace(article, outlet=host_name(page.url))
    return article


def page_name(url: str) -> str:
    """A short id for the page: its host and the last part of its path."""
    parts = urlsplit(url)
    stem = PurePosixPath(parts.path).stem
    return "-".join(part for part in (host_name(url), stem) if part)[:80]


def host_name(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def fetch_page(
    url: str,
    *,
    timeout: float = TIMEOUT_S,
    allow_private: bool | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> Page:
    """The page at `url`, its redirects followed (each target checked again), refused
    when it is not HTML or text, larger than `max_bytes`, or slower than `timeout`
    seconds in all."""
    requested = url.strip()
    allow = allow_private_default() if allow_private is None else allow_private
    deadline = time.monotonic() + timeout
    current = requested
    try:
        for _ in range(max_redirects + 1):
            target, content_type, data = _hop(current, allow, deadline, requested, max_bytes)
            if not target:
                fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
                return Page(current, requested, content_type, fetched_at, data)
            current = target
    except TimeoutError:
        raise InputError(requested, f"timed out after {timeout:g} s") from None
    except ssl.SSLError as error:
        raise InputError(requested, f"the secure connection failed ({error.reason})") from None
    except (OSError, http.client.HTTPException) as error:
        raise InputError(requested, f"cannot fetch the page ({_os_reason(error)})") from None
    raise InputError(requested, f"more than {max_redirects} redirects; not followed further")


def _hop(
    url: str, allow_private: bool, deadline: float, source: str, max_bytes: int
) -> tuple[str, str, bytes]:
    """One request: (the redirect's target, "", b"") or ("", content type, body)."""
    connection = _connection(url, allow_private, deadline, source)
    with closing(connection), _Watchdog(connection, _remaining(deadline)) as watchdog:
        try:
            connection.request("GET", _request_target(url), headers=REQUEST_HEADERS)
            response = connection.getresponse()
            location = response.getheader("Location", "")
            if response.status in REDIRECTS and location:
                return urljoin(url, location), "", b""
            if not 200 <= response.status < 300:
                raise InputError(source, _status_text(response))
            content_type = response.getheader("Content-Type", "")
            _check_content_type(source, content_type)
            data = _read_body(response, source, max_bytes)
        except (OSError, http.client.HTTPException):
            if watchdog.fired:
                raise TimeoutError from None
            raise
        if watchdog.fired:  # the body was cut short at the deadline
            raise TimeoutError
        return "", content_type, data


def _connection(
    url: str, allow_private: bool, deadline: float, source: str
) -> "_PinnedHTTPConnection | _PinnedHTTPSConnection":
    """A connection for `url`, pinned to one checked address of its host."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(source, f"`{url}` is not a web address (http:// or https://)")
    try:
        host = (parts.hostname or "").encode("idna").decode("ascii")
        port = parts.port or (443 if scheme == "https" else 80)
    except (UnicodeError, ValueError):
        raise InputError(source, f"`{url}` has no valid host name or port") from None
    if not host:
        raise InputError(source, f"`{url}` names no host")
    address = _checked_address(host, port, allow_private, source)
    if scheme == "https":
        return _PinnedHTTPSConnection(host, port, address, _remaining(deadline))
    return _PinnedHTTPConnection(host, port, address, _remaining(deadline))


def _request_target(url: str) -> str:
    """The path and query of `url`, percent-encoded where HTTP requires it."""
    parts = urlsplit(url)
    target = quote(parts.path or "/", safe=URL_SAFE)
    return f"{target}?{quote(parts.query, safe=URL_SAFE + '?')}" if parts.query else target


class _Watchdog:
    """Shuts the connection down at the deadline: a server that trickles its answer a
    byte at a time cannot hold the fetch longer than the time-out."""

    def __init__(
        self, connection: "_PinnedHTTPConnection | _PinnedHTTPSConnection", seconds: float
    ):
        self.connection = connection
        self.fired = False
        self.timer = threading.Timer(seconds, self._fire)
        self.timer.daemon = True

    def _fire(self) -> None:
        self.fired = True
        if self.connection.opened is not None:
            with suppress(OSError):
                self.connection.opened.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> "_Watchdog":
        self.timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.timer.cancel()


def _checked_address(host: str, port: int, allow_private: bool, source: str) -> str:
    """One address of `host`, after every address it resolves to was checked."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise InputError(source, f"no such host: {host}") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise InputError(source, f"no such host: {host}")
    if not allow_private:
        for address in addresses:
            kind = private_kind(address)
            if kind:
                named = address if host.strip("[]") == address else f"{host} is {address}"
                raise InputError(
                    source,
                    f"refused: a private network address ({named}, {kind}); "
                    f"set {ALLOW_PRIVATE_ENV}=1 to allow such addresses",
                )
    return addresses[0]


def private_kind(address: str) -> str | None:
    """What kind of non-public address `address` is ("loopback", ...), or None when it
    is a public internet address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    kinds = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("not public", not ip.is_global),
    )
    return next((kind for kind, applies in kinds if applies), None)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to one given address, whatever the host name resolves to now.
    `opened` is its socket, kept after http.client lets go of it (the watchdog needs it)."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address
        self.opened: socket.socket | None = None

    def connect(self) -> None:
        self.sock = self.opened = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to one given address; the certificate is checked against the
    host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        self.tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.address = address
        self.opened: socket.socket | None = None

    def connect(self) -> None:
        raw = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self.opened = self.tls.wrap_socket(raw, server_hostname=self.host)


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


def _status_text(response: http.client.HTTPResponse) -> str:
    reason = response.reason
    if not reason:
        try:
            reason = HTTPStatus(response.status).phrase
        except ValueError:
            reason = "unexpected answer"
    return f"{response.status} {reason}"


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _check_content_type(source: str, content_type: str) -> None:
    kind = media_type(content_type)
    if not kind or kind in HTML_TYPES or kind in TEXT_TYPES:
        return  # no type given: the decoder still refuses binary data
    name = REFUSED_TYPES.get(kind) or REFUSED_FAMILIES.get(kind.split("/")[0])
    what = name or f"a file of type {kind}"
    raise InputError(source, f"{what}, not a web page")


def _read_body(response: http.client.HTTPResponse, source: str, max_bytes: int) -> bytes:
    """The body, decompressed, at most `max_bytes`."""
    limit = f"the page is larger than {max_bytes:,} bytes, the limit"
    declared = response.getheader("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(source, f"the page is {int(declared):,} bytes; the limit is {max_bytes:,}")
    encoding = response.getheader("Content-Encoding", "identity").strip().lower()
    decompressor = None
    if encoding in ("gzip", "x-gzip", "deflate"):
        decompressor = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header
    elif encoding not in ("", "identity"):
        raise InputError(source, f"the page is sent in an unknown encoding ({encoding})")
    body = bytearray()
    while True:
        chunk = response.read(CHUNK_BYTES)
        if not chunk:
            break
        if decompressor is not None:
            try:
                chunk = decompressor.decompress(chunk, max_bytes + 1 - len(body))
            except zlib.error:
                raise InputError(source, "the page's compressed data is damaged") from None
        body += chunk
        if len(body) > max_bytes:
            raise InputError(source, limit)
    return bytes(body)


def _os_reason(error: BaseException) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__
