"""Race distances: in NOS prose, as bot users type them, and as labels.

Codes are the corpus's (``../shared/corpus/README.md``): 500m 1000m 1500m 3000m 5000m 10000m mass_start
team_pursuit team_sprint relay allround_classification sprint_classification other:<what> (other:200km for
marathons of a stated length). :func:`find_distance_mentions` also yields ``classification`` for a bare
"eindklassement"/"klassement", whose kind (allround or sprint) only the context tells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parsing.text import fold, ordinal_number

__all__ = [
    "DISTANCE_CODES", "METERS", "DistanceMention", "find_distance_mentions", "mention_tuples", "find_distances",
    "distance_from_user", "distance_label", "distance_meters", "CLASSIFICATION",
]

DISTANCE_CODES = (
    "500m", "1000m", "1500m", "3000m", "5000m", "10000m", "mass_start", "team_pursuit", "team_sprint",
    "relay", "allround_classification", "sprint_classification",
)
CLASSIFICATION = "classification"  # bare "eindklassement": allround or sprint, the engine decides
METERS: dict[int, str] = {500: "500m", 1000: "1000m", 1500: "1500m", 3000: "3000m", 5000: "5000m",
                          10000: "10000m"}

_WORD_KM = {"een": 1, "één": 1, "anderhalve": 1.5, "drie": 3, "vijf": 5, "tien": 10, "twintig": 20,
            "veertig": 40, "vijftig": 50, "zestig": 60, "honderd": 100, "tweehonderd": 200}

_ORDINALS = r"eerste|tweede|derde|vierde|1e|2e|3e|4e"
_NUM = r"(?P<num>\d{1,2}\.\d{3}|\d{1,5}(?:,\d)?)"
_WORDNUM = r"(?P<word>" + "|".join(sorted(_WORD_KM, key=len, reverse=True)) + r")"

# Every alternative of _DISTANCE_RE starts with a digit or with one of these two letters (een/één, anderhalve,
# drie, vijf(tig), tien, twintig/tweehonderd, veertig, zestig, honderd; kilometer; mass; ploegen, team, achtervolging;
# gemengde, aflossing, mixed, relay; allround, alternatieve, klassement; sprint; eind-; elfsteden). Keep in step
# with the alternatives: it lets the regex give up at once at most word starts, where every one of its twelve
# alternatives (each opening with a group, which re cannot skip quickly) would otherwise be tried.
_LEADS = r"(?=\d|ee|éé|an|dr|vi|ti|tw|ve|ze|ho|ki|ma|pl|te|ac|ge|af|mi|re|al|kl|sp|ei|el)"

# Each alternative names its group; order matters (longest, most specific first). The one lookbehind at the
# front rejects positions inside words cheaply; other context checks ("de" before a bare number) are in code.
_DISTANCE_RE = re.compile(
    r"(?<![\w.,])" + _LEADS + r"(?:"
    + _NUM + r"\s?-?\s?(?P<unit>kilometers?|km|meters?|m)(?![\w])"
    + r"|" + _WORDNUM + r"\s+(?P<wunit>kilometers?)\b"
    + r"|(?P<kilometer>kilometers?)\b"
    + r"|(?P<bare>(?:500|1\.?000|1\.?500|3\.?000|5\.?000|10\.?000)(?![\w.,])(?!\s*(?:euro|mensen|"
      r"toeschouwers|fans|punten|kilo|jaar|dagen|uur|minuten|seconde|keer)))"
    + r"|(?P<mass>massastarts?|mass[ -]starts?|massa-starts?)"
    + r"|(?P<tp>ploegen-?achtervolgingen|ploegen-?achtervolging|ploegachtervolging|teamachtervolging|"
      r"team[ -]pursuit|achtervolging)"
    + r"|(?P<ts>teamsprints?|team[ -]sprints?)"
    + r"|(?P<relay>(?:gemengde\s+)?aflossingen|(?:gemengde\s+)?aflossing|(?:mixed\s+)?relay)"
    + r"|(?P<allround>allround-?klassement|allround-?titel|allroundkampioen(?:e|schap)?|"
      r"klassement\s+allround|allround)"
    + r"|(?P<sprint>sprint-?klassement|sprint-?titel|sprintkampioen(?:e|schap)?|klassement\s+sprint)"
    + r"|(?P<classif>eindklassement|klassement|eindstand)"
    + r"|(?P<elfsteden>(?:alternatieve\s+)?elfstedentocht(?:en)?)"
    + r")(?![\w])",
)  # case-sensitive: it runs on the lower-cased text, which is twice as fast as IGNORECASE
_ORD_BEFORE = re.compile(r"(?<![\w])(" + _ORDINALS + r")\s+$", re.IGNORECASE)
_DE_BEFORE = re.compile(r"(?<![\w])de\s$", re.IGNORECASE)
_HET_BEFORE = re.compile(r"(?<![\w])(?:het|in\s+de|de)\s$", re.IGNORECASE)
_KAMPIOEN_BEFORE = re.compile(r"kampioene?\s$", re.IGNORECASE)
# "na 600 meter", "bij 3 kilometer": a passage in a race. With an article ("bij de 1000 meter") it is a race.
_SPLIT_BEFORE = re.compile(r"\b(?:na|bij|vanaf|tot|halverwege|per|elke|iedere)\s+$", re.IGNORECASE)


_QUICK = re.compile(r"\d|[Kk]ilomet|[Mm]ass|[Pp]loeg|[Aa]chtervolg|[Ss]print|[Aa]flossing|[Rr]elay|[Kk]lassement|"
                    r"[Aa]llround|[Ee]indstand|[Ee]lfsteden|[Pp]ursuit|KILOMET|MASS|PLOEG|SPRINT|KLASSEMENT")
_DIGIT = re.compile(r"\d")


# Where _DISTANCE_RE can match. Each word-led alternative spells one of its words (the first item) and opens with
# one of its leads (the second); the numeric alternatives ("unit" and "bare") open with a digit. Keep in step
# with the alternatives: a sentence's words pick the leads worth looking for, and _DISTANCE_RE, which opens with
# a lookbehind and so is tried at every position of a full scan, runs only where one of them opens a word.
_WORD_LEADS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("kilomet",), tuple(_WORD_KM) + ("kilomet",)),  # word: "vijf kilometer"; kilometer
    (("mass",), ("mass",)),  # mass
    (("achtervolg", "pursuit"), ("ploeg", "team", "achtervolg")),  # tp
    (("sprint",), ("team", "sprint", "klassement")),  # ts; sprint
    (("aflossing", "relay"), ("gemengde", "aflossing", "mixed", "relay")),  # relay
    (("allround",), ("allround", "klassement")),  # allround
    (("klassement", "eindstand"), ("eind", "klassement")),  # classif
    (("elfsteden",), ("alternatieve", "elfsteden")),  # elfsteden
)
# Where a numeric alternative can match: a digit that opens a word (_DISTANCE_RE's lookbehind, after the digit so
# that re finds digits with a fast scan), then either a unit ahead ("unit": more digits, dots or commas, spacing,
# then "k" or "m") or the start of one of "bare"'s numbers (500, 1000, 1500, 3000, 5000, 10000, dotted or not).
_DIGIT_LEAD_FORM = r"{d}(?<![\w.,]{d})(?=[{c}.,]*\s?-?\s?[km]|(?<=5)00|(?<=1)\.?[05]00|(?<=1)0\.?000|(?<=[35])\.?000)"
_DIGIT_LEAD = re.compile(_DIGIT_LEAD_FORM.format(d=r"\d", c=r"\d"))
# The same for an ASCII text, where \d is [0-9]: re tests a range faster than the Unicode digit category.
_DIGIT_LEAD_ASCII = re.compile(_DIGIT_LEAD_FORM.format(d="[0-9]", c="0-9"))
# every word of _WORD_LEADS: a text holding none of them can match only at a digit
_WORDS = tuple(word for words, _leads in _WORD_LEADS for word in words)
_LEAD_SCANS: dict[int, re.Pattern[str]] = {}  # keyed on the set of _WORD_LEADS entries, as bits


def _lead_scan(low: str) -> re.Pattern[str]:
    """Finds where a word-led alternative whose words ``low`` holds may start: at one of its leads, opening a word
    (as _DISTANCE_RE's lookbehind sees a word start)."""
    key = 0
    for i, (words, _leads) in enumerate(_WORD_LEADS):
        for word in words:
            if word in low:
                key |= 1 << i
                break
    scan = _LEAD_SCANS.get(key)
    if scan is None:
        leads = {lead for i, (_words, leads) in enumerate(_WORD_LEADS) if key >> i & 1 for lead in leads}
        scan = _LEAD_SCANS[key] = re.compile(
            "|".join(rf"{lead}(?<![\w.,]{lead})" for lead in sorted(leads, key=lambda lead: (-len(lead), lead))))
    return scan


def _distance_matches(low: str, digit_lead: re.Pattern[str], digit: re.Match[str] | None,
                      lead_scan: re.Pattern[str] | None) -> list[re.Match[str]]:
    """``list(_DISTANCE_RE.finditer(low))`` when every match starts where ``digit_lead`` (_DIGIT_LEAD or its
    ASCII form; first found at ``digit``) or ``lead_scan`` finds one."""
    out: list[re.Match[str]] = []
    match = _DISTANCE_RE.match
    digit_search = digit_lead.search
    none = len(low)  # no match starts at the end: every alternative consumes
    # the first place at or after ``pos`` that each scan finds: the nearer one is where a match may start next
    digit_at = none if digit is None else digit.start()
    word = None if lead_scan is None else lead_scan.search(low)
    word_at = none if word is None else word.start()
    while (start := digit_at if digit_at < word_at else word_at) != none:
        m = match(low, start)  # its lookbehind still sees the text before ``start``
        if m is None:
            pos = start + 1
        else:
            out.append(m)
            pos = m.end()  # never empty: every alternative consumes
        if digit_at < pos:
            digit = digit_search(low, pos)
            digit_at = none if digit is None else digit.start()
        if word_at < pos:
            word = lead_scan.search(low, pos)  # type: ignore[union-attr]  # word_at < none: there is a scan
            word_at = none if word is None else word.start()
    return out


@dataclass(frozen=True, slots=True)
class DistanceMention:
    """A distance named in the text. ``split`` marks a passage rather than a race ("na 600 meter",
    "bij 3 kilometer"); ``ordinal`` is a preceding "eerste/tweede" (the round of a repeated distance)."""

    start: int
    end: int
    code: str
    split: bool = False
    ordinal: int | None = None
    mixed: bool = False  # "gemengde aflossing"


def _meters_code(value: float) -> str | None:
    meters = int(round(value))
    if meters in METERS:
        return METERS[meters]
    if 15000 <= meters <= 250000 and meters % 1000 == 0:
        return f"other:{meters // 1000}km"
    return None


def _number(text: str) -> float:
    if "." in text and len(text.split(".")[-1]) == 3:
        return float(text.replace(".", ""))
    return float(text.replace(",", "."))


@lru_cache(maxsize=1024)
def _numeric_code(num: str, unit: str) -> tuple[str, bool] | None:
    """(code, split) for a number and its unit ('1.500', 'meter'), None when it names no race or passage.
    Cached: the same few number-unit pairs recur in every article."""
    value = _number(num)
    unit = unit.lower()
    if unit.startswith("k"):
        value *= 1000
    elif unit == "m" and value < 100:
        return None  # "5 m" is not a race
    code = _meters_code(value)
    if code is not None:
        return code, False
    if 100 <= value < 15000:
        return f"other:{int(value)}m", True  # 600 m, 200 m: passages, not races
    return None


# m.lastgroup names the alternative that matched: the last group a match closes is the unit for the numeric
# alternatives and the alternative's own group for all others.
_NUMERIC_GROUPS = ("unit", "wunit")


def same_length_lower(text: str, low: str | None = None) -> str:
    """``text`` lower-cased, keeping the few characters whose lower case is longer (offsets must hold). ``low``,
    when given, is ``text.lower()``."""
    if low is None:
        low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _candidate_matches(text: str, low: str) -> list[re.Match[str]]:
    """The matches of _DISTANCE_RE in ``same_length_lower(text)``, tried only where a lead scan says one may
    start (``low`` is ``text.lower()``)."""
    lead_scan: re.Pattern[str] | None = None
    for word in _WORDS:  # a plain loop: a generator costs more than the substring tests themselves
        if word in low:
            # a text without digits needs _QUICK.search(text) too (and a match needs a lead then)
            if _DIGIT.search(text) is None and _QUICK.search(text) is None:
                return []
            lead_scan = _lead_scan(low)
            break
    # (a word found in text.lower() may be gone from the same-length form, never the reverse: the leads stay a
    # superset)
    low = same_length_lower(text, low)
    digit_lead = _DIGIT_LEAD_ASCII if low.isascii() else _DIGIT_LEAD
    digit = digit_lead.search(low)
    if digit is None and lead_scan is None:  # most sentences: no match can start anywhere
        return []
    return _distance_matches(low, digit_lead, digit, lead_scan)


def mention_tuples(text: str, low: str | None = None) -> list[tuple[int, int, str, bool, int | None, bool]]:
    """:func:`find_distance_mentions` as plain tuples (start, end, code, split, ordinal, mixed). ``low``, when
    given, must be ``text.lower()`` (callers that have it already save a pass)."""
    out: list[tuple[int, int, str, bool, int | None, bool]] = []
    if not text:
        return out
    if low is None:
        low = text.lower()
    for m in _candidate_matches(text, low):
        kind = m.lastgroup
        m_start = m.start()
        code: str | None = None
        split = False
        mixed = False
        if kind == "unit":
            found = _numeric_code(m.group("num"), m.group("unit"))
            if found is None:
                continue
            code, split = found
        elif kind == "wunit":
            code = _meters_code(_WORD_KM[m.group("word").lower()] * 1000)
            if code is None:
                continue
        elif kind == "kilometer":
            if not _DE_BEFORE.search(text, max(0, m_start - 4), m_start):
                continue
            code = "1000m"
        elif kind == "bare":
            if not _DE_BEFORE.search(text, max(0, m_start - 4), m_start):
                continue
            bare = m.group("bare")
            code = _meters_code(_number(bare) if "." in bare else float(bare))
        elif kind == "mass":
            code = "mass_start"
        elif kind == "tp":
            code = "team_pursuit"
        elif kind == "ts":
            code = "team_sprint"
        elif kind == "relay":
            code = "relay"
            mixed = m.group("relay").lower().startswith(("gemengde", "mixed"))
        elif kind == "allround":
            if m.group("allround").lower() == "allround" and not _KAMPIOEN_BEFORE.search(
                    text, max(0, m_start - 11), m_start):
                continue
            code = "allround_classification"
        elif kind == "sprint":
            code = "sprint_classification"
        elif kind == "classif":
            if m.group("classif").lower() != "eindklassement" and not _HET_BEFORE.search(
                    text, max(0, m_start - 7), m_start):
                continue
            code = CLASSIFICATION
        elif kind == "elfsteden":
            code = "other:200km"
        if code is None:
            continue
        om = _ORD_BEFORE.search(text, max(0, m_start - 10), m_start)
        ordinal = ordinal_number(om.group(1)) if om else None
        start = om.start() if om else m_start
        if kind in _NUMERIC_GROUPS and ordinal is None and _SPLIT_BEFORE.search(text, max(0, m_start - 25), m_start):
            split = True
        out.append((start, m.end(), code, split, ordinal, mixed))
    return out


def find_distance_mentions(text: str) -> list[DistanceMention]:
    """Every distance, team event or classification named in ``text``, splits included (flagged)."""
    return [DistanceMention(*found) for found in mention_tuples(text)]


def find_distances(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of every race distance named in prose; passages ("na 600 meter") left out."""
    return [(d.start, d.end, d.code) for d in find_distance_mentions(text) if not d.split]


# ------------------------------------------------------------------------------------------- user input

_USER_WORDS: dict[str, str] = {
    "massastart": "mass_start", "mass start": "mass_start", "massstart": "mass_start", "ms": "mass_start",
    "mass": "mass_start", "massa start": "mass_start", "massa-start": "mass_start", "mass-start": "mass_start",
    "mass_start": "mass_start", "ploeg": "team_pursuit", "ploegen": "team_pursuit",
    "ploegenachtervolging": "team_pursuit", "ploegachtervolging": "team_pursuit", "team pursuit": "team_pursuit",
    "teampursuit": "team_pursuit", "team_pursuit": "team_pursuit", "tp": "team_pursuit",
    "achtervolging": "team_pursuit", "pursuit": "team_pursuit", "teamsprint": "team_sprint",
    "team sprint": "team_sprint", "team_sprint": "team_sprint", "ts": "team_sprint", "relay": "relay",
    "aflossing": "relay", "estafette": "relay", "allround": "allround_classification",
    "allroundklassement": "allround_classification", "allround_classification": "allround_classification",
    "sprint": "sprint_classification", "sprintklassement": "sprint_classification",
    "sprint_classification": "sprint_classification", "kilometer": "1000m", "km": "1000m",
    "allround classification": "allround_classification", "sprint classification": "sprint_classification",
    "allround klassement": "allround_classification", "sprint klassement": "sprint_classification",
    "estafettes": "relay", "aflossingen": "relay", "massastarts": "mass_start", "teamsprints": "team_sprint",
}
_USER_NUMBER = re.compile(
    r"^(?P<num>\d{1,2}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(?P<unit>kilometers?|km|k|meters?|m)?$"
)


def distance_from_user(arg: str | None) -> str | None:
    """What a bot user typed -> distance code: '1000m', '1.000 meter', '1k', '5k', '10km', 'ploegen',
    'team pursuit', 'relay' ...; None when it is not a distance."""
    if not arg:
        return None
    s = fold(arg).strip(" .!?")
    s = re.sub(r"^(?:de|het|the)\s+", "", s)
    if s in _USER_WORDS:
        return _USER_WORDS[s]
    if s.replace(" ", "") in _USER_WORDS:
        return _USER_WORDS[s.replace(" ", "")]
    if s in METERS.values():
        return s
    words = s.split()
    if len(words) == 2 and words[0] in _WORD_KM and words[1].startswith(("kilometer", "km")):
        return _meters_code(_WORD_KM[words[0]] * 1000)
    m = _USER_NUMBER.match(s)
    if not m:
        return None
    raw, unit = m.group("num"), m.group("unit") or ""
    if re.fullmatch(r"\d{1,2}(?:[.,]\d{3})+", raw):
        value = float(re.sub(r"[.,]", "", raw))
    else:
        value = float(raw.replace(",", "."))
    if unit.startswith("k"):
        value *= 1000
    elif not unit and value < 100:
        value *= 1000  # "5" or "10" typed alone means kilometres
    code = _meters_code(value)
    return code if code in METERS.values() else None


# --------------------------------------------------------------------------------------------- labels

_LABELS: dict[str, tuple[str, str]] = {
    "mass_start": ("massastart", "mass start"),
    "team_pursuit": ("ploegenachtervolging", "team pursuit"),
    "team_sprint": ("teamsprint", "team sprint"),
    "relay": ("aflossing", "relay"),
    "allround_classification": ("allroundklassement", "allround classification"),
    "sprint_classification": ("sprintklassement", "sprint classification"),
    CLASSIFICATION: ("eindklassement", "overall classification"),
    "other:marathon": ("marathon", "marathon"),
    "other:unspecified": ("onbekende afstand", "unknown distance"),
}


def distance_meters(code: str | None) -> int | None:
    """'1500m' -> 1500; None for events without a single length."""
    for meters, c in METERS.items():
        if c == code:
            return meters
    return None


def distance_label(code: str | None, lang: str = "nl") -> str:
    """'1000m' -> '1000 m'; 'mass_start' -> 'massastart' (nl) / 'mass start' (en); 'other:200km' -> '200 km'."""
    if not code:
        return ""
    en = lang.lower().startswith("en")
    meters = distance_meters(code)
    if meters is not None:
        # 10.000 m in Dutch, 10,000 m in English: the way NOS and the ISU write it.
        return f"{meters:,} m".replace(",", "," if en else ".") if meters >= 10_000 else f"{meters} m"
    if code in _LABELS:
        return _LABELS[code][1 if en else 0]
    if code.startswith("other:"):
        what = code[len("other:"):]
        km = re.fullmatch(r"(\d+)km", what)
        if km:
            return f"{km.group(1)} km"
        mtr = re.fullmatch(r"(\d+)m", what)
        if mtr:
            return f"{mtr.group(1)} m"
        return what.replace("_", " ")
    return code.replace("_", " ")
