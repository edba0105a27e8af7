"""``schaatsbot feeds``: placeholder until its issue lands."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("feeds", help="(not built yet)", description="Not built yet.")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    print("schaatsbot feeds: not built yet", file=sys.stderr)
    return 2
