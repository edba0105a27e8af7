"""A real Application polls the fake Bot API over HTTP; users talk to it in private chats and groups."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from tests.bot.conftest import ADMIN_CHAT, RunningBot
from tests.bot.fake_bot_api import BOT_USERNAME, callback_query, group_message, private_message
from tests.factories import ARTICLE_URL, P, make_article, make_competition, make_race

DUTCH_USER, ENGLISH_USER = 1001, 1002
GROUP = -1001234567890


async def test_dutch_user_gets_the_podium_in_dutch(running_bot: RunningBot, season: dict[str, int]) -> None:
    [text] = await running_bot.texts(private_message("/podium 1000m mannen", user_id=DUTCH_USER))
    assert text.splitlines()[:4] == [
        "🏁 <b>1000 m mannen</b> · Wereldbeker Tomaszów Mazowiecki · zo 14 nov 2021",
        "🥇 Hein Otterspeer 🇳🇱 1.08,67",
        "🥈 Thomas Krol 🇳🇱 1.08,69",
        "🥉 Kjeld Nuis 🇳🇱 1.08,83",
    ]
    assert f'NOS: <a href="{ARTICLE_URL}">Otterspeer &amp; Krol: &#x27;goud&#x27; en &lt;zilver&gt;' in text
    call = running_bot.api.sent(DUTCH_USER)[-1]
    assert call.params["parse_mode"] == "HTML"
    assert call.params["link_preview_options"] == {"is_disabled": True}


async def test_english_user_gets_english_names_and_times(running_bot: RunningBot, season: dict[str, int]) -> None:
    [text] = await running_bot.texts(private_message("/results 1 km men", user_id=ENGLISH_USER,
                                                     language_code="en-GB"))
    lines = text.splitlines()
    assert lines[0] == "🏁 <b>1000 m men</b> · World Cup Tomaszów Mazowiecki · Sun 14 Nov 2021"
    assert "4. Laurent Dubreuil 🇨🇦 1:08.95" in lines
    assert "5. Kai Verbij 🇳🇱 1:09.14" in lines


async def test_every_command_answers_in_a_private_chat(running_bot: RunningBot, season: dict[str, int]) -> None:
    send = running_bot.texts
    [help_text] = await send(private_message("/start"))
    assert "/podium" in help_text and "/schaatser" in help_text
    [hulp] = await send(private_message("/hulp"))
    assert hulp == help_text
    [weekend] = await send(private_message("/weekend"))
    assert weekend.startswith("📅 <b>vr 12 nov 2021</b>")
    assert "🏁 <b>massastart mannen</b>: 🥇 Bart Swings 🇧🇪" in weekend
    [latest] = await send(private_message("/podium"))
    assert latest.count("🏁") == 5  # every race of the Tomaszów weekend
    [skater] = await send(private_message("/schaatser kulizhnikov"))
    assert skater.startswith("⛸ <b>Pavel Koelizjnikov</b> 🇷🇺")
    [hint] = await send(private_message("hoi bot, hoe laat begint de 500 meter?"))
    assert "/podium" in hint and "/hulp" in hint
    [unknown] = await send(private_message("/onzin"))
    assert "/hulp" in unknown


async def test_group_answers_commands_only(running_bot: RunningBot, season: dict[str, int]) -> None:
    api = running_bot.api
    # Updates are handled in order: if the plain message got an answer, it would come before the podium's.
    api.push_update(group_message("Wat een race van Otterspeer!", chat_id=GROUP))
    api.push_update(group_message("/weekend@SomeOtherBot", chat_id=GROUP))
    api.push_update(group_message("/onbekend", chat_id=GROUP))
    [answer] = await running_bot.send(group_message(f"/podium@{BOT_USERNAME} 1000 vrouwen", chat_id=GROUP))
    assert answer.params["text"].startswith("🏁 <b>1000 m vrouwen</b>")
    assert "reply_parameters" in answer.params  # quotes the question among the group's chatter
    assert len(api.sent(GROUP)) == 1
    [english] = await running_bot.texts(group_message("/podium 500 w", chat_id=GROUP, user_id=ENGLISH_USER,
                                                      language_code="en"))
    assert english.startswith("🏁 <b>500 m women</b>")
    assert "37.37" in english


async def test_several_skaters_give_buttons_and_a_press_shows_one(
    running_bot: RunningBot, season: dict[str, int]
) -> None:
    [question] = await running_bot.send(private_message("/schaatser mulder"))
    assert "Welke schaatser bedoel je met “mulder”?" in question.params["text"]
    buttons = [row[0] for row in question.params["reply_markup"]["inline_keyboard"]]
    assert [b["text"] for b in buttons] == ["Michel Mulder 🇳🇱", "Ronald Mulder 🇳🇱"]
    ronald = buttons[1]["callback_data"]

    await running_bot.send(callback_query(question.result, ronald), method="editMessageText")
    api = running_bot.api
    assert api.calls("answerCallbackQuery")
    edited = api.message(DUTCH_USER, question.result["message_id"])
    assert edited is not None
    assert edited["text"].startswith("⛸ <b>Ronald Mulder</b> 🇳🇱 · laatste uitslagen")
    assert "reply_markup" not in edited  # the buttons are gone once chosen


async def test_junk_arguments_get_one_helpful_line(running_bot: RunningBot, season: dict[str, int]) -> None:
    junk = {
        "/podium " + "schaats" * 1500: "Dat is te lang voor mij.",
        "/podium 🏅🏅🔥": "Die afstand ken ik niet: “🏅🏅🔥”.",
        "/uitslag 1000m'; DROP TABLE races;--": "Die afstand ken ik niet: “1000m&#x27;; DROP TABLE races;--”.",
        "/podium <b>500</b>": "Die afstand ken ik niet: “&lt;b&gt;500&lt;/b&gt;”.",
        "/schaatser 12345": "Dat lijkt me geen naam.",
        "/schaatser <script>alert(1)</script>": "Ik ken geen schaatser die lijkt op “&lt;script&gt;",
        "/schaatser": "Welke schaatser? Bijvoorbeeld: /schaatser Jutta Leerdam",
        "/uitslag": "Welke afstand? Bijvoorbeeld: /uitslag 1000m vrouwen",
        "/podium 10000m": "Ik heb geen uitslag van de 10.000 m.",
    }
    for command, expected in junk.items():
        [text] = await running_bot.texts(private_message(command))
        assert expected in text, command
        assert "\n" not in text
    assert len(json.dumps(running_bot.api.texts())) < 3000


async def test_long_replies_are_split_on_line_boundaries(running_bot: RunningBot, session: Session) -> None:
    nk = make_competition(session, kind="national_championships", venue="Heerenveen",
                          start_date=dt.date(2021, 12, 27))
    names = [f"Schaatser Met Een Heel Lange Naam Nummer {n:03d}" for n in range(1, 151)]
    make_race(session, competition=nk, distance="10000m", gender="men", date=dt.date(2021, 12, 29),
              article=make_article(session, title="Roest kampioen op de 10 kilometer"),
              placings=[P(name, "NED", 12 * 6000 + n * 100) for n, name in enumerate(names)])
    session.commit()
    messages = await running_bot.texts(private_message("/uitslag 10 km"), replies=3)
    assert all(len(m) <= 4096 for m in messages)
    lines = [line for m in messages for line in m.splitlines()]
    found = [name for line in lines for name in names if f" {name} " in line]
    assert found == names  # every placing once, in order, none cut in half


async def test_empty_database_says_so(running_bot: RunningBot) -> None:
    for command in ("/podium 1000m", "/podium", "/weekend"):
        [text] = await running_bot.texts(private_message(command))
        assert text.startswith("Ik heb nog geen uitslagen.")


async def test_the_command_menu_is_set_per_scope_and_language(running_bot: RunningBot) -> None:
    commands = running_bot.api.commands
    private_nl = commands[('{"type": "all_private_chats"}', "")]
    private_en = commands[('{"type": "all_private_chats"}', "en")]
    group_nl = commands[('{"type": "all_group_chats"}', "")]
    assert [c["command"] for c in private_nl][:4] == ["podium", "uitslag", "schaatser", "weekend"]
    assert [c["command"] for c in private_en][:4] == ["podium", "results", "skater", "weekend"]
    assert "start" not in [c["command"] for c in group_nl]
    assert ('{"type": "default"}', "") in commands


async def test_errors_are_reported_without_a_trace(running_bot: RunningBot, engine: Engine,
                                                   season: dict[str, int]) -> None:
    with engine.begin() as connection:  # a real failure: the table the query needs is gone
        connection.exec_driver_sql("ALTER TABLE races RENAME TO races_gone")
    [text] = await running_bot.texts(private_message("/podium 1000m"))
    assert text == "Er ging iets mis bij het maken van dit antwoord. Probeer het zo nog eens."
    [report] = await running_bot.api.wait_for_calls("sendMessage", chat_id=ADMIN_CHAT)
    assert "OperationalError" in report.params["text"]
    assert "/podium 1000m" in report.params["text"]
    for call in running_bot.api.calls("sendMessage"):
        assert "Traceback" not in call.params["text"]
        assert running_bot.api.token not in call.params["text"]


async def test_answers_are_built_off_the_event_loop(running_bot: RunningBot, season: dict[str, int],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.handlers.common
    import bot.handlers.skaters

    threads: list[int] = []
    real_command, real_callback = bot.handlers.common.run_command, bot.handlers.skaters.run_callback

    def command(**kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return real_command(**kwargs)

    def callback(**kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return real_callback(**kwargs)

    monkeypatch.setattr(bot.handlers.common, "run_command", command)
    monkeypatch.setattr(bot.handlers.skaters, "run_callback", callback)
    [question] = await running_bot.send(private_message("/schaatser mulder"))
    button = question.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await running_bot.send(callback_query(question.result, button), method="editMessageText")
    assert len(threads) == 2 and threading.get_ident() not in threads
