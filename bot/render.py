"""Turns query views into Telegram HTML: podiums, results, a skater's results, a weekend.

Pure functions of their input, so ``schaatsbot console`` and Telegram show the same text. Every string from
an article or a user goes through :func:`html.escape`. Times are Dutch (1.08,67) in Dutch replies and
English (1:08.67) in English ones.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Sequence

from bot.i18n import (
    DISCIPLINE_NAMES,
    MONTHS,
    WEEKDAYS,
    Lang,
    competition_name,
    distance_name,
    gender_name,
    t,
)
from parsing.countries import country_name_en, country_name_nl, flag_emoji
from storage.queries import PlacingView, RaceInfo, RaceResults, SkaterInfo, SkaterResult, WeekendDay

TELEGRAM_LIMIT = 4096
MEDALS = {1: "🥇", 2: "🥈", 3: "🥉"}
RACE_MARK = "🏁"


# --- small pieces ----------------------------------------------------------------------------------------


def format_time(hundredths: int | None, lang: Lang) -> str:
    """6867 -> '1.08,67' (nl) or '1:08.67' (en); 3469 -> '34,69' / '34.69'; None -> ''."""
    if hundredths is None:
        return ""
    seconds, hh = divmod(hundredths, 100)
    minutes, ss = divmod(seconds, 60)
    hours, mm = divmod(minutes, 60)
    group, decimal = (".", ",") if lang == "nl" else (":", ".")
    if hours:
        return f"{hours}{group}{mm:02d}{group}{ss:02d}{decimal}{hh:02d}"
    if minutes:
        return f"{minutes}{group}{ss:02d}{decimal}{hh:02d}"
    return f"{ss}{decimal}{hh:02d}"


def format_date(day: dt.date | None, lang: Lang) -> str:
    """2021-11-14 -> 'zo 14 nov 2021' (nl) or 'Sun 14 Nov 2021' (en)."""
    if day is None:
        return t(lang, "undated")
    return f"{WEEKDAYS[lang][day.weekday()]} {day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def ordinal(rank: int, lang: Lang) -> str:
    """7 -> '7e' (nl) or '7th' (en)."""
    if lang == "nl":
        return f"{rank}e"
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def flag(country: str | None) -> str:
    return flag_emoji(country) if country else ""


def race_title(race: RaceInfo, lang: Lang) -> str:
    """'1000 m mannen', '500 m vrouwen shorttrack (2e race)' — plain text, not escaped."""
    parts = [distance_name(race.distance, lang), gender_name(race.gender, lang)]
    if race.discipline in DISCIPLINE_NAMES:
        parts.append(DISCIPLINE_NAMES[race.discipline][lang])
    if race.division and race.division.upper() != "A":
        parts.append(f"{race.division.upper()}-groep" if lang == "nl" else f"Division {race.division.upper()}")
    title = " ".join(p for p in parts if p)
    if race.round:
        title += f" ({race.round}e race)" if lang == "nl" else f" (race {race.round})"
    return title


def competition_title(race: RaceInfo, lang: Lang) -> str:
    """'Wereldbeker Tomaszów Mazowiecki' — plain text, not escaped."""
    return " ".join(p for p in (competition_name(race.competition, lang), race.venue or "") if p)


def race_header(race: RaceInfo, lang: Lang) -> str:
    """'🏁 <b>1000 m mannen</b> · Wereldbeker Tomaszów Mazowiecki · zo 14 nov 2021'."""
    parts = [f"{RACE_MARK} <b>{html.escape(race_title(race, lang))}</b>"]
    competition = competition_title(race, lang)
    if competition:
        parts.append(html.escape(competition))
    if race.date:
        parts.append(format_date(race.date, lang))
    return " · ".join(parts)


def entrant_name(placing: PlacingView, lang: Lang) -> str:
    """A skater's name, or a team's country name in the reply's language; not escaped."""
    if placing.is_team and placing.country and (
        not placing.name or placing.name.upper() == placing.country
        or placing.name == country_name_en(placing.country)  # the parser names teams in English
    ):
        return (country_name_nl if lang == "nl" else country_name_en)(placing.country) or placing.country
    return placing.name


def placing_line(placing: PlacingView, lang: Lang, *, with_members: bool = True) -> str:
    """'🥇 Hein Otterspeer 🇳🇱 1.08,67' (medals for the podium, '4.' below it)."""
    rank = placing.rank
    mark = MEDALS.get(rank or 0) or (f"{rank}." if rank else "–")
    parts = [mark, html.escape(entrant_name(placing, lang))]
    if placing.country:
        parts.append(flag(placing.country))
    if placing.time is not None:
        parts.append(format_time(placing.time, lang))
    if placing.points is not None:
        parts.append(t(lang, "points", points=placing.points))
    line = " ".join(parts)
    if with_members and placing.members:
        line += f" <i>({html.escape(', '.join(placing.members))})</i>"
    return line


def article_line(results: RaceResults) -> str | None:
    """'NOS: <a href="…">title</a>', or None when the article is unknown."""
    article = results.article
    if article is None:
        return None
    title = html.escape(article.title or "NOS")
    if article.url:
        return f'NOS: <a href="{html.escape(article.url, quote=True)}">{title}</a>'
    return f"NOS: {title}"


# --- replies ---------------------------------------------------------------------------------------------


def render_podium(results: RaceResults, lang: Lang) -> str:
    """The /podium block of one race: header, medal lines, NOS link."""
    lines = [race_header(results.race, lang)]
    lines += [placing_line(p, lang) for p in results.placings if p.rank is not None and p.rank <= 3]
    link = article_line(results)
    if link:
        lines.append(link)
    return "\n".join(lines)


