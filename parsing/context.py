"""Article and sentence context: competition, discipline, venue, gender, day and history cues."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from parsing.fastre import literal_led_pattern, split_alternatives

__all__ = [
    "VENUES", "find_venue", "names_venue", "competition_of", "discipline_of", "gender_cue", "weekday_of",
    "date_for_weekday", "is_historical", "year_mentions", "local_date",
]

# Skating venues as NOS writes them (folded) -> the name the corpus uses.
VENUES: dict[str, str] = {
    "heerenveen": "Heerenveen", "thialf": "Heerenveen", "salt lake city": "Salt Lake City",
    "salt lake": "Salt Lake City", "kearns": "Salt Lake City", "calgary": "Calgary", "inzell": "Inzell",
    "hamar": "Hamar", "stavanger": "Stavanger", "obihiro": "Obihiro", "nagano": "Nagano",
    "tomaszow mazowiecki": "Tomaszów Mazowiecki", "tomaszow": "Tomaszów Mazowiecki",
    "kolomna": "Kolomna", "berlijn": "Berlijn", "erfurt": "Erfurt", "milwaukee": "Milwaukee",
    "quebec": "Quebec", "sofia": "Sofia", "dordrecht": "Dordrecht", "dresden": "Dresden",
    "rotterdam": "Rotterdam", "peking": "Peking", "beijing": "Peking", "milaan": "Milaan",
    "pyeongchang": "Pyeongchang", "gangneung": "Pyeongchang", "sotsji": "Sotsji", "amsterdam": "Amsterdam",
    "weissensee": "Weissensee", "alkmaar": "Alkmaar", "seoul": "Seoul", "montreal": "Montreal",
    "minsk": "Minsk", "almaty": "Almaty", "astana": "Astana", "nur-sultan": "Nur-Sultan",
    "enschede": "Enschede", "groningen": "Groningen", "den haag": "Den Haag", "deventer": "Deventer",
    "utrecht": "Utrecht", "breda": "Breda", "eindhoven": "Eindhoven", "leeuwarden": "Leeuwarden",
    "haarlem": "Haarlem", "hoorn": "Hoorn", "lulea": "Luleå", "kuopio": "Kuopio", "collalbo": "Collalbo",
    "baselga di pine": "Baselga di Pinè", "trondheim": "Trondheim", "harbin": "Harbin",
    "changchun": "Changchun", "shanghai": "Shanghai", "debrecen": "Debrecen", "gdansk": "Gdańsk",
    "turijn": "Turijn", "vancouver": "Vancouver", "lake placid": "Lake Placid", "sapporo": "Sapporo",
    "nagoya": "Nagoya", "tilburg": "Tilburg", "den bosch": "Den Bosch", "lelystad": "Lelystad",
    "biddinghuizen": "Biddinghuizen", "haaksbergen": "Haaksbergen", "noordlaren": "Noordlaren",
    "veenhoop": "De Veenhoop", "kuipers": "", "jaap eden": "Amsterdam", "olympisch stadion": "Amsterdam",
    "olympic oval": "", "dolomieten": "", "chemnitz": "Chemnitz", "innsbruck": "Innsbruck",
    "helsinki": "Helsinki", "oslo": "Oslo", "moskou": "Moskou", "warschau": "Warschau", "boedapest": "Boedapest",
    "gent": "Gent", "antwerpen": "Antwerpen", "salt lake-city": "Salt Lake City", "lillehammer": "Lillehammer",
    "turin": "Turijn", "torino": "Turijn", "cortina": "Cortina d'Ampezzo", "milano": "Milaan",
    "zakopane": "Zakopane", "budapest": "Boedapest",
}


def _grouped_alternation(alternatives: list[str]) -> str:
    """The alternation of ``alternatives`` (regex sources, each opening with a plain character), grouped by
    that first character with their order kept: "(?:h(?:eerenveen|amar)|t(?:hialf))". It matches what the
    flat alternation matches (at a position only the group of its character can match, and inside it the
    alternatives are tried in the same order), but tests each character once instead of once per name."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "(?:" + "|".join(first + "(?:" + "|".join(rests) + ")" for first, rests in groups.items()) + ")"


_VENUE_NAMES = sorted((re.escape(k) for k, v in VENUES.items() if v), key=len, reverse=True)
if not all(name[0].isalpha() for name in _VENUE_NAMES):
    raise ValueError("venue names must open with a letter")
