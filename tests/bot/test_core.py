"""The command core without Telegram: what a question gets as an answer."""

from __future__ import annotations

from sqlmodel import Session

from bot.core import Request, run_command


def ask(session: Session, line: str, lang: str = "nl") -> str:
    command, *args = line.split()
    reply = run_command(session=session, request=Request(command.lstrip("/"), tuple(args), lang))  # type: ignore[arg-type]
    assert reply is not None
    return reply.text


def test_weekend_with_a_distance_shows_only_that_distance(session: Session, season: dict[str, int]) -> None:
    text = ask(session, "/weekend 1000m")
    races = [line for line in text.splitlines() if line.startswith("🏁")]
    assert races == ["🏁 <b>1000 m vrouwen</b>: 🥇 Miho Takagi 🇯🇵 🥈 Jutta Leerdam 🇳🇱 🥉 Brittany Bowe 🇺🇸",
                     "🏁 <b>1000 m mannen</b>: 🥇 Hein Otterspeer 🇳🇱 🥈 Thomas Krol 🇳🇱 🥉 Kjeld Nuis 🇳🇱"]
    assert ask(session, "/weekend 5000m") == "In het laatste wedstrijdweekend vind ik geen races die daarbij passen."


def test_both_genders_asked_gives_both_races(session: Session, season: dict[str, int]) -> None:
    text = ask(session, "/podium 1000 meter dames en heren")
    assert [line for line in text.splitlines() if line.startswith("🏁")] == [
        "🏁 <b>1000 m vrouwen</b> · Wereldbeker Tomaszów Mazowiecki · zo 14 nov 2021",
        "🏁 <b>1000 m mannen</b> · Wereldbeker Tomaszów Mazowiecki · zo 14 nov 2021"]
