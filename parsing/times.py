"""Race times and time margins in Dutch notation.

Times are integers in hundredths of a second. Stated thousandths (short track, photo finishes) are
truncated to hundredths by :func:`parse_time`; :class:`TimeToken` keeps the precise value for tie-breaks.

Accepted time shapes: ``1.08,67`` ``34,69`` ``3.44,56`` ``12.47,89`` ``1:08.67`` ``1.08.67`` (sloppy
``6.09.82``), ``36,906`` / ``1.24,512`` (thousandths), ``34.69`` (dot only, only when the seconds are 20-59
so that ``15.30 uur`` and ``1.000`` are never times). Tenths (``40,8``) are read by :func:`find_time_tokens`
but marked ``digits == 1``: NOS uses them for splits and rough quotes, so :func:`find_times` leaves them out.

Margin sign convention: ``-1`` when the subject of the sentence was FASTER than the other party
("0,02 seconde sneller dan Krol", "met een voorsprong van 0,3"), ``+1`` when the subject was SLOWER
("op 0,01 seconde van Kok", "0,3 seconde langzamer dan", "kwam 0,36 seconde tekort", "+0,45"), ``0`` when the
text gives no direction ("het verschil was twee honderdste"). So ``other_time + sign * hundredths`` is the
subject's time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from parsing.text import fold

__all__ = [
    "TIME_RE", "MIN_RACE_TIME", "MAX_RACE_TIME", "TimeToken", "Margin",
    "parse_time", "parse_time_precise", "find_time_tokens", "find_times", "find_margins",
    "format_dutch_time", "time_context",
]

MIN_RACE_TIME = 900  # 9 s: below this a number is a margin, never a race time
MAX_RACE_TIME = 20 * 60 * 100  # 20 min: above this (marathon hours) we do not read times

# The groups: m (minutes), s (seconds), f (fraction digits); the dot-only form uses ds/df.
TIME_RE = re.compile(
    r"(?<![\d.,:])(?:"
    r"(?P<m>\d{1,2})[.:](?P<s>[0-5]\d)[,.](?P<f>\d{1,3})"  # 1.08,67  1:08.67  6.09.82  1.24,512
    r"|(?P<s1>[1-5]?\d),(?P<f1>\d{1,3})"  # 34,69  36,906  40,8
    r"|(?P<ds>[2-5]\d)\.(?P<df>\d{2})"  # 34.69 (English-style, seconds only)
    r")(?![\d]|[.,:]\d)"
)

# Words right after a number that make it something other than a race time.
_NOT_TIME_AFTER = re.compile(
    r"\s*(?:%|procent|uur\b|u\b|jaar|punt|pnt|seconde|sec\b|s\b|honderdste|duizendste|tiende|minuten|min\b|"
    r"kilometer|km\b|meter|m\b|miljoen|euro|kilo|kg\b|graden|°|ronde[ns]?\b)",
    re.IGNORECASE,
)
_NOT_TIME_BEFORE = re.compile(r"(?:[+\-−±€$]\s?|\bom\s|\bomstreeks\s|\brond\s)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TimeToken:
    """One time in the text: offsets, value in hundredths, and how many fraction digits were written."""

    start: int
    end: int
    hundredths: int
    digits: int  # 1 = tenths, 2 = hundredths, 3 = thousandths
    thousandths: int


@dataclass(frozen=True, slots=True)
class Margin:
    """A stated time difference. ``start:end`` covers the whole phrase ("0,02 seconden sneller dan",
    "op 0,01 seconde van", "met een achterstand van 0,45"); the other party usually follows ``end``.
    ``sign`` follows the module convention (-1 subject faster, +1 subject slower, 0 unknown)."""

    start: int
    end: int
    hundredths: int
    sign: int
    thousandths: int = 0
    number_start: int = 0
    number_end: int = 0
    approximate: bool = False  # "ruim een seconde", "bijna vier tienden", whole seconds: not for deriving times


def _value(m: re.Match[str]) -> tuple[int, int, int] | None:
    """(hundredths, digits, thousandths) of a TIME_RE match, or None if implausible."""
    # The fraction is the last group each alternative closes, so m.lastgroup tells the alternatives apart.
    kind = m.lastgroup
    if kind == "f":
        minutes_text, seconds_text, frac = m.group("m", "s", "f")
        minutes, seconds = int(minutes_text), int(seconds_text)
    elif kind == "f1":
        seconds_text, frac = m.group("s1", "f1")
        minutes, seconds = 0, int(seconds_text)
    else:
        seconds_text, frac = m.group("ds", "df")
        minutes, seconds = 0, int(seconds_text)
    digits = len(frac)
    thousandths = (minutes * 60 + seconds) * 1000 + int((frac + "00")[:3])
    hundredths = thousandths // 10
    if not MIN_RACE_TIME <= hundredths <= MAX_RACE_TIME:
        return None
    return hundredths, digits, thousandths


def parse_time(token: str | None) -> int | None:
    """'1.08,67' -> 6867; '36,906' -> 3690; None when not a plausible race time (e.g. '0,5', '2013')."""
    precise = parse_time_precise(token)
    return precise.hundredths if precise else None


def parse_time_precise(token: str | None) -> TimeToken | None:
    """Like :func:`parse_time` but keeps digits and thousandths; offsets are within the stripped token."""
    if not token or not isinstance(token, str) or len(token) > 40:
        return None
    token = token.strip().rstrip(".;)").lstrip("(")
    m = TIME_RE.fullmatch(token)
    if not m:
        return None
    v = _value(m)
    if v is None:
        return None
    return TimeToken(0, len(token), v[0], v[1], v[2])


# Every TIME_RE match holds a digit, a separator and a digit at its first or second character (the first
# digits are one or two long). This pattern finds those places with a fast scan; TIME_RE, which opens with a
# lookbehind, would be tried at every position of the text.
_SEP_DIGIT = re.compile(r"\d[.,:]\d")
# _SEP_DIGIT occurs iff one of these does: each is led by its separator, a literal that re finds with a fast
# search (a text holds few of them), and looks around it for the digits.
_SEP_DIGIT_EACH = tuple(re.compile(rf"{re.escape(sep)}(?<=\d{re.escape(sep)})(?=\d)") for sep in ".,:")


def _time_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``TIME_RE.finditer(text)``, tried only where a match can start."""
    pos = 0
    while (sep := _SEP_DIGIT.search(text, pos)) is not None:
        # No match starts in [pos, k - 1): it would need a digit-separator-digit at or right after its start.
        k = sep.start()
        m = None
        for start in (k - 1, k):
            if start >= pos:
                m = TIME_RE.match(text, start)  # the lookbehind still sees the text before ``start``
                if m is not None:
                    break
        if m is None:
            pos = k + 1
        else:
            yield m
            pos = m.end()


