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


def test_problems_suggest_an_example_that_fits_the_command(session: Session) -> None:
    long_name = "a" * 300
    assert ask(session, f"/schaatser {long_name}") == (
        "Dat is te lang voor mij. Probeer bijvoorbeeld /schaatser Jutta Leerdam.")
    assert ask(session, f"/skater {long_name}", "en") == "That is too long for me. Try for example /skater Jutta Leerdam."
    assert ask(session, "/weekend blabla") == "Die afstand ken ik niet: “blabla”. Probeer bijvoorbeeld /weekend vrouwen."
    assert ask(session, "/podium 999m") == (
        "Die afstand ken ik niet: “999m”. Probeer bijvoorbeeld /podium 1000m vrouwen.")
    assert ask(session, "/results 999m", "en") == (
        "I don't know that distance: “999m”. Try for example /results 1000m women.")


def test_texts_with_an_example_work_without_one() -> None:
    from bot.i18n import t

    assert t("nl", "too_long", command="volg") == "Dat is te lang voor mij. Probeer bijvoorbeeld /volg 1000m vrouwen."
