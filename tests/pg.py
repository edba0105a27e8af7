"""A throwaway PostgreSQL server for the tests: fixtures ``pg_server``, ``pg_url`` and ``pg_engine``.

Where the server comes from, first match wins:

1. ``SCHAATSBOT_TEST_POSTGRES=off`` in the environment: no PostgreSQL; every test that asks for these
   fixtures is skipped (this is how to check that the suite passes on a machine without PostgreSQL).
2. ``SCHAATSBOT_TEST_POSTGRES_URL`` (e.g. ``postgresql+psycopg://me:secret@127.0.0.1:5432/postgres``): an
   existing server whose role may ``CREATE DATABASE``. The session creates (and drops) a database
   ``schaatsbot_tests_<pid>`` there and touches nothing else.
3. ``initdb`` on the PATH or under ``/usr/lib/postgresql/*/bin``: a cluster in a temporary folder, reached
   through a unix socket only (no TCP port), with durability off for speed (``fsync``,
   ``synchronous_commit``, ``full_page_writes``) and the server time zone ``Europe/Amsterdam``, so the
   tests also prove the code does not rely on a UTC session. It is stopped and removed at session end.
   initdb refuses to run as root: as root the cluster runs as the ``postgres`` system user. A cluster
   left behind by a killed session (its ``owner.pid`` is gone) is stopped and removed by the next one.
4. Otherwise the PostgreSQL tests are skipped, with the reason.

The session creates one database of its own (dropped at the end); every test gets an empty schema in it,
named in its URL's ``search_path``, so tests are isolated. ``pg_engine`` is that schema migrated to head by
``storage.db.open_database``, the code path of ``DATABASE_URL=postgresql+psycopg://...``.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.pool import NullPool

from storage.db import open_database

SWITCH = "SCHAATSBOT_TEST_POSTGRES"
URL_VARIABLE = "SCHAATSBOT_TEST_POSTGRES_URL"
SERVER_TIMEZONE = "Europe/Amsterdam"
_FAST_SETTINGS = {
    "listen_addresses": "''",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "timezone": f"'{SERVER_TIMEZONE}'",
    "max_connections": "40",
    "shared_buffers": "16MB",
}
_names = itertools.count(1)


@dataclass(frozen=True, slots=True)
class PgServer:
    """A server the tests may create databases on; ``admin_url`` names its maintenance database."""

    admin_url: URL
    own_cluster: bool  # True when this session started it (so its settings above apply)

    def url_for(self, database: str) -> str:
        return self.admin_url.set(database=database).render_as_string(hide_password=False)


def _find_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def _psycopg_url(raw: str) -> URL:
    url = make_url(raw)
    return url.set(drivername="postgresql+psycopg") if url.get_backend_name() == "postgresql" else url


class _Cluster:
    """initdb + pg_ctl in a temporary folder, as the ``postgres`` user when we are root."""

    PREFIX = "schaatsbot-pg-"

    def __init__(self, initdb: str, root: Path | None = None) -> None:
        self.bindir = Path(initdb).parent
        self.user: str | None = "postgres" if os.geteuid() == 0 else None
        self.root = root or Path(tempfile.mkdtemp(prefix=self.PREFIX))
        self.data = self.root / "data"
        self.started = root is not None
        if root is None:
            (self.root / "owner.pid").write_text(str(os.getpid()))
            if self.user:
                import pwd  # POSIX only, like the rest of this branch

                entry = pwd.getpwnam(self.user)
                os.chown(self.root, entry.pw_uid, entry.pw_gid)

    @classmethod
    def remove_orphans(cls, initdb: str) -> None:
        """Stop and remove clusters of earlier sessions that were killed before they could clean up."""
        for owner in Path(tempfile.gettempdir()).glob(f"{cls.PREFIX}*/owner.pid"):
            try:
                os.kill(int(owner.read_text()), 0)
                continue  # its session is still running
            except ProcessLookupError:
                cls(initdb, root=owner.parent).stop()
            except (ValueError, OSError):
                continue

    def _run(self, *args: str) -> None:
        result = subprocess.run(args, cwd=self.root, user=self.user, capture_output=True, text=True, timeout=60,
                                env={**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"})
        if result.returncode != 0:
            raise RuntimeError(f"{Path(args[0]).name} failed: {(result.stderr or result.stdout).strip()[-800:]}")

    def start(self) -> URL:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        settings = {**_FAST_SETTINGS, "unix_socket_directories": f"'{self.root}'"}
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "server.log"),
                  "-w", "-t", "30", "start")
        self.started = True
        return URL.create("postgresql+psycopg", username="postgres", database="postgres",
                          query={"host": str(self.root)})

    def stop(self) -> None:
        if self.started:
            self.started = False
            with contextlib.suppress(RuntimeError, subprocess.SubprocessError, OSError):
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def unavailable() -> str | None:
    """Why there is no PostgreSQL to test on, as far as can be told without starting one; None if there is.

    A test module may skip itself on this (one line in the report instead of one per test).
    """
    if os.environ.get(SWITCH, "").strip().lower() in ("off", "0", "no", "false"):
        return f"PostgreSQL tests switched off ({SWITCH}=off)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[dev]')"
    if os.environ.get(URL_VARIABLE, "").strip():
        return None
    initdb = _find_bin("initdb")
    if initdb is None or not (Path(initdb).parent / "pg_ctl").exists():
        return f"no PostgreSQL: set {URL_VARIABLE} or install the server binaries (initdb, pg_ctl)"
    return None


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The session's PostgreSQL server (see the module docstring), or a skip saying why there is none."""
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    given = os.environ.get(URL_VARIABLE, "").strip()
    if given:
        yield PgServer(_psycopg_url(given), own_cluster=False)
        return
    initdb = _find_bin("initdb")
    assert initdb is not None  # unavailable() found it
    _Cluster.remove_orphans(initdb)
    try:
        cluster = _Cluster(initdb)
    except (OSError, KeyError) as exc:  # KeyError: root, but no postgres user to run the server as
        pytest.skip(f"could not prepare a throwaway PostgreSQL cluster: {exc}")
    atexit.register(cluster.stop)  # also when the session ends without running fixture teardown
    try:
        admin = cluster.start()
    except (RuntimeError, subprocess.SubprocessError, OSError) as exc:
        cluster.stop()
        pytest.skip(f"could not start a throwaway PostgreSQL cluster: {exc}")
    try:
        yield PgServer(admin, own_cluster=True)
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_admin(pg_server: PgServer) -> Iterator[Engine]:
    """An autocommit engine on the maintenance database, for CREATE and DROP DATABASE."""
    engine = create_engine(pg_server.admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def pg_test_database(pg_server: PgServer, pg_admin: Engine) -> Iterator[str]:
    """The session's own database (dropped at the end); each test works in a fresh schema of it."""
    name = f"schaatsbot_tests_{os.getpid()}"
    with pg_admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'"))
    yield pg_server.url_for(name)
    with pg_admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def with_settings(url: str, **settings: str) -> str:
    """``url`` with server settings for every connection (libpq ``options``), e.g. ``TimeZone="UTC"``."""
    parsed = make_url(url)
    options = str(parsed.query.get("options", ""))
    options = " ".join([options, *(f"-c {key}={value}" for key, value in settings.items())]).strip()
    return parsed.update_query_dict({"options": options}).render_as_string(hide_password=False)


@pytest.fixture
def pg_url(pg_test_database: str) -> Iterator[str]:
    """A URL (``postgresql+psycopg://...``) whose connections see only an empty schema of this test's own.

    A fresh schema (``search_path`` in the URL) costs a millisecond where ``CREATE DATABASE`` costs a
    third of a second; to the code under test it is an empty database.
    """
    schema = f"test_{next(_names)}"
    admin = create_engine(pg_test_database, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield with_settings(pg_test_database, search_path=schema)
        with admin.connect() as conn:
            # A connection the test leaked would block the drop: give up then (the database goes at the end).
            conn.execute(text("SET lock_timeout = '5s'"))
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()


@pytest.fixture
def pg_engine(pg_url: str) -> Iterator[Engine]:
    """This test's database, migrated to head through ``storage.db.open_database``."""
    engine = open_database(pg_url)
    yield engine
    engine.dispose()
