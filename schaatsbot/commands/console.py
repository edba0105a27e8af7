"""``schaatsbot console``: talk to the bot in a terminal (or a pipe), one command per line.

The replies come from the same core and renderer as Telegram's, printed as plain text: tags stripped,
entities unescaped, links as 'title (url)', buttons as numbered options (type the number to press one).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # the CLI stays quick to start: the bot's modules load when the command runs
    from sqlalchemy.engine import Engine

    from bot.core import Reply

PROMPT = "> "


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "console", help="talk to the bot in the terminal",
        description="Read bot commands (/podium 1000m, /schaatser Nuis, ...) from the terminal or a pipe, "
                    "one per line, and print the replies Telegram would show.",
    )
    parser.add_argument("--lang", choices=("nl", "en"), default="nl", help="reply language (default: nl)")
    parser.add_argument("--group", action="store_true", help="behave as in a group chat (silent for chatter)")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from schaatsbot.settings import get_settings
    from storage.db import open_database

    engine = open_database(get_settings().database_url)
    try:
        interactive = sys.stdin.isatty()
        if interactive:
            print("Schaatsbot console. " + ("Type /help for the commands, Ctrl-D to stop." if args.lang == "en"
                                            else "Typ /hulp voor de commando's, Ctrl-D om te stoppen."))
        run_console(engine, _lines(sys.stdin, interactive), sys.stdout, lang=args.lang,
                    chat_kind="group" if args.group else "private")
    finally:
        engine.dispose()
    return 0


def _lines(stream: TextIO, interactive: bool) -> Iterable[str]:
    if interactive:
        import readline  # noqa: F401  (line editing and history for input())

        while True:
            try:
                yield input(PROMPT)
            except EOFError:
                print()
                return
    for line in stream:
        yield line.rstrip("\n")


def run_console(engine: Engine, lines: Iterable[str], out: TextIO, *, lang: str = "nl",
                chat_kind: str = "private") -> None:
    """Answer every line; a bare number presses that button of the previous reply."""
    from bot.core import Button, Reply, Request, parse_command_line, plain_message, run_callback, run_command
    from bot.i18n import language_for, t
    from storage.db import new_session

    lang = language_for(lang)
    _safe_output(out)
    buttons: list[Button] = []
    first = True
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        with new_session(engine) as session:
            if line.isdigit() and buttons:
                index = int(line) - 1
                reply = (run_callback(session=session, data=buttons[index].data, lang=lang)
                         if 0 <= index < len(buttons) else Reply(t(lang, "pick_number", count=len(buttons))))
            elif (parsed := parse_command_line(line)) is not None:
                request = Request(command=parsed[0], args=parsed[1], lang=lang,
                                  chat_kind="group" if chat_kind == "group" else "private")
                reply = run_command(session=session, request=request)
            else:
                reply = plain_message(lang=lang, chat_kind="group" if chat_kind == "group" else "private")
        if reply is None:
            continue
        if not first:
            out.write("\n")
        first = False
        out.write(format_reply(reply) + "\n")
        out.flush()
        buttons = [button for row in reply.buttons for button in row]


def format_reply(reply: Reply) -> str:
    """A reply as terminal text, buttons as '[1] Michel Mulder 🇳🇱' lines."""
    from bot.render import to_plain_text

    lines = [to_plain_text(reply.text)]
    numbered = [button for row in reply.buttons for button in row]
    lines += [f"  [{number}] {button.text}" for number, button in enumerate(numbered, start=1)]
    return "\n".join(lines)


def _safe_output(out: TextIO) -> None:
    # A terminal or pipe without UTF-8 must not crash on a flag emoji.
    reconfigure = getattr(out, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