_VENUE_RE = re.compile(r"(?<![\w-])(" + _grouped_alternation(_VENUE_NAMES) + r")(?![\w-])")
# "in het Poolse Tomaszow", "in Thialf", "bij de wereldbeker in Calgary", "op de Weissensee".
_VENUE_FRAME = re.compile(r"\b(?:in|op|naar|uit|te)\s+(?:het\s+\w+e\s+|de\s+)?(?:\w+e\s+)?$")


# A venue a text names shows in one of its whitespace-separated words: a one-word name as itself (a word of
# its own, maybe with punctuation around it), the first word of a longer name at the end of a word (a space
# follows it). Venue names hold no whitespace but single spaces. _VENUE_WORD tells such words.
if not all(name.replace(" ", "").replace("-", "").isalpha() for name in VENUES):
    raise ValueError("venue names must be letters, hyphens and single spaces")
_VENUE_SINGLE = sorted((name for name, v in VENUES.items() if v and " " not in name), key=len, reverse=True)
_VENUE_HEADS = sorted({name.split(" ")[0] for name, v in VENUES.items() if v and " " in name}, key=len, reverse=True)
_VENUE_WORD_RE = re.compile(r"(?<![\w-])(?:(?:" + "|".join(map(re.escape, _VENUE_SINGLE)) + r")(?![\w-])|(?:"
                            + "|".join(map(re.escape, _VENUE_HEADS)) + r")\Z)")


class _VenueWords(dict[str, bool]):
    """word -> whether it may hold (the start of) a venue name, worked out on first sight."""

    def __missing__(self, word: str) -> bool:
        if len(self) >= 50_000:
            self.clear()
        found = self[word] = _VENUE_WORD_RE.search(word) is not None
        return found


_VENUE_WORD = _VenueWords()


def names_venue(folded: str) -> bool:
    """Whether a folded text names a venue anywhere (framed or not)."""
    return any(map(_VENUE_WORD.__getitem__, folded.split())) and _VENUE_RE.search(folded) is not None


def find_venue(folded: str, framed: bool = True) -> tuple[int, str] | None:
    """The first venue named in a folded text (position, canonical name); with ``framed`` only after 'in'."""
    if not any(map(_VENUE_WORD.__getitem__, folded.split())):  # the common text: no word a venue starts
        return None
    for m in _VENUE_RE.finditer(folded):
        if framed and not _VENUE_FRAME.search(folded[max(0, m.start() - 30):m.start()]):
            continue
        return m.start(), VENUES[m.group(1)]
    return None


