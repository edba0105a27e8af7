"""The engine: one article's sentences -> placings with their race context -> races.

Per sentence: quotes are blanked, entities (skaters, countries, times, margins, distances, points) are
found and replaced by tokens in a folded copy ("masked" text), then rank phrases are read clause by clause
and tied to their subject (the skater before the verb, after an inverted verb, a relative clause's
antecedent, or the skater a pronoun/demonym points back to). Context (distance, gender, round, B-group,
weekday, history) comes from the sentence, else from the current section.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from operator import attrgetter

from parsing import context as ctx
from parsing.fastre import WordGate, literal_led_pattern
from parsing.lexicon import (
    COUNTRY_NOUN_RE,
    country_name_en,
    country_noun,
    demonym,
    distance_mentions,
    known_skater,
)
from parsing.model import TEAM_DISTANCES, Placing, Race
from parsing.names import Person, Registry, candidate_spans
from parsing.ranks import BLOCK_RE, ORD, RankHit, find_ranks, ordinal_value, standings_in
from parsing.text import fold
from parsing.times import find_margins, find_times

__all__ = ["Engine", "Doc"]


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _re_search(pattern: str, text: str) -> re.Match[str] | None:
    return _rx(pattern).search(text)


def _re_match(pattern: str, text: str) -> re.Match[str] | None:
    return _rx(pattern).match(text)


def _re_fullmatch(pattern: str, text: str) -> re.Match[str] | None:
    return _rx(pattern).fullmatch(text)


def _re_finditer(pattern: str, text: str):  # noqa: ANN201
    return _rx(pattern).finditer(text)


def _re_findall(pattern: str, text: str) -> list:
    return _rx(pattern).findall(text)


def _re_sub(pattern: str, repl, text: str) -> str:  # noqa: ANN001
    return _rx(pattern).sub(repl, text)


def _re_split(pattern: str, text: str) -> list[str]:
    return _rx(pattern).split(text)


# ------------------------------------------------------------------------------------------ small helpers

_CHAR_FOLD: dict[str, str] = {}


_FOLD_TABLE: dict[int, str] = {}


def fold_keep(s: str) -> str:
    """Lower-case and strip accents one character at a time, so offsets stay valid."""
    if s.isascii():
        return s.lower()
    for ch in set(s):
        if ord(ch) not in _FOLD_TABLE:
            _FOLD_TABLE[ord(ch)] = _fold_char(ch)
    return s.translate(_FOLD_TABLE)


def _fold_char(s: str) -> str:
    out = []
    for ch in s:
        f = _CHAR_FOLD.get(ch)
        if f is None:
            d = unicodedata.normalize("NFKD", ch)
            base = "".join(c for c in d if not unicodedata.combining(c)) or ch
            f = base[0].lower() if base else ch
            if ch in "\u2019\u2018`\u00b4":
                f = "'"
            elif ch in "\u201c\u201d\u201e":
                f = '"'
            elif ch in "\u2013\u2014\u2011\u2010":
                f = "-"
            elif ch == "\u00a0":
                f = " "
            _CHAR_FOLD[ch] = f
        out.append(f)
    return "".join(out)


_QUOTE_CHAR = re.compile(r"[\"“”„'‘]")
_QUOTE_RE = re.compile(r"[\"“”„][^\"“”„]*[\"“”„]|(?<![\w])['‘][^'‘’\n]{4,}?['’](?![\w])")


def blank_quotes(s: str) -> str:
    """Quoted speech carries no results: blank it (same length, so offsets hold)."""
    if not _QUOTE_CHAR.search(s):  # most sentences quote nobody: one class scan instead of the full pattern
        return s
    return _QUOTE_RE.sub(lambda m: " " * len(m.group()), s)


def blank_paragraph_quotes(par: str) -> str:
    """Blank quoted speech across a whole paragraph; an unclosed quote runs to the paragraph's end."""
    out = blank_quotes(par)
    if out.count('"') + out.count("“") + out.count("”") + out.count("„") == 1:
        i = next(i for i, ch in enumerate(out) if ch in '"“”„')
        out = out[:i] + " " * (len(out) - i)
    return out


# The end mark is part of the match (one character before the gap) so that the engine can skip straight to
# the next "." "!" or "?" instead of testing a lookbehind at every position.
_SENT_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-ZÀ-ÖØ-Þ0-9])")


