"""The ``schaatsbot`` command line as a user runs it: help everywhere, one clear line on bad settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from schaatsbot.cli import build_parser

SUBCOMMANDS = ["run", "console", "podium", "parse", "poll", "feeds", "db", "db upgrade"]


def schaatsbot(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
               stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "FEED_"))}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "schaatsbot.cli", *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd, input=stdin, timeout=60)


def test_every_subcommand_has_help() -> None:
    parser = build_parser()
    for command in SUBCOMMANDS:
        with pytest.raises(SystemExit) as exit_info:
            parser.parse_args([*command.split(), "--help"])
        assert exit_info.value.code == 0, command


def test_help_lists_every_subcommand() -> None:
    result = schaatsbot("--help")
    assert result.returncode == 0
    for command in ("run", "console", "podium", "parse", "poll", "feeds", "db"):
        assert command in result.stdout


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:////no/such/folder/schaatsbot.db", "does not exist"),
        ("definitely not a url", "not a database URL"),
    ],
)
def test_a_bad_database_url_is_one_clear_line(url: str, expected: str, tmp_path: Path) -> None:
    result = schaatsbot("db", "upgrade", env={"DATABASE_URL": url}, cwd=tmp_path)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_unwritable_database_is_one_clear_line(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    result = schaatsbot("db", "upgrade", env={"DATABASE_URL": f"sqlite:///{folder / 'x.db'}"})
    assert result.returncode == 1 and "not writable" in result.stderr


def test_a_database_path_that_is_a_folder_is_one_clear_line(tmp_path: Path) -> None:
    result = schaatsbot("db", "upgrade", env={"DATABASE_URL": f"sqlite:///{tmp_path}"})
    assert result.returncode == 1
    assert "database" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_bad_setting_is_one_clear_line(tmp_path: Path) -> None:
    result = schaatsbot("db", "upgrade", env={"POLL_INTERVAL_SECONDS": "soon",
                                               "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"})
    assert result.returncode == 1
    assert "POLL_INTERVAL_SECONDS" in result.stderr and "Traceback" not in result.stderr


def test_db_upgrade_creates_and_then_keeps_the_database(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'schaatsbot.db'}"}
    first = schaatsbot("db", "upgrade", env=env)
    assert first.returncode == 0, first.stderr
    assert "was empty" in first.stdout
    second = schaatsbot("db", "upgrade", env=env)
    assert second.returncode == 0 and "was" not in second.stdout


def test_the_cli_starts_without_loading_the_heavy_parts() -> None:
    # `schaatsbot parse` runs once per scorer call and in scripts: it must not pay for Telegram or the DB.
    code = ("import sys, schaatsbot.cli; "
            "print(sorted(m for m in ('telegram', 'sqlalchemy', 'alembic', 'feedparser', 'httpx') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stdout