# After "olympisch/nederlands kampioen(e)": the title is won at the event the article reports ("is olympisch
# kampioen geworden", "... op de 1000 meter", or the end of the sentence), not a skater's epithet ("Olympisch
# kampioene Erin Jackson werd tweede").
_TITLE_WON_AFTER = r"(?:\s+(?:geworden|op\s+de|op\s+\d|bij|in|met)\b|\s*[.!?;]|$)"
_COMPETITIONS: list[tuple[re.Pattern[str], str, str | None]] = [
    # (pattern on folded text, competition, discipline implied)
    (re.compile(r"\b(?:wk|wereldkampioenschap(?:pen)?|wereldtitel)\s+(?:shorttrack|short track)\b"),
     "world_championships", "short_track"),
    (re.compile(r"\b(?:ek|europese kampioenschappen|europees kampioenschap)\s+(?:shorttrack|short track)\b"),
     "european_championships", "short_track"),
    (re.compile(r"\b(?:nk|nederlandse kampioenschappen|nederlands kampioenschap)\s+(?:shorttrack|short track)\b"),
     "national_championships", "short_track"),
    (re.compile(r"\b(?:wk|wereldkampioenschap(?:pen)?)\s+allround\b|\bwereldkampioen(?:e)?\s+allround\b|"
                r"\ballround\s+wereldkampioen"), "world_championships", "allround"),
    (re.compile(r"\b(?:wk|wereldkampioenschap(?:pen)?)\s+sprint\b|\bwereldkampioen(?:e)?\s+sprint\b"),
     "world_championships", "sprint"),
    (re.compile(r"\b(?:wk|wereldkampioenschap(?:pen)?)\s+afstanden\b"), "world_single_distances", None),
    (re.compile(r"\b(?:ek|europese kampioenschappen|europees kampioenschap)\s+allround\b|"
                r"\beuropees kampioen(?:e)?\s+allround\b"), "european_championships", "allround"),
    (re.compile(r"\b(?:ek|europese kampioenschappen)\s+sprint\b|\beuropees kampioen(?:e)?\s+sprint\b"),
     "european_championships", "sprint"),
    (re.compile(r"\b(?:ek|europese kampioenschappen)\s+afstanden\b"), "european_championships", None),
    (re.compile(r"\b(?:nk|nederlandse kampioenschappen)\s+allround\b|\bnederlands kampioen(?:e)?\s+allround\b"
                r"|\bnederlandse allroundtitel\b"), "national_championships", "allround"),
    (re.compile(r"\b(?:nk|nederlandse kampioenschappen)\s+sprint\b|\bnederlands kampioen(?:e)?\s+sprint\b"
                r"|\bnederlandse sprinttitel\b"), "national_championships", "sprint"),
    (re.compile(r"\b(?:nk|nederlandse kampioenschappen)\s+afstanden\b|\bnk\b|\bnederlandse kampioenschappen\b"),
     "national_championships", None),
    (re.compile(r"\beuropees kampioen(?:e)?\s+shorttrack|\beuropese titel\s+(?:\w+\s+)?shorttrack"),
     "european_championships", "short_track"),
    (re.compile(r"\bwereldkampioen(?:e)?\s+shorttrack|\bwereldkampioenschap(?:pen)?\s+shorttrack"),
     "world_championships", "short_track"),
    # "de (regerend) wereldkampioen op de 10 kilometer" describes a skater, it does not name the event
    (re.compile(r"(?<!de )(?<!regerend )(?<!voormalig )\bwereldkampioen(?:e)?\s+(?:geworden\s+)?op\s+de\b|"
                r"\bwereldtitel\s+op\s+de\b|"
                r"(?<!de )(?<!regerend )(?<!voormalig )\bwereldkampioen(?:e)?\s+op\s+(?:de\s+)?\d"),
     "world_single_distances", None),
    (re.compile(r"\beuropees kampioen(?:e)?\s+(?:geworden\s+)?op\s+|\beuropese titel\s+op\s+de\b"),
     "european_championships", None),
    (re.compile(r"\bolympisch kwalificatietoernooi\b|\bokt\b|\bnederlandse titel\b|"
                r"\bnederlands kampioen(?:e)?" + _TITLE_WON_AFTER),
     "national_championships", None),
    (re.compile(r"\bwereldbeker|\bworld cup\b|\bwb-|\bworld tour\b"), "world_cup", None),
    (re.compile(r"\bolympische spelen\b|\bwinterspelen\b|\bolympisch(?:e)? (?:goud|zilver|brons|titel|toernooi)\b"
                r"|\bolympisch kampioen(?:e)?" + _TITLE_WON_AFTER),
     "olympics", None),
    (re.compile(r"\bvier continenten\b|\bfour continents\b"), "four_continents", None),
    (re.compile(r"\b(?:wk|wereldkampioenschappen|wereldkampioenschap)\b"), "world_championships", None),
    (re.compile(r"\b(?:ek|europese kampioenschappen)\b"), "european_championships", None),
    (re.compile(r"\bmarathon|\belfstedentocht\b|\bnatuurijs\b|\balternatieve elfstedentocht\b"), "other", "marathon"),
]


# Zero-width items a branch may open with: they hold at the position where its first word starts.
_ZERO_WIDTH_ITEM = re.compile(r"\\b|\(\?<[!=][^()]*\)")
_QUANTIFIERS = ("?", "*", "+", "{")


def _group_end(source: str) -> int | None:
    """Index of the parenthesis closing the group that opens ``source`` (None when unbalanced)."""
    depth, i, in_class = 0, 0, False
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _leading_word(source: str) -> str:
    """The letters every match of ``source`` starts with ('' when none are certain)."""
    m = re.match(r"[a-z]+", source)
    if not m:
        return ""
    word = m.group()
    if source[m.end():m.end() + 1] in _QUANTIFIERS:
        word = word[:-1]  # a quantifier may drop the last letter ("ab?")
    return word


def _anchor_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Words one of which every match of ``pattern`` starts with, at a word start: a match can only begin
    where the text has one of them after a word boundary. None when some branch does not begin so."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):  # letters would not stand for themselves
        return None
    words: list[str] = []
    for branch in split_alternatives(pattern.pattern):
        rest = branch
        items = []
        while m := _ZERO_WIDTH_ITEM.match(rest):
            items.append(m.group())
            rest = rest[m.end():]
        if "\\b" not in items:
            return None
        alternatives = [rest]
        if rest.startswith("(?:"):
            end = _group_end(rest)
            if end is None or rest[end + 1:end + 2] in _QUANTIFIERS:
                return None
            alternatives = split_alternatives(rest[3:end])
        for alternative in alternatives:
            word = _leading_word(alternative)
            if not word:
                return None
            words.append(word)
    return tuple(dict.fromkeys(words))