def _time_tuples(text: str) -> list[tuple[int, int, int, int, int]]:
    """:func:`find_time_tokens` as plain tuples (start, end, hundredths, digits, thousandths)."""
    out: list[tuple[int, int, int, int, int]] = []
    if not text:
        return out
    for sep_digit in _SEP_DIGIT_EACH:
        if sep_digit.search(text) is not None:
            break
    else:
        return out  # most sentences: no time can start anywhere
    for m in _time_matches(text):
        v = _value(m)
        if v is None:
            continue
        start, end = m.span()
        if _NOT_TIME_AFTER.match(text, end):
            continue
        if _NOT_TIME_BEFORE.search(text, max(0, start - 12), start):
            continue
        out.append((start, end, *v))
    return out


def find_time_tokens(text: str) -> list[TimeToken]:
    """Every plausible race-time token, tenths included, with no unit word after it that makes it
    a margin, a distance, points, a year or a clock time."""
    return [TimeToken(*found) for found in _time_tuples(text)]


def find_times(text: str) -> list[tuple[int, int, int]]:
    """(start, end, hundredths) of every race time written to the hundredth or thousandth."""
    return [(start, end, hundredths) for start, end, hundredths, digits, _ in _time_tuples(text) if digits >= 2]


def format_dutch_time(hundredths: int) -> str:
    """6867 -> '1.08,67', 3469 -> '34,69' (NOS notation)."""
    seconds, hh = divmod(int(hundredths), 100)
    minutes, ss = divmod(seconds, 60)
    return f"{minutes}.{ss:02d},{hh:02d}" if minutes else f"{ss},{hh:02d}"


