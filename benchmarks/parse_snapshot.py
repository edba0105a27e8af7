"""Snapshot of the parser's full output, to prove that a speed-up or refactor changes nothing.

Run from the repo root: ``.venv/bin/python benchmarks/parse_snapshot.py OUT.txt [--corpus ../shared/corpus]``,
once before and once after a change, then ``cmp`` the two files. Inputs: every corpus article in its HTML
and text form, every paragraph of it alone (with and without the title: varied contexts reach more code
paths), and the test fixtures. One line per input: its name and the ``repr`` of the ``ParseResult``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsing import parse_article  # noqa: E402
from parsing.api import clear_memo_caches  # noqa: E402
from parsing.model import Article  # noqa: E402


def _published(data: dict) -> datetime | None:
    try:
        return datetime.fromisoformat(data["published"]) if data.get("published") else None
    except ValueError:
        return None


def _inputs(corpus: Path) -> Iterator[tuple[str, Article]]:
    for path in sorted(corpus.rglob("*.json")) if corpus.is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        title, published = data.get("title") or "", _published(data)
        for form in ("html", "text"):
            if data.get(form):
                yield f"{path.name}:{form}", Article(title=title, text=data[form], published=published,
                                                     url=data.get("url"))
        paragraphs = [p for p in (data.get("text") or "").split("\n") if p.strip()]
        for i, par in enumerate(paragraphs):
            yield f"{path.name}:par{i}", Article(title=title, text=par, published=published)
            yield f"{path.name}:par{i}:notitle", Article(title="", text=par, published=published)
    for path in sorted((ROOT / "tests" / "parsing" / "fixtures").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        yield path.name, Article(title=data.get("title") or "", text=data.get("text") or "",
                                 published=_published(data))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args(argv)
    count = 0
    with args.out.open("w", encoding="utf-8") as out:
        for name, article in _inputs(args.corpus):
            clear_memo_caches()  # each input parsed as in a fresh process
            out.write(f"{name}\t{parse_article(article)!r}\n")
            count += 1
    print(f"{count} inputs -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
