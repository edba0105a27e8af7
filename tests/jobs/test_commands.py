"""``schaatsbot poll --once FILE|URL`` and ``schaatsbot feeds`` through the real command line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from schaatsbot.cli import main
from schaatsbot.settings import get_settings
from tests.jobs.feed_server import FeedServer, Item, Reply, feed_xml

REPORT = Item("2641101", "Leerdam wint 1.000 meter bij wereldbeker in Heerenveen", (
    "Jutta Leerdam won de 1.000 meter bij de wereldbeker in Heerenveen.",
    "Femke Kok werd tweede in 1.13,58. Miho Takagi uit Japan werd derde in 1.13,71.",
))
NEWS = Item("2641090", "Schaatsploeg presenteert nieuwe sponsor", ("De ploeg heeft een nieuwe sponsor.",))


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("FEED_URLS", str(tmp_path / "nossportschaatsen.xml"))
    monkeypatch.delenv("LIVE_SCHEDULE", raising=False)
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_poll_once_a_file_then_feeds(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = env / "nossportschaatsen.xml"
    feed.write_bytes(feed_xml(REPORT, NEWS))
    assert main(["poll", "--once", str(feed)]) == 0
    out = capsys.readouterr().out
    assert "nossportschaatsen.xml: 2 items (2 new, 0 changed, 0 unchanged, 0 skipped)" in out
    assert "new       2641101  Leerdam wint 1.000 meter" in out
    assert "1000m vrouwen (world_cup, Heerenveen): 1. Jutta Leerdam | 2. Femke Kok 1.13,58 | 3. Miho Takagi" in out

    assert main(["poll", "--once"]) == 0  # the configured feeds: the same file, nothing new
    assert "(0 new, 0 changed, 2 unchanged, 0 skipped)" in capsys.readouterr().out

    assert main(["feeds"]) == 0
    out = capsys.readouterr().out
    assert "nossportschaatsen.xml  [ok]" in out and "items seen:    4" in out and "0 in a row" in out


def test_poll_a_failing_url_and_see_it_in_feeds(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with FeedServer() as server:
        server.script("/nossportschaatsen", Reply(status=500))
        url = server.url("/nossportschaatsen")
        assert main(["poll", "--once", url]) == 1
    assert "error (1x): HTTP 500" in capsys.readouterr().out
    assert main(["feeds"]) == 0  # the configured file is fine (never polled), the URL is not configured
    out = capsys.readouterr().out
    assert "[FAILING]" in out and "last error:" in out and "HTTP 500" in out and "never polled" in out


def test_poll_verbose_says_why_an_item_was_skipped(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    football = Item("2641130", "Heerenveen wint van Ajax", ("SC Heerenveen won in de Eredivisie met 2-1 van Ajax.",))
    feed = env / "nossportalgemeen.xml"
    feed.write_bytes(feed_xml(football, REPORT))
    assert main(["poll", "--once", "-v", str(feed)]) == 0
    lines = capsys.readouterr().out.splitlines()
    skipped = next(n for n, line in enumerate(lines) if line.startswith("  skipped   2641130"))
    assert lines[skipped + 1].strip() == "not about skating"
    assert any("1000m vrouwen (world_cup, Heerenveen)" in line for line in lines)
