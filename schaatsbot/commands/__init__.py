"""Subcommands of ``schaatsbot``; each module has ``add_parser(subparsers)`` that sets ``func``."""

from schaatsbot.commands import console, db, feeds, parse, podium, poll, run

SUBCOMMANDS = (run, console, podium, parse, poll, feeds, db)