def sentence_spans(par: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(par):
        end = m.start() + 1
        seg = par[start:end]
        if seg and not seg.isspace():  # what seg.strip() tests, without the copy
            out.append((start, end))
        start = m.end()
    seg = par[start:]
    if seg and not seg.isspace():
        out.append((start, len(par)))
    return out


# ------------------------------------------------------------------------------------------------ model

@dataclass(slots=True)
class Ent:
    kind: str  # P C T M D N
    start: int
    end: int
    person: Person | None = None
    ioc: str | None = None
    value: int | None = None  # time / margin hundredths, points
    sign: int = 0
    code: str | None = None  # distance code
    ordinal: int | None = None  # distance round ordinal
    demonym_gender: str | None = None
    members: tuple[Person, ...] = ()
    tag: frozenset[str] = frozenset()


@dataclass(slots=True)
class Section:
    distance: str | None = None
    ambiguous: bool = False
    when: date | None = None
    round: int | None = None
    gender: str | None = None
    division: str | None = None
    junior: bool = False  # the paragraph is about a junior race ("Bij de junioren won ...")


@dataclass(slots=True)
class Raw:
    """A placing as read, with the context it was read in."""

    key: tuple
    rank: int
    person: Person | None
    ioc: str | None
    members: tuple[Person, ...]
    order: int
    time: int | None = None
    points: int | None = None
    gender_explicit: bool = False
    date: date | None = None
    historical: bool = False
    headline: bool = False
    orig: tuple = ()
    inherited: bool = False
    section: int = 0


@dataclass
class Doc:
    title: str
    paragraphs: list[str]
    published: date | None
    published_year: int | None
    competition: str = "other"
    discipline: str = "long_track"
    venue: str | None = None
    default_gender: str | None = None
    registry: Registry = field(default_factory=Registry)


# ------------------------------------------------------------------------------------------------ engine

_PREP_BEFORE = re.compile(r"(?:\bM\d+\s+(?:(?:de|het|haar|zijn)\s+)?(?:[\w-]+\s+)?$)|\bin\s+(?:(?:de|het)\s+)?(?:[\w-]+e\s+)?$|\b(?:dan|van|voor|achter|op|tegen|met|naar|bij|na|uit|als|zoals|aan|over|door|om|"
                          r"zonder|ondanks|dankzij|tussen|onder|boven|rond|rondom|volgens|namens|vanaf)\s+"
                          r"(?:(?:de|het|een|haar|zijn|hun)\s+)?(?:(?:olympisch|regerend|voormalig|(?:twee|drie|vier|meer)voudig)\s+)?"
                          r"(?:[\w-]+e\s+)?(?:[\w-]+\s+)?$")
_NP_LEAD = re.compile(r"^(?:(?:bij|op|in|met|na|over)\s+[a-z0-9 ,'-]*?\s+)?(?:de|het)\s+((?:[a-zA-Z0-9'-]+\s+){0,4}?[a-z'-]+)\s+"
                      r"(?:won|wint|werd|was|is|klokte|klokt|reed|rijdt|pakte|pakt|eindigde|zegevierde|zegeviert|"
                      r"kwam|bleef|ging|veroverde|greep|noteerde|finishte|schreef|versloeg|hield)\b")
_AFTER_RELATIVE_VERB = re.compile(r"(?:dook|kwam|bleef|ging|reed|won|werd|was|stond|nam|hield|greep|sprong|viel|"
                                  r"klokte|pakte|eindigde|noteerde|finishte|[a-z]{3,}(?:de|te))\b")
_TEAM_NP_LEAD = re.compile(r"^(?:ook\s+)?(?:de\s+(?:\w+\s+)?(?:ploeggenoten|teamgenoten|teamgenotes|ploeggenotes)|"
                           r"het\s+(?:\w+\s+)?(?:trio|kwartet)|de\s+(?:\w+\s+)?ploeg)\b(?!\s+[PC]\d)")
_ROLE_NP = re.compile(r"^(?:(?:[\w-]+\s+){0,8}?)(?:de|het)\s+(?:[\w'-]+\s+){0,2}?(?:winnaar|winnares|nederlander|"
                      r"nederlandse|fries|friezin|kampioen|kampioene|sprinter|sprintster|schaatser|schaatsster|"
                      r"titelverdediger|titelhoudster|olympisch kampioen|wereldkampioen|wereldkampioene|"
                      r"\d+-jarige|routinier|debutant|debutante|favoriet|brabander|brabantse|groninger|drent|"
                      r"limburger|noord-hollander|noord-hollandse|zuid-hollander|overijsselaar|tukker|"
                      r"amsterdammer|recordhouder|wereldrecordhouder|shorttrackster|shorttracker)\b")
# Clause delimiters. The whitespace before a delimiter is not part of the pattern (a leading \s* makes the
# engine try every position of the sentence); _clauses() widens each match over it instead.
_SPLIT_CLAUSE = re.compile(r"(?:,(?!\d)|;|:(?!\s*(?:T\d+(?:\s+(?:tegen|om)\s+T\d+)?|goud|zilver|brons)\s*$)|\s-\s|(?<!alleen )\bmaar\b|\bwant\b|(?=\b(?:terwijl|waarna|waarop|toen|nadat|omdat|"
                           r"hoewel|totdat|zodat|voordat|doordat)\b))\s*")
_FEMALE_WORDS = WordGate(re.compile(r"\b(?:schaatsster|shorttrackster|kampioene|wereldkampioene|landgenote|winnares|"
                           r"sprintster|friezin|titelhoudster|debutante|concurrente|russin|ploeggenote|"
                           r"schaatsters)\b"),
                         # gate words: each branch holds one (fewer substring tests than its first words)
                         words=("ster", "kampioene", "genote", "winnares", "friezin", "debutante", "concurrente", "russin"))
_GENDER_PHRASE = re.compile(r"\b(?:bij|voor|van)\s+de\s+(mannen|vrouwen|dames|heren)\b|\b(mannen|vrouwen|dames|heren)"
                            r"(?:race|toernooi)?\b|\b(?:de|het)\s+(?:nederlandse\s+)?(mannen|vrouwen|dames|heren)\b")
_DIVISION = re.compile(r"\b([ab])-(?:groep|divisie|finale|final)\b")
_HIST_CLAUSE = re.compile(r"\btoen\s+(?:hij|zij|ze)\b|(?<=\w)\s+toen\b")
_RECORD_TIME = re.compile(r"(?:\b(?:oude|vorige)\s+(?:\w+\s+)?(?:record|wereldrecord|toptijd|baanrecord)|record(?:tijd)?\s+"
                          r"(?:\(|van\b|uit\b|stond)|record\s+van\s+\S+\s+\(?$|\bstond\s+(?:sinds|op)|toptijd|\bpr\b|"
                          r"\bsinds\b|\buit\s+(?:19|20)\d\d|\bdoorkomst|\bopening\b|\bopende\b|\bronde(?:tijd)?\b|\brondje\b|"
                          r"\bpassage\b|\btussentijd|\bonder de\b|\bboven de\b|\bzijn\s+(?:\w+\s+)?record\b|"
                          r"\bhaar\s+(?:\w+\s+)?record\b)[^.;:]{0,25}$|\b(?:oude|vorige)\s+(?:\w+\s+)?(?:record|wereldrecord|toptijd|baanrecord)\s*:\s*$|"
                          r"recordhouder\b[^.;:]{0,40}$")
_FUTURE = WordGate(re.compile(r"\bvolgend(?:e)?\s+(?:jaar|seizoen|week|weekend|maand)\b|\b(?:kan|kunnen|zal|zullen|wil|willen|"
                     r"hoopt|gaat)\b.*\b(?:voltooien|winnen|pakken|rijden|verdedigen|starten|uitkomen|proberen)\b|\bstaat\b.*\bop het programma|"
                     r"\bstaan\b.*\bop het programma|\bmorgen\b|\bkomend(?:e)?\b|\bvolgende\b"),
                   words=("volgend", "kan", "kunnen", "zal", "zullen", "wil", "hoopt", "gaat", "staa", "morgen",
                          "komend"))
_DUTCH_CONTEXT = re.compile(literal_led_pattern(r"\bnederland|\boranje|\bteamnl\b"))
_COUNTERFACTUAL_IF = re.compile(r"(?:en\s+)?(?:als|indien)\s+(?:hij|zij|ze|[PC]\d+)\b.*\b(?:had|hadden|was|waren)\s+\w+$")
_NOW = re.compile(r"\b(?:nu|vandaag|ditmaal|deze keer|dit keer)\b")
_THOUSANDTHS = re.compile(r"[.,]\d{3}(?!\d)")
_ROUND_WORDS = re.compile(r"\b(eerste|tweede)\s+omloop\b|\bbeide\s+D(\d+)")
_POINTS_RE = re.compile(r"(?<![\d,.])(\d{1,3})(,\d{1,3})?\s+punt(?:en)?\b")
_NEG_STANDING_WORDS = re.compile(r"\bwereldbekerklassement|\beindklassement\s+(?:van|in)\s+de\s+wereldbeker|"
                                 r"\bin het klassement van de\b|\bwereldbekerstand")


def _neg_standing(text: str) -> bool:
    """World Cup standings words; every branch holds 'klassement' or 'wereldbekerstand'."""
    return ("klassement" in text or "wereldbekerstand" in text) and bool(_NEG_STANDING_WORDS.search(text))


# -- patterns of Engine.sentence, compiled once (the _re_* helpers look each pattern up again on every call)
_S_LIKE_YEAR = re.compile(r"\b(?:net als|evenals|zoals)\s+(?:in\s+)?(?:vorig(?:e)?\s+(?:jaar|seizoen|week|editie)|"
                          r"(?:19|20)\d\d)")
_S_RECORD_YEAR = re.compile(r"(?:\buit|\bsinds|\bvan)\s+(?:\w+\s+)?(?:19|20)\d\d|\((?:19|20)\d\d\)")
_S_LIKE_DAY = re.compile(r"\b(?:net als|zoals|evenals)\s+(?:op\s+)?(?:maandag|dinsdag|woensdag|donderdag|vrijdag|"
                         r"zaterdag|zondag|gisteren)")
_S_RELATIVE = re.compile(r"(?:die|dat)\b")
_S_LEAD_NOUN = re.compile(r"(?:(?:de|het)\s+[\w-]+\s+)?[PC]\d+")
_S_WHERE_WHEN = re.compile(r"(?:waar|toen)\b")
# The patterns below lead with their literal: "T(?<!\wT)" is r"\bT" (and fastre.literal_led the same for words),
# the same matches, but re skips ahead to the literal instead of trying every position.
_S_DIST_TOKEN = re.compile(r"D(?<!\wD)\d+\b")
_S_DIST_START = re.compile(r"D(?<!\wD)\d+")
_S_TIME_START = re.compile(r"T(?<!\wT)\d+")
_S_TIME_TOKEN = re.compile(r"T(?<!\wT)\d+\b")
_S_WON = re.compile(literal_led_pattern(r"\b(?:won|werd|pakte)\b"))
_S_THEN_WAS = re.compile(r"(?:dan\s+)?(?:was|waren|had|hadden|zou|zouden)\b")
# every _COUNTERFACTUAL_IF match opens with one of these
_S_IF_STARTS = ("en", "als", "indien")
_S_TITLE_WON = re.compile(literal_led_pattern(
    r"\b(?:veroverde|verovert|veroverd|greep|grijpt|gegrepen|pakte|pakt|gepakt|prolongeerde|"
    r"heroverde|won|wint|gewonnen|behaalde)\s+(?:[\w-]+\s+){0,4}?(D\d+)|"
    r"\b(?:heeft|hebben|had)\s+(?:[\w-]+\s+){0,5}?(D\d+)\s+(?:[\w-]+\s+){0,3}?(?:veroverd|gepakt|"
    r"gewonnen|gegrepen|behaald|geprolongeerd|opgeeist)\b|"
    # "verzekerde zich (als eerste ...) van de wereldtitel overall"
    r"\bverzeker(?:de|t|den)\s+(?:\w+\s+)?zich\s+(?:[\w-]+\s+){0,8}?van\s+(?:de|het)\s+(D\d+)"))
_S_SAME_TIME = re.compile(literal_led_pattern(r"\bdezelfde tijd\b|\b(?:allebei|beiden|beide)\s+T\d+"))
_S_SHARED = re.compile(literal_led_pattern(r"\b(?:deelden|deelde|gedeelde)\b"))  # each spells "deel"
_S_BOTH_DISTS = re.compile(literal_led_pattern(r"\bbeide\s+D\d+"))
_S_TEAM_LIST = re.compile(r"^(?:(?:\w+\s+){0,3}?)((?:P\d+)(?:\s*,\s*P\d+)*\s+en\s+P\d+)\b")
_S_PERSON_TOKEN = re.compile(r"P\d+")
_S_DUEL = re.compile(r"(T(?<!\wT)\d+)\s+(?:tegen|om)\s+(T\d+)\b")
_S_TIME_IN_PARENS = re.compile(r"([PC]\d+)\s+\((T\d+)\)")
_S_ALREADY = re.compile(r"\b(?:al|eerder|ook al)\b")
_S_DAY_OPENING = re.compile(r"^\W*(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|gisteren|eergisteren)")
_S_TITLE_CODES = ("allround_classification", "sprint_classification")
# a word that may state a fact (besides an entity token), split as re is slow on a long alternation tried at every position: the
# branches that match anywhere as plain substrings, and the rest that all start at a word boundary
_S_FACT_WORDS = ("gewonnen", "veroverd", "gepakt", "ploeg", "oranje", "kampioen", "titel")
_S_FACT_STARTS = re.compile(r"\b(?:(?:hij|zij|ze|naam|tijd|reed|nummer)\b|w[oi]n|werd|goud|zilver|brons|podium|"
                            r"snelste|beste|sterkste|zege|eindigde|plaats|klokte)")
# the list words _special reads, besides the substrings "respectievelijk", "(" and "kampioen": r"\b(?:en|voor|achter)\b"
# as one pattern per word, each led by its literal (re then skips ahead to it instead of trying every position)
_S_HINT_EN = re.compile(r"en(?<!\wen)\b")
_S_HINT_VOOR = re.compile(r"voor(?<!\wvoor)\b")
_S_HINT_ACHTER = re.compile(r"achter(?<!\wachter)\b")
# Where a clause delimiter (_SPLIT_CLAUSE) may start: the literals each of its branches opens with, each with the
# context its branch needs around it (a word boundary before and after a word, no digit after a comma, whitespace
# around a dash, whose branch starts one character before it). The literals in between could never delimit.
_S_SPLIT_LITERAL = re.compile(r",(?!\d)|;|:|-(?<=\s-)(?=\s)|" + "|".join(
    w + r"(?<!\w" + w + r")\b" for w in ("maar", "want", "terwijl", "waarna", "waarop", "toen", "nadat", "omdat",
                                           "hoewel", "totdat", "zodat", "voordat", "doordat")))
# _S_SPLIT_LITERAL without its words, for a text that holds none: its first characters are rare, those of the
# words are not
_S_SPLIT_PUNCT = re.compile(r",(?!\d)|;|:|-(?<=\s-)(?=\s)")
# Words before a distance that make it not a race result ("voor de 500 meter", "focussen op de 1500 meter"): the
# text before the distance ends in one of
#   \b(?:vlak\s+)?(?:voor|na|voorafgaand aan|na afloop van)\s+de\s+(?:\w+\s+)?$
#   \b(?:richten|concentreren|focussen|voorbereiding|voorbereiden)\s+(?:\w+\s+)?op\s+de\s+$
#   \b(?:revanche|gebrand|klaar|op weg|ambities?|doel)\s+(?:\w+\s+){0,2}?op\s+de\s+$
#   \bafzien\s+van\s+de\s+$
# Searching for them tries every position of that text. _S_NOT_RACE_REV is the same language written backwards
# ("ed" is "de", "kalv" is "vlak"; the word boundary before the first word becomes "no word character after it"):
# it is matched once, at the start of the reversed text.
_S_NOT_RACE_DE = ("voor", "na", "voorafgaand aan", "na afloop van")
_S_NOT_RACE_AIM = ("richten", "concentreren", "focussen", "voorbereiding", "voorbereiden")
_S_NOT_RACE_AIM_FAR = ("revanche", "gebrand", "klaar", "op weg", "ambitie", "ambities", "doel")
_S_NOT_RACE_REV = re.compile(
    r"\s+(?:(?:\w+\s+)?ed\s+(?:" + "|".join(w[::-1] for w in _S_NOT_RACE_DE) + r")(?:\s+kalv)?|"
    r"ed\s+po\s+(?:(?:\w+\s+)?(?:" + "|".join(w[::-1] for w in _S_NOT_RACE_AIM) + r")|"
    r"(?:\w+\s+){0,2}(?:" + "|".join(w[::-1] for w in _S_NOT_RACE_AIM_FAR) + r"))|"
    r"ed\s+nav\s+neizfa)(?!\w)")


def _not_a_race_before(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends in words that make the distance after it no race result."""
    return end > 0 and _S_NOT_RACE_REV.match(text[end - 1::-1]) is not None


# every _NP_LEAD match opens with one of these words
_S_NP_LEAD_STARTS = ("de", "het", "bij", "op", "in", "met", "na", "over")
# r"\sen\s" led by its literal, so that re skips ahead to each "en" (the same yes/no answer)
_S_EN_WORD = re.compile(r"en(?<=\sen)\s")

# Compiled once (the _re_search helpers look the pattern up again on every call).
_E_NOUN_END = re.compile(r"(?:teit|heid|schap|isme|spelen|ploeg|kwartet|trio|team|equipe|bond|ers|ijs)$")
_E_AGENT_END = re.compile(r"(?:houder|kampioen|kampioene|coach|trainer|er|ster|ling)$")
_E_APPROX_BEFORE = re.compile(r"(?:bijna|ruim|ongeveer|circa|zo'n|meer dan|minder dan|dik|krap)\s+(?:een\s+)?$")
_E_YEAR_AFTER = re.compile(r"\s*\)?\s*(?:uit|in|van)\s+(?:\w+\s+)?(?:19|20)\d\d")
_E_VAN_STOND_AFTER = re.compile(r"\)?\s*(?:van|stond)\b")
_E_RECORD_WORD = re.compile(r"record|toptijd")
# Every branch of _RECORD_TIME spells one of these: a window holding none of them cannot match it.
_E_RECORD_GATE = ("record", "toptijd", "stond", "pr", "sinds", "uit", "doorkomst", "open", "rond", "passage",
                  "tussentijd", "onder de", "boven de")
_E_LIST_BEFORE = re.compile(r"(?:\d[\d.]*\s*(?:,|en|of|t/m|tot)|\bkeer)\s*$")
# _E_LIST_BEFORE ends in one of these characters plus \s*: the last non-space character must be one of them.
_E_LIST_LAST = frozenset(",nfmtr")
_E_ARTICLE_BEFORE = re.compile(r"\b(?:de|De|het|Het)\s+(?:[\w-]+\s+)?$")
# _STAFF_BEFORE's words: its match ends with one of them right before the trailing whitespace (entities).
_E_STAFF_WORDS = ("bondscoach", "coach", "hoofdcoach", "trainer", "trainster", "ploegleider", "teamleider",
                  "teammanager", "directeur", "voorzitter", "commentator", "analist", "journalist", "verslaggever",
                  "scheidsrechter")
_E_RECORD_TAG = frozenset({"record"})
_E_NO_TAG: frozenset[str] = frozenset()
_E_BY_START = attrgetter("start")


@lru_cache(maxsize=16384)
def _e_name_key(words: tuple[str, ...]) -> str | None:
    """The folded form of a name run, or None when it names a venue, a non-person or a country. Keyed on
    the words: the same names come back sentence after sentence."""
    text = " ".join(words)
    ftext = fold(text)
    if ftext in ctx.VENUES or ftext in _NOT_PEOPLE or country_noun(text):
        return None
    return ftext


_E_SHE_LEAD = re.compile(r"\s*(?:(?:\w+\s+){0,3})(?:zij|ze)\b")
_E_HAAR = re.compile(r"\bhaar\b")
_E_HE_LEAD = re.compile(r"\s*(?:(?:\w+\s+){0,3})hij\b")
_E_ZIJN_WORD = re.compile(r"\bzijn\s+\w+")
_E_ZIJN_NOT_POSSESSIVE = re.compile(r"\bzijn\s+(?:de|het|geen|er|niet|ze|zij)\b")


class Engine:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.reg = doc.registry
        self.raws: list[Raw] = []
        self.times: dict[tuple, dict[object, tuple[int, int]]] = {}  # race key -> pid -> (time, order)
        self.margins: list[tuple] = []  # pending derived times
        self.order = 0
        self.focus: Person | None = None
        self.focus_team: Ent | None = None
        self.section = Section()
        self.gender_votes: dict[int, dict[str, int]] = {}
        self.last_race: dict[int, str] = {}
        self.sentence_subject: Ent | None = None
        self._after_relative = False
        self._prev_clause = ""
        self.last_group: list[Ent] = []
        self.focus_team_code: str | None = None
        self.section_idx = 0
        self.body_mentions: set[int] = set()
        self.sentence_clock = 0
        self.team_members: dict[tuple, tuple[Person, ...]] = {}
        self.points: dict[tuple, int] = {}
        self.section_km: dict[int, set[str]] = {}
        self._dutch = False  # the current sentence speaks of the Dutch team
        self._junior = False  # the current sentence is about juniors: its results are not the senior race's
        self._junior_doc = "junior" in fold(doc.title or "")
        self.timed: list[dict[object, Ent]] = [{}, {}]  # who got a time in the previous / this sentence
        self.raced: dict[int, str] = {}  # skater -> distance last named in a clause about them
        self.team_newer = False  # the team was in focus more recently than a skater
        self.staff: set[int] = set()  # people named with a staff role ("bondscoach Jeroen Otter"): not skaters

    # ---------------------------------------------------------------------------------- registry pass
    def collect_names(self, sentences: list[str]) -> None:
        """First pass: register full names (two words or more) so surname mentions resolve."""
        add_full = self.reg.add_full
        for sent in sentences:
            for start, _end, words in _cached_spans(sent):  # what self._spans gives, without the extra call
                if len(words) >= 2:
                    if start == 0 and len(words) >= 3 and fold(words[0]) not in ("de", "van", "ter", "ten", "den") \
                            and not self._looks_first_name(words[0]):
                        words = words[1:]
                    add_full(words)  # candidate_spans gives tuples already

    @staticmethod
    def _looks_first_name(word: str) -> bool:
        folded = fold(word)
        return not _E_AGENT_END.search(folded) or folded in ("peter", "sverre", "alexander", "jennifer", "esther", "jasper")

    # ---------------------------------------------------------------------------------- entities
    def entities(self, sent: str, folded: str, headline: bool) -> list[Ent]:
        ents: list[Ent] = []
        taken: list[tuple[int, int]] = []

        def free(a: int, b: int) -> bool:
            for s, e in taken:  # noqa: SIM110 - a loop, not all(genexpr): the list is short
                if b > s and a < e:
                    return False
            return True

        for mg in find_margins(sent):
            if _E_APPROX_BEFORE.search(folded[max(0, mg.start - 14):mg.number_start or mg.start]):
                continue
            ents.append(Ent("M", mg.start, mg.end, value=mg.hundredths, sign=mg.sign))
            taken.append((mg.start, mg.end))
        for a, b, hund in find_times(sent):
            if not taken or free(a, b):
                before = folded[max(0, a - 45):a]
                record = False
                for word in _E_RECORD_GATE:
                    if word in before:
                        record = _RECORD_TIME.search(before) is not None
                        break
                tag = _E_RECORD_TAG if record or _E_YEAR_AFTER.match(folded, b, b + 25) or \
                    _E_VAN_STOND_AFTER.match(folded, b, b + 12) and _E_RECORD_WORD.search(before) else _E_NO_TAG
                if _THOUSANDTHS.search(sent, a, b):
                    tag = tag | {"precise"}
                ents.append(Ent("T", a, b, value=hund, tag=tag))
                taken.append((a, b))
        for a, b, code, ordn, mixed in distance_mentions(sent):
            before = sent[max(0, a - 12):a]
            trimmed = before.rstrip()
            if trimmed and trimmed[-1] in _E_LIST_LAST and _E_LIST_BEFORE.search(before):
                continue  # "(500, 1.500, 5.000 en 10.000 meter)": a list, not a race
            if not taken or free(a, b):
                if code in ("classification", "allround_classification", "sprint_classification") and \
                        self.doc.competition == "world_cup":
                    continue
                if code == "classification":
                    code = "sprint_classification" if self.doc.discipline == "sprint" else "allround_classification"
                ents.append(Ent("D", a, b, code=code, ordinal=ordn, demonym_gender="mixed" if mixed else None))
                taken.append((a, b))
        for m in (_POINTS_RE.finditer(folded) if "punt" in folded else ()):
            if free(m.start(), m.end()):
                ents.append(Ent("N", m.start(), m.end(), value=None if m.group(2) else int(m.group(1))))
                taken.append((m.start(), m.end()))
        for m in COUNTRY_NOUN_RE.finditer(sent):
            a, b = m.span()
            if not taken or free(a, b):
                ioc = "NED" if m.group(1) == "Oranje" else country_noun(m.group(1))
                if ioc:
                    ents.append(Ent("C", a, b, ioc=ioc))
                    taken.append((a, b))
        has_uit = "uit" in sent
        reg = self.reg
        for start, end, words in _cached_spans(sent):  # what self._spans gives, without the extra call
            if taken and not free(start, end):
                continue
            person = self._resolve(words, start, headline, sent)
            if person is None:
                continue
            ent = Ent("P", start, end, person)  # positional: cheaper than the keyword
            reg.touch(person)
            # _STAFF_BEFORE needs trailing whitespace with a staff word before it: C-level string tests first
            window = folded[max(0, start - 30):start]
            trimmed = window.rstrip()  # str.rstrip() strips exactly what \s matches
            if len(trimmed) != len(window) and trimmed.endswith(_E_STAFF_WORDS) and _STAFF_BEFORE.search(window):
                self.staff.add(person.pid)
            # A demonym right before the name: "de Japanner Joji Kato", "De Noorse Ragne Wiklund".
            pre = _word_before(sent, start)
            if pre:
                dm = demonym(pre[1])
                if dm and not dm[3]:
                    ent.start = pre[0]
                    art = _E_ARTICLE_BEFORE.search(sent, 0, ent.start)
                    if art:
                        ent.start = art.start()
                    if person.country is None:
                        person.country = dm[0]
                    if dm[1]:
                        self._vote(person, dm[1], 3)
            post = _UIT_COUNTRY.match(sent, end) if has_uit else None
            if post and country_noun(post.group(1)) and person.country is None:
                person.country = country_noun(post.group(1))
            if not taken or free(ent.start, ent.end):
                ents.append(ent)
                taken.append((ent.start, ent.end))
        if len(ents) > 1:
            ents.sort(key=_E_BY_START)
        return ents

    def _resolve(self, words: tuple[str, ...], start: int, headline: bool, sent: str) -> Person | None:
        ftext = _e_name_key(words)
        if ftext is None:
            return None
        person = self.reg.lookup_folded(ftext, self.section.gender)
        if person is not None:
            # the cheap length test first: the folded name is compared only when the run is longer
            if len(words) >= 2 and len(words) > len(person.tokens) and fold(person.name) != ftext:
                person = self.reg.add_full(words)
            return person
        if len(words) >= 2:
            if start == 0 and len(words) >= 3 and not self._looks_first_name(words[0]):
                return self._resolve(words[1:], start, headline, sent)
            return self.reg.add_full(words)
        word = words[0]
        # word is the whole run here: _e_name_key has ruled out a country and a venue already
        if _is_demonym_word(word):
            return None
        if len(word) < 3 or not word[0].isupper():
            return None
        # A lone capitalised word: a name mid-sentence or in a headline; at a sentence start only when
        # a verb follows directly (a guess kept narrow on purpose).
        if start == 0 and not headline:
            return None  # a lone capitalised word opening a sentence is a name only when registered
        if _E_NOUN_END.search(fold(word)) or \
                "-" in word and fold(word.split("-")[-1]) in _NOUN_TAILS:
            return None
        if start == 0 and headline and not _HEADLINE_VERB_AFTER.match(sent, len(word)):
            return None
        if known := known_skater(word):
            del known
        return self.reg.add_single(word)

    def _article_race(self) -> tuple[str, int | None] | None:
        """The one race the headline and lead name, if they name exactly one: a subhead that only names a gender
        ("Vrouwen", "Bij de mannen") splits that race's report, it does not leave it."""
        doc = self.doc
        named = {(c, o if o in (1, 2) else None) for text in (doc.title, doc.paragraphs[0] if doc.paragraphs else "")
                 for _a, _b, c, o, _m in distance_mentions(text)}
        if len(named) != 1:
            return None
        race = next(iter(named))
        return None if "classification" in race[0] else race

    def _gender_votes(self, person: Person) -> dict[str, int]:
        """The article's votes for a skater's gender, with a known skater's own gender weighing 4."""
        votes = dict(self.gender_votes.get(person.pid, {}))
        ks = known_skater(person.name) if len(person.tokens) >= 2 else None
        if ks and ks[0] in ("men", "women"):
            votes[ks[0]] = votes.get(ks[0], 0) + 4
        return votes

    def _person_gender(self, e: Ent) -> str | None:
        """A skater's gender when the known skaters or the article's own cues so far give only one."""
        if e.kind != "P" or e.person is None:
            return None
        votes = self._gender_votes(e.person)
        return next(iter(votes)) if len(votes) == 1 else None

    def _man_and_woman(self, ents: list[Ent]) -> bool:
        """Whether two skaters are known to be one man and one woman."""
        return {self._person_gender(e) for e in ents} == {"men", "women"} and len(ents) == 2

    def _vote(self, person: Person, gender: str, weight: int = 1) -> None:
        votes = self.gender_votes.setdefault(person.pid, {})
        votes[gender] = votes.get(gender, 0) + weight

    # ---------------------------------------------------------------------------------- sentences
    def run(self) -> list[Race]:
        doc = self.doc
        body_sentences: list[tuple[int, bool, str]] = []  # (paragraph index, is_subhead, sentence)
        for pi, par in enumerate(doc.paragraphs):
            sub = _is_subhead(par, pi)
            if sub:
                body_sentences.append((pi, sub, par))
                continue
            blanked = blank_paragraph_quotes(par)
            for a, b in sentence_spans(par):
                body_sentences.append((pi, sub, blanked[a:b].strip()))
        self.collect_names([s for _, _, s in body_sentences] + [doc.title])
        # the headline first: it sets the scene, but its placings merge into the body's races
        title_sents = [doc.title] if doc.title else []
        self.section = Section()
        if doc.title and doc.paragraphs and not distance_mentions(doc.title):
            # a headline without a distance speaks of the one race its lead names ("Winst voor X" + "... de 500 meter")
            lead = {(c, o if o in (1, 2) else None) for _a, _b, c, o, _m in distance_mentions(doc.paragraphs[0])}
            if len(lead) == 1 and "classification" not in next(iter(lead))[0]:
                self.section.distance, self.section.round = next(iter(lead))
        for t in title_sents:
            self.sentence(t, headline=True, subhead=False)
        self.section = Section()
        last_par = -1
        for pi, sub, s in body_sentences:
            if pi != last_par:
                self.section.division = None
                self.section.junior = False
                last_par = pi
            if sub and not s.rstrip().endswith("- NOS"):  # video captions do not open a new section
                self.section = Section()
                self.section_idx += 1
                gender = _GENDER_SUBHEAD.fullmatch(fold(s).strip(" .:"))
                article_race = self._article_race() if gender else None
                if gender and article_race is not None:
                    self.section.distance, self.section.round = article_race
                    self.section.gender = "men" if gender.group(1) in ("mannen", "heren") else "women"
                    # and the day the lead gave that race ("zaterdag"), when it gave one
                    days = {r.key[4] for r in self.raws if r.key[0] == article_race[0] and not r.key[5] and r.key[4]}
                    self.section.when = days.pop() if len(days) == 1 else None
            self.sentence(s, headline=sub, subhead=sub)
        return self.assemble()

    def sentence(self, raw: str, headline: bool, subhead: bool) -> None:
        stripped = raw.rstrip()
        if stripped.endswith("- NOS"):
            raw = stripped[:-5]
            headline = True
        sent = blank_quotes(raw)
        folded = fold_keep(sent)
        if not folded.strip():
            return
        self.sentence_clock = self.reg.clock
        self.timed = [self.timed[1], {}]
        if "junior" in folded and _JUNIOR_SCENE.search(folded):
            self.section.junior = True
        self._junior = self._junior_doc or self.section.junior or "junior" in folded
        self._dutch = ("nederland" in folded or "oranje" in folded or "teamnl" in folded) and \
            bool(_DUTCH_CONTEXT.search(folded))
        ents = self.entities(sent, folded, headline)
        masked, index = _mask(folded, ents)
        dists: list[Ent] = []
        first_person: Ent | None = None
        for e in ents:
            if e.kind == "P":
                if first_person is None:
                    first_person = e
            elif e.kind == "D":
                dists.append(e)
        if not headline:
            mentions = self.body_mentions
            for e in ents:
                if e.kind == "P":
                    if e.person is not None:
                        mentions.add(e.person.pid)
                elif e.kind == "D" and e.code and e.code.startswith("other:") and e.code.endswith("km") and \
                        "elfsteden" not in folded[e.start:e.end]:
                    self.section_km.setdefault(self.section_idx, set()).add(e.code)
        # -- sentence context
        gender = _gender_of(folded)
        dm = _DIVISION.search(folded) if "a-" in folded or "b-" in folded else None
        if dm and dm.group(1) == "b":
            self.section.division = "B"
        if gender and not headline:
            self.section.gender = gender
        if self.focus is not None:  # (_pronoun_gender votes for the focus only)
            self._pronoun_gender(folded)
        if not headline:
            fw = _FEMALE_WORDS.search(folded)
            if fw:
                fw_person = next((e.person for e in ents if e.kind == "P" and e.start < fw.start()), None) or \
                    self.focus
                if fw_person is not None:
                    self._vote(fw_person, "women", 2)
        # -- clauses (a sentence naming no skater, country, time or points can only move the context)
        # (an entity token or a fact word)
        if _HAS_TOKEN.search(masked) or any(w in masked for w in _S_FACT_WORDS) or _S_FACT_STARTS.search(masked):
            clauses = _clauses(masked)
        else:
            clauses = []
        # _special only places skater and country tokens; it needs a list word
        special = ("P" in masked or "C" in masked) and (
            " en " in masked or "respectievelijk" in masked or "(" in masked or "kampioen" in masked or
            "gevolgd door" in masked or "voorgaan" in masked or
            bool(_S_HINT_EN.search(masked) or "voor" in masked and _S_HINT_VOOR.search(masked) or
                 "achter" in masked and _S_HINT_ACHTER.search(masked)))
        # The context below only matters to clauses, to the list reader and to distances named: a sentence
        # with none of them (a quote, a scene) skips it. Every value is a pure function of the sentence.
        standings_sent = False
        if clauses or special:
            # (_classification_ok is False whenever this holds: World Cup standings or a negated standing)
            standings_sent = self.doc.competition == "world_cup" and standings_in(folded) or \
                bool(_neg_standing(folded))
            special = special and (not standings_sent or "respectievelijk" in masked)
        olympics = self.doc.competition in ("olympics",)
        hist = False
        future: bool | None = None  # a future cue ("volgend seizoen", "morgen"): looked for when first needed
        if clauses or special or dists:
            year_free = _strip_sinds(folded) if "sinds" in folded else folded  # (its own gate, without the call)
            # (each substitution only when its pattern's words occur: a year or "vorig")
            if _like_words(year_free) and ("19" in year_free or "20" in year_free or "vorig" in year_free):
                year_free = _S_LIKE_YEAR.sub(" ", year_free)
            if ("record" in folded or "toptijd" in folded) and ("19" in year_free or "20" in year_free):
                year_free = _S_RECORD_YEAR.sub(" ", year_free)
            hist = ctx.is_historical(year_free, self.doc.published_year, olympics)
        consumed: set[int] = set()
        ranked_in: dict[int, str] = {}  # the race each entity got its rank in, by the clause loop below
        if special:
            future = bool(_FUTURE.search(folded))
            when = ctx.date_for_weekday(self.doc.published, ctx.weekday_of(folded))
            if when is not None and self.doc.published is not None and when == self.doc.published:
                when = None
            consumed |= self._special(masked, index, hist, future, when, headline, dists, standings_sent)
        prev_subject: Ent | None = None
        sentence_subject: Ent | None = None
        sentence_rank_given = False
        standings = False
        n_raws = len(self.raws)
        earlier: Ent | str | None = None
        dist: Ent | str | None
        self.sentence_subject = None
        self._after_relative = False
        self._prev_clause = ""
        when = None
        hist_seen = False
        won_prev: tuple[Ent, int] | None = None  # the clause before won a race: "won de D0 en de D1"
        counterfactual = False
        hist_clauses_have_cue: bool | None = None  # worked out when first needed
        n_gendered = -1  # clauses naming a gender, counted when first needed
        live_dists: set[str] = set()
        main_dists: set[str] = set()
        several_dists = len(dists) > 1 and len({d.code for d in dists}) > 1
        n_clauses = len(clauses)
        day_dists: set[str | None] = set()  # races the clauses naming another day named
        for ci, (cstart, clause) in enumerate(clauses):
            # weekday_of's own gate ahead of the call (most clauses name no day), and _like_words inlined
            clause_day = ctx.weekday_of(clause) if "dag" in clause or "gister" in clause else None
            back_to_now = False
            if "als" in clause and _S_LIKE_DAY.search(clause):
                pass
            elif clause_day is not None:
                when = ctx.date_for_weekday(self.doc.published, clause_day)
                if when is not None and when == self.doc.published:
                    when = None
            elif when is not None and _NOW.search(clause):
                when = None  # "Waar ze zaterdag 36,47 klokte, werd het nu 36,49": back to today's race
                back_to_now = True
            subj = self._subject(clause, cstart, index, prev_subject, ci)
            relative = clause[:3] in ("die", "dat") and bool(_S_RELATIVE.match(clause))
            self._after_relative = relative
            self._prev_clause = clause
            if subj is not None and subj.kind == "P" and subj.person is not None:
                self.reg.touch(subj.person)
            if ci > 0 and ci + 1 < n_clauses:
                before = clauses[ci - 1][1]
                # "De Nederlandse ploeg, met A, B en C, ..."
                appositive = bool(_S_LEAD_NOUN.fullmatch(before) or _TEAM_WORDS.fullmatch(before)) and \
                    not _has_verb(clause)
            else:
                appositive = False
            own_hist = False
            if hist and not hist_seen:
                own_hist = ctx.is_historical(_strip_year_context(clause), self.doc.published_year, olympics)
                # a cue inside an apposition ("X, vorig seizoen nog tweede, werd negende") stays there
                if own_hist:  # (a clause with its own cue: the sentence's clauses have one)
                    if not appositive:
                        hist_seen = True
                else:
                    if hist_clauses_have_cue is None:
                        hist_clauses_have_cue = any(
                            ctx.is_historical(_strip_year_context(c), self.doc.published_year, olympics)
                            for _, c in clauses)
                    if not hist_clauses_have_cue:
                        hist_seen = True
            clause_hist = hist_seen or own_hist or ("toen" in clause and bool(_HIST_CLAUSE.search(clause)))
            # distance tokens are the only capital D in a masked clause's pattern
            if not clause_hist and "D" in clause:
                dist_toks = _S_DIST_TOKEN.findall(clause)
                live_dists.update(dist_toks)
                if not appositive and not relative and clause_day is None and \
                        not (clause.startswith(("waar", "toen")) and _S_WHERE_WHEN.match(clause)):
                    main_dists.update(dist_toks)
            dist = self._distance_for(clause, index, earlier, subj, several_dists)
            if dist is not None and not relative and not appositive:
                earlier = dist
            if appositive:
                dist = earlier
            if isinstance(dist, Ent) and dist.code and not clause_hist and subj is not None and \
                    subj.kind == "P" and subj.person is not None:
                if future is None:
                    future = bool(_FUTURE.search(folded))
                if not future:
                    self.raced[subj.person.pid] = dist.code  # "Visser reed een razendsnelle 3.000 meter"
            cg = _gender_of(clause)
            if isinstance(dist, Ent) and dist.demonym_gender == "mixed":
                cg = "mixed"
            if cg:
                clause_gender = cg
            elif headline:
                clause_gender = None
            elif ci == 0 or gender is None:  # (without a sentence gender the count below cannot matter)
                clause_gender = gender
            else:
                if n_gendered < 0:
                    n_gendered = sum(1 for _, c in clauses if _gender_of(c))
                clause_gender = gender if n_gendered <= 1 else None
            clause_when = when
            if clause_when is None and dist is None and self.section.when is not None:
                clause_when = self.section.when
            if clause_day is not None and isinstance(dist, Ent):
                day_dists.add(dist.code)
            # "X, die zaterdag derde werd op de 1000 meter, werd nu vierde": today's race is not the one named for
            # the other day, and the clause does not say which it is
            key = None if back_to_now and dist is None and self.section.distance in day_dists else \
                self._key(dist, clause_gender, clause, index, clause_when, clause_hist, folded)
            # "reed de derde tijd, maar werd later gediskwalificeerd": a disqualified skater has no place in the race
            if "diskwalific" in clause and not clause_hist and subj is not None and subj.kind == "P" and \
                    subj.person is not None and _DISQUALIFIED.search(clause):
                # the race the clause names, else only what this sentence placed (an earlier sentence's race may
                # not be the one the disqualification was in)
                if isinstance(dist, Ent) and dist.code:
                    self.raws = [r for r in self.raws if r.person is not subj.person or r.key[0] != dist.code or
                                 r.key[5]]
                else:
                    self.raws[n_raws:] = [r for r in self.raws[n_raws:] if r.person is not subj.person]
            # Without a race key no rank below places anyone; an apposition still needs its ordinals (they
            # hand it the subject before). So the rank phrases are only looked for when they can matter.
            blocked: bool | None = None  # BLOCK_RE on this clause, tested once when first needed
            if key is None and not appositive:
                hits = []
            else:
                if future is None:
                    future = bool(_FUTURE.search(folded))
                hits = [] if future and not _S_WON.search(clause) else find_ranks(clause)
            # "als ze de eerste positie had vastgehouden, was zij wereldkampioene geworden": what did not happen
            if counterfactual and hits and _S_THEN_WAS.match(clause):
                hits = []
            counterfactual = clause.startswith(_S_IF_STARTS) and bool(_COUNTERFACTUAL_IF.match(clause))
            if hits and ("respectievelijk" in clause or _S_EN_WORD.search(clause) and _ORD_PAIR.search(clause)):
                hits = []  # ordinal lists belong to the list reader (_special)
            if standings_sent:
                if standings_in(clause) or _neg_standing(clause) or \
                        standings and not ("T" in clause and _S_TIME_START.search(clause)):
                    standings = True
                    hits = []
                else:
                    standings = False
            if hits and not headline:
                hits = [h for h in hits if h.kind != "head_best"]
            # the veto (the filters above only ever thin the list, so the order is free) is only worth testing when
            # there is a rank left to veto
            if hits:
                blocked = bool(BLOCK_RE.search(clause))
                if blocked:
                    hits = []
            # a title is won on a distance token (only a race key can place it)
            if not hits and key is not None and "D" in clause:
                title_m = _S_TITLE_WON.search(clause)
                if title_m and index[title_m.group(1) or title_m.group(2) or title_m.group(3)].code in \
                        _S_TITLE_CODES and ("titel" in folded or "kampioen" in folded) and \
                        not (title_m.group(3) and len(_S_DIST_START.findall(clause)) > 1):
                    if blocked is None:
                        blocked = bool(BLOCK_RE.search(clause))
                    if not blocked:
                        hits = [RankHit(title_m.start(), title_m.end(), 1, "title")]
            # (a group is of skater tokens, its pattern anchored at the start: "P0 en P1 ...", "ook P0, ...")
            group = _group_at(clause, index) if "P" in clause and clause.startswith(("P", "ook")) else None
            if group:
                self.last_group = group
                if key is not None and _S_SAME_TIME.search(clause):
                    t = next((index[m.group()].value for m in _S_TIME_TOKEN.finditer(clause)), None)
                    for g in group:
                        self._note_time(key, g, t)
            if hits and key is not None and self.last_group and "deel" in clause and _S_SHARED.search(clause):
                for g in self.last_group:
                    self._add(key, hits[0].rank, g, None, None, gender is not None, when, clause_hist, headline,
                              clause, index)
                    consumed.add(id(g))
                hits = []
            if appositive and hits:
                hits = [h for h in hits if h.kind == "ord"]
                if hits:
                    subj = prev_subject
            won_now = None
            for hit in hits:
                target = subj
                if hit.kind == "ord_inv":
                    target = _entity_after(clause, hit.end, index) or subj
                elif hit.after:
                    target = _entity_after(clause, hit.end, index)
                if target is None:
                    continue
                if key is None:
                    continue
                # one rank per entity and sentence, except for a second race named in its own clause: "werd
                # tweede op de 500 meter en won de 5000 meter"
                if id(target) in consumed and not (ranked_in.get(id(target), key[0]) != key[0] and
                                                   "D" in clause and _A_DIST_WORD.search(clause)):
                    continue
                t = self._time_in(clause, index, target)
                pts = self._points_in(clause, index) if "N" in clause else None  # points are N tokens
                if hit.rank == 1 and key[0] in ("500m", "1000m") and "beide" in clause and \
                        _S_BOTH_DISTS.search(clause):
                    for rnd in (1, 2):
                        self._add((key[0], key[1], rnd) + key[3:], 1, target, None, pts, gender is not None, when,
                                  clause_hist, headline, clause, index)
                    consumed.add(id(target))
                    break
                self._add(key, hit.rank, target, t, pts, gender is not None, when, clause_hist, headline, clause,
                          index)
                consumed.add(id(target))
                ranked_in[id(target)] = key[0]
                sentence_rank_given = True
                won_now = (target, hit.rank) if hit.kind in ("win", "title", "medal") and "D" in clause else None
                break
            # "Leerdam en Stolz hebben de 1000 meter gewonnen": a man and a woman each won their own race
            if won_now is not None and won_now[1] == 1 and key is not None and clause.startswith("P"):
                pair_m = _A_WON_PAIR.match(clause)
                pair = [index[pair_m.group(1)], index[pair_m.group(2)]] if pair_m else []
                if pair and won_now[0] in pair and self._man_and_woman(pair):
                    partner = pair[1] if pair[0] is won_now[0] else pair[0]
                    if id(partner) not in consumed:
                        self._add(key, 1, partner, None, None, False, when, clause_hist, headline, clause, index)
                        consumed.add(id(partner))
            # headline gapping: "Tsuchiya wint ..., Schouten derde" / "Michel Mulder tweede"; also after a ranked
            # clause: "Otterspeer eindigde als zevende, Krol als elfde" / "Bowe pakte zilver, Kok het brons"
            if not hits and key is not None and (headline or ci > 0 and sentence_rank_given):
                gap = _GAPPED_RANK.match(clause) if "P" in clause or "C" in clause else None
                if gap:
                    if blocked is None:
                        blocked = bool(BLOCK_RE.search(clause))
                    if not blocked:
                        ent = index[gap.group(1)]
                        rank = ordinal_value(gap.group(2)) or _MEDAL_RANK.get(gap.group(2))
                        if rank and id(ent) not in consumed:
                            self._add(key, rank, ent, self._time_in(clause, index, ent), None, gender is not None,
                                      when, clause_hist, headline, clause, index)
                            consumed.add(id(ent))
            # the means of a win: "verovert de titel door na de D1 ook de D2 te winnen": both races were won
            if won_now is not None and won_now[1] == 1 and key is not None and "te winnen" in clause:
                for m in _WIN_BY_WINNING.finditer(clause):
                    for tok in (t for t in m.groups() if t):
                        k = self._key(index[tok], clause_gender, clause, index, clause_when, clause_hist, folded)
                        if k is not None and k[0] != key[0]:
                            self._add(k, 1, won_now[0], None, None, gender is not None, when, clause_hist, headline,
                                      clause, index)
            # a second object of the same win: "won de D0 en de D1" / "won D0 en daardoor het D1"
            if not hits and won_prev is not None and key is not None and _COORD_OBJECT.fullmatch(clause):
                if blocked is None:
                    blocked = bool(BLOCK_RE.search(clause))
                if not blocked:
                    self._add(key, won_prev[1], won_prev[0], None, None, gender is not None, when, clause_hist,
                              headline, clause, index)
            won_prev = won_now
            if key is not None:
                # team members with their time: "Sem Brouwer, Thijs Vonk en Luuk de Haan klokten 3.36,80"
                if key[0] in TEAM_DISTANCES:
                    lm = _S_TEAM_LIST.match(clause)
                    if lm:
                        members = tuple(index[t].person for t in _S_PERSON_TOKEN.findall(lm.group(1)))
                        ioc = _team_country(members,  # type: ignore[arg-type]
                                            self.focus_team.ioc if self.focus_team else None, self._dutch)
                        if ioc:
                            team = Ent("C", -1, -1, ioc=ioc)
                            self.team_members.setdefault((_tkey(key), ioc), members)  # type: ignore[arg-type]
                            t = self._time_in(clause, index, team)
                            self._note_time(key, team, t)
                            subj = team
                # points statements: "Ze pakte 60 punten"
                if subj is not None and key[0] == "mass_start":
                    pts = self._points_in(clause, index) if "N" in clause else None
                    if pts is not None and _ident(subj) is not None:
                        self.points.setdefault((_tkey(key), _ident(subj)), pts)
                # paired times of a duel: "in een rechtstreeks duel met X was hij sneller: 3.58,76 tegen 4.00,11"
                pm = _S_DUEL.search(clause) if subj is not None and "T" in clause else None
                if pm and subj is not None:
                    other = self._duel_opponent(masked, index, subj)
                    if other is not None:
                        t1, t2 = index[pm.group(1)], index[pm.group(2)]
                        self._note_time(key, subj, t1.value, "precise" in t1.tag)
                        self._note_time(key, other, t2.value, "precise" in t2.tag)
                # plain time statements: "De Nederlander reed in Thialf 6.12,17"
                if subj is not None and not standings and "T" in clause:  # (_time_in reads T tokens only)
                    t = self._time_in(clause, index, subj)
                    if t is not None and subj.kind in "PC":
                        self._note_time(key, subj, t)
                for m in (_S_TIME_IN_PARENS.finditer(clause) if "(T" in clause else ()):
                    ent, tm = index[m.group(1)], index[m.group(2)]
                    if "record" not in tm.tag:
                        self._note_time(key, ent, tm.value)
                if "M" in clause:  # (_margins reads M tokens only)
                    self._margins(clause, index, subj, key)
            if subj is not None and not (appositive and prev_subject is not None):  # an aside keeps the subject
                prev_subject = subj
                if sentence_subject is None:
                    sentence_subject = subj
                    self.sentence_subject = subj
        if sentence_subject is None and first_person is not None and not headline:
            sentence_subject = first_person
        if sentence_subject is not None and sentence_subject.kind == "P":
            if sentence_subject.person is None or sentence_subject.person.pid not in self.staff:
                self.focus = sentence_subject.person  # a pronoun points back to a skater, not to the coach quoted
                self.team_newer = False
        elif sentence_subject is not None and sentence_subject.kind == "C":
            self.focus_team = sentence_subject
            self.team_newer = True
        # each entity's token in the masked sentence (the index maps token -> entity)
        tok_of: dict[int, str] = {}
        if dists:
            for tok, e in index.items():
                tok_of.setdefault(id(e), tok)
            kept = []
            for d in dists:
                tok = tok_of.get(id(d), "")
                if not _not_a_race_before(masked, masked.find(tok) if tok else 0):
                    kept.append(d)
            dists = kept
        # whether dated placings were mentioned in passing; only they need to know
        grew = len(self.raws) > n_raws
        new_raws: list[Raw] = []
        asides: list[Raw] = []
        if grew:
            added = self.raws[n_raws:]
            aside = any(r.date is not None for r in added) and (
                bool(_S_ALREADY.search(folded)) or not _S_DAY_OPENING.match(folded))
            for r in added:
                if not r.historical:
                    if r.date is None or not aside:
                        new_raws.append(r)
                    if r.date is not None and aside:
                        asides.append(r)
        if dists:
            if asides and not new_raws:
                dists = []
            elif hist or grew and not new_raws:  # the distances of clauses about this race are wanted
                live = [d for d in dists if tok_of.get(id(d), "") in live_dists]
                if not live:
                    dists = []
                elif hist:
                    dists = live
        if new_raws and not headline:
            codes = {r.key[0] for r in new_raws}
            if new_raws[-1].key[0] != self.section.distance:
                self.section.round = None
            self.section.distance = new_raws[-1].key[0]
            self.section.round = new_raws[-1].key[2]
            self.section.when = new_raws[-1].date
            self.section.ambiguous = len(codes) > 1
            dists = []
        elif len(dists) > 1 and len({d.code for d in dists}) > 1:
            main = [d for d in dists if tok_of.get(id(d), "") in main_dists]
            dists = main if len({d.code for d in main}) == 1 else []
        if dists and future is None:
            future = bool(_FUTURE.search(folded))
        if dists and not future:
            last = dists[-1]
            self.section.ambiguous = False
            self.section.when = None
            if last.code != self.section.distance:
                self.section.round = None
            self.section.distance = last.code
            if last.ordinal in (1, 2):
                self.section.round = last.ordinal
        rm = _ROUND_WORDS.search(masked) if "omloop" in masked or "beide" in masked else None
        if rm and rm.group(1):
            self.section.round = 1 if rm.group(1) == "eerste" else 2

    def _classification_ok(self, folded: str) -> bool:
        """In championships the 'klassement' is the result; in the World Cup it is the standings."""
        if self.doc.competition == "world_cup" or _neg_standing(folded):
            return False
        return self.doc.discipline in ("allround", "sprint", "short_track") and not _A_INTERIM.search(folded)

    def _pronoun_gender(self, folded: str) -> None:
        if self.focus is None:
            return
        head = folded[:40]
        # substring tests first: each pattern needs its pronoun spelled out
        if ("ze" in head or "zij" in head) and _E_SHE_LEAD.match(head) or \
                "haar" in folded[:60] and _E_HAAR.search(folded[:60]):
            self._vote(self.focus, "women", 2)
        elif "hij" in head and _E_HE_LEAD.match(head) or \
                "zijn" in head and _E_ZIJN_WORD.search(head) and not _E_ZIJN_NOT_POSSESSIVE.search(head):
            self._vote(self.focus, "men", 1)

    # ---------------------------------------------------------------------------------- subject
    def _subject(self, clause: str, cstart: int, index: dict[str, Ent], prev: Ent | None, ci: int) -> Ent | None:
        has_ent = "P" in clause or "C" in clause  # token letters are the only capitals in a masked clause
        if clause[:3] in ("die", "dat", "wie") and _A_REL_LEAD.match(clause):
            prev_clause = self._prev_clause
            if prev_clause:
                last = _A_ENT_WORD.findall(prev_clause)
                if last and _A_ENT_AT_END.search(prev_clause):
                    return index[last[-1]]
            if prev is not None:
                return prev
        if ci > 0 and prev is not None and "T" in clause and _A_IN_TIME_LEAD.match(clause):
            return prev
        # "reed in de laatste rit 1.41,52, de derde tijd achter ...": the rank in apposition to the time
        if ci > 0 and prev is not None and "tijd" in clause and "T" in self._prev_clause and \
                _A_TIME_END.search(self._prev_clause) and _A_ORD_TIME_LEAD.match(clause):
            return prev
        if self._after_relative and prev is not None and _AFTER_RELATIVE_VERB.match(clause):
            return prev  # "Krol, die zaterdag al ..., dook op de 1.500 meter onder ...": the main clause resumes
        if self._after_relative and prev is not None and not (has_ent and _A_ENT_WORD.search(clause)) and \
                not _A_PRONOUN_LEAD.match(clause):
            return prev
        if ci > 0 and prev is not None and (_A_VERB_LEAD.match(clause) or _A_PAST_LEAD.match(clause) and
                                            not _A_ADJ_LEAD.match(clause)):
            return prev
        lead = _NP_LEAD.match(clause) if clause.startswith(_S_NP_LEAD_STARTS) else None
        if lead:
            head = lead.group(1).split()[-1]
            dm = demonym(head)
            if dm and not dm[3]:
                person = self._by_country(dm[0])
                if person is not None:
                    if dm[1]:
                        self._vote(person, dm[1], 3)
                    return self._ent_for(person)
            elif _ROLE_NP.match(lead.group(0)) and self.focus is not None:
                return self._ent_for(self.focus)
        # "De drie ploeggenoten reden met Noorwegen naar ...": the team noun phrase opening the clause is the
        # subject, not a country named later in it
        if self.focus_team is not None and _TEAM_NP_LEAD.match(clause) and not _TEAM_WORDS.match(clause):
            return self.focus_team
        skipped = False
        pron = _A_PRONOUN.search(clause) if "hij" in clause or "ze" in clause or "zij" in clause else None
        for m in _A_ENT_WORD.finditer(clause) if has_ent else ():
            mstart = m.start()
            # every branch of _PREP_BEFORE ends in whitespace before `$`: a token at the clause start or right
            # after punctuation cannot follow one (searching up to endpos is searching the slice)
            if mstart and clause[mstart - 1].isspace() and _PREP_BEFORE.search(clause, 0, mstart) or \
                    skipped and _A_LISTED_BEFORE.search(clause, 0, mstart):
                skipped = True
                continue
            if pron is not None and pron.start() < mstart:
                break
            return index[m.group()]
        np = _DEMONYM_NP.search(clause, 0, 40)  # endpos: the same as searching clause[:40]
        if np and _A_DE_HET_LEAD.match(clause):
            # "de Noorse schaatsster" / "de Rus denderde": the demonym is the second word or the first
            dm = demonym(np.group(2)) if np.group(2) else demonym(np.group(1))
            if dm is None and np.group(2) and _AFTER_RELATIVE_VERB.fullmatch(np.group(2)):
                dm = demonym(np.group(1))
            if dm and dm[2] and not dm[3] or dm and not dm[2] and _A_DE_X_VERB_LEAD.match(clause):
                person = self._by_country(dm[0])
                if person is not None:
                    return self._ent_for(person)
        # every demonym _TEAM_WORDS names but "russische" spells "se"
        team_m = _TEAM_WORDS.search(clause) if "se" in clause or "russische" in clause or "oranje" in clause else None
        if team_m:
            word = team_m.group(0)
            ioc = "NED" if "nederlandse" in word or "oranje" in word else None
            if ioc is None:
                for w in word.split():
                    dm = demonym(w)
                    if dm:
                        ioc = dm[0]
                        break
            if ioc:
                return Ent("C", -1, -1, ioc=ioc)
        if self.focus_team is not None and _A_TEAM_SUBJ_LEAD.match(clause) and \
                (self.section.distance in TEAM_DISTANCES or _A_TEAM_NOUN.search(clause)) and \
                (self.team_newer or not _A_ZE_LEAD.match(clause) or _PLURAL_VERB.search(clause)):
            return self.focus_team
        if self.last_group and "deelde" in clause and _A_SHARED_LEAD.match(clause):
            return self.last_group[0]
        if self.focus is not None and _ROLE_NP.search(clause):
            return self._ent_for(self.focus)
        if pron is not None and _PRONOUN_SUBJ.search(clause):  # its pronoun is one `pron` would have found
            if self.sentence_subject is not None and self.sentence_subject.kind == "P":
                return self.sentence_subject
            if self.focus is not None:
                return self._ent_for(self.focus)
        if ci > 0 and prev is not None and _A_VERB_LEAD_SHORT.match(clause):
            return prev
        # "Herzog, die nu 36,83 noteerde. Dat was de derde tijd": 'dat' is the one time the sentence before gave
        if len(self.timed[0]) == 1 and clause[:2] in ("da", "di") and _A_DAT_ORD_LEAD.match(clause):
            return next(iter(self.timed[0].values()))
        if self.focus is not None and ("dat" in clause or "dit" in clause) and _A_DAT_WAS.match(clause):
            return self._ent_for(self.focus)
        return None

    def _ent_for(self, person: Person) -> Ent:
        return Ent("P", -1, -1, person=person)

    def _by_country(self, ioc: str) -> Person | None:
        """The skater a bare demonym ('de Rus', 'De Japanse') points back to."""
        if self.focus is not None and self.focus.country in (None, ioc):
            ks = known_skater(self.focus.name) if len(self.focus.tokens) > 1 else None
            if not (ks and ks[1] and ks[1] != ioc):
                self.focus.country = ioc
                return self.focus
        best = None
        before = [p for p in self.reg.people if 0 <= self.reg.recency.get(p.pid, -1) <= self.sentence_clock]
        for person in before:
            if person.country == ioc and (best is None or self.reg.recency.get(person.pid, -1) >
                                          self.reg.recency.get(best.pid, -1)):
                best = person
        if best is not None:
            return best
        for person in sorted(before, key=lambda p: -self.reg.recency.get(p.pid, -1))[:3]:
            if person.country is None:
                ks = known_skater(person.name) if len(person.tokens) > 1 else None
                if ks and ks[1] and ks[1] != ioc:
                    continue
                person.country = ioc
                return person
        return None

    # ---------------------------------------------------------------------------------- context
    def _distance_for(self, clause: str, index: dict[str, Ent], earlier: Ent | str | None, subj: Ent | None,
                      mixed: bool) -> Ent | str | None:
        """The race a clause speaks of: a distance in it (not a temporal 'voor de 1.000 meter'), else one named
        earlier in the sentence, else the subject's latest race when the section is ambiguous."""
        inside = []
        for m in (_A_DIST_WORD.finditer(clause) if "D" in clause else ()):
            # every branch of _S_NOT_RACE_REV opens with whitespace (the text before the distance ends in it)
            mstart = m.start()
            if mstart and clause[mstart - 1].isspace() and _not_a_race_before(clause, mstart):
                continue
            inside.append(index[m.group()])
        if inside:
            return inside[-1] if len(inside) > 1 and _A_MEDAL_WORD.search(clause) else inside[0]
        if earlier is not None:
            return earlier
        if subj is not None and subj is self.focus_team and self.focus_team_code:
            return self.focus_team_code
        if (self.section.ambiguous or self.section.distance is None) and subj is not None and subj.kind == "P" \
                and subj.person is not None and subj.person.pid in self.last_race:
            return self.last_race[subj.person.pid]
        # after a subhead that names no race, a skater's sentence is about the race they were last seen riding
        if self.section.distance is None and subj is not None and subj.kind == "P" and subj.person is not None:
            return self.raced.get(subj.person.pid)
        return None

    def _key(self, dist: Ent | str | None, gender: str | None, clause: str, index: dict[str, Ent], when: date | None,
             hist: bool, folded: str) -> tuple | None:
        if self._junior:
            return None  # junior races are no senior race's result, and no race of their own here
        code: str | None
        rnd: int | None
        if isinstance(dist, str):
            code, rnd = dist, None
        elif dist is not None:
            code, rnd = dist.code, dist.ordinal if dist.ordinal in (1, 2) else None
            if rnd is None and code == self.section.distance and when is None:
                rnd = self.section.round
        else:
            if self.section.ambiguous and self.doc.discipline != "marathon":
                return None  # the sentence before named two races: which one this clause means is a guess
            code, rnd = self.section.distance, self.section.round
            if when is not None:
                rnd = None
        if self.doc.discipline == "marathon":
            code = "other:marathon"
        if code is None and self.focus_team_code and "C" in clause and _A_COUNTRY_TOKEN.search(clause):
            code = self.focus_team_code
        if code is None:
            if self.doc.discipline == "marathon":
                code = "other:marathon"
            elif self.doc.discipline in ("allround", "sprint"):
                if _A_INTERIM.search(folded):
                    return None  # a standing after a day is not the championship's result
                code = f"{self.doc.discipline}_classification"
            else:
                return None
        if code in ("allround_classification", "sprint_classification") and self.doc.discipline in ("allround", "sprint"):
            code = f"{self.doc.discipline}_classification"
        rm = _A_OMLOOP.search(clause) if "omloop" in clause else None
        if rm:
            rnd = 1 if rm.group(1) == "eerste" else 2
        gender = gender or self.section.gender
        division = self.section.division
        return (code, gender, rnd, division, when, hist)

    # ---------------------------------------------------------------------------------- placing I/O
    def _time_in(self, clause: str, index: dict[str, Ent], target: Ent) -> int | None:
        for m in (_A_TIME_WORD.finditer(clause) if "T" in clause else ()):
            tm = index[m.group()]
            if "record" in tm.tag:
                continue
            mstart = m.start()
            # searching up to endpos is searching clause[:mstart]; both branches end in whitespace and spell
            # "tegen", "dan" or "van"
            if mstart and clause[mstart - 1].isspace() and ("tegen" in clause or "dan" in clause or "van" in clause) \
                    and _A_VERSUS_BEFORE.search(clause, 0, mstart):
                continue
            # a time right after another skater belongs to that skater: "P1 (T0)"
            owner = _A_OWNER_BEFORE.search(clause, 0, mstart)
            if owner and index[owner.group(1)] is not target and index[owner.group(1)].start >= 0:
                continue
            return tm.value
        return None

    def _duel_opponent(self, masked: str, index: dict[str, Ent], subj: Ent) -> Ent | None:
        """Who the second time of "T tegen T" belongs to: the skater raced against ("met/tegen X"), else the one
        other skater the sentence names, else the skater the previous sentence was about."""
        me = _ident(subj)
        other_m = _A_VERSUS_ENT.search(masked)
        if other_m:
            other = index[other_m.group(1)]
            return other if _ident(other) != me else None
        others = {_ident(e): e for e in index.values() if e.kind == subj.kind and _ident(e) not in (None, me)}
        if len(others) == 1:
            return next(iter(others.values()))
        if not others and subj.kind == "P" and self.focus is not None and self.focus.pid != me:
            return self._ent_for(self.focus)
        return None

    def _points_in(self, clause: str, index: dict[str, Ent]) -> int | None:
        m = _A_POINTS_WORD.search(clause) if "N" in clause else None
        return index[m.group()].value if m else None

    def _note_time(self, key: tuple, ent: Ent, t: int | None, precise: bool = False) -> None:
        """Remember a skater's time in a race; the first statement wins, except that a time given in
        thousandths replaces a rounded one ("klokten allebei 36,91 ... 36,906 tegen 36,908")."""
        if t is None:
            return
        ident = _ident(ent)
        if ident is None:
            return
        self.timed[1][ident] = ent
        noted = self.times.setdefault(_tkey(key), {})
        old = noted.get(ident)
        if old is None or precise and abs(old[0] - t) <= 1:
            noted[ident] = (t, self.order)

    def _add(self, key: tuple, rank: int, ent: Ent, t: int | None, pts: int | None, gender_explicit: bool,
             when: date | None, hist: bool, headline: bool, clause: str, index: dict[str, Ent],
             members: tuple[Person, ...] = ()) -> None:
        self.order += 1
        code = key[0]
        team = code in TEAM_DISTANCES
        person, ioc = ent.person, ent.ioc
        if team:
            if ent.kind == "P":
                # skaters as the subject of a team result: their country's team, with them as members
                members = tuple(p for p in self._list_from(clause, ent, index))  # type: ignore[assignment]
                if len(members) < 2 and not _TEAM_WORDS.search(clause):
                    return  # one skater with a rank in a team context: not a team result we can trust
                ioc = _team_country(members, None, self._dutch)
                person = None
            if ioc is None:
                return
        elif ent.kind != "P":
            return
        if person is not None:
            self.reg.touch(person)
            if not hist:
                self.last_race[person.pid] = code
        elif ioc is not None:
            self.focus_team = Ent("C", -1, -1, ioc=ioc)
            self.team_newer = True
            self.focus_team_code = code
        self.raws.append(Raw(key, rank, person, ioc, members, self.order, t, pts, gender_explicit, key[4], hist,
                             headline, _tkey(key), headline and not ("D" in clause and _A_DIST_TOKEN.search(clause)),
                             self.section_idx))

    def _list_from(self, clause: str, ent: Ent, index: dict[str, Ent]) -> list[Person]:
        """Skaters listed with ``ent`` ("Kramer, Bosker en Roest")."""
        m = _A_PERSON_LIST.search(clause) if "en" in clause else None
        if not m:
            return [ent.person] if ent.person else []
        ids = _A_PERSON_TOKEN.findall(m.group())
        people = [index[i].person for i in ids if index[i].person is not None]
        if ent.person is not None and ent.person not in people:
            return [ent.person]
        return people  # type: ignore[return-value]

    # ---------------------------------------------------------------------------------- margins
    def _margins(self, clause: str, index: dict[str, Ent], subj: Ent | None, key: tuple | None) -> None:
        if key is None:
            return
        for m in (_A_MARGIN_WORD.finditer(clause) if "M" in clause else ()):
            mg = index[m.group()]
            mend = m.end()  # the patterns matched at mend hold no assertion that looks before it
            sign = mg.sign
            if sign == 0 and "achter" in clause and _A_BEHIND_AFTER.match(clause, mend):
                sign = 1
            mg = Ent("M", mg.start, mg.end, value=mg.value, sign=sign)
            other_m = _A_OTHER_AFTER.match(clause, mend)
            other = index[other_m.group(1)] if other_m else None
            if mg.sign < 0 and other is not None and subj is not None:
                # subject faster than other: other = subject + margin
                self.margins.append((key, _ident(other), _ident(subj), mg.value, self.order))
            elif mg.sign < 0 and other is None:
                # "bleef X 0,07 seconde voor": X before the margin
                bm = _A_BLEEF_BEFORE.search(clause, 0, m.start()) if "bleef" in clause else None
                if bm and subj is not None:
                    self.margins.append((key, _ident(index[bm.group(1)]), _ident(subj), mg.value, self.order))
            elif mg.sign > 0 and subj is not None:
                ref: object
                after20 = clause[mend:mend + 20]
                if "daarachter" in after20 or "erachter" in after20:
                    ref = "prev"
                else:
                    ref = _ident(other) if other is not None else "winner"
                self.margins.append((key, _ident(subj), ref, mg.value, self.order))

    # ---------------------------------------------------------------------------------- special lists
    def _special(self, masked: str, index: dict[str, Ent], hist: bool, future: bool, when: date | None,
                 headline: bool, dists: list[Ent], standings: bool = False) -> set[int]:
        """Whole-sentence list patterns; returns ids of entities they placed."""
        done: set[int] = set()
        if future or "P" not in masked and "C" not in masked:
            return done  # every pattern below places a skater or country token (the only capitals in masked text)
        gender = _gender_of(masked)
        key = self._key(self._distance_for(masked, index, None, self.sentence_subject, False), gender, masked, index,
                        when, hist, masked)
        if key is None:
            return done
        # "A en B eindigden respectievelijk als vijfde en zevende" / "reden respectievelijk de negende en elfde tijd"
        # (its list of tokens holds r"\s+en\s+")
        m = _RESPECTIVE_LIST.search(masked) if _S_EN_WORD.search(masked) else None
        if m and ("respectievelijk" in m.group() or _A_LIST_VERB.search(masked[m.start():m.end() + 12]) or
                  _A_LIST_VERB_BEFORE.search(masked, 0, m.start())) \
                and not BLOCK_RE.search(m.group()):
            names = _A_ENT_TOKEN.findall(m.group(1))
            ords = _A_ORD.findall(m.group(2))
            times_by_name = dict(_A_ENT_TIME.findall(m.group(1)))
            times_by_ord = _ORD_TIME.findall(m.group(2))
            if len(names) == len(ords):
                for i, (n, o) in enumerate(zip(names, ords, strict=True)):
                    ent = index[n]
                    t = times_by_name.get(n)
                    tv = index[t].value if t else (index[times_by_ord[i]].value if len(times_by_ord) == len(ords)
                                                   else None)
                    self._add(key, ordinal_value(o) or 0, ent, tv, None, gender is not None, when, hist, headline,
                              masked, index)
                    done.add(id(ent))
        if standings:
            return done
        # The veto below covers every pattern that follows, but each of them matches rarely: look for the
        # veto only once one of them has something to place (same result, far fewer whole-sentence scans).
        vetoed: bool | None = None

        def blocked() -> bool:
            nonlocal vetoed
            if vetoed is None:
                vetoed = bool(BLOCK_RE.search(masked))
            return vetoed

        def place(race: tuple, rank: int, ent: Ent) -> None:
            """A list reader's placing, unless an earlier reader placed the entity already."""
            if id(ent) not in done:
                self._add(race, rank, ent, None, None, gender is not None, when, hist, headline, masked, index)
                done.add(id(ent))

        # headline "Kok en De Boo Nederlands kampioen sprint": both won their title
        m = _A_TWO_CHAMPIONS.match(masked) if headline and "kampioen" in masked else None
        if m and not blocked():
            for tok in m.groups():
                self._add(key, 1, index[tok], None, None, False, when, hist, headline, masked, index)
                done.add(id(index[tok]))
            return done
        # "A won voor B en C" / "wint, voor B en C" / "ging naar A, voor B en C" / "het zilver, voor B"
        for m in _A_WON_BEFORE.finditer(masked) if "voor" in masked else ():
            if blocked():
                return done
            head = masked[:m.start() + len(m.group().split("voor")[0])]
            base = 2
            if "zilver" in head and (_A_SILVER_END.search(head[-20:]) or head.rstrip(" ,").endswith("zilver")):
                base = 3
            if _A_TOO_FAST.search(masked[max(0, m.start() - 20):m.end()]):
                continue
            # the placings behind a winner are in the winner's race: with no gender cue in the sentence, the
            # winner's own gender (the one skater named before "voor") holds for them too
            list_key = key
            if key[1] is None and "P" in head:
                named = _A_PERSON_TOKEN.findall(head)
                lead_gender = self._person_gender(index[named[0]]) if len(named) == 1 else None
                if lead_gender is not None:
                    list_key = (key[0], lead_gender) + key[2:]
            # "de snelste, voor X" ranks the race, unless the best of a group ("de snelste Nederlander",
            # "bij de Nederlanders de snelste")
            if masked.startswith(("snelste", "sterkste"), m.start()):
                if "nederland" in head or "landgeno" in head or "oranje" in head or "van de" in head:
                    continue
                best = _A_BEST_SUBJ.search(head.rstrip(" ,"))  # the fastest won: "X was de snelste, voor Y"
                if best is None:
                    continue
                place(list_key, 1, index[best.group(1) or best.group(2)])
            for i, n in enumerate(_A_ENT_TOKEN.findall(m.group(1))):
                place(list_key, base + i, index[n])
        for m in _A_WON_FOLLOWED.finditer(masked) if "gevolgd" in masked else ():
            if blocked():
                return done
            if _A_RESULT_IN_GAP.search(m.group(1)) or _A_TOO_FAST.search(m.group(1)):
                continue
            for i, n in enumerate(_A_ENT_TOKEN.findall(m.group(2))):
                place(key, 2 + i, index[n])
        # "won de 500 meter, met Kok als tweede en Leerdam als derde"
        m = _A_WITH_AS_ORD.search(masked) if " als " in masked and "met " in masked else None
        if m and not blocked():
            for pm in _A_ENT_AS_ORD.finditer(m.group(1)):
                rank = ordinal_value(pm.group(2))
                if rank:
                    place(key, rank, index[pm.group(1)])
        # "X moest (in Calgary) alleen Y voor laten gaan": Y won, and X (when named, not "de Nederlander") was second
        m = _A_ONLY_BEATEN_BY.search(masked) if "alleen" in masked and "moest" in masked else None
        if m and not blocked():
            place(key, 1, index[m.group(2)])
            opening = _A_SUBJECT_BEFORE.match(masked, 0, m.start())  # "X moest ...", else "moest X ... alleen"
            second = opening.group(1) if opening else m.group(1)
            if second is not None:
                place(key, 2, index[second])
        # "Swings (tweede) en Stroetinga (derde)"
        for m in _ENT_ORD_PAREN.finditer(masked) if "(" in masked else ():
            if blocked():
                return done
            ent = index[m.group(1)]
            if id(ent) in done:
                continue
            rank = ordinal_value(m.group(2))
            if rank:
                self._add(key, rank, ent, None, None, gender is not None, when, hist, headline, masked, index)
                done.add(id(ent))
        # "eindigde achter X als derde" / "werd tweede achter X" / "de derde tijd achter A en B"
        m = _RANK_BEHIND.search(masked) if "achter" in masked else None
        if m and not blocked():
            o = m.group(1) or m.group(4)
            ents_txt = m.group(2) or m.group(3)
            rank = ordinal_value(o) or 0
            names = _A_ENT_TOKEN.findall(ents_txt)
            # "achter A en B" orders A and B only for times ("de derde tijd achter Nuis en Krol")
            if rank >= 2 and (len(names) == 1 or len(names) == rank - 1 and "tijd" in m.group()):
                for i, n in enumerate(names):
                    ent = index[n]
                    if id(ent) not in done:
                        self._add(key, rank - len(names) + i, ent, None, None, gender is not None, when, hist,
                                  headline, masked, index)
                        done.add(id(ent))
        return done

    # ---------------------------------------------------------------------------------- assembly
    def assemble(self) -> list[Race]:
        doc = self.doc
        # person genders: votes + known skaters
        pgender: dict[int, str] = {}
        for person in self.reg.people:
            votes = self._gender_votes(person)
            if person.country is None and len(person.tokens) >= 2 and (ks := known_skater(person.name)) and ks[1]:
                person.country = ks[1]
            if len(votes) == 1:  # the one gender voted for (what max() and the tie count below would find)
                pgender[person.pid] = next(iter(votes))
            elif votes:
                best = max(votes, key=votes.__getitem__)
                if list(votes.values()).count(votes[best]) == 1:
                    pgender[person.pid] = best
        body = [r for r in self.raws if not r.headline]
        if body:
            # a headline fact without its own distance stands when the body names the skater without placing
            # them elsewhere, or places them in that same race
            self.raws = [r for r in self.raws if not r.inherited or
                         any(_same(r, b) and b.key[0] == r.key[0] for b in body) or
                         r.person is not None and r.person.pid in self.body_mentions and
                         not any(b.person is r.person for b in body)]
        groups: dict[tuple, list[Raw]] = {}
        for raw in self.raws:
            code, gender, rnd, division, when, hist = raw.key
            if code == "other:marathon" and not hist and not raw.headline and self.section_km.get(raw.section):
                code = max(self.section_km[raw.section], key=lambda c: int(_A_NON_DIGIT.sub("", c) or 0))
            if raw.person is not None and raw.person.pid in pgender:
                pg = pgender[raw.person.pid]
                if gender is None or (not raw.gender_explicit and pg != gender and
                                      self.gender_votes.get(raw.person.pid, {}).get(pg, 0) + 4 >= 4):
                    gender = pg
            if raw.ioc and raw.person is None and not raw.members:
                raw.members = self.team_members.get((raw.orig, raw.ioc), ())
            if gender is None and raw.members:
                gs = {pgender.get(p.pid) for p in raw.members if p is not None} - {None}
                if len(gs) == 1:
                    gender = gs.pop()
            raw.key = (code, gender, rnd, division, when, hist)
        # skaters with no gender evidence join the one gender their race is known to have
        all_genders = {r.key[1] for r in self.raws if r.key[1] is not None}
        known: dict[tuple, set[str]] = {}
        for raw in self.raws:
            code, gender, rnd, division, when, hist = raw.key
            if gender is not None:
                known.setdefault((code, rnd, division, when, hist), set()).add(gender)
        for raw in self.raws:
            code, gender, rnd, division, when, hist = raw.key
            if gender is None:
                genders = known.get((code, rnd, division, when, hist), set())
                gender = next(iter(genders)) if len(genders) == 1 else doc.default_gender
                if gender is None and len(all_genders) == 1:
                    gender = next(iter(all_genders))
            raw.key = (code, gender, rnd, division, when, hist)
            groups.setdefault(raw.key, []).append(raw)
        # headline placings join the body race holding the same skater
        keys = list(groups)
        for k in keys:
            rs = groups.get(k)
            if not rs or not all(r.headline for r in rs):
                continue
            for k2, rs2 in groups.items():
                same_code = k2[0] == k[0] or k2[0].startswith("other:") and k[0].startswith("other:")
                if k2 == k or not same_code or k2[5] != k[5]:
                    continue
                if any(r.headline is False and _same(r, h) for r in rs2 for h in rs) and \
                        (k[1] is None or k2[1] in (None, k[1])):
                    rs2.extend(rs)
                    del groups[k]
                    break
        self._rounds_by_day(groups)
        self._merge_days(groups)
        races: list[Race] = []
        for key, rs in groups.items():
            code, gender, rnd, division, when, hist = key
            if gender is None:
                continue
            placings = self._placings(key, rs, pgender)
            if not placings:
                continue
            races.append(Race(
                discipline=doc.discipline, competition=doc.competition, distance=code, gender=gender,
                placings=tuple(placings), venue=None if hist else doc.venue, round=rnd, division=division,
                date=when, historical=hist,
            ))
        return races

    def _merge_days(self, groups: dict[tuple, list[Raw]]) -> None:
        """A race told partly with its weekday and partly without is one race."""
        by_base: dict[tuple, list[tuple]] = {}
        for k in groups:
            by_base.setdefault((k[0], k[1], k[2], k[3], k[5]), []).append(k)
        for ks in by_base.values():
            dated = {k[4] for k in ks if k[4] is not None}
            if len(dated) != 1 or len(ks) < 2:
                continue
            target = next(k for k in ks if k[4] is not None)
            for k in ks:
                if k != target:
                    groups[target].extend(groups.pop(k))

    def _rounds_by_day(self, groups: dict[tuple, list[Raw]]) -> None:
        """Two days of the same 500/1000 m: the earlier day is round 1, the later round 2."""
        by_base: dict[tuple, list[tuple]] = {}
        for k in groups:
            if k[5]:
                continue
            by_base.setdefault((k[0], k[1], k[3]), []).append(k)
        for base, ks in by_base.items():
            if base[0] not in ("500m", "1000m") or len({k[4] for k in ks}) < 2:
                continue
            days = sorted({k[4] or date.max for k in ks})
            if len(days) != 2:
                continue
            for old in ks:
                rnd = 1 if (old[4] or date.max) == days[0] else 2
                if old[2] not in (None, rnd):
                    continue
                new = (old[0], old[1], rnd, old[3], old[4] if rnd == 1 else None, old[5])
                if new == old:
                    continue
                groups.setdefault(new, []).extend(groups.pop(old))

    def _roundless_time(self, r: Raw, team: bool) -> tuple[int, int] | None:
        """A time told without its round ("naar 33,61. Daarmee won hij de eerste 500 meter"). When the skater
        placed in another round of that distance too, only a time told for this round's own day counts
        ("Waar ze zaterdag 36,47 klokte, werd het nu 36,49"), and only when the rounds fell on different days."""
        ident = _raw_ident(r, team)
        code, rnd, day = r.orig[0], r.orig[1], r.orig[3]
        others = [o for o in self.raws if o.orig and o.orig[0] == code and o.orig[1] not in (None, rnd)
                  and _raw_ident(o, team) == ident]
        if any(o.orig[3] == day for o in others):
            return None
        for tk, tv in self.times.items():
            if tk[0] == code and tk[1] is None and tk[2] == r.orig[2] and tk[4] == r.orig[4] and ident in tv:
                if others and tk[3] != day:
                    continue
                return tv[ident]
        return None

    def _placings(self, key: tuple, rs: list[Raw], pgender: dict[int, str]) -> list[Placing]:
        code = key[0]
        team = code in TEAM_DISTANCES
        best: dict[object, Raw] = {}
        ident: object
        for r in sorted(rs, key=lambda r: (r.headline, r.order)):
            ident = r.ioc if team else (r.person.pid if r.person else None)
            if ident is None:
                continue
            if ident in best:
                cur = best[ident]
                if cur.time is None and r.time is not None:
                    cur.time = r.time
                if cur.members == () and r.members:
                    cur.members = r.members
                if cur.points is None and r.points is not None:
                    cur.points = r.points
                continue
            best[ident] = r
        # one skater per rank unless a tie is stated: keep the first statement
        all_times = self.times  # only read below
        times = all_times.get(_tkey(key), {})
        # (raw, time, time stated, the raw's identity in the time and margin tables)
        out: list[tuple[Raw, int | None, bool, object]] = []
        for r in best.values():
            rid = _raw_ident(r, team)
            t = r.time
            if t is None:
                noted_times: dict[object, tuple[int, int]] = all_times.get(r.orig, {}) or times
                if rid not in noted_times:
                    for tk, tv in all_times.items():  # the same race told without/with its weekday
                        if tk[0] == r.orig[0] and tk[1:3] == r.orig[1:3] and tk[4] == r.orig[4] and rid in tv:
                            noted_times = tv
                            break
                noted = noted_times.get(("C", r.ioc)) if team else \
                    noted_times.get(r.person.pid if r.person is not None else None)
                if not noted and r.orig and r.orig[1] is not None:
                    noted = self._roundless_time(r, team)
                if noted:
                    t = noted[0]
            out.append((r, t, t is not None, rid))
        # derived times from margins
        stated = {rid: t for r, t, ok, rid in out if ok}
        winner = next((t for r, t, ok, _rid in out if r.rank == 1 and ok), None)
        prev_time = None
        final: list[Placing] = []
        discipline = self.doc.discipline
        for r, t, _ok, ident in sorted(out, key=lambda x: (x[0].rank, x[0].order)):
            derived = False
            if t is None:
                for mk, target, ref, value, _order in self.margins:
                    if mk[0] != key[0] or target != ident:
                        continue
                    base = winner if ref == "winner" else prev_time if ref == "prev" else stated.get(ref)
                    if base is None and ref not in ("winner", "prev"):
                        base = times.get(ref, (None,))[0]
                    if base is not None:
                        t, derived = base + value, True
                        break
            if t is not None and not _plausible(code, t, discipline):
                t, derived = None, False
            if t is not None and not derived:
                prev_time = t
            if team and not r.members:
                r.members = self.team_members.get((r.orig, r.ioc), ())
            # members are noted per country and distance: the men's team is not the women's
            if team and r.members and key[1] != "mixed" and \
                    any(p is not None and pgender.get(p.pid) not in (None, key[1]) for p in r.members):
                r.members = ()
            if r.points is None:
                r.points = self.points.get((r.orig, ident))
            name = country_name_en(r.ioc or "") if team else (r.person.name if r.person else "")
            country = r.ioc if team else (r.person.country if r.person else None)
            final.append(Placing(r.rank, name, country, t, t is not None and not derived, r.points,
                                 tuple(p.name for p in r.members if p is not None) if team else (), team))
        # margins where the *reference* is the one with the derived time (X was m faster than Y)
        fixed: list[Placing] = []
        by_ident = {rid: (r, t) for r, t, _ok, rid in out}
        for p in final:
            if p.time is None:
                for mk, target, ref, value, _order in self.margins:
                    if mk[0] != key[0]:
                        continue
                    entry = by_ident.get(target)
                    if entry and (country_name_en(entry[0].ioc or "") if team else
                                  (entry[0].person.name if entry[0].person else "")) == p.name:
                        base = stated.get(ref) or times.get(ref, (None,))[0]
                        if base is not None:
                            p = Placing(p.rank, p.name, p.country, base + value, False, p.points, p.members, p.is_team)
                            break
            fixed.append(p)
        return fixed


# _subject's patterns (token letters P/C/T are the only capitals in a masked clause)
_A_REL_LEAD = re.compile(r"^(?:die|dat|wie)\b")
# A leading \b before a token letter is written as a lookbehind after it ("[PC](?<!\w[PC])" is "\b[PC]"):
# a pattern that starts with a character class lets `re` skip to the token letters.
_A_ENT_WORD = re.compile(r"[PC](?<!\w[PC])\d+\b")
_A_ENT_AT_END = re.compile(r"[PC]\d+\s*(?:\(T\d+\))?(?:\s+(?:heen|voorbij|voor|achter|af|aan|in|uit))?\s*$")
_A_IN_TIME_LEAD = re.compile(r"^(?:in|met)\s+T\d+\b")
_A_TIME_END = re.compile(r"T(?<!\wT)\d+\)?$")
_A_ORD_TIME_LEAD = re.compile(r"^(?:de|een)\s+(?:" + ORD + r")\s+(?:[\w-]+\s+)?tijd\b")
_A_PRONOUN_LEAD = re.compile(r"^(?:(?:\w+\s+){0,3}?)(?:hij|zij|ze|het|dat|dit)\b")
_A_VERB_LEAD = re.compile(r"^(?:en\s+)?(?:werd|won|eindigde|pakte|was|reed|klokte|"
                          r"kwam|veroverde|zegevierde|finishte|bleef|moest|had|is|greep|grepen|werden|"
                          r"wonnen|schreef|nam|versloeg|ging)\b")
_A_PAST_LEAD = re.compile(r"^(?:en\s+)?[a-z]{3,}(?:de|te|den|ten)\b")
_A_ADJ_LEAD = re.compile(r"^(?:en\s+)?(?:" + ORD + r"|beide|andere|halve|hele|goede|"
                         r"laatste|snelste|beste|sterkste)\b")
_A_PRONOUN = re.compile(r"(?:h(?<!\wh)ij|z(?<!\wz)ij|z(?<!\wz)e)\b")  # \b(?:hij|zij|ze)\b
# a subject pronoun not after a preposition: r"(?<!\bmet )...(?<!\bop )\b(?:hij|zij|ze)\b" with its lookbehinds
# moved past the pronoun's first letter, so the pattern starts with literals
_PRONOUN_SUBJ = re.compile("(?:" + "|".join(
    w[0] + "".join(r"(?<!\b" + prep + " " + w[0] + ")" for prep in ("met", "van", "voor", "dan", "achter", "op")) +
    r"(?<!\w" + w[0] + ")" + w[1:] for w in ("hij", "zij", "ze")) + r")\b")
_A_LISTED_BEFORE = re.compile(r"[PC]\d+\s*(?:,|\ben\b)\s*(?:de\s+)?$")
_DEMONYM_NP = re.compile(r"(?:d(?<!\wd)e|h(?<!\wh)et)\s+([\w-]+)(?:\s+([\w-]+))?")  # \b(?:de|het)\s+...
_A_DE_HET_LEAD = re.compile(r"^(?:(?:\w+\s+){0,4}?)(?:de|het)\s")
_A_DE_X_VERB_LEAD = re.compile(r"^(?:\w+\s+){0,3}?de\s+[\w-]+\s+"
                               r"(?:won|werd|was|klokte|reed|pakte|"
                               r"eindigde|zegevierde|kwam|bleef|ging)\b")
_A_TEAM_SUBJ_LEAD = re.compile(r"^(?:(?:\w+\s+){0,3}?)(?:ze|zij|de\s+(?:\w+\s+)?(?:ploeggenoten|"
                               r"teamgenoten|teamgenotes|ploeggenotes)|het\s+(?:\w+\s+)?"
                               r"(?:trio|kwartet|team)|de\s+ploeg)\b")
_A_TEAM_NOUN = re.compile(r"ploeggeno|teamgeno|trio|kwartet|ploeg\b")
_A_ZE_LEAD = re.compile(r"^(?:(?:\w+\s+){0,3}?)(?:ze|zij)\b")
_A_SHARED_LEAD = re.compile(r"^(?:(?:\w+\s+){0,3}?)(?:deelden|deelde)\s+(?:ze|zij)\b")
_A_VERB_LEAD_SHORT = re.compile(r"^(?:en\s+)?(?:werd|won|eindigde|pakte|was|reed|klokte|"
                                r"kwam|veroverde|zegevierde|finishte|bleef)\b")
_A_DAT_ORD_LEAD = re.compile(r"^(?:dat|dit)\s+(?:was|is|werd|betekende)\s+(?:goed\s+voor\s+)?"
                             r"(?:de|een)\s+(?:" + ORD + r")\s+(?:[\w-]+\s+)?(?:tijd|plaats|plek)\b")
_A_DAT_WAS = re.compile(r"^(?:(?:\w+\s+){0,3})(?:dat|dit)\s+(?:was|is|werd|betekende)\b")
# the other Engine methods' patterns, compiled once
_DISQUALIFIED = re.compile(r"\b(?:werd|werden|is|was|wordt)\s+(?:\w+\s+){0,3}?gediskwalificeerd\b")
# a subhead that names only a gender
_GENDER_SUBHEAD = re.compile(r"(?:(?:bij|de)\s+)?(?:de\s+)?(mannen|heren|vrouwen|dames)")
# a sentence that sets a junior scene for its paragraph: "Bij de junioren ...", "In de juniorenrace ..."
_JUNIOR_SCENE = re.compile(r"^\W*(?:(?:ook|en)\s+)?(?:bij|in|op|tijdens)\s+(?:de|het)\s+(?:[\w-]+\s+)?junior")
_A_INTERIM = re.compile(r"\bna\s+(?:twee|drie|vier|\d)\s+afstanden|\btussenstand|\baan de leiding|\bvoorlopig|"
                        r"\bvoorafgaand\b|\bstaat\b|\bstond\b|\bhalverwege\b|"
                        r"\bna\s+(?:de\s+)?(?:eerste|tweede|derde)\s+(?:dag|wedstrijddag)\b|\bna\s+dag\s+(?:een|twee|1|2)\b")


def _a_literal_first(words: tuple[str, ...], tail: str) -> str:
    """Branches "\\b<word><tail>" written as "<w>(?<!\\w<w>)<rest><tail>": the same matches, and a pattern made of
    such branches starts with literals, which `re` skips to instead of trying every position."""
    return "|".join(w[0] + r"(?<!\w" + w[0] + ")" + w[1:] + tail for w in words)


# a national team as a noun phrase ("de Nederlandse vrouwen", "het Oranje-kwartet"), spelled literal first
_TEAM_WORDS = re.compile(_a_literal_first(("de", "het"), r"\s+(?:nederlandse|japanse|canadese|noorse|amerikaanse|"
                                            r"chinese|koreaanse|zuid-koreaanse|russische|duitse|italiaanse|poolse)\s+"
                                            r"(?:vrouwen|mannen|dames|heren|ploeg|team|trio|kwartet|ploegachtervolgsters|"
                                            r"ploegachtervolgers|aflossingsploeg|sprinters|sprintsters|equipe|formatie|shorttrackvrouwen|"
                                            r"shorttrackmannen|shorttrackers|shorttracksters|vrouwenploeg|mannenploeg|"
                                            r"ploeggenoten)\b") + "|" + _a_literal_first(("oranje",), r"(?:-kwartet|-trio|-equipe)?\b"))
_A_DIST_WORD = re.compile(r"D(?<!\wD)\d+\b")
_A_MEDAL_WORD = re.compile(r"\b(?:goud|zilver|brons)\b")
_A_COUNTRY_TOKEN = re.compile(r"C(?<!\wC)\d+")
_A_OMLOOP = re.compile(r"\b(eerste|tweede)\s+omloop\b")
_A_TIME_WORD = re.compile(r"T(?<!\wT)\d+\b")
_A_VERSUS_BEFORE = re.compile(r"\b(?:tegen|dan)\s+$|\b(?:record|toptijd|recordtijd)\s+van\s+$")
_A_OWNER_BEFORE = re.compile(r"([PC]\d+)\s*\(?\s*$")
_A_VERSUS_ENT = re.compile(r"\b(?:met|van|tegen)\s+(?:de\s+[\w-]+\s+)?([PC]\d+)")
_A_POINTS_WORD = re.compile(r"N(?<!\wN)\d+\b")
_A_DIST_TOKEN = re.compile(r"D(?<!\wD)\d+")
_A_PERSON_LIST = re.compile(r"(P\d+)(?:\s*,\s*P\d+)*(?:\s+en\s+P\d+)")
_A_PERSON_TOKEN = re.compile(r"P\d+")
_A_MARGIN_WORD = re.compile(r"M(?<!\wM)\d+\b")
_A_BEHIND_AFTER = re.compile(r"\s*(?:daarachter|erachter|achter)\b")
_A_OTHER_AFTER = re.compile(r"\s*(?:(?:de|het|haar|zijn)\s+)?(?:[\w-]+\s+)?([PC]\d+)")
_A_BLEEF_BEFORE = re.compile(r"bleef\s+(?:(?:de|het)\s+[\w-]+\s+)?([PC]\d+)\s+$")
_A_LIST_VERB = re.compile(r"\b(?:eindigden|werden|reden|finishten)\b")
_A_LIST_VERB_BEFORE = re.compile(r"\b(?:eindigden|werden|finishten)\s+$")
_A_ENT_TOKEN = re.compile(r"[PC]\d+")
_A_ORD = re.compile(ORD)
_A_ENT_TIME = re.compile(r"([PC]\d+)\s*\((T\d+)\)")
_A_TWO_CHAMPIONS = re.compile(r"^(P\d+)\s+en\s+(P\d+)\s+(?:\w+\s+)?(?:wereld|europees|nederlands|olympisch)\s*kampioen")
# "(?:\bwon|\bwint|\bzegevierde|\bgewonnen|(?:\bgoud|\bzilver|\btitel|\bzege|\bsnelste|\bsterkste|naar\s+[PC]\d+)\s*,)...", its branches spelled
# literal first (the same matches, tried in the same order)
_A_WON_BEFORE = re.compile("(?:" + _a_literal_first(("won", "wint", "zegevierde", "gewonnen"), "") + "|" +
                           _a_literal_first(("goud", "zilver", "titel", "zege", "snelste", "sterkste"), r"\s*,") + r"|naar\s+[PC]\d+\s*,)\s*,?\s*"
                           r"(?:(?:\w+\s+){0,5}?(?:in\s+T\d+\s+)?|(?:[\w-]+\s+){0,9}?[\w-]+,\s*)voor\s+((?:de\s+[\w-]+\s+)?[PC]\d+(?:\s*,\s*(?:de\s+[\w-]+\s+)?[PC]\d+)*"
                           r"(?:\s+en\s+(?:de\s+[\w-]+\s+)?[PC]\d+)?)")
_A_SILVER_END = re.compile(r"zilver\s*,?\s*(?:\w+\s+){0,3}?$")
_A_TOO_FAST = re.compile(r"\b(?:te snel|sneller|te sterk)\b")
# "A won de 500 meter, gevolgd door B en C": a win, then in the same sentence whom it was followed by. The gap
# between them (group 1) is checked apart: no other result may stand in it ("won de 500 meter en werd tweede op
# de 1000 meter, gevolgd door B" speaks of the 1000 meter).
_A_WON_FOLLOWED = re.compile(r"\b(?:won|wint|zegevierde|gewonnen|triomfeerde)\b([^.;:()]{0,80}?),\s*"
                             r"(?:op\s+M\d+\s+)?gevolgd\s+door\s+((?:de\s+[\w-]+\s+)?[PC]\d+"
                             r"(?:\s*,\s*(?:de\s+[\w-]+\s+)?[PC]\d+)*(?:\s+en\s+(?:de\s+[\w-]+\s+)?[PC]\d+)?)")
_A_RESULT_IN_GAP = re.compile(r"\ben\b|\b(?:werd|werden|eindigde|was|pakte|reed|klokte|finishte|kwam)\b|\b[PC]\d+\s*,|"
                              r"\b(?:" + ORD + r")\b")
_A_NON_DIGIT = re.compile(r"\D")


_STAFF_BEFORE = re.compile(r"\b(?:bondscoach|coach|hoofdcoach|trainer|trainster|ploegleider|teamleider|teammanager|"
                           r"directeur|voorzitter|commentator|analist|journalist|verslaggever|scheidsrechter)\s+$")
_PLURAL_VERB = re.compile(r"\b(?:wonnen|pakten|reden|werden|waren|eindigden|veroverden|grepen|kwamen|hadden|hebben|"
                          r"winnen|pakken|rijden|worden|zijn|eindigen|finishten|klokten|noteerden)\b")
_MEDAL_RANK = {"goud": 1, "zilver": 2, "brons": 3}
_WIN_BY_WINNING = re.compile(r"\bdoor\s+(?:na\s+(?:de\s+|het\s+)?(D\d+)\s+ook\s+)?(?:de\s+|het\s+)?(D\d+)\s+te\s+winnen\b")
_COORD_OBJECT = re.compile(r"(?:(?:ook|daardoor|daarmee|bovendien|dus|zo)\s+){0,2}(?:de|het)\s+(?:[\w-]+\s+)?D\d+"
                           r"(?:\s+(?:op|bij|in)\s+(?:de|het)\s+[\w-]+)?")
_HAS_TOKEN = re.compile(r"[PCTMN]\d")  # an entity token: the common case of a clause worth reading
_NOUN_TAILS = frozenset({"kwartet", "trio", "ploeg", "team", "equipe", "selectie", "ploegen", "formatie"})
_NOT_PEOPLE = frozenset({"olympic oval", "utah olympic oval", "olympisch stadion", "jaap eden", "max aicher arena",
                         "vikingskipet", "sormarka arena", "gunda niemann-stirnemann halle", "ice arena",
                         "capital indoor stadium", "milano", "salt lake", "team easyjet", "team novus",
                         "team reggeborgh", "jumbo-visma", "team jumbo-visma", "brabant", "friesland"})



_VERBS = re.compile(r"\b(?:is|was|werd|werden|won|wint|wonnen|pakte|pakten|reed|reden|klokte|klokten|eindigde|"
                    r"eindigden|kwam|kwamen|had|heeft|hebben|zei|bleef|ging|gaat|staat|stond|veroverde|zegevierde|"
                    r"finishte|noteerde|maakte|moest|kon|liet|zette|schreef|greep|nam|deed|deden|reageerde)\b")


def _has_verb(clause: str) -> bool:
    return bool(_VERBS.search(clause))


def _group_at(clause: str, index: dict[str, Ent]) -> list[Ent]:
    """A plural subject "A en B" / "A, B en C" at the start of a clause."""
    if "P" not in clause:
        return []
    m = _A_GROUP_LEAD.match(clause)
    if not m:
        return []
    return [index[t] for t in _A_PERSON_TOKEN.findall(m.group(1))]


_A_BEST_SUBJ = re.compile(r"(?:\b([PC]\d+)\s+was\b|\bwas\s+(?:de\s+[\w-]+\s+)?([PC]\d+))(?:\s+[\w-]+){0,8}?\s+de\s+"
                          r"(?:snelste|sterkste)$")
_A_ENT_AS_ORD = re.compile(r"([PC]\d+)\s+als\s+(" + ORD + r")\b")
_A_WITH_AS_ORD = re.compile(r"\bmet\s+((?:(?:de|het)\s+[\w-]+\s+)?[PC]\d+\s+als\s+(?:" + ORD + r")"
                            r"(?:\s*(?:,|\ben\b)\s*(?:(?:de|het)\s+[\w-]+\s+)?[PC]\d+\s+als\s+(?:" + ORD + r"))*)"
                            r"(?=\s*(?:[,.;!?]|\ben\b|$))")
# "moest (X) alleen Y voor laten gaan": Y (group 2) won; X (group 1), when a skater stands between "moest" and
# "alleen", was second
_A_ONLY_BEATEN_BY = re.compile(
    r"\bmoest\s+(?:(?:[\w-]+\s+){0,5}?(?<!\bvan\s)(P\d+)\s+)?(?:[\w-]+\s+){0,5}?alleen\s+"
    r"(?:(?:de|het)\s+[\w-]+\s+)?([PC]\d+)\s+"
    r"(?:voor\s+(?:laten\s+gaan|zich\s+dulden|moeten\s+laten\s+gaan)|laten\s+voorgaan)\b")
# the subject opening the sentence before "moest": "(de Noorse) X ... moest"
_A_SUBJECT_BEFORE = re.compile(r"(?:de\s+[\w-]+\s+)?(P\d+)\s+(?:[\w-]+\s+){0,5}?$")
_A_WON_PAIR = re.compile(r"(P\d+)\s+en\s+(P\d+)\s+(?:hebben|wonnen|winnen|zijn|pakten|veroverden|zegevierden)\b")
_A_GROUP_LEAD = re.compile(r"^(?:ook\s+)?((?:P\d+)(?:\s*,\s*P\d+)*\s+en\s+P\d+)\s+(?:\w+\s+)?(?:reden|eindigden|"
                           r"deelden|werden|klokten|finishten|noteerden|kwamen|waren)\b")


def _tkey(key: tuple) -> tuple:
    """Race key without gender (times are noted before the gender is settled)."""
    return (key[0], key[2], key[3], key[4], key[5])


def _tok(index: dict[str, Ent], ent: Ent) -> str:
    for k, v in index.items():
        if v is ent:
            return k
    return ""


_RANGES = {"500m": (3300, 5000), "1000m": (6500, 10000), "1500m": (10000, 16500), "3000m": (22000, 32000),
           "5000m": (35000, 48000), "10000m": (74000, 90000), "team_pursuit": (17000, 24000),
           "team_sprint": (7500, 9500), "relay": (24000, 45000)}


def _plausible(code: str, hundredths: int, discipline: str) -> bool:
    """A time that cannot be this distance's result (a split, a record of another distance) is dropped."""
    lo_hi = _RANGES.get(code)
    if lo_hi is None:
        return code not in ("mass_start",) and not code.endswith("classification")
    lo, hi = lo_hi
    if discipline == "short_track":
        lo, hi = int(lo * 1.05), int(hi * 1.4)
    return lo <= hundredths <= hi


def _raw_ident(r: Raw, team: bool) -> object:
    if team:
        return ("C", r.ioc)
    return r.person.pid if r.person else None


def _ident(ent: Ent | None) -> object:
    if ent is None:
        return None
    if ent.kind == "P" and ent.person is not None:
        return ent.person.pid
    if ent.kind == "C":
        return ("C", ent.ioc)
    return None


def _same(a: Raw, b: Raw) -> bool:
    if a.person is not None and b.person is not None:
        return a.person.pid == b.person.pid
    return a.ioc is not None and a.ioc == b.ioc and a.person is None and b.person is None


def _team_country(members: tuple[Person, ...], fallback: str | None = None, dutch_context: bool = False) -> str | None:
    """The country a team of named skaters rides for: their one known country (from the article, else as known
    skaters), else the team in focus, else the Netherlands only when the text says so (Nederlandse/Oranje/TeamNL).
    Known skaters come before the team in focus: "Japan won ... Nederland, met Beune, ..." names Dutch members
    while Japan is still in focus."""
    countries = {p.country for p in members if p is not None and p.country}
    if len(countries) == 1:
        return countries.pop()
    if countries:
        return None
    known = {ks[1] for p in members if p is not None and (ks := known_skater(p.name)) and ks[1]}
    if known:
        return known.pop() if len(known) == 1 else None
    if fallback:
        return fallback
    return "NED" if dutch_context else None


# Matches exactly where _SPACE_BEFORE_PUNCT does (a punctuation mark right after whitespace), but opens with
# a character class, which re skips to quickly, instead of \s+ tried at every space.
_E_PUNCT_AFTER_SPACE = re.compile(r"[.,;:!?)](?<=\s.)")


# The tokens _mask hands out ("P0", "T3", ...), built once instead of formatted per entity.
_E_TOKEN_COUNT = 40
_E_TOKENS = {kind: tuple(f"{kind}{n}" for n in range(_E_TOKEN_COUNT)) for kind in "PCTMDN"}


def _mask(folded: str, ents: list[Ent]) -> tuple[str, dict[str, Ent]]:
    parts, index, pos = [], {}, 0
    counters: dict[str, int] = {}
    for e in ents:
        start = e.start
        if start < pos:
            continue
        parts.append(folded[pos:start])
        kind = e.kind
        n = counters.get(kind, 0)
        counters[kind] = n + 1
        toks = _E_TOKENS.get(kind)
        tok = toks[n] if toks is not None and n < _E_TOKEN_COUNT else f"{kind}{n}"
        index[tok] = e
        parts.append(tok)
        pos = e.end
    parts.append(folded[pos:])
    masked = "".join(parts)
    if "  " in masked or "\t" in masked:  # otherwise collapsing space runs changes nothing
        masked = _re_sub(r"[ \t]+", " ", masked)
    masked = masked.strip()
    if _E_PUNCT_AFTER_SPACE.search(masked):  # rare: searching is much cheaper than a substitution that finds nothing
        masked = _SPACE_BEFORE_PUNCT.sub(r"\1", masked)
    return masked, index


_HEADLINE_VERB_AFTER = re.compile(
    r"\s+(?:won|wint|werd|wordt|pakt|pakte|eindigde|eindigt|reed|rijdt|klokte|was|is|zegevierde|zegeviert|"
    r"schreef|veroverde|verovert|finishte|kwam|kan|heeft|en|\(|[a-z]+t\b|(?:" + ORD + r")\b)")
_LIST_ENTS = r"((?:[PC]\d+)(?:\s*\(T\d+\))?(?:\s*,\s*[PC]\d+(?:\s*\(T\d+\))?)*\s+en\s+[PC]\d+(?:\s*\(T\d+\))?)"
_LIST_ORD = r"(?:(?:de|als|het)\s+)?(?:" + ORD + r")(?:\s*\(T\d+\))?"
_LIST_ORDS = r"(" + _LIST_ORD + r"(?:\s*,\s*" + _LIST_ORD + r")*\s+en\s+" + _LIST_ORD + r")"
_RESPECTIVE_LIST = re.compile(_LIST_ENTS + r"[^.]*?\b(?:respectievelijk\s+)?(?:eindigden|werden|reden|finishten|klokten|"
                              r"eindigden\s+op|noteerden)?\s*(?:respectievelijk\s+)?(?:als\s+|de\s+|op\s+de\s+)?" +
                              _LIST_ORDS + r"(?:\s+(?:tijd|plaats))?")
_ORD_TIME = re.compile(r"(?:" + ORD + r")\s*\((T\d+)\)")
_ENT_ORD_PAREN = re.compile(r"([PC]\d+)\s*\((" + ORD + r")\)")
_RANK_BEHIND = re.compile(r"\b(?:werd|eindigde|finishte|reed|klokte)\s+(?:[\w,]+\s+){0,6}?(?:als\s+|de\s+)?(" + ORD +
                          r")(?:\s+tijd)?\s*,?\s*achter\s+((?:de\s+[\w-]+\s+)?[PC]\d+(?:\s+en\s+[PC]\d+)?)|"
                          r"\bachter\s+((?:de\s+[\w-]+\s+)?[PC]\d+)\s+als\s+(" + ORD + r")")
_UIT_COUNTRY = re.compile(r"\s+uit\s+([A-Z][\w-]+)")


def _word_before(sent: str, end: int) -> tuple[int, str] | None:
    """(start, word) of the word right before ``sent[end]`` when only space separates them: what
    ``([\\w-]+)\\s+$`` finds on ``sent[:end]``, read backwards instead of searched from the left."""
    stripped = sent[:end].rstrip()  # str.rstrip() strips exactly what \s matches
    i = len(stripped)
    if i == end or i == 0:
        return None
    # the [\w-] run ending at i, matched on the reversed text: C-level work instead of a loop per character
    m = _E_WORD_CHARS.match(stripped[::-1])
    if m is None:
        return None
    j = i - m.end()
    return j, sent[j:i]


_E_WORD_CHARS = re.compile(r"[\w-]+")


_GAPPED_RANK = re.compile(r"^(?:(?:de|het)\s+(?:[\w-]+\s+)?)?([PC]\d+)\s+(?:als\s+|het\s+)?\(?(" + ORD +
                          r"|goud|zilver|brons)\)?(?:\s+\(?T\d+\)?)?\s*"
                          r"(?:in\s+T\d+|met\s+T\d+|met\s+N\d+|\(T\d+\))?\s*(?:(?:op|in|bij)\s+(?:de\s+)?(?:\w+\s+)?[DP]\d+)?\s*$")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?)])")


