"""The whole product at once: `schaatsbot run`'s runtime against a feed server and a fake Bot API server.

A fan follows a skater through the bot; the next poll of the feed brings a report with that skater on the
podium; the podium arrives in the fan's chat once, and an unchanged feed sends nothing more.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from email.utils import format_datetime

from sqlalchemy.engine import Engine
from sqlmodel import select

from schaatsbot.commands.run import build_telegram_runtime
from storage.db import new_session
from storage.models import Notification, Skater
from tests.bot.conftest import settings_for
from tests.bot.fake_bot_api import FakeBotApi, private_message
from tests.jobs.feed_server import FeedServer, Item, Reply, feed_xml

FEED = "/nossportschaatsen"
FAN = 424242


def rfc822(when: dt.datetime) -> str:
    return format_datetime(when.astimezone(dt.timezone(dt.timedelta(hours=1))))


def reports(now: dt.datetime) -> tuple[Item, Item]:
    earlier = Item("2660001", "Bergsma wint 5.000 meter", (
        "Jorrit Bergsma heeft bij de wereldbeker in Calgary de 5.000 meter gewonnen in 6.04,11.",
        "Sander Eitrem werd tweede in 6.05,20. Davide Ghiotto eindigde als derde in 6.06,02.",
    ), pub_date=rfc822(now - dt.timedelta(hours=2)))
    latest = Item("2660002", "Bergsma ook de beste op de 10.000 meter", (
        "Jorrit Bergsma heeft bij de wereldbeker in Calgary ook de 10.000 meter gewonnen in 12.51,30.",
        "Davide Ghiotto werd tweede in 12.53,48. Ted-Jan Bloemen eindigde als derde in 12.58,90.",
    ), pub_date=rfc822(now))
    return earlier, latest


def stored(engine: Engine, name: str) -> bool:
    with new_session(engine) as session:
        return session.exec(select(Skater).where(Skater.name == name)).first() is not None


async def dispatcher_idle(engine: Engine) -> None:
    """Every outbox row is sent: nothing can still be on its way to the fan."""
    def idle() -> bool:
        with new_session(engine) as session:
            return session.exec(select(Notification).where(Notification.status != "sent")).first() is None
    await wait_for(idle)


async def wait_for(condition, timeout: float = 40.0) -> None:  # type: ignore[no-untyped-def]
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.1)


async def test_a_followed_skater_on_a_new_podium_reaches_the_fan_once(engine: Engine, db_url: str) -> None:
    now = dt.datetime.now(dt.UTC)
    earlier, latest = reports(now)
    with FeedServer() as feeds, FakeBotApi() as fake_api:
        feeds.script(FEED, Reply(body=feed_xml(earlier), etag='"v1"'))
        settings = settings_for(fake_api, db_url, feed_urls=[feeds.url(FEED)], poll_interval_seconds=5,
                                poll_interval_live_seconds=5)
        app = build_telegram_runtime(settings, engine)
        async with app:
            await app.post_init(app)
            await app.start()
            await app.updater.start_polling(poll_interval=0.0, timeout=1)
            try:
                await wait_for(lambda: stored(engine, "Jorrit Bergsma"))  # the first poll stored the 5000 m

                fake_api.push_update(private_message("/volg Bergsma", user_id=FAN))
                await fake_api.wait_for_calls("sendMessage", chat_id=FAN, count=1)
                assert "Bergsma" in fake_api.texts(FAN)[-1]
                assert len(fake_api.texts(FAN)) == 1  # following sends no old podium

                feeds.script(FEED, Reply(body=feed_xml(latest, earlier), etag='"v2"'))
                await fake_api.wait_for_calls("sendMessage", chat_id=FAN, count=2, timeout=40)
                podium = fake_api.texts(FAN)[-1]
                assert "10.000 m" in podium or "10000 m" in podium
                assert podium.index("Jorrit Bergsma") < podium.index("Davide Ghiotto") < podium.index("Bloemen")
                assert "12.51,30" in podium

                polls = len(feeds.hits(FEED))
                await wait_for(lambda: len(feeds.hits(FEED)) >= polls + 1)  # another poll: a 304, no news
                await dispatcher_idle(engine)
                assert len(fake_api.texts(FAN)) == 2
                assert feeds.hits(FEED)[-1].headers.get("if-none-match") == '"v2"'
            finally:
                await app.updater.stop()
                await app.stop()
            if app.post_shutdown:
                await app.post_shutdown(app)