def _anchors_required(pattern: re.Pattern[str]) -> tuple[str, ...]:
    words = _anchor_words(pattern)
    if words is None:
        raise ValueError(f"competition pattern without anchor words: {pattern.pattern}")
    return words


_COMPETITION_ANCHORS = [_anchors_required(pattern) for pattern, _comp, _disc in _COMPETITIONS]
_COMPETITION_PLAN = [(entry, frozenset(words)) for entry, words in zip(_COMPETITIONS, _COMPETITION_ANCHORS, strict=True)]
_ALL_ANCHORS = frozenset(word for words in _COMPETITION_ANCHORS for word in words)
_PLANS_OF_ANCHOR = {word: frozenset(i for i, (_entry, anchors) in enumerate(_COMPETITION_PLAN) if word in anchors)
                    for word in _ALL_ANCHORS}
if not all(word.isalpha() and word.isascii() for word in _ALL_ANCHORS):
    raise ValueError("competition anchor words must be letters")
# Per anchor word, its occurrences at a word start: the literal first (re then jumps to it with a fast search),
# the boundary checked behind it. A word of letters has no word start inside it, so its occurrences found this
# way never overlap and non-overlapping matches are all of them.
_ANCHOR_AT_START = {word: re.compile(word + r"(?<=\b" + word + ")") for word in _ALL_ANCHORS}


def _word_starts(text: str, word: str) -> list[int]:
    """Positions where ``word`` (an anchor word) occurs at a word boundary (in text order)."""
    return [m.start() for m in _ANCHOR_AT_START[word].finditer(text)]


def competition_of(folded: str) -> tuple[str, str | None, int] | None:
    """The competition a text is about: (competition, discipline or None, position of the cue)."""
    # Whole articles are searched with ~25 patterns. Every match of one begins at a word start holding one of
    # its anchor words, so a pattern is only tried there, in text order: the first start where it matches is
    # where pattern.search would have found it. Patterns none of whose anchor words occur are skipped at once.
    present = frozenset(filter(folded.__contains__, _ALL_ANCHORS))  # the substring tests, in C
    if not present:
        return None
    starts: dict[str, list[int]] = {}
    # the patterns some of whose anchor words occur, in plan order
    for index in sorted(frozenset().union(*map(_PLANS_OF_ANCHOR.__getitem__, present))):
        (pattern, comp, disc), anchors = _COMPETITION_PLAN[index]
        candidates: list[int] = []
        for word in anchors & present:
            if word not in starts:
                starts[word] = _word_starts(folded, word)
            candidates += starts[word]
        for start in sorted(set(candidates)):
            if pattern.match(folded, start):
                return comp, disc, start
    return None


_SHORT_TRACK = re.compile(literal_led_pattern(r"\bshorttrack|\bshort track\b|\bshorttrackster|\bshorttracker"))


def discipline_of(folded: str, competition_discipline: str | None) -> str:
    """Discipline for an article: shorttrack and marathon words win, then the competition's own."""
    if "short" in folded and _SHORT_TRACK.search(folded):  # every branch spells "short"
        return "short_track"
    if competition_discipline:
        return competition_discipline
    return "long_track"


# the patterns below lead with their literals (fastre.literal_led): the same matches, found faster
_MEN = re.compile(literal_led_pattern(r"\b(?:mannen|heren|man|jongens|mannenrace|herenrace|mannenploeg|herenploeg)\b"))
_WOMEN = re.compile(literal_led_pattern(r"\b(?:vrouwen|dames|vrouw|meisjes|vrouwenrace|damesrace|vrouwenploeg|damesploeg|"
                    r"schaatssters|schaatsster|shorttrackster|shorttracksters|ploegachtervolgsters|"
                    r"sprintsters|sprintster|marathonschaatsster)\b"))


# Every word of _MEN / _WOMEN spells one of these: without them the regex cannot match.
_MEN_WORDS = ("man", "heren", "jongens")
_WOMEN_WORDS = ("vrouw", "dames", "meisjes", "ster")


def gender_cue(folded: str) -> str | None:
    """'men' / 'women' when the text names one gender (and not both)."""
    men = women = False
    for word in _MEN_WORDS:  # plain loops: a generator costs more than the substring tests themselves
        if word in folded:
            men = _MEN.search(folded) is not None
            break
    for word in _WOMEN_WORDS:
        if word in folded:
            women = _WOMEN.search(folded) is not None
            break
    if men and not women:
        return "men"
    if women and not men:
        return "women"
    return None


_WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5,
             "zondag": 6}
