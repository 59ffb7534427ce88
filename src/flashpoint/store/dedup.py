"""Article deduplication keys: canonical URLs, content hashes, MinHash and LSH bands.

Pure functions, no database. The store keeps the keys these return in
indexed columns, so deciding whether a new article duplicates one of a
million stored ones is a handful of index lookups, never a scan:

* the same story at a different URL spelling -> :func:`canonical_url`;
* the same text byte for byte (up to case and spacing) -> :func:`content_hash`;
* a syndicated copy with a changed byline or footer -> :func:`minhash` plus
  :func:`lsh_bands` to find candidates, then :func:`jaccard` to confirm.
"""

from __future__ import annotations

import functools
import hashlib
import re
import struct
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

NUM_PERM = 128
SHINGLE = 5  # words per shingle: long enough that shared stock phrases do not match
SEED = 20_211_112  # fixed so signatures stored last year still compare with today's
# 16 bands of 8 rows: the S-curve 1 - (1 - s**8)**16 passes 0.5 near s = 0.71 and
# catches 95% of pairs at s = 0.8, so few true duplicates are missed; every
# candidate is then confirmed with the estimated Jaccard at THRESHOLD.
BANDS = 16
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.8

_TRACKING = frozenset({
    "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "mc_cid", "mc_eid",
    "ref", "ref_src", "ref_url", "referrer", "cmpid", "ncid", "ocid",
    "igshid", "_ga", "_gl", "smid", "smtyp", "wt.mc_id", "at_medium",
    "at_campaign", "ito", "xtor", "s_cid",
})
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "__hs", "oly_")
_DEFAULT_PORTS = {"http": "80", "https": "443"}
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")


def canonical_url(url: str) -> str:
    """Normalise a URL so spellings of one page compare equal.

    Lower-cases scheme and host, drops default ports, the fragment, user
    info, tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ...) and a
    trailing slash, and sorts the remaining query parameters. Text that is
    not an absolute URL comes back stripped but otherwise unchanged.

    >>> canonical_url("HTTPS://News.Example.com:443/a/b/?utm_source=x&b=2&a=1#top")
    'https://news.example.com/a/b?a=1&b=2'
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:  # malformed netloc such as "http://[::1" or a bad port
        return text
    if not parts.scheme or not parts.netloc:
        return text
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:  # IPv6 literals keep their brackets
        host = f"[{host}]"
    if port is not None and str(port) != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(k)
    )
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def _is_tracking(key: str) -> bool:
    low = key.lower()
    return low in _TRACKING or low.startswith(_TRACKING_PREFIXES)


def normalise_text(text: str) -> str:
    """Case-folded text with runs of whitespace collapsed to one space."""
    return _SPACE.sub(" ", text).strip().casefold()


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the normalised text: equal for copies that differ only
    in case or spacing."""
    return hashlib.sha256(normalise_text(text).encode("utf-8", "surrogatepass")).hexdigest()


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Overlapping ``size``-word shingles of the normalised words of ``text``;
    a text shorter than ``size`` words is one shingle."""
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@functools.lru_cache(maxsize=256)  # ingest asks twice per article: find_duplicate, then add_article
def minhash(text: str) -> tuple[int, ...]:
    """MinHash signature (``NUM_PERM`` 32-bit values) of the word shingles.

    Returns an empty tuple for text without words: such text has nothing
    to compare, and an all-maximum signature would match every other
    empty text.
    """
    from datasketch import MinHash  # lazily: keeps `import flashpoint.store` cheap

    grams = shingles(text)
    if not grams:
        return ()
    sig = MinHash(num_perm=NUM_PERM, seed=SEED)
    sig.update_batch([g.encode("utf-8", "surrogatepass") for g in grams])
    return tuple(int(v) for v in sig.hashvalues)


def lsh_bands(signature: tuple[int, ...]) -> list[str]:
    """Band keys of a signature: two texts sharing any key are near-duplicate
    candidates. Keys look like ``"07:9f2c..."`` (band number, hash of its rows)."""
    if len(signature) != NUM_PERM:
        return []
    keys = []
    for band in range(BANDS):
        rows = signature[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(struct.pack(f">{ROWS}I", *rows), digest_size=8).hexdigest()
        keys.append(f"{band:02d}:{digest}")
    return keys


def duplicate_keys(text: str, url: str | None = None) -> frozenset[str]:
    """Keys of which two articles share at least one whenever a store may
    call one a duplicate of the other: the canonical URL, the content hash
    and the LSH bands. Articles with no key in common need no lookup."""
    keys = {f"hash:{content_hash(text)}", *lsh_bands(minhash(text))}
    if url:
        keys.add(f"url:{canonical_url(url)}")
    return frozenset(keys)


def jaccard(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two signatures (0.0 when either is empty)."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b)) / len(a)


def best_match(signature: tuple[int, ...], candidates: Iterable[tuple[str, tuple[int, ...]]]) -> str | None:
    """Id of the candidate most similar to ``signature`` at or above
    :data:`THRESHOLD` (ties go to the smallest id), else None."""
    scored = [(-jaccard(signature, sig), cid) for cid, sig in candidates]
    scored = [s for s in scored if -s[0] >= THRESHOLD]
    return min(scored)[1] if scored else None


def pack_signature(signature: tuple[int, ...]) -> str:
    """Hex text of a signature, for a TEXT column that every back end has."""
    return struct.pack(f">{len(signature)}I", *signature).hex()


def unpack_signature(blob: str | None) -> tuple[int, ...]:
    """Inverse of :func:`pack_signature`; malformed or empty text gives ``()``."""
    if not blob:
        return ()
    try:
        raw = bytes.fromhex(blob)
    except ValueError:
        return ()
    if len(raw) % 4:
        return ()
    return struct.unpack(f">{len(raw) // 4}I", raw)