# ---------------------------------------------------------------------------------------------- margins

_WORD_COUNTS = {
    "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "twintig": 20, "dertig": 30, "halve": 50, "anderhalve": 150,
}
_UNIT_THOUSANDTHS = {"tiende": 100, "tienden": 100, "honderdste": 10, "honderdsten": 10,
                     "duizendste": 1, "duizendsten": 1, "seconde": 1000, "seconden": 1000, "sec": 1000,
                     "s": 1000}

_NUMBER = r"(?P<num>\d{1,2}(?:,\d{1,3})?)"
_COUNT = r"(?P<count>" + "|".join(sorted(_WORD_COUNTS, key=len, reverse=True)) + r")"
_UNIT_SEC = r"(?P<unit>seconden|seconde|sec\b\.?|s\b)"
# "een tiende plaats" / "de honderdste zege" are ordinals, not margins.
_UNIT_WORD = (r"(?P<wunit>tienden|tiende|honderdsten|honderdste|duizendsten|duizendste)"
              r"(?!\s+(?:plaats|plek|tijd|positie|keer|rit|ronde|zege|overwinning|wedstrijd|start|race|"
              r"titel|medaille|podium|wereldbeker|editie|finale|seizoen|dag|jaar)\b)"
              r"(?:\s+(?:seconde|van\s+een\s+seconde))?")
_COUNT_SEC = (r"(?P<scount>" + "|".join(sorted(_WORD_COUNTS, key=len, reverse=True))
              + r")\s+(?P<sunit>seconden|seconde)\b")
# The first characters the alternatives below can open with (a digit, a count word, "een halve", "anderhalve"):
# the look-ahead turns away other word starts before the long alternation of count words is tried there.
_QUANTITY_FIRST = r"(?=[\d" + "".join(sorted({word[0] for word in _WORD_COUNTS} | {"e", "a"})) + r"])"
_QUANTITY = re.compile(
    r"(?<![\w,.])" + _QUANTITY_FIRST + r"(?:" + _NUMBER + r"\s*" + _UNIT_SEC + r"|(?:" + _COUNT + r"|\d{1,2})\s+" + _UNIT_WORD
    + r"|" + r"(?P<half>een\s+halve|anderhalve)\s+(?P<hunit>seconde|tel)" + r"|" + _COUNT_SEC + r")",
    re.IGNORECASE,
)
_APPROX_BEFORE = re.compile(
    r"\b(?:ruim|bijna|ongeveer|zo'n|circa|ca\.|pakweg|krap|dik|nog\s+geen|meer\s+dan|minder\s+dan|ruime|"
    r"hooguit|amper|nauwelijks|een\s+kleine|een\s+ruime|een\s+dikke|een\s+paar|enkele)\s+$",
    re.IGNORECASE,
)
# "met een achterstand van 0,45" / "op een achterstand van" / "met een voorsprong van 0,3": unit optional.
_PREFIX_BARE = re.compile(
    r"(?P<kind>achterstand|voorsprong|verschil)\s+van\s+(?:slechts\s+|maar\s+|ruim\s+|nog\s+|amper\s+)?"
    r"(?P<num>\d{1,2},\d{1,3})(?![\d,])(?:\s*(?P<unit>seconden|seconde|sec\b\.?|s\b))?",
    re.IGNORECASE,
)
_PLUS = re.compile(r"(?<![\w,.])\+\s?(?P<num>\d{1,2},\d{2,3})(?![\d,])")