_ORD_PAIR = re.compile(r"\b(?:" + ORD + r")\b(?:\s*\(T\d+\))?\s+en\s+(?:de\s+|als\s+)?(?:" + ORD + r")\b")


def _like_words(text: str) -> bool:
    """Cheap gate for the "net als / zoals / evenals" patterns: each holds 'als'."""
    return "als" in text


_ORD_EN_SUPERLATIVE = re.compile(r"\b(" + ORD + r") en (laatste|snelste|langzaamste)\b")


def _clauses(masked: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    body = masked.rstrip(".!? ")
    if "-" in body:
        body = _A_DASH_ASIDE.sub(" ", body)
    if " en " in body and ("laatste" in body or "snelste" in body or "langzaamste" in body):
        body = _ORD_EN_SUPERLATIVE.sub(r"\1 \2", body)
    # Every delimiter starts at one of these literals (" - " one character before its dash), in the context its
    # branch needs. The literal scan is fast, so the delimiter pattern is tried only there, in order: the matches
    # of _SPLIT_CLAUSE.finditer(body).
    nxt = 0  # where the next delimiter may start
    # (every word of _S_SPLIT_LITERAL spells one of these)
    split_literal = _S_SPLIT_LITERAL if "dat" in body or "waar" in body or "maar" in body or "want" in body or \
        "toen" in body or "terwijl" in body or "hoewel" in body else _S_SPLIT_PUNCT
    # (and _S_SPLIT_PUNCT finds nothing in a text without its characters)
    lit = split_literal.search(body) if split_literal is _S_SPLIT_LITERAL or "," in body or ";" in body or \
        ":" in body or "-" in body else None
    while lit is not None:
        c = lit.start()
        m = _SPLIT_CLAUSE.match(body, c - 1) if c > nxt and body[c] == "-" else None
        if m is None:
            m = _SPLIT_CLAUSE.match(body, c)
            if m is None:
                lit = split_literal.search(body, c + 1)
                continue
        cut, mend = m.span()
        # an empty delimiter (before "terwijl", ...) is one no other can share its start with: each non-empty
        # branch comes before it in the pattern
        nxt = mend if mend > cut else cut + 1
        lit = split_literal.search(body, nxt)
        while cut > pos and body[cut - 1].isspace():  # str.isspace() is exactly \s
            cut -= 1
        # keep "A, B en C" lists together. The delimiter is "," exactly when the match starts with one; a
        # token (or its bracketed time) ends body[:cut] only when its last character is a digit, ")" or space
        if body[m.start()] == "," and cut and (body[cut - 1] == ")" or body[cut - 1].isdigit() or
                                               body[cut - 1].isspace()) and \
                _A_LIST_END.search(body, 0, cut) and _A_LIST_NEXT.match(body, mend):
            continue
        seg = body[pos:cut].strip()
        if seg:
            out.append((pos, seg))
        pos = mend
    seg = body[pos:].strip()
    if seg:
        out.append((pos, seg))
    # split "X werd tweede en Y derde" style coordinations: " en " before a new subject with its own verb
    final: list[tuple[int, str]] = []
    for start, seg in out:  # each seg is stripped and not empty
        if "en" not in seg or not _S_EN_WORD.search(seg):  # every split point below is an " en "
            final.append((start, seg))
            continue
        for p in _A_EN_SPLIT.split(seg):
            p = p.strip()
            if p:
                final.append((start, p))
    return final


# Coordinations _clauses() splits at. Every branch starts with whitespace (the lookbehinds look one character
# further back, across that first whitespace character, which is the same test), so `re` scans for whitespace
# and for " en " ahead of it instead of trying each branch at every position.
_A_EN_SPLIT = re.compile(
    r"\s(?=\s*en\s)(?:"
    r"(?<![PC]\d\s)(?<![PC]\d\d\s)\s*en\s+(?=(?:de\s+[\w-]+\s+)?[PC]\d+\s+(?:werd|won|wint|pakte|"
    r"eindigde|was|reed|klokte|kwam|veroverde|finishte|zegevierde|bleef|ging|moest|maakte|"
    r"completeerde|greep)\b)|"
    r"(?<![PCT]\d\s)(?<![PCT]\d\d\s)(?<!\)\s)\s*en\s+(?!(?:de\s+|het\s+|als\s+)?(?:[PC]\d|" + ORD +
    r")\b)|(?<=[PCT]\d\s)\s*en\s+(?=(?:werd|won|pakte|eindigde|was|klokte|reed|kwam|veroverde|"
    r"zegevierde|finishte|bleef|ging|op|in|bij)\b)|"
    # "reed de vijfde tijd (T0) en sloot het seizoen af met ...": a new verb after a bracketed time
    r"(?:(?<=\(T\d\)\s)|(?<=\(T\d\d\)\s))\s*en\s+(?=(?:werd|won|pakte|eindigde|was|reed|kwam|veroverde|"
    r"bleef|ging|sloot|stelde|hield|nam|greep|moest|had|is|heeft)\b)|"
    # "Swings werd tweede met 40 punten en Stroetinga derde met 20 punten": a gapped verb
    r"(?<=[TN]\d\s)\s*en\s+(?=[PC]\d+\s+(?:" + ORD + r")\b)|"
    # "Rijpma-de Jong werd tweede en Groenewoud derde": the gapped rank ends the clause
    r"(?<![PC]\d\s)(?<![PC]\d\d\s)\s*en\s+(?=[PC]\d+\s+(?:als\s+)?(?:" + ORD + r")(?:\s+in\s+T\d+|\s+\(T\d+\))?$))")
_A_DASH_ASIDE = re.compile(r"\s-\s[^-]{1,40}?\s-\s")
_A_LIST_END = re.compile(r"[PC]\d+\s*(?:\(T\d+\))?$")
_A_LIST_NEXT = re.compile(r"\s*(?:de\s+[\w-]+\s+)?[PC]\d+\s*(?:\(T\d+\))?(?:\s*,|\s+en\b)")


def _entity_after(clause: str, pos: int, index: dict[str, Ent]) -> Ent | None:
    m = _A_ENT_AFTER.match(clause, pos)  # the pattern looks at nothing before pos: same as matching clause[pos:]
    return index[m.group(1)] if m else None


_A_ENT_AFTER = re.compile(r"\s*(?:(?:de|het|een)\s+)?(?:[\w-]+\s+){0,3}?([PC]\d+)")


@lru_cache(maxsize=8192)
def _cached_spans(sent: str) -> list[tuple[int, int, tuple[str, ...]]]:
    return candidate_spans(sent, _is_demonym_word)


def _gender_of(folded: str) -> str | None:
    """The one gender a text names ("bij de vrouwen", "de Nederlandse mannen"), or None."""
    # every branch of _GENDER_PHRASE names one of these words: most texts are settled here, ahead of the cache
    if "mannen" not in folded and "vrouwen" not in folded and "dames" not in folded and "heren" not in folded:
        return None
    return _gender_scan(folded)


@lru_cache(maxsize=8192)
def _gender_scan(folded: str) -> str | None:
    found = set()
    for m in _GENDER_PHRASE.finditer(folded):
        word = next(g for g in m.groups() if g)
        found.add("men" if word in ("mannen", "heren") else "women")
    if len(found) == 1:
        return found.pop()
    return None


def _strip_year_context(clause: str) -> str:
    if "sinds" not in clause:
        return clause
    return _A_SINDS_YEAR.sub(" ", clause)


def _strip_sinds(folded: str) -> str:
    if "sinds" not in folded:
        return folded
    return _A_SINDS_YEAR.sub(" ", folded)


_A_SINDS_YEAR = re.compile(r"\bsinds\s+(?:\w+\s+)?(?:19|20)\d\d\b")


def _is_subhead(par: str, index: int) -> bool:
    """NOS subheads: short lines without closing punctuation."""
    s = par.strip()
    if not s or index == 0:
        return False
    if s.endswith("- NOS"):
        return True
    # s is stripped, so r"[.!?\"'”:]$" can only match its last character
    return s[-1] not in ".!?\"'”:" and len(s.split()) <= 12


def _is_demonym_word(word: str) -> bool:
    dm = demonym(word)
    return dm is not None
