"""POST alerts to a webhook, with the address checks of URL ingest.

The URL is checked by :meth:`flashpoint.ingest.fetch.Fetcher.check` (http or
https, a host that resolves only to public addresses unless
``allow_private``), and the connection is pinned to the checked address so
a DNS answer that changes in between cannot redirect it; redirects are not
followed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import httpx

from ..errors import FetchError
from ..ingest.fetch import Fetcher, Resolver
from .engine import Alert


def post_alerts(url: str, alerts: Sequence[Alert], *, allow_private: bool = False,
                transport: httpx.BaseTransport | None = None, resolver: Resolver | None = None,
                timeout: float = 10.0) -> int:
    """Send ``{"alerts": [...]}`` as JSON; return the HTTP status.

    Raises:
        FetchError: refused address, network failure or a non-2xx answer.
    """
    fetcher = Fetcher(allow_private=allow_private, resolver=resolver)
    try:
        scheme, host, port, addresses = fetcher.check(url)
    finally:
        fetcher.close()
    target = httpx.URL(url)
    headers = {"Content-Type": "application/json", "User-Agent": "flashpoint-alerts"}
    extensions: dict = {}
    try:
        import ipaddress

        ipaddress.ip_address(host)
    except ValueError:
        target = target.copy_with(host=addresses[0])
        default = 443 if scheme == "https" else 80
        headers["Host"] = host if port == default else f"{host}:{port}"
        extensions["sni_hostname"] = host
    body = json.dumps({"alerts": [a.as_dict() for a in alerts]}, ensure_ascii=False).encode("utf-8")
    try:
        with httpx.Client(transport=transport, follow_redirects=False, timeout=timeout, trust_env=False) as client:
            response = client.send(client.build_request("POST", target, content=body, headers=headers,
                                                        extensions=extensions))
    except httpx.HTTPError as exc:
        raise FetchError(f"webhook {url}: {type(exc).__name__}: {str(exc)[:200]}") from None
    if not 200 <= response.status_code < 300:
        raise FetchError(f"webhook {url}: answered HTTP {response.status_code}")
    return response.status_code