_AFTER_FASTER = re.compile(
    r"\s*(?:(?:was|is|bleef|te)\s+)?(?:sneller|rapper|vlugger|voor\s+op|voorsprong|voor\b|onder\b|eerder)"
    r"(?:\s+(?:dan|op|bij|met))?\b",
    re.IGNORECASE,
)
_AFTER_SLOWER = re.compile(
    r"\s*(?:(?:was|is|bleef|te)\s+)?(?:langzamer|trager|later|tekort|te\s+kort|achter(?:stand)?\b|"
    r"achterstand|daarachter|daar\s+achter|erachter|verwijderd(?:\s+van)?|boven\b|te\s+langzaam|te\s+veel|"
    r"na\b|verlies)(?:\s+(?:dan|op|bij|met))?\b",
    re.IGNORECASE,
)
_AFTER_DIFF = re.compile(r"\s*(?:verschil|scheelde)\b", re.IGNORECASE)
_BEFORE_OP = re.compile(r"\bop\s+(?:slechts\s+|maar\s+|nog\s+|amper\s+|ruim\s+|precies\s+)?$", re.IGNORECASE)
_AFTER_VAN = re.compile(r"\s*(?:achter\s+|na\s+)?van\b", re.IGNORECASE)
_BEFORE_ACHTERSTAND = re.compile(
    r"(?P<kind>achterstand|voorsprong)\s+(?:van\s+)?(?:slechts\s+|maar\s+|ruim\s+|nog\s+|amper\s+)?$",
    re.IGNORECASE,
)


def _quantity_thousandths(m: re.Match[str]) -> int | None:
    if m.group("num") is not None:
        num = m.group("num")
        whole, _, frac = num.partition(",")
        value = int(whole) * 1000 + int((frac + "000")[:3]) if frac else int(whole) * 1000
        return value
    if m.group("wunit") is not None:
        count_word = m.group("count")
        raw = m.group(0).split()[0]
        count = _WORD_COUNTS.get(count_word.lower()) if count_word else None
        if count is None:
            count = int(raw) if raw.isdigit() else None
        if count is None:
            return None
        return count * _UNIT_THOUSANDTHS[m.group("wunit").lower()]
    if m.group("half") is not None:
        return 1500 if fold(m.group("half")).startswith("anderhalve") else 500
    if m.group("scount") is not None:
        return _WORD_COUNTS.get(m.group("scount").lower(), 0) * 1000 or None
    return None


def _is_approximate(text: str, m: re.Match[str], number_start: int) -> bool:
    """Rounded margins: an approximating word before the number, or whole seconds ("vier seconden")."""
    if _APPROX_BEFORE.search(text, max(0, number_start - 20), number_start):
        return True
    if m.group("scount") is not None or m.group("half") is not None:
        return True
    num = m.group("num")
    return num is not None and "," not in num and m.group("unit") is not None


# Every margin phrase holds one of these; most sentences hold none, so they skip the big regexes.
_MARGIN_WORDS = ("second", "tiende", "honderdste", "duizendste", "achterstand", "voorsprong", "verschil", "+")
# A number with the unit s/sec: r"\d\s?(?:s|sec)\b" occurs iff this does. Led by the literal "s" (re jumps to
# it with a fast search) and looking back for the digit, it is far quicker on the sentences that hold none.
_S_UNIT = re.compile(r"s(?:(?<=\ds)|(?<=\d\ss))(?:ec)?\b")


def _may_hold_margin(low: str) -> bool:
    for word in _MARGIN_WORDS:  # a plain loop: any() over a generator costs more than the tests themselves
        if word in low:
            return True
    return _S_UNIT.search(low) is not None


