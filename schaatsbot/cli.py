"""The ``schaatsbot`` command line: one module per subcommand in ``schaatsbot/commands``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from schaatsbot import __version__
from schaatsbot.commands import SUBCOMMANDS
from storage.errors import DatabaseError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="schaatsbot",
        description="Telegram bot for Dutch speed-skating fans: NOS reports in, podiums out.",
    )
    parser.add_argument("--version", action="version", version=f"schaatsbot {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except DatabaseError as exc:
        print(f"schaatsbot: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:  # pydantic's ValidationError: a setting has a bad value
        if not hasattr(exc, "errors"):
            raise
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in exc.errors())
        print(f"schaatsbot: invalid settings: {problems}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
