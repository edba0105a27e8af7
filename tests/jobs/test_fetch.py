"""The fetcher against a real HTTP server on 127.0.0.1: 304s, gzip, size cap, redirects, timeouts, files."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from jobs.fetch import DEFAULT_USER_AGENT, FetchError, fetch, make_client
from tests.jobs.feed_server import FeedServer, Item, Reply, feed_xml

FEED = feed_xml(Item("2641101", "Leerdam wint", ("Jutta Leerdam won de 1.000 meter.",)))


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


@pytest.fixture
async def client() -> AsyncIterator:  # type: ignore[type-arg]
    http = make_client(timeout=0.5, max_redirects=3)
    yield http
    await http.aclose()


async def test_conditional_get_with_etag_gives_304(server: FeedServer, client) -> None:  # type: ignore[no-untyped-def]
    server.script("/feed", Reply(body=FEED, etag='"v1"', last_modified="Sat, 07 Nov 2026 17:00:00 GMT"))
    first = await fetch(server.url("/feed"), client=client, max_bytes=1_000_000)
    assert first.status == "ok" and first.body == FEED and first.etag == '"v1"'
    second = await fetch(server.url("/feed"), client=client, max_bytes=1_000_000, etag=first.etag,
                         last_modified=first.last_modified)
    assert second.status == "not_modified" and second.body == b"" and second.etag == '"v1"'
    sent = server.hits("/feed")[1].headers
    assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"] == "Sat, 07 Nov 2026 17:00:00 GMT"
    assert sent["user-agent"] == DEFAULT_USER_AGENT and DEFAULT_USER_AGENT.startswith("schaatsbot/")


async def test_last_modified_alone_gives_304(server: FeedServer, client) -> None:  # type: ignore[no-untyped-def]
    server.script("/feed", Reply(body=FEED, last_modified="Sat, 07 Nov 2026 17:00:00 GMT"))
    first = await fetch(server.url("/feed"), client=client, max_bytes=1_000_000)
    second = await fetch(server.url("/feed"), client=client, max_bytes=1_000_000, last_modified=first.last_modified)
    assert second.status == "not_modified"


async def test_gzip_is_asked_for_and_decoded(server: FeedServer, client) -> None:  # type: ignore[no-untyped-def]
    server.script("/feed", Reply(body=FEED, gzip=True))
    result = await fetch(server.url("/feed"), client=client, max_bytes=1_000_000)
    assert result.body == FEED
    assert "gzip" in server.hits("/feed")[0].headers["accept-encoding"]


@pytest.mark.parametrize("declare_length", [True, False])
async def test_a_huge_response_is_an_error_not_a_crash(server: FeedServer, client, declare_length: bool) -> None:  # type: ignore[no-untyped-def]
    server.script("/huge", Reply(stream_bytes=10_000_000, declare_length=declare_length))
    with pytest.raises(FetchError) as caught:
        await fetch(server.url("/huge"), client=client, max_bytes=1_000_000)
    assert caught.value.kind == "too_large"


async def test_a_gzip_bomb_is_stopped_at_the_cap(server: FeedServer, client) -> None:  # type: ignore[no-untyped-def]
    server.script("/bomb", Reply(body=b" " * 5_000_000, gzip=True))
    with pytest.raises(FetchError) as caught:
        await fetch(server.url("/bomb"), client=client, max_bytes=1_000_000)
    assert caught.value.kind == "too_large"


async def test_redirects_are_followed_within_a_limit(server: FeedServer, client) -> None:  # type: ignore[no-untyped-def]
    server.script("/old", Reply(status=301, headers={"Location": "/new"}))
    server.script("/new", Reply(body=FEED))
    assert (await fetch(server.url("/old"), client=client, max_bytes=1_000_000)).body == FEED
    server.script("/loop", Reply(status=302, headers={"Location": "/loop"}))
    with pytest.raises(FetchError) as caught:
        await fetch(server.url("/loop"), client=client, max_bytes=1_000_000)
    assert caught.value.kind == "redirects"
    assert len(server.hits("/loop")) == 4  # the first request and three redirects


async def test_server_errors_and_timeouts(server: FeedServer, client) -> None:  # type: ignore[no-untyped-def]
    server.script("/broken", Reply(status=500, body=b"oops"))
    with pytest.raises(FetchError, match="HTTP 500") as caught:
        await fetch(server.url("/broken"), client=client, max_bytes=1_000_000)
    assert caught.value.kind == "http"
    server.script("/slow", Reply(body=FEED, delay=1.5))
    with pytest.raises(FetchError) as caught:
        await fetch(server.url("/slow"), client=client, max_bytes=1_000_000)
    assert caught.value.kind == "timeout"


async def test_connection_refused_is_a_network_error(client) -> None:  # type: ignore[no-untyped-def]
    with FeedServer() as srv:
        url = srv.url("/feed")
    with pytest.raises(FetchError) as caught:
        await fetch(url, client=client, max_bytes=1_000)
    assert caught.value.kind in ("network", "timeout")


async def test_local_files_and_file_urls(tmp_path: Path, client) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "schaatsen feed.xml"
    path.write_bytes(FEED)
    assert (await fetch(str(path), client=client, max_bytes=1_000_000)).body == FEED
    assert (await fetch(path.as_uri(), client=client, max_bytes=1_000_000)).body == FEED
    with pytest.raises(FetchError) as caught:
        await fetch(str(path), client=client, max_bytes=100)
    assert caught.value.kind == "too_large"
    with pytest.raises(FetchError) as caught:
        await fetch(str(tmp_path / "missing.xml"), client=client, max_bytes=100)
    assert caught.value.kind == "file"
