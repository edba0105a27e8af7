"""``schaatsbot podium [ARGS...]``: print what ``/podium ARGS`` would answer."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "podium", help="print the latest podium, as /podium shows it",
        description="Print the /podium reply: 'schaatsbot podium 1000m vrouwen', 'schaatsbot podium st 500', "
                    "or without arguments every podium of the latest weekend.",
    )
    parser.add_argument("words", nargs="*", metavar="ARGS", help="distance, gender, discipline (as in /podium)")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl", help="reply language (default: nl)")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from bot.core import Request, run_command
    from schaatsbot.commands.console import format_reply
    from schaatsbot.settings import get_settings
    from storage.db import new_session, open_database

    engine = open_database(get_settings().database_url)
    try:
        with new_session(engine) as session:
            reply = run_command(session=session, request=Request("podium", tuple(args.words), args.lang))
    finally:
        engine.dispose()
    if reply is None:
        return 1
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
    print(format_reply(reply))
    return 0