def render_podiums(items: Iterable[RaceResults], lang: Lang) -> str:
    return "\n\n".join(render_podium(results, lang) for results in items)


def render_results(results: RaceResults, lang: Lang) -> str:
    """Every known placing of one race (the /uitslag reply)."""
    lines = [race_header(results.race, lang)]
    lines += [placing_line(p, lang) for p in results.placings]
    link = article_line(results)
    if link:
        lines.append(link)
    return "\n".join(lines)


def render_skater(skater: SkaterInfo, results: Sequence[SkaterResult], lang: Lang) -> str:
    """'⛸ <b>Kjeld Nuis</b> 🇳🇱 · laatste uitslagen' and one line per race, newest first."""
    head = f"⛸ <b>{html.escape(skater.name)}</b>"
    if skater.country:
        head += f" {flag(skater.country)}"
    if not results:
        return head + "\n" + t(lang, "skater_no_results", name=html.escape(skater.name))
    lines = [f"{head} · {t(lang, 'latest_results')}"]
    for item in results:
        lines.append(_skater_result_line(item, lang))
    return "\n".join(lines)


def _skater_result_line(item: SkaterResult, lang: Lang) -> str:
    placing, race = item.placing, item.race
    rank = placing.rank
    mark = MEDALS.get(rank or 0, "▫️")
    where = " · ".join(p for p in (html.escape(race_title(race, lang)),
                                   html.escape(competition_title(race, lang)),
                                   format_date(race.date, lang) if race.date else "") if p)
    outcome = ordinal(rank, lang) if rank else ""
    if placing.time is not None:
        time = format_time(placing.time, lang)
        outcome = f"{outcome} in {time}" if outcome else time
    if placing.points is not None:
        points = t(lang, "points", points=placing.points)
        outcome = f"{outcome} {'met' if lang == 'nl' else 'with'} {points}" if outcome else points
    line = f"{mark} {where}"
    if outcome.strip():
        line += f": {outcome.strip()}"
    if item.article and item.article.url:
        line += f' · <a href="{html.escape(item.article.url, quote=True)}">NOS</a>'
    return line


def render_weekend(days: Sequence[WeekendDay], lang: Lang) -> str:
    """The /weekend reply: per day and competition, one line per race with its podium."""
    blocks: list[str] = []
    for day in days:
        lines = [f"📅 <b>{format_date(day.date, lang)}</b>"]
        competition = None
        for results in day.races:
            title = competition_title(results.race, lang)
            if title != competition:
                competition = title
                if title:
                    lines.append(f"<i>{html.escape(title)}</i>")
            lines.append(_weekend_line(results, lang))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _weekend_line(results: RaceResults, lang: Lang) -> str:
    podium = [p for p in results.placings if p.rank is not None and p.rank <= 3]
    names = " ".join(
        f"{MEDALS[p.rank or 1]} {html.escape(entrant_name(p, lang))}" + (f" {flag(p.country)}" if p.country else "")
        for p in podium
    )
    return f"{RACE_MARK} <b>{html.escape(race_title(results.race, lang))}</b>: {names}"


def render_weekend_podiums(days: Sequence[WeekendDay], lang: Lang) -> str:
    """The podiums of every race of a weekend, in programme order (``/podium`` without arguments)."""
    return render_podiums((results for day in days for results in day.races), lang)


# --- message splitting and plain text ----------------------------------------------------------------


def telegram_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (a flag is four)."""
    return len(text.encode("utf-16-le")) // 2


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Chunks of at most ``limit`` UTF-16 units, cut at line ends (a blank line when possible).

    A single line longer than the limit loses its tags and is cut between words, so no chunk ever holds
    half an HTML tag.
    """
    if telegram_length(text) <= limit:
        return [text] if text else []
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for line in _fit_lines(text.split("\n"), limit):
        extra = telegram_length(line) + (1 if current else 0)
        if current and size + extra > limit:
            chunks.append("\n".join(current).strip("\n"))
            current, size = [], 0
            extra = telegram_length(line)
        current.append(line)
        size += extra
    if current:
        chunks.append("\n".join(current).strip("\n"))
    return [chunk for chunk in chunks if chunk.strip()]


def _fit_lines(lines: Iterable[str], limit: int) -> Iterable[str]:
    for line in lines:
        if telegram_length(line) <= limit:
            yield line
            continue
        piece = ""
        for word in _TAG.sub("", line).split(" "):
            while telegram_length(word) > limit:  # one enormous word
                cut = _cut(word, limit)
                if piece:
                    yield piece
                    piece = ""
                yield word[:cut]
                word = word[cut:]
            candidate = f"{piece} {word}" if piece else word
            if telegram_length(candidate) > limit:
                yield piece
                candidate = word
            piece = candidate
        if piece:
            yield piece


def _cut(word: str, limit: int) -> int:
    """Largest prefix length of ``word`` within ``limit`` UTF-16 units, not inside an HTML entity."""
    cut = len(word)
    while telegram_length(word[:cut]) > limit:
        cut -= max(1, (telegram_length(word[:cut]) - limit) // 2)
    amp = word.rfind("&", max(0, cut - 10), cut)
    if amp > 0 and ";" not in word[amp:cut]:
        cut = amp
    return cut


_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.DOTALL)


def to_plain_text(text: str) -> str:
    """Telegram HTML as terminal text: links become 'title (url)', tags go, entities are unescaped."""
    text = _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})" if m.group(1) else m.group(2), text)
    return html.unescape(_TAG.sub("", text))