def find_margins(text: str, include_approximate: bool = False) -> list[Margin]:
    """Every stated time margin ("0,02 seconden sneller dan", "op 0,01 seconde van", "twee honderdste").
    Rounded ones ("ruim een seconde", "bijna vier tienden") only with ``include_approximate``."""
    out: list[Margin] = []
    if not text or not _may_hold_margin(text.lower()):
        return out
    taken: list[tuple[int, int]] = []
    for m in _PREFIX_BARE.finditer(text):
        value = _quantity_thousandths(m)
        if value is None:
            continue
        kind = m.group("kind").lower()
        sign = -1 if kind == "voorsprong" else (1 if kind == "achterstand" else 0)
        start = _phrase_start(text, m.start())
        end = m.end()
        van = _AFTER_VAN.match(text, end) or re.compile(r"\s*op\b", re.I).match(text, end)
        if van:
            end = van.end()
        approx = bool(re.search(r"\b(?:ruim|amper)\s+$", text[m.start():m.start("num")], re.IGNORECASE))
        taken.append((m.start(), m.end()))
        if approx and not include_approximate:
            continue
        out.append(Margin(start, end, value // 10, sign, value, m.start("num"), m.end("num"), approx))
    for m in _QUANTITY.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if m.group("hunit") is not None and m.group("hunit").lower() == "tel":
            continue
        value = _quantity_thousandths(m)
        if value is None or value > 60_000:
            continue
        # A bare "5 s" or "10 seconden" is usually not a margin; require a direction word or a small value.
        start, end, sign = m.start(), m.end(), 0
        before = text[max(0, start - 40):start]
        op = _BEFORE_OP.search(before)
        pre = _BEFORE_ACHTERSTAND.search(before)
        fast = _AFTER_FASTER.match(text, end)
        slow = _AFTER_SLOWER.match(text, end)
        if pre:
            sign = -1 if pre.group("kind").lower() == "voorsprong" else 1
            start = _phrase_start(text, start - len(before) + pre.start())
            van = _AFTER_VAN.match(text, end)
            if van:
                end = van.end()
        elif fast:
            sign, end = -1, fast.end()
        elif slow:
            sign, end = 1, slow.end()
        elif op:
            sign = 1
            start = start - len(before) + op.start()
            van = _AFTER_VAN.match(text, end)
            if van:
                end = van.end()
        elif _AFTER_DIFF.match(text, end):
            sign = 0
        elif m.group("num") is not None and value >= 10_000:
            continue  # "10 seconden" with no comparison: a duration, not a margin
        approx = _is_approximate(text, m, m.start())
        if approx and not include_approximate:
            continue
        out.append(Margin(start, end, value // 10, sign, value, m.start(), m.end(), approx))
    for m in _PLUS.finditer(text) if "+" in text else ():
        value = _quantity_thousandths(m)
        if value is not None:
            out.append(Margin(m.start(), m.end(), value // 10, 1, value, m.start("num"), m.end("num")))
    out.sort(key=lambda mg: mg.start)
    return out


_LEADING_MET = re.compile(r"(?:\b(?:met|op)\s+)?(?:een\s+)?$", re.IGNORECASE)


def _phrase_start(text: str, pos: int) -> int:
    """Extend a phrase start back over 'met een' / 'op een'."""
    m = _LEADING_MET.search(text, max(0, pos - 12), pos)
    return m.start() if m and m.group(0) else pos


# ------------------------------------------------------------------------------------------ time context

_SPLIT_BEFORE = re.compile(
    r"(?:opening|doorkomst|tussentijd|passage|openingsronde|rondetijd|ronde\s+van|ronde|laatste\s+ronde|"
    r"(?:na|bij)\s+(?:de\s+)?(?:\d[\d.]*|honderd|\w+)\s+(?:meter|kilometer|km|m)|op\s+schema|zag\s+ik|bord)"
    r"\D{0,20}$",
    re.IGNORECASE,
)
_TARGET_BEFORE = re.compile(r"(?:\bonder\s+de|\bboven\s+de|\been|\brond\s+de|\bdik|\bzo'n|\bcirca|\bvoor\s+een)\s*$",
                            re.IGNORECASE)
_RECORD_NEAR = re.compile(r"(?:wereld|baan|olympisch|nederlands|europees|persoonlijk|junioren|laaglandbaan|"
                          r"kampioenschaps|track|seizoens)?record|\bpr\b|\bwr\b", re.IGNORECASE)


def time_context(text: str, start: int, end: int) -> frozenset[str]:
    """Hints about a time token: 'split' (opening/lap/passage), 'target' ("onder de 1.14", "een 6.00"),
    'record' (a record is named in the 60 chars before or 40 after), 'paren' (in brackets)."""
    tags: set[str] = set()
    before = text[max(0, start - 60):start]
    after = text[end:end + 40]
    if _SPLIT_BEFORE.search(before[-40:]):
        tags.add("split")
    if _TARGET_BEFORE.search(before):
        tags.add("target")
    if _RECORD_NEAR.search(before) or _RECORD_NEAR.search(after):
        tags.add("record")
    if before.rstrip().endswith("(") or before.endswith("("):
        tags.add("paren")
    return frozenset(tags)
