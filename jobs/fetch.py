"""Fetching a feed politely: timeouts, a User-Agent, conditional GET, gzip, a size cap, bounded redirects.

Local paths and ``file://`` URLs are read directly (for ``schaatsbot poll FILE`` and tests).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlparse

import httpx

REPO_URL = "https://github.com/schaatsbot/schaatsbot"


def _version() -> str:
    try:
        return metadata.version("schaatsbot")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0"


DEFAULT_USER_AGENT = f"schaatsbot/{_version()} (+{REPO_URL})"
FetchStatus = Literal["ok", "not_modified"]
ErrorKind = Literal["timeout", "http", "too_large", "redirects", "network", "file"]


@dataclass(frozen=True, slots=True)
class FetchResult:
    status: FetchStatus
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    http_status: int | None = None
    final_url: str | None = None


class FetchError(Exception):
    """The feed could not be read; ``kind`` says why, the message is one line for the health record."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def is_local(source: str) -> bool:
    """A path on disk or a file:// URL (anything that is not http(s))."""
    return urlparse(source).scheme.lower() not in ("http", "https")


def make_client(*, timeout: float, max_redirects: int, user_agent: str = DEFAULT_USER_AGENT) -> httpx.AsyncClient:
    """One client per poller: connection reuse, gzip (httpx asks for it and decodes it), bounded redirects."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        follow_redirects=True,
        max_redirects=max_redirects,
        headers={"User-Agent": user_agent, "Accept": "application/rss+xml, application/xml;q=0.9, */*;q=0.5"},
        trust_env=False,
    )


async def fetch(
    source: str,
    *,
    client: httpx.AsyncClient,
    max_bytes: int,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchResult:
    """The feed's body, or ``not_modified`` on a 304; raises :class:`FetchError` for every failure."""
    if is_local(source):
        return await asyncio.to_thread(read_local, source, max_bytes)
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with client.stream("GET", source, headers=headers) as response:
            if response.status_code == 304:
                return FetchResult("not_modified", etag=etag, last_modified=last_modified, http_status=304,
                                   final_url=str(response.url))
            if response.status_code != 200:
                raise FetchError("http", f"HTTP {response.status_code} {response.reason_phrase}".strip())
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError("too_large", f"response of {int(declared):,} bytes exceeds the cap of {max_bytes:,}")
            body = await _read_capped(response, max_bytes)
            return FetchResult("ok", body=body, etag=response.headers.get("ETag"),
                               last_modified=response.headers.get("Last-Modified"), http_status=200,
                               final_url=str(response.url))
    except FetchError:
        raise
    except httpx.TooManyRedirects as exc:
        raise FetchError("redirects", f"too many redirects: {exc}") from exc
    except httpx.TimeoutException as exc:
        raise FetchError("timeout", f"timed out ({exc.__class__.__name__})") from exc
    except httpx.DecodingError as exc:
        raise FetchError("http", f"undecodable response: {exc}") from exc
    except (httpx.HTTPError, httpx.InvalidURL, OSError) as exc:
        raise FetchError("network", f"{exc.__class__.__name__}: {exc}".strip(": ")) from exc


async def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    """The decoded body; stops reading (and fails) as soon as it passes the cap."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError("too_large", f"response exceeds the cap of {max_bytes:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def read_local(source: str, max_bytes: int) -> FetchResult:
    """A feed file on disk, with the same size cap as the network."""
    parsed = urlparse(source)
    path = Path(unquote(parsed.path)) if parsed.scheme.lower() == "file" else Path(source)
    try:
        with path.expanduser().open("rb") as handle:
            body = handle.read(max_bytes + 1)
    except OSError as exc:
        raise FetchError("file", f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(body) > max_bytes:
        raise FetchError("too_large", f"file exceeds the cap of {max_bytes:,} bytes")
    return FetchResult("ok", body=body, final_url=str(path))
