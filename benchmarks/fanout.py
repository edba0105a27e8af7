"""Fan one podium out to many chats through the real send path, against a server that enforces the limits.

Run from the repo root: ``.venv/bin/python benchmarks/fanout.py [--chats 2000] [--rate 30] [--latency-ms 0]``.

A fresh SQLite file gets ``--chats`` private chats that follow everything. A fake Bot API server on
127.0.0.1 (in its own process, as Telegram is elsewhere) answers 429 "retry after" whenever more than ``--rate`` messages arrive in any second (or two in
one second to one chat). The race is recorded through the real ingest (record_races + outbox in one
transaction), the dispatcher is woken, and the OutboxDispatcher + TelegramMessenger (with the in-process
limiter set to ``--rate``) send every notification. Printed: the achieved rate against the limit (target
>= 90 %), the number of 429s (target 0), and the delay from "race recorded" to the first and last message.
2,000 chats at 30/s take about 70 s; ``--chats 300`` is a quick demo.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import multiprocessing
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from telegram import Bot  # noqa: E402
from telegram.request import HTTPXRequest  # noqa: E402

import parsing  # noqa: E402
from bot.sender import TelegramMessenger  # noqa: E402
from jobs.feedread import FeedItem  # noqa: E402
from jobs.ingest import ingest_item  # noqa: E402
from jobs.notify import OutboxDispatcher  # noqa: E402
from schaatsbot.settings import Settings  # noqa: E402
from storage.chats import upsert_chat  # noqa: E402
from storage.db import new_session, open_database  # noqa: E402
from storage.models import Subscription, utcnow  # noqa: E402
from storage.outbox import outbox_counts  # noqa: E402
from tests.bot.fake_bot_api import FakeBotApi  # noqa: E402
from tests.bot.limited_bot_api import TelegramLimits  # noqa: E402

TARGET_SHARE = 0.90
PODIUM = (("Jordan Stolz", "USA", 6607), ("Jenning de Boo", "NED", 6631), ("Joep Wennemars", "NED", 6640),
          ("Kjeld Nuis", "NED", 6688))


def race() -> parsing.Race:
    return parsing.Race(
        discipline="long_track", competition="world_cup", distance="1000m", gender="men", venue="Heerenveen",
        date=utcnow().date(),
        placings=tuple(parsing.Placing(rank=i, name=n, country=c, time=t, time_stated=True)
                       for i, (n, c, t) in enumerate(PODIUM, start=1)),
    )


def add_followers(engine, count: int) -> None:  # type: ignore[no-untyped-def]
    with new_session(engine) as session:
        for index in range(count):
            chat_id = 10_000_000 + index
            upsert_chat(session=session, chat_id=chat_id, type="private", language="nl" if index % 4 else "en")
            session.add(Subscription(chat_id=chat_id, kind="all", target="all"))
        session.commit()


def serve(conn, rate: float, latency_ms: float) -> None:  # type: ignore[no-untyped-def]
    """The limit-enforcing fake Bot API server, in its own process (as Telegram is: no shared GIL)."""
    limits = TelegramLimits(per_second=int(rate))
    with FakeBotApi(rules=[limits], response_delay=latency_ms / 1000) as api:
        conn.send((api.token, api.base_url, api.base_file_url))
        conn.recv()  # "stop"
        conn.send([Call(c.method, c.chat_id, c.at, c.status) for c in api.calls()])


@dataclass(frozen=True)
class Call:
    method: str
    chat_id: object
    at: float  # time.monotonic() on arrival: one clock for both processes on Linux
    status: int


async def run(chats: int, rate: float, latency_ms: float) -> bool:
    folder = tempfile.mkdtemp(prefix="fanout-")
    engine = open_database(f"sqlite:///{folder}/fanout.db")
    add_followers(engine, chats)
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    server = context.Process(target=serve, args=(child, rate, latency_ms), daemon=True)
    server.start()
    token, base_url, base_file_url = parent.recv()
    settings = Settings(_env_file=None, telegram_bot_token=token,  # type: ignore[call-arg]
                        send_rate_per_second=rate)
    # The Application's bot has a pool of 256 connections; a bare Bot has one: give it enough.
    request = HTTPXRequest(connection_pool_size=64)
    async with Bot(token, base_url=base_url, base_file_url=base_file_url, request=request) as bot:
        messenger = TelegramMessenger(bot, engine, settings)
        dispatcher = OutboxDispatcher(engine=engine, messenger=messenger, poll_interval=1.0)
        runner = asyncio.create_task(dispatcher.run_forever())
        await asyncio.sleep(0.2)

        item = FeedItem(guid="bench-1", title="Stolz wint 1000 meter", url="https://nos.nl/l/1",
                        published=utcnow(), html="<p>bench</p>", text="bench", feed="bench")
        result = await asyncio.to_thread(ingest_item, engine=engine, item=item,
                                         parse=lambda _a: parsing.ParseResult(races=(race(),)))
        recorded = time.monotonic()  # the ingest transaction (race + outbox rows) has committed
        dispatcher.wake()
        assert result.parse_status == "parsed", result

        deadline = recorded + chats / rate * 3 + 30
        while messenger.stats["sent"] < chats and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        dispatcher.stop()
        await runner
    parent.send("stop")
    calls = [c for c in parent.recv() if c.method == "sendMessage"]
    server.join(timeout=10)
    sent = [c for c in calls if c.status == 200]
    refused = [c for c in calls if c.status == 429]
    with new_session(engine) as session:
        counts = outbox_counts(session=session)
    engine.dispose()

    if not sent:
        print("fanout: nothing was sent")
        return False
    first, last = sent[0].at - recorded, sent[-1].at - recorded
    achieved = (len(sent) - 1) / (sent[-1].at - sent[0].at) if len(sent) > 1 else 0.0
    share = achieved / rate
    print(f"fanout: {len(sent)}/{chats} chats got the podium; outbox {counts}")
    print(f"  achieved rate      {achieved:6.2f} msg/s against a limit of {rate:g}/s = {share:.1%} "
          f"(target >= {TARGET_SHARE:.0%})")
    print(f"  429 answers        {len(refused)} (target 0)")
    print(f"  race recorded ->   first message {first * 1000:.0f} ms, last message {last:.1f} s")
    print(f"  dispatcher stats   {dict(dispatcher.stats)}; sender stats {dict(messenger.stats)}")
    ok = len(sent) == chats and not refused and share >= TARGET_SHARE
    print("fanout: OK" if ok else "fanout: TARGET MISSED")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=30.0, help="the limit, enforced by the server and "
                        "configured as SEND_RATE_PER_SECOND")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="server answer delay per call")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    return 0 if asyncio.run(run(args.chats, args.rate, args.latency_ms)) else 1


if __name__ == "__main__":
    sys.exit(main())
