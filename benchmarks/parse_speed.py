"""Parser speed and memory: parse every corpus article repeatedly for ~5 s in one process.

Run from the repo root: ``.venv/bin/python benchmarks/parse_speed.py [--seconds 5] [--corpus ../shared/corpus]``.
Per-sentence memo caches are cleared before every pass (each article is new to a real process), so the
figure is not inflated by re-parsing identical sentences. Prints articles/s (target >= 500 on one core) and memory: what importing the parser holds (tracemalloc),
the tracemalloc peak of one warm pass, and ru_maxrss. Timing runs with tracemalloc off.
Without the corpus it parses built-in NOS-style fixture texts.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import sys
import time
import tracemalloc
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

tracemalloc.start()  # measures what importing the parser (engine + word tables) holds
from parsing.model import Article  # noqa: E402

TARGET = 500.0

FIXTURES = (
    ("Nuis wint 1000 meter in Heerenveen, Krol tweede",
     "Kjeld Nuis heeft bij de wereldbeker in Heerenveen de 1.000 meter gewonnen. Hij klokte 1.07,85 en was "
     "0,02 seconde sneller dan Thomas Krol. Derde werd de Japanner Joji Kato in 1.08,31.\n\n"
     "\"Ik ben heel blij\", zei Nuis na afloop. Kai Verbij eindigde als zevende."),
    ("Kok pakt goud op 500 meter",
     "<p>Femke Kok heeft in Salt Lake City de 500 meter gewonnen in 36,71. De Amerikaanse Erin Jackson werd "
     "tweede op 0,12 seconde, Jutta Leerdam completeerde het podium.</p><p>Vrijdag won Kok ook al de eerste "
     "500 meter.</p>"),
    ("Nederland wint ploegenachtervolging",
     "De Nederlandse mannen hebben de ploegenachtervolging gewonnen in 3.35,60. Noorwegen werd tweede, "
     "1,19 seconde langzamer, Canada derde. Patrick Roest, Beau Snellink en Marcel Bosker vormden het team."),
    ("Schouten stopt", "Irene Schouten stopt met schaatsen. Ze won in 2022 drie keer olympisch goud in Peking."),
)


def load_articles(corpus: Path) -> list[Article]:
    """Every article JSON under ``corpus`` as an Article (html preferred, as the feed carries it)."""
    articles: list[Article] = []
    for path in sorted(corpus.rglob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict) or not (data.get("text") or data.get("html")):
            continue
        published = None
        with contextlib.suppress(ValueError):
            published = datetime.fromisoformat(data["published"]) if data.get("published") else None
        articles.append(Article(title=data.get("title") or "", text=data.get("html") or data.get("text") or "",
                                published=published, url=data.get("url")))
    return articles


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args(argv)

    try:
        from parsing import parse_article
        from parsing.api import clear_memo_caches
    except Exception as exc:  # noqa: BLE001 - the engine may be half-done; report rather than crash
        print(f"parse_speed: cannot import parsing.parse_article: {exc!r}")
        return 1
    import_current, import_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    articles = load_articles(args.corpus) if args.corpus.is_dir() else []
    source = str(args.corpus)
    if not articles:
        articles = [Article(title=t, text=x, published=datetime(2024, 11, 17, 18, 0)) for t, x in FIXTURES]
        source = "built-in fixtures"

    errors = 0
    races = 0
    t0 = time.perf_counter()
    for art in articles:  # warm-up pass (imports, regex caches) also counts races and errors
        try:
            races += len(parse_article(art).races)
        except Exception:  # noqa: BLE001 - the contract says it never raises; count it if it does
            errors += 1
    first_pass = time.perf_counter() - t0

    done = 0
    start = time.perf_counter()
    deadline = start + args.seconds
    while True:
        clear_memo_caches()
        for art in articles:
            with contextlib.suppress(Exception):  # the contract says it never raises
                parse_article(art)
            done += 1
        if time.perf_counter() >= deadline:
            break
    elapsed = time.perf_counter() - start
    rate = done / elapsed if elapsed else float("inf")

    clear_memo_caches()  # as in the timed passes: the peak of parsing articles new to the process
    tracemalloc.start()
    for art in articles:
        with contextlib.suppress(Exception):
            parse_article(art)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux

    print(f"corpus: {source} ({len(articles)} articles, {races} races found, {errors} exceptions)")
    print(f"import: {import_current / 1024 / 1024:.1f} MiB held (peak {import_peak / 1024 / 1024:.1f} MiB); "
          f"first pass: {first_pass * 1000:.0f} ms")
    print(f"parsed {done} articles in {elapsed:.2f} s: {rate:.0f} articles/s "
          f"({'meets' if rate >= TARGET else 'BELOW'} target {TARGET:.0f})")
    print(f"peak memory: tracemalloc {peak / 1024 / 1024:.1f} MiB during one pass, ru_maxrss {maxrss_kb / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