_WEEKDAY_RE = re.compile(r"\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(?:middag|avond|ochtend|morgen)?\b"
                         r"|\b(gisteren|eergisteren|gisteravond|twee dagen geleden)\b")


def weekday_of(folded: str) -> int | None:
    """Days before publication a sentence points at: weekday names and 'gisteren' (None when none)."""
    if "dag" not in folded and "gister" not in folded:  # every branch holds one of these
        return None
    m = _WEEKDAY_RE.search(folded)
    if not m:
        return None
    if m.group(1):
        return -100 - _WEEKDAYS[m.group(1)]  # resolved against the publication date by date_for_weekday
    word = m.group(2)
    if word == "eergisteren" or word == "twee dagen geleden":
        return 2
    return 1


def local_date(published: datetime | None) -> date | None:
    """Publication date in Dutch local time (CET/CEST approximated by the stored offset)."""
    if published is None:
        return None
    return published.date()


def date_for_weekday(published: date | None, code: int | None) -> date | None:
    """Resolve a weekday_of code against the publication date ('vrijdag' in a Sunday piece -> that Friday)."""
    if published is None or code is None:
        return None
    if code >= 0:
        return published - timedelta(days=code)
    weekday = -100 - code
    back = (published.weekday() - weekday) % 7
    return published - timedelta(days=back)


# r"(?<![\d.,])(19[5-9]\d|20[0-4]\d)..." with the look-behind moved past the first digit, so that the pattern opens
# with the digits re skips ahead to instead of a look-behind tried at every position
_YEAR = re.compile(r"(1(?<![\d.,]1)9[5-9]\d|2(?<![\d.,]2)0[0-4]\d)(?!\d|[.,]\d)")
# History cues. The ones led by a count ("drie jaar terug") are _HISTORY_COUNTED: in the same pattern a branch
# not led by a literal would have re try every branch at every position instead of skipping to the literals.
_HISTORY = re.compile(literal_led_pattern(
    r"\bvorig(?:e)? (?:seizoen|jaar|week|weekend|maand|winter|keer|editie|wereldbeker)\b|\been jaar geleden\b|"
    r"\bjaar geleden\b|\bjaren geleden\b|\bdestijds\b|\bin het verleden\b|\bafgelopen (?:weekend|seizoen|jaar|maand)\b|"
    r"\beerder dit seizoen\b|\beerder deze maand\b|\bvorige maand\b|\bde laatste (?:wk|ek|spelen)\b|"
    r"\bbij de vorige\b|\bweken geleden\b|\bmaanden geleden\b|"
    r"\bin de jaren\b|\bdit seizoen al\b|\bal eens\b|\bnet als vorig\b|\bbegin dit jaar\b|\bvorige winter\b|"
    r"\btwee keer eerder\b|\bseizoen(?:en)? geleden\b"
))
_HISTORY_COUNTED = re.compile(r"\b(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|\d{1,2}) "
                              r"(?:jaar|jaren|seizoen|seizoenen) (?:terug|eerder|daarvoor)\b")
# Every branch of _HISTORY and _HISTORY_COUNTED spells one of these words: without them neither can match (most
# sentences).
_HISTORY_WORDS = ("vorig", "geleden", "destijds", "verleden", "afgelopen", "eerder", "laatste", "jaren",
                  "dit seizoen al", "al eens", "begin dit jaar", "terug", "daarvoor")
_VAN_BEFORE = re.compile(r"\bvan\s+$")


def year_mentions(folded: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(folded)]


_LAST_WEEK = re.compile(literal_led_pattern(r"\bvorige week\b|\bafgelopen week\b|\b(?:olympische\s+)?(?:winter)?spelen\s+(?:van|in)\b|"
                        r"\bbij de spelen\b|\bop de spelen\b"))


def is_historical(folded: str, published_year: int | None, multi_day_event: bool = False) -> bool:
    """True when a sentence speaks of an earlier competition (a past year, last season, ...); last week is
    the same event at Games and championships that span weeks."""
    for word in _HISTORY_WORDS:  # a plain loop: a generator costs more than the substring tests themselves
        if word in folded:
            if _HISTORY.search(folded) or ("terug" in folded or "eerder" in folded or "daarvoor" in folded) and \
                    _HISTORY_COUNTED.search(folded):
                return True
            break
    if not multi_day_event and ("week" in folded or "spelen" in folded) and _LAST_WEEK.search(folded):
        return True
    if published_year is not None and ("19" in folded or "20" in folded):
        for m in _YEAR.finditer(folded):
            if int(m.group(1)) < published_year and not _VAN_BEFORE.search(folded[max(0, m.start() - 5):m.start()]):
                return True
    return False
