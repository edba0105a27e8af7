"""``schaatsbot db upgrade``: bring the database schema to the latest revision."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("db", help="database maintenance", description="Database maintenance.")
    db_sub = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = db_sub.add_parser("upgrade", help="apply schema migrations (also done on every start)",
                           description="Apply every pending schema migration to DATABASE_URL.")
    up.add_argument("--revision", default="head", help="target revision (default: head)")
    up.set_defaults(func=_upgrade)


def _upgrade(args: argparse.Namespace) -> int:
    from schaatsbot.settings import get_settings
    from storage.db import current_revision, make_engine, upgrade

    engine = make_engine(get_settings().database_url)
    before = current_revision(engine)
    upgrade(engine, args.revision)
    after = current_revision(engine)
    print(f"database at revision {after}" + ("" if before == after else f" (was {before or 'empty'})"))
    return 0
