"""``schaatsbot console`` and ``schaatsbot podium`` print what Telegram would show, as plain text."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from schaatsbot.cli import main
from schaatsbot.settings import get_settings
from tests.factories import ARTICLE_URL

SCHAATSBOT = Path(sys.executable).with_name("schaatsbot")


@pytest.fixture
def cli_env(db_url: str, monkeypatch: pytest.MonkeyPatch, season: dict[str, int]) -> Iterator[str]:
    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()
    yield db_url
    get_settings.cache_clear()


def run_cli(argv: list[str], stdin: str, capsys: pytest.CaptureFixture[str],
            monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    assert main(argv) == 0
    return capsys.readouterr().out


def test_console_through_a_real_pipe(cli_env: str) -> None:
    done = subprocess.run([str(SCHAATSBOT), "console"], input="/podium 1000m mannen\n", capture_output=True,
                          text=True, env={**os.environ, "DATABASE_URL": cli_env}, timeout=60, check=True)
    assert done.stdout.splitlines() == [
        "🏁 1000 m mannen · Wereldbeker Tomaszów Mazowiecki · zo 14 nov 2021",
        "🥇 Hein Otterspeer 🇳🇱 1.08,67",
        "🥈 Thomas Krol 🇳🇱 1.08,69",
        "🥉 Kjeld Nuis 🇳🇱 1.08,83",
        f"NOS: Otterspeer & Krol: 'goud' en <zilver> op de 1000 meter ({ARTICLE_URL})",
    ]


def test_console_buttons_are_numbered_and_can_be_pressed(cli_env: str, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    out = run_cli(["console"], "/schaatser mulder\n2\n", capsys, monkeypatch)
    assert "Welke schaatser bedoel je met “mulder”?\n  [1] Michel Mulder 🇳🇱\n  [2] Ronald Mulder 🇳🇱" in out
    assert "⛸ Ronald Mulder 🇳🇱 · laatste uitslagen" in out
    assert "<" not in out.replace("<zilver>", "")  # no tags, entities unescaped
    english = run_cli(["console", "--lang", "en"], "/skater mulder\n7\n", capsys, monkeypatch)
    assert english.splitlines()[-1] == "Pick a number from 1 to 2."


def test_console_in_english_and_in_a_group(cli_env: str, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    out = run_cli(["console", "--lang", "en"], "/results 500 women\nhello\n", capsys, monkeypatch)
    assert "🥇 Erin Jackson 🇺🇸 37.37" in out
    assert "Send a command" in out
    quiet = run_cli(["console", "--group"], "hallo allemaal\n/podium@SchaatsTestBot massastart\n", capsys,
                    monkeypatch)
    assert quiet.startswith("🏁 massastart mannen")


def test_podium_subcommand(cli_env: str, capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    out = run_cli(["podium", "ploeg"], "", capsys, monkeypatch)
    assert out.splitlines()[1] == (
        "🥇 Nederland 🇳🇱 2.55,11 (Irene Schouten, Antoinette Rijpma-de Jong, Marijke Groenewoud)")
    english = run_cli(["podium", "--lang", "en", "relay"], "", capsys, monkeypatch)
    assert english.startswith("🏁 relay women short track · World Cup Dordrecht · Sun 31 Oct 2021")
