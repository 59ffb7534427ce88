"""Fetching URLs safely: address checks, size and time limits, manual redirects.

A fetcher only ever talks to public addresses unless ``allow_private`` is
set: every hop of a redirect chain is resolved, every address it resolves
to is checked, and the connection is pinned to a checked address so a DNS
answer that changes between the check and the connect (DNS rebinding)
cannot reach an internal service. Bodies are streamed and cut at
``max_bytes``; only text content types are accepted.

The network is a seam: pass any ``httpx.BaseTransport`` (tests use
``httpx.MockTransport``) and a ``resolver`` function.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from ..errors import FetchError, UsageError
from .deadline import Deadline
from .validators import ValidatorCache

Resolver = Callable[[str, int], list[str]]

MAX_BYTES = 5_000_000
MAX_REDIRECTS = 5
USER_AGENT = "flashpoint/0.1 (+https://github.com/flashpoint-events; event data research)"
TEXT_TYPES = (
    "text/", "application/xhtml+xml", "application/xml", "application/rss+xml",
    "application/atom+xml", "application/rdf+xml", "application/json",
    "application/feed+json", "application/ld+json",
)


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One completed fetch. ``not_modified`` means a 304: ``body`` is empty."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    content_type: str | None
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def system_resolver(host: str, port: int) -> list[str]:
    """All addresses ``host`` resolves to (IPv4 and IPv6).

    Raises:
        FetchError: the name does not resolve.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"cannot resolve {host!r} ({exc}); check the URL or the network") from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def is_public(address: str) -> bool:
    """Whether an IP address is globally routable (not private, loopback,
    link-local, multicast, reserved, unspecified or shared)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    # fec0::/10 (site-local, deprecated by RFC 3879) is neither private nor
    # reserved to the ipaddress module, yet routes only inside a site.
    site_local = isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
        or ip.is_reserved or ip.is_unspecified or not ip.is_global or site_local
    )


class Fetcher:
    """Fetch http(s) URLs under the limits above.

    Args:
        allow_private: also allow private, loopback and link-local addresses
            (intranet use; CLI ``--allow-private``).
        transport: the httpx transport (a ``MockTransport`` in tests).
        resolver: host name to addresses; defaults to the system resolver.
        cache: remembers ETag / Last-Modified per URL for conditional requests.
        connect_timeout, read_timeout: seconds per connect and per read.
        total_timeout: seconds for a whole fetch, redirects included, so a
            server dripping one byte at a time cannot hold a run.
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver | None = None,
        cache: ValidatorCache | None = None,
        max_bytes: int = MAX_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        connect_timeout: float = 10.0,
        read_timeout: float = 20.0,
        total_timeout: float = 60.0,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.allow_private = allow_private
        self.resolver = resolver or system_resolver
        self.cache = cache
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.total_timeout = total_timeout
        self._client = httpx.Client(
            transport=transport,
            follow_redirects=False,
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            headers={"User-Agent": user_agent, "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/*;q=0.8"},
            trust_env=False,  # a proxy from the environment would bypass the address checks
            # A fresh connection per request: the total deadline learns the socket
            # to shut down when a connection opens (see deadline.py).
            limits=httpx.Limits(max_keepalive_connections=0),
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str, *, conditional: bool = False) -> FetchResult:
        """Fetch ``url``, following up to ``max_redirects`` redirects.

        With ``conditional``, send the ETag / Last-Modified remembered for
        this URL; a 304 answer gives ``not_modified=True``. Call
        :meth:`remember` once the body has been fully used.

        Raises:
            FetchError: refused address or scheme, timeout, HTTP error,
                redirect loop, oversize or non-text body.
        """
        current = url.strip()
        seen: set[str] = set()
        headers: dict[str, str] = {}
        if conditional and self.cache is not None:
            headers.update(self.cache.headers(url))
        with Deadline(self.total_timeout) as deadline:
            for _hop in range(self.max_redirects + 1):
                if current in seen:
                    raise FetchError(f"{url}: redirect loop at {current}")
                seen.add(current)
                response = self._request(current, headers, deadline)
                try:
                    if response.status_code in (301, 302, 303, 307, 308):
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"{url}: redirect {response.status_code} without a Location header")
                        current = urljoin(current, location.strip())
                        continue
                    return self._result(url, current, response, bool(headers), deadline)
                finally:
                    response.close()
        raise FetchError(f"{url}: more than {self.max_redirects} redirects")

    def _result(self, url: str, current: str, response: httpx.Response, conditional: bool, deadline: Deadline) -> FetchResult:
        etag = response.headers.get("etag")
        last_modified = response.headers.get("last-modified")
        if response.status_code == 304 and conditional:
            return FetchResult(url, current, 304, None, None, b"", etag, last_modified, not_modified=True)
        if not 200 <= response.status_code < 300:
            raise FetchError(f"{url}: HTTP {response.status_code} from {current}")
        content_type, charset = _content_type(response.headers.get("content-type"))
        if content_type and not content_type.startswith(TEXT_TYPES):
            raise FetchError(f"{url}: not text ({content_type}); only HTML, text and feeds are ingested")
        body = self._read(response, url, deadline)
        return FetchResult(url, current, response.status_code, content_type, charset, body, etag, last_modified)

    def remember(self, result: FetchResult) -> None:
        """Store the validators of a fully used result for the next poll."""
        if self.cache is not None and not result.not_modified:
            self.cache.set(result.url, result.etag, result.last_modified)

    def check(self, url: str) -> tuple[str, str, int, list[str]]:
        """Check a URL's scheme and addresses; return scheme, host, port, addresses.

        Raises:
            FetchError: not http(s), no host, or a refused address.
        """
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as exc:
            raise FetchError(f"{url[:200]}: malformed URL ({exc})") from None
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(f"{url[:200]}: only http and https URLs are fetched, not {scheme or 'a bare path'!r}")
        host = parts.hostname
        if not host:
            raise FetchError(f"{url[:200]}: the URL has no host")
        port = port or (443 if scheme == "https" else 80)
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            addresses = self.resolver(host, port)
        if not addresses:
            raise FetchError(f"{url[:200]}: {host} resolves to no address")
        if not self.allow_private:
            for address in addresses:
                try:
                    public = is_public(address)
                except ValueError:
                    public = False
                if not public:
                    raise FetchError(
                        f"{url[:200]}: {host} resolves to the non-public address {address}; "
                        "pass --allow-private (allow_private=True) to fetch intranet pages"
                    )
        return scheme, host, port, addresses

    def _request(self, url: str, headers: dict[str, str], deadline: Deadline) -> httpx.Response:
        scheme, host, port, addresses = self.check(url)
        target = httpx.URL(url)
        extensions: dict = {"trace": deadline.trace}
        request_headers = dict(headers)
        if not _is_ip(host):
            # Pin the connection to the address just checked; keep the name
            # for the Host header and for TLS (SNI and certificate checks).
            address = addresses[0]
            target = target.copy_with(host=address)
            default = 443 if scheme == "https" else 80
            request_headers["Host"] = host if port == default else f"{host}:{port}"
            extensions["sni_hostname"] = host
        if deadline.remaining() <= 0:
            raise self._late(url)
        try:
            request = self._client.build_request("GET", target, headers=request_headers, extensions=extensions)
            return self._client.send(request, stream=True)
        except httpx.TimeoutException:
            raise FetchError(f"{url}: timed out; the server is slow or down, try again later") from None
        except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError) as exc:
            if deadline.expired:
                raise self._late(url) from None
            raise FetchError(f"{url}: {type(exc).__name__}: {str(exc)[:200]}") from None

    def _late(self, url: str) -> FetchError:
        return FetchError(f"{url}: gave up after {self.total_timeout:g}s (the whole fetch, headers included);"
                          " the server is too slow, try again later")

    def _read(self, response: httpx.Response, url: str, deadline: Deadline) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"{url}: body of {declared} bytes exceeds the {self.max_bytes}-byte limit")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(f"{url}: body exceeds the {self.max_bytes}-byte limit; stopped reading")
                if deadline.remaining() < 0:
                    raise self._late(url)
                chunks.append(chunk)
        except httpx.TimeoutException:
            raise FetchError(f"{url}: timed out while reading the body") from None
        except (httpx.HTTPError, OSError, ValueError) as exc:
            if deadline.expired:
                raise self._late(url) from None
            raise FetchError(f"{url}: broken response ({type(exc).__name__}: {str(exc)[:200]})") from None
        return b"".join(chunks)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return kind.strip().lower() or None, charset


def check_url_arg(value: str) -> str:
    """Validate a URL given on the command line (scheme and host only).

    Raises:
        UsageError: not an http(s) URL with a host.
    """
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"{value!r} is not an http(s) URL")
    return value
