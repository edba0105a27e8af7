"""Feed job speed and memory, through the real FeedPoller against a feed server on 127.0.0.1.

Run from the repo root: ``.venv/bin/python benchmarks/ingest.py [--polls 10000] [--items 50]``.

1. Ingest a feed of 50 report-sized NOS-style items into a fresh SQLite file: prints ms per item (store,
   parse, record races, enqueue, commit), then the same feed again (all unchanged).
2. Poll an unchanged 20-item feed ``--polls`` times. The server sends no ETag, so every poll downloads the
   body and runs feedparser, the content hash and the database look-up: the path that could leak. Prints
   the resident memory at the start, middle and end; it must stay flat.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jobs.poller import FeedPoller  # noqa: E402
from schaatsbot.settings import Settings  # noqa: E402
from storage.db import open_database  # noqa: E402

MAX_GROWTH_MB = 10.0
WOMEN = ["Jutta Leerdam", "Femke Kok", "Joy Beune", "Marijke Groenewoud", "Antoinette Rijpma-de Jong",
         "Miho Takagi", "Erin Jackson", "Kimi Goetz", "Han Mei", "Ragne Wiklund", "Isabelle Weidemann"]
MEN = ["Jordan Stolz", "Jenning de Boo", "Joep Wennemars", "Kjeld Nuis", "Patrick Roest", "Sander Eitrem",
       "Davide Ghiotto", "Tim Prins", "Marcel Bosker", "Ning Zhongyan", "Laurent Dubreuil"]
DISTANCES = ["500", "1.000", "1.500", "3.000", "5.000"]
VENUES = ["Heerenveen", "Inzell", "Calgary", "Salt Lake City", "Hamar", "Stavanger", "Tomaszów Mazowiecki"]
ORDINALS = ["tweede", "derde", "vierde", "vijfde", "zesde"]


def clock(seconds: float) -> str:
    hundredths = round(seconds * 100)
    whole, hh = divmod(hundredths, 100)
    minutes, ss = divmod(whole, 60)
    return f"{minutes}.{ss:02d},{hh:02d}" if minutes else f"{ss},{hh:02d}"


def report_item(index: int, rng: random.Random) -> str:
    """One report-sized item (about 3 KB): three races, each under its own <h2>, plus quotes."""
    venue = rng.choice(VENUES)
    day = 7 + index % 20
    parts = []
    title = ""
    for race_no in range(3):
        names = WOMEN if race_no % 2 == 0 else MEN
        gender = "vrouwen" if names is WOMEN else "mannen"
        distance = DISTANCES[(index + race_no) % len(DISTANCES)]
        base = {"500": 37.0, "1.000": 74.0, "1.500": 113.0, "3.000": 236.0, "5.000": 370.0}[distance]
        field = rng.sample(names, 6)
        times = sorted(base + rng.uniform(0, 2.5) for _ in field)
        winner = field[0]
        title = title or f"{winner.split()[-1]} wint {distance} meter in {venue}"
        parts.append(f"<h2>{winner.split()[-1]} wint {distance} meter bij de {gender}</h2>")
        parts.append(f"<p>{winner} heeft bij de wereldbeker in {venue} de {distance} meter gewonnen in "
                     f"{clock(times[0])}.</p>")
        rest = " ".join(f"{name} werd {ORDINALS[n]} in {clock(t)}." for n, (name, t)
                        in enumerate(zip(field[1:], times[1:], strict=True)))
        parts.append(f"<p>{rest}</p>")
        parts.append(f"<p>\"Het ijs was vandaag snel en ik voelde me goed\", zei {winner.split()[-1]} na afloop. "
                     "\"Dit geeft vertrouwen voor de rest van het seizoen, maar er is nog werk te doen.\"</p>")
        parts.append(f"<p>Met de zege op de {distance} meter neemt {winner.split()[-1]} ook de leiding in het "
                     "wereldbekerklassement over. De volgende wedstrijd staat over twee weken op het programma, "
                     "waarna de schaatsers zich opmaken voor de kampioenschappen in januari.</p>")
        parts.append("<p>Bekijk de race hieronder:</p>")
    guid = 2650000 + index
    return (f"<item><title><![CDATA[{title}]]></title><link>https://nos.nl/l/{guid}</link>"
            f"<description><![CDATA[{''.join(parts)}]]></description>"
            f"<pubDate>Sat, {day} Nov 2026 {10 + index % 10}:{index % 60:02d}:12 +0100</pubDate>"
            f'<guid isPermaLink="true">https://nos.nl/l/{guid}</guid></item>')


def feed(items: int, seed: int) -> bytes:
    rng = random.Random(seed)
    body = "".join(report_item(i, rng) for i in range(items))
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>NOS Sport Schaatsen'
            f'</title><link>https://nos.nl</link><description>x</description>{body}</channel></rss>').encode()


class Server:
    """A plain feed server on 127.0.0.1 without validators: every poll gets the whole body."""

    def __init__(self) -> None:
        self.body = b""
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(owner.body)))
                self.end_headers()
                self.wfile.write(owner.body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


async def main(polls: int, items: int) -> int:
    server = Server()
    url = server.url("/nossportschaatsen")
    with tempfile.TemporaryDirectory() as folder:
        engine = open_database(f"sqlite:///{folder}/bench.db")
        settings = Settings(_env_file=None, feed_urls=[url], feed_max_bytes=20_000_000)  # type: ignore[call-arg]
        poller = FeedPoller(engine=engine, settings=settings)

        server.body = feed(items, seed=1)
        start = time.perf_counter()
        [report] = await poller.poll_once()
        elapsed = time.perf_counter() - start
        races = sum(len(item.races) for item in report.items)
        print(f"ingest: {len(report.items)} new report-sized items ({len(server.body) / len(report.items) / 1024:.1f}"
              f" KB each, {races} races found) in {elapsed:.2f} s = {elapsed / len(report.items) * 1000:.1f} ms/item")
        start = time.perf_counter()
        [report] = await poller.poll_once()
        elapsed = time.perf_counter() - start
        print(f"re-poll: {report.count('unchanged')} unchanged items in {elapsed:.2f} s = "
              f"{elapsed / len(report.items) * 1000:.1f} ms/item")

        server.body = feed(20, seed=2)  # the real feed's size: 20 items
        for _ in range(50):  # warm-up: caches, first versions stored
            await poller.poll_once()
        gc.collect()
        marks = {"start": rss_mb()}
        objects_start = len(gc.get_objects())
        start = time.perf_counter()
        for n in range(1, polls + 1):
            [report] = await poller.poll_once()
            if report.status != "ok" or report.count("unchanged") != 20:
                print(f"unexpected poll result: {report.summary()}")
                return 1
            if n == polls // 2:
                gc.collect()
                marks["middle"] = rss_mb()
        gc.collect()
        marks["end"] = rss_mb()
        elapsed = time.perf_counter() - start
        await poller.aclose()
        engine.dispose()
    growth = marks["end"] - marks["start"]
    print(f"{polls} polls of an unchanged 20-item feed (feedparser + hash + look-up each): "
          f"{elapsed / polls * 1000:.1f} ms/poll")
    print("memory (RSS): " + ", ".join(f"{k} {v:.1f} MB" for k, v in marks.items())
          + f"; growth {growth:+.1f} MB; gc objects {objects_start} -> {len(gc.get_objects())}")
    flat = growth <= MAX_GROWTH_MB
    print(f"memory flat (growth <= {MAX_GROWTH_MB:.0f} MB): {'yes' if flat else 'NO'}")
    return 0 if flat else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polls", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=50)
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.polls, args.items)))
