"""Rank phrases of Dutch race reports, read on a *masked* clause.

A masked clause is folded text in which the engine replaced every entity by a token: ``P3`` a skater,
``C1`` a country, ``T0`` a time, ``M0`` a margin, ``D2`` a distance, ``N0`` points. Upper-case letters occur
nowhere else, so the patterns below can name entities directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, reduce
from operator import or_

from parsing.fastre import Gated, WordGate, literal_led_pattern
from parsing.text import ORDINAL_WORDS, fold

__all__ = ["RankHit", "find_ranks", "ORD", "ordinal_value", "BLOCK_RE", "ENT", "standings_in"]

_ORD_WORDS = sorted({fold(w) for w in ORDINAL_WORDS}, key=len, reverse=True)
ORD = r"(?:" + "|".join(_ORD_WORDS) + r"|\d{1,2}(?:e|ste|de))"
_ORD_VALUE = {fold(k): v for k, v in ORDINAL_WORDS.items()}
_NUMBERS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
            "tien": 10, "elf": 11, "twaalf": 12}
ENT = r"[PC]\d+"


_ORD_DIGITS = re.compile(r"(\d{1,2})(?:e|ste|de)$")


def ordinal_value(word: str) -> int | None:
    w = fold(word)
    if w in _ORD_VALUE:
        return _ORD_VALUE[w]
    m = _ORD_DIGITS.match(w)
    return int(m.group(1)) if m else None


@dataclass(frozen=True, slots=True)
class RankHit:
    """A rank phrase in a clause; ``after`` means its subject follows it ('het brons ging naar X')."""

    start: int
    end: int
    rank: int
    kind: str  # 'win', 'medal', 'ord', 'podium', 'goesto', 'title'
    after: bool = False


_MEDAL = {"goud": 1, "gouden": 1, "zilver": 2, "zilveren": 2, "brons": 3, "bronzen": 3}
_MEDAL_NOUN = r"(?:goud|zilver|brons|(?:gouden|zilveren|bronzen)\s+(?:medaille|plak|plak|race))"
_GET = (r"(?:pakte|pakt|pakten|won|wint|wonnen|veroverde|verovert|veroverden|greep|grijpt|grepen|kreeg|krijgt|"
        r"behaalde|behaalt|sleepte|haalde|haalt|nam|neemt|reed naar|rijdt naar|reden naar|legde beslag op|"
        r"genoegen nemen met|genoegen met|compleet met|bleef steken op|moest tevreden zijn met|ging met|eindigde met|"
        r"gepakt|gewonnen|veroverd|gegrepen|behaald|opgeeist)")

# Word groups some patterns below cannot match without (see ``needs`` there).
_METAL = ("goud", "zilver", "bron")  # 'bron': brons and bronzen
_TO = ("naar", "voor")
_WIN_NOUN = ("zege", "overwinning", "winst", "titel")
_BEST = ("snelste", "sterkste", "beste")
_ENT_LETTER = ("P", "C")  # a skater or country token

_PATTERNS: list[tuple[re.Pattern[str], str, int | None, bool, tuple[tuple[str, ...], ...]]] = [
    # (pattern, kind, fixed rank or None (rank from group 'o' / 'm'), subject after, needs)
    # needs: word groups each of which must have a word occurring in any text the pattern matches (a necessary
    # condition read off the pattern's literal text, so skipping the pattern without them loses no match).
    (re.compile(r"(?:\b(?:het|de)\s+|^)(?P<m>goud|zilver|brons|gouden medaille|zilveren medaille|bronzen medaille)\s+"
                r"(?:(?:in|op|bij)\s+(?:de|het)\s+\S+\s+)?(?:ging|gaat|was|is)\s+(?:er\s+)?(?:\w+\s+){0,2}?(?:naar|voor)\b"),
     "goesto", None, True,
     (_METAL, _TO)),
    (re.compile(r"\b(?:de|het)\s+(?:zege|overwinning|winst|titel|wereldtitel|europese titel|nederlandse titel|"
                r"olympische titel|allroundtitel|sprinttitel)\s+(?:\w+\s+)?(?:ging|gaat|was|is)\s+"
                r"(?:\w+\s+){0,3}?(?:naar|voor)\b"), "goesto", 1, True,
     (_WIN_NOUN, _TO)),
    (re.compile(r"\b(?:was|is|ging)\s+de\s+(?:zege|overwinning|winst|titel|wereldtitel)\s+"
                r"(?:(?:op|in|bij)\s+(?:de|het)\s+D\d+\s+|\w+\s+)?(?:voor|naar)\b"),
     "goesto", 1, True,
     (_WIN_NOUN, _TO)),
    # "Winnaar werd Jordan Stolz" / "De winnares was Miho Takagi": the winner named after the verb
    (re.compile(r"^(?:de\s+)?(?:winnaar|winnares)\s+(?:werd|was|is|wordt)\b(?=\s+(?:de\s+[\w-]+\s+)?[PC]\d)"),
     "win", 1, True,
     (("winnaar", "winnares"), ("werd", "was", "is", "wordt"), _ENT_LETTER)),
    # "De nieuwe wereldkampioen is Davide Ghiotto"
    (re.compile(r"^(?:de\s+)?nieuwe\s+(?:wereld|europees\s+|nederlands\s+|olympisch\s+)?kampioen(?:e)?\s+"
                r"(?:(?:op|van)\s+de\s+D\d+\s+)?(?:werd|was|is|wordt|heet)\b(?=\s+(?:de\s+[\w-]+\s+)?[PC]\d)"),
     "title", 1, True,
     (("kampioen",), ("nieuwe",), _ENT_LETTER)),
    (re.compile(r"\b(?:werd|wordt|is)\s+(?:\w+\s+){0,2}?gewonnen\s+door\b"), "goesto", 1, True,
     (("gewonnen",), ("door",))),
    (re.compile(r"\b(?:was|werd|is)\s+(?:een\s+)?(?:gemakkelijke\s+|makkelijke\s+)?(?:prooi|buit)\s+voor\b"),
     "goesto", 1, True,
     (("prooi", "buit"), ("voor",))),
    (re.compile(r"\b(?:de\s+)?(?:winst|zege|overwinning)\s+(?:in|van|op)\s+(?:het|de)\s+D\d+"), "title", 1, False,
     (("winst", "zege", "overwinning"), ("D",))),
    (re.compile(r"^(?!.*\b(?:zilver|brons|tweede|derde)\b).*?\b(?:ging|gaat)\s+(?:\w+\s+){0,3}?naar\b"
                r"(?=\s+(?:de\s+\w+\s+)?[PC]\d)"), "goesto_bare", 1, True,
     (("ging", "gaat"), ("naar",), _ENT_LETTER)),
    (re.compile(r"\b" + _GET + r"\s+(?:[\w,:]+\s+){0,6}?(?:het\s+|de\s+|een\s+)?(?P<m>goud|zilver|brons|"
                r"gouden medaille|zilveren medaille|bronzen medaille|gouden plak|zilveren plak|bronzen plak)\b"),
     "medal", None, False,
     (_METAL,)),
    # "reed op de 500 meter naar zilver"
    (re.compile(r"\b(?:reed|reden|schaatste|schaatsten|sprintte|sprintten|stormde|snelde)\s+(?:[\w-]+\s+){0,6}?naar\s+"
                r"(?:het\s+)?(?P<m>goud|zilver|brons)\b"), "medal", None, False,
     (_METAL, ("naar",), ("reed", "reden", "schaatste", "sprintte", "stormde", "snelde"))),
    (re.compile(r"\b(?P<m>goud|zilver|brons)\s+(?:pakte|pakten|won|wonnen|veroverde)\b"), "medal", None, False,
     (("pakte", "won", "veroverde"),)),
    # a medal as the outcome of a surprise or a stunt: "De Boo verrast met brons", "Kok stunt met zilver"
    (re.compile(r"\b(?:verrast|verraste|verrasten|stunt|stuntte|stuntten|verbaasde|verbaast)\s+(?:\w+\s+){0,2}?met\s+"
                r"(?:het\s+|een\s+)?(?P<m>goud|zilver|brons|gouden medaille|zilveren medaille|bronzen medaille)\b"),
     "medal", None, False,
     (_METAL, ("verras", "stunt", "verbaas"), ("met",))),
    # a medal won as the means of something: "revancheerde zich door het brons te pakken"
    (re.compile(r"\bdoor\s+(?:(?:het|de|een)\s+)?(?P<m>goud|zilver|brons|gouden medaille|zilveren medaille|bronzen "
                r"medaille)\s+(?:[\w-]+\s+){0,4}?te\s+(?:pakken|winnen|veroveren|grijpen|halen|behalen)\b"),
     "medal", None, False,
     (_METAL, ("door",), ("te",))),
    (re.compile(r"\b(?P<m>goud|zilver|brons)\s+(?:[\w-]+\s+){0,3}?(?:gepakt|gewonnen|veroverd|behaald|gegrepen|"
                r"binnengehaald)\b"), "medal", None, False,
     (("gepakt", "gewonnen", "veroverd", "behaald", "gegrepen", "binnengehaald"),)),
    (re.compile(r"(?:^|\b(?:en|het|de)\s+|,\s*)(?P<m>goud|zilver|brons)\s+(?:\w+\s+)?voor\b(?=\s+(?:de\s+[\w-]+\s+)?[PC]\d)"),
     "goesto", None, True,
     (("voor",), _ENT_LETTER)),
    # nominal headline/lead: "Winst voor Kodaira" / "Nieuwe zege voor Nederland" ("eindzege" is the standings)
    (re.compile(r"^(?:(?:nieuwe|eerste|ruime|nipte|overtuigende|weer|opnieuw|ook)\s+)?(?:winst|zege|overwinning)\s+"
                r"voor\s+(?=(?:de\s+[\w-]+\s+)?[PC]\d)"), "goesto", 1, True,
     (("winst", "zege", "overwinning"), ("voor",), _ENT_LETTER)),
    (re.compile(r"^(?:de\s+[\w-]+\s+)?[PC]\d+\s+(?:\w+\s+)?(?:wereld|europees|nederlands|olympisch)\s*kampioen(?:e)?\b"),
     "head_best", 1, False,
     (("kampioen",), _ENT_LETTER)),
    (re.compile(r"\b(?:completeerde|completeert|completeerden|completeren)\s+(?:\w+\s+){0,3}?het\s+podium|"
                r"\bmaakte\w*\s+(?:\w+\s+){0,3}?het\s+podium\s+compleet|\bhet\s+podium\s+compleet\s+maakte"),
     "podium", 3, False,
     ()),
    (re.compile(r"\b(?:werd|werden|wordt|worden|eindigde|eindigden|eindigt|finishte|finishten|finisht|kwam|kwamen)"
                r"\s+(?:[\w-]+\s+){0,8}?(?:als\s+)?(?P<o>" + ORD + r")(?!\s+(?:D\d|omloop|keer|ronde|dag|race|rit|"
                r"wereldtitel|titel|zege|bocht|poging|wedstrijd))\b"),
     "ord", None, False,
     (("werd", "wordt", "worden", "eindig", "finish", "kwam"),)),
    (re.compile(r"\b(?:was|is|waren)\s+(?:[\w-]+\s+){0,3}?(?<!de )(?<!het )(?<!een )(?P<o>" + ORD +
                r")(?!\s+(?:D\d|omloop|keer|ronde|dag|race|rit|wereldtitel|titel|zege|bocht|poging|wedstrijd|"
                r"medaille|plaats|tijd|[a-z]+e\b))\b(?!-)"), "ord", None, False,
     (("was", "is", "waren"),)),
    (re.compile(r"^(?:\w+\s+){0,2}?(?P<o>" + ORD + r")\s+(?:(?:in|op|bij)\s+(?:de|het)\s+[\w-]+\s+)?"
                r"(?:werd|werden|eindigde|was|is|wordt|kwam|kwamen|finishte)\b"), "ord_inv", None, True,
     (("werd", "eindigde", "was", "is", "wordt", "kwam", "finishte"),)),
    # perfect tense, verb last: "is op de 10.000 meter als vierde geëindigd", "is zevende geworden"
    (re.compile(r"\b(?:is|zijn)\s+(?:[\w-]+\s+){0,10}?(?:als\s+)?(?P<o>" + ORD + r")\s+(?:geeindigd|gefinisht|geworden)\b"),
     "ord", None, False,
     (("is", "zijn"), ("geeindigd", "gefinisht", "geworden"))),
    (re.compile(r"\b(?:als|op\s+de|op\s+een|met\s+de|met\s+een|naar\s+de|naar\s+een|de|een)\s+(?P<o>" + ORD +
                r")\s+(?:plaats|plek|stek)\b"), "ord", None, False,
     (("plaats", "plek", "stek"),)),
    # verb-final relative clause: "sneller dan Ronald Mulder, die met 34,63 tweede werd"
    (re.compile(r"^(?:die|dat)\s+(?:[\w-]+\s+){0,4}?(?:als\s+)?(?P<o>" + ORD + r")\s+(?:werd|werden|eindigde|eindigden|"
                r"finishte|finishten)$"), "ord", None, False,
     (("die", "dat"), ("werd", "eindig", "finish"))),
    (re.compile(r"\bals\s+(?P<o>" + ORD + r")\s+(?:eindigde|eindigden|finishte|finishten|binnenkwam|over de streep kwam)\b"),
     "ord", None, False,
     (("als",), ("eindig", "finish", "kwam"))),
    (re.compile(r"\bmedaille\s*:\s*(?P<m>goud|zilver|brons)\b"), "medal", None, False,
     (("medaille",),)),
    (re.compile(r"\b(?:niet\s+verder\s+dan|niet\s+verder\s+als)\s+(?:de\s+)?(?P<o>" + ORD + r")\b"), "ord", None, False,
     (("verder",),)),
    (re.compile(r"\b(?:eindigde|eindigden|finishte|kwam|kwamen|reed|reden|schaatste)\s+(?:\w+\s+){0,5}?als\s+(?P<o>"
                + ORD + r")\b(?!\s+(?:ooit|in de geschiedenis|schaatser|vrouw|man|nederlander|nederlandse))"),
     "ord", None, False,
     (("eindig", "finish", "kwam", "reed", "reden", "schaatste"), ("als",))),
    (re.compile(r"\b(?:de|een|met\s+de)\s+(?P<o>" + ORD + r")\s+(?:en\s+)?(?:laatste\s+)?(?:snelste\s+)?tijd\b"
                r"(?!\s+(?:ooit|aller tijden|van het seizoen|van de wereld))"), "ord", None, False,
     (("tijd",),)),
    (re.compile(r"\b(?:de\s+)?nummer\s+(?P<n>een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|\d{1,2})\b"
                r"(?!\s+(?:van de wereld|van de wereldranglijst|van het klassement|op de ranglijst|\d))"),
     "num", None, False,
     ()),
    (re.compile(r"\b(?:won|wint|wonnen|winnen|gewonnen|zegevierde|zegeviert|zegevierden|triomfeerde|triomfeert|"
                r"schreef|schrijft|geschreven)\b(?!\s+(?:\w+\s+){0,2}(?:keer|van de|wedstrijden|races))"),
     "win", 1, False,
     (("won", "wint", "winnen", "zegevier", "triomfeer", "schreef", "schrijft", "geschreven"),)),
    (re.compile(r"\b(?:was|is|bleek|waren)\s+(?:[\w-]+\s+){0,3}?(?:de|het)\s+(?:snelste|sterkste|beste)\b"
                r"(?!\s+(?:nederlander|nederlandse|nederlanders|niet|europeaan|europese|aziat|opening|ronde|tijd ooit|"
                r"ooit|man|vrouw|van|ter|landgenoot|landgenote|binnen|sprinter|in de sprint|[a-z]+er\b|[a-z]+se\b))"),
     "win", 1, False,
     (_BEST,)),
    # a title taken, perfect tense: "heeft zijn wereldtitel op de 5000 meter geprolongeerd"
    (re.compile(r"\b(?:heeft|had|hebben)\s+(?:[\w-]+\s+){0,6}?(?:zijn|haar|de|hun)\s+(?:(?:europese|nederlandse|olympische)\s+)?"
                r"(?:wereld)?titel\s+(?:[\w-]+\s+){0,4}?(?:geprolongeerd|heroverd|veroverd|gepakt|gegrepen|binnengehaald)\b"),
     "title", 1, False,
     (("titel",), ("prolongeerd", "heroverd", "veroverd", "gepakt", "gegrepen", "binnengehaald"))),
    (re.compile(r"\b(?:heeft|had)\s+(?:[\w-]+\s+){0,6}?(?:zijn|haar)\s+(?:\w+\s+)?(?:\w*zege|overwinning)\s+"
                r"(?:[\w-]+\s+){0,6}?(?:geboekt|behaald|gepakt)\b"), "title", 1, False,
     (("heeft", "had"), ("zege", "overwinning"), ("geboekt", "behaald", "gepakt"))),
    (re.compile(r"\b(?:pakte|pakt|boekte|boekt|greep|grijpt|behaalde|veroverde|verovert|sleepte|haalde|won|wint|"
                r"wonnen|pakten|prolongeerde|prolongeert|heroverde)\s+(?:(?!naast\b)\w+\s+){0,4}?(?:de|het|haar|zijn|hun)\s+"
                r"(?:\w+\s+)?(?:zege|overwinning|winst|"
                r"wereldtitel|titel|allroundtitel|sprinttitel|europese titel|nederlandse titel|"
                r"olympische titel|hoofdprijs)\b"), "title", 1, False,
     (("pakt", "boekt", "greep", "grijpt", "behaalde", "verover", "sleepte", "haalde", "won", "wint", "prolonge",
       "herover"),)),
    # "verzekerde zich (in de slotrit) van de zege / de wereldtitel"
    (re.compile(r"\bverzeker(?:de|t|den)\s+(?:\w+\s+)?zich\s+(?:[\w-]+\s+){0,6}?van\s+(?:de|het)\s+(?:\w+\s+)?"
                r"(?:zege|overwinning|winst|titel|wereldtitel|allroundtitel|sprinttitel|europese titel|nederlandse titel|"
                r"olympische titel)\b"), "title", 1, False,
     (("verzeker",), ("zich",), ("van",))),
    # verb-final (subordinate) order: "Het Japanse trio, dat zo de zege pakte, ..."
    (re.compile(r"^(?:die|dat)\s+(?:\w+\s+){0,3}?(?:de|het)\s+(?:zege|overwinning|winst|titel|wereldtitel)\s+"
                r"(?:pakte|pakten|boekte|boekten|greep|grepen|behaalde|behaalden|veroverde|veroverden)$"),
     "title", 1, False,
     (("die", "dat"), ("pakte", "boekte", "greep", "grepen", "behaalde", "veroverde"))),
    (re.compile(r"\b(?:werd|wordt|werden)\s+(?:\w+\s+){0,4}?(?:wereld|europees|nederlands|olympisch)\s*"
                r"kampioen(?:e)?\b|kampioen(?:e)?\s+(?:\w+\s+){0,2}?(?:geworden|werd)\b|"
                r"kampioen(?:e)?\s+(?:op|van)\s+de\s+D\d+\s+(?:\w+\s+)?geworden\b|"
                r"\bkroonde\s+(?:zich|haar|hem)\s+(?:\w+\s+){0,3}?tot\s+(?:\w+\s+){0,2}?kampioen"),
     "title", 1, False,
     (("kampioen",),)),
    (re.compile(r"\b(?:was|is)\s+(?:\w+\s+)?voor\s+(?=(?:de\s+\w+\s+)?[PC]\d)"), "goesto_voor", None, True,
     (("was", "is"), _ENT_LETTER)),
    (re.compile(r"^(?:de\s+[\w-]+\s+)?[PC]\d+\s+(?:de|het)\s+(?:snelste|sterkste|beste)\b(?!\s+(?:nederlander|"
                r"nederlandse|europeaan|van\b))"), "head_best", 1, False,
     (_ENT_LETTER, _BEST)),
]

# Clause-level vetoes: no rank is read in a clause saying any of these. A branch here runs only when its leading
# word occurs in the clause (see fastre.Gated), so each is led by a fairly rare word.
_BLOCK_WORDS = Gated(
    r"\bonderuit\b|\bgediskwalificeerd|\bdiskwalificatie|\bmeldde\s+(?:zich|hem|haar)\b|"
    r"\bafgemeld|\bniet aan de start|\bontbrak|\bzou\b|\bzouden\b|\bkunnen\b|\bleek\b|\bleken\b|\bdreigde|"
    r"\bbijna\b|\bnet niet\b|\bwil\b|\bwilde\b|\bwillen\b|\bhoopt|\bdroomt|"
    r"\b(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|\d+)\s+keer\b|\bkeer op rij\b|"
    r"\bkeer\s+(?:eerder|achter elkaar)\b|\bvaker\b|\bonder meer\b|\bonder andere\b|\bjarenlang\b|\w+voudig\b|"
    r"\btrofee|\boscar|\bprijs\b|\bverkiezing|\bsportvrouw|\bsportman|"
    r"\b(?:bij|van|onder)\s+de\s+nederlanders\b|\btussensprint|\bhalve finale|\bkwartfinale|\bseries\b|\btussenstand|\bvoorsprong mee|"
    r"\bleider\b|\btraining|\btestwedstrijd|\btestrace|\bvolgt als\b|"
    r"\bniet alleen\b|\bmeestal\b|\bvaak\b|\bdoorgaans\b|\bgeregeld\b|\bregelmatig\b|\btelkens\b|"
    r"\bonderweg\b|\blange tijd\b|\blag\s+(?:\w+\s+){0,3}?op\s+de\b|"
    r"\breed\s+(?:\w+\s+){0,4}?op\s+de\s+\w+\s+(?:plaats|positie)|\bpositie\b|"
    r"\bverspeel|"
    r"\bniet\s+(?:\w+\s+){0,2}?(?:gewonnen|winnen|gehaald|op het podium|de winst)|"
    r"\bgeen\s+(?:\w+\s+)?(?:medaille|podium|goud|zilver|brons|rol|zege|winst|titel|plak|prijs)|\bnooit\b|\badelskalender|\branglijst|\btop-\d|\bwereldranglijst|"
    r"\bnog nooit\b|\bmist\b|\bmiste\b|\bmisliep|"
    r"\bverwacht|\bfavoriet|\bkans op\b|\bprobeer|\bpoogde|\btrachtte"
)
# Vetoes led by a common word (or a look-behind), each behind a rarer literal that every match of it contains.
_BLOCK_LATE_WORD = tuple(WordGate(re.compile(pattern), words=words) for words, pattern in (
    # "won in Calgary de 500 meter niet" (a win denied may name where), "was met de elfde tijd niet tevreden" is no
    # denial of the rank: after other verbs "niet" must come close
    (("niet",), r"\b(?:werd|eindigde|reed|kwam|was|is)\s+(?:\w+\s+){0,2}?niet\b(?!\s+verder)|"
                r"\b(?:won|wint|pakte|haalde)\s+(?:\w+\s+){0,5}?niet\b(?!\s+verder)"),
    (("viel",), r"(?<!beslissing )\bviel\b"),
    (("val",), r"\bten val\b|\bdoor een val\b|\bna een val\b|\bzijn val\b|\bhaar val\b"),
    (("moment",), r"\bop dat moment\b"),
    (("leiding",), r"\baan de leiding"),
    (("keer",), r"\bvoor de \w+ keer\b"),
    (("als ze", "als hij"), r"\bals ze\b|\bals hij\b"),
    (("of",), r"\b(?:tweede|derde|vierde|vijfde)\s+of\s+(?:tweede|derde|vierde|vijfde|zesde)\b"),
))
_BLOCK_PAIRS = tuple((WordGate(re.compile(a)), WordGate(re.compile(b))) for a, b in (
    (r"\bstaat\b", r"\bna\b"), (r"\bliep\b", r"\bmis\b"), (r"\bschaatst\b|\bdoet\b", r"\bmee\b"),
    (r"\bdeed\b", r"\bniet\b"), (r"\bvoor het eerst\b", r"\bsinds\b"),
    (r"\b(?:staat|staan|komt|komen)\b", r"\bop het programma\b"),
))  # each pattern behind a substring test of its word: most clauses hold none of them


def _gate_words(gate: WordGate) -> tuple[str, ...]:
    if gate.words is None:
        raise ValueError(f"veto without gate words: {gate.pattern}")
    return gate.words


# The vetoes above as (gate words, regex): _Block.search tests the words itself.
_BLOCK_LATE_GATES = tuple((_gate_words(veto), veto.fast_regex) for veto in _BLOCK_LATE_WORD)
_BLOCK_PAIR_GATES = tuple((_gate_words(first), first.fast_regex, _gate_words(second), second.fast_regex)
                          for first, second in _BLOCK_PAIRS)


class _Block:
    """Clause vetoes: one alternation of words plus a few word pairs (kept apart: '.*' is slow)."""

    @staticmethod
    @lru_cache(maxsize=4096)
    def search(text: str) -> bool:
        if _BLOCK_WORDS.search(text):
            return True
        # WordGate.search, inlined: most clauses hold none of the gate words, and a call per veto costs more
        for words, regex in _BLOCK_LATE_GATES:
            for word in words:
                if word in text:
                    if regex.search(text):
                        return True
                    break
        for first_words, first, second_words, second in _BLOCK_PAIR_GATES:
            for word in first_words:
                if word in text:
                    if first.search(text):
                        for word2 in second_words:
                            if word2 in text:
                                if second.search(text):
                                    return True
                                break
                    break
        return False


BLOCK_RE = _Block()
# World Cup standings rather than a race: the branches of
#   klassement|\beindstand|\bstand\b|\beindzege|\bwereldbeker(?:klassement|stand)|
#   \b(?:pakte|won|wint|veroverde|greep|wonnen|pakt)\s+(?:\w+\s+){0,3}?de\s+wereldbeker\b(?!\s*(?:in|van|op|finale)\b)
# apart, each behind the word it spells (tests/parsing/test_fast_equivalents.py holds that pattern and checks
# standings_in against it): a "klassement" anywhere is a match; the branches spelling "stand" are led by it (so
# that re skips ahead to it, while "afstand" fails their look-behinds); the winning of the cup opens with its verb
# (so that re skips ahead to their first letters).
_STANDINGS_STAND = re.compile(r"stand(?<=\beindstand)|stand(?<=\bstand)\b|stand(?<=\bwereldbekerstand)")
_STANDINGS_EINDZEGE = re.compile(r"eindzege(?<=\beindzege)")
_STANDINGS_CUP_WON = re.compile("|".join(
    first + r"(?<!\w" + first + ")(?:" + "|".join(rests) + r")\s+(?:\w+\s+){0,3}?de\s+wereldbeker\b"
    r"(?!\s*(?:in|van|op|finale)\b)"
    for first, rests in (("p", ("akte", "akt")), ("w", ("on", "int", "onnen")), ("v", ("eroverde",)), ("g", ("reep",)))))


def standings_in(text: str) -> bool:
    """Whether ``text`` (folded) speaks of World Cup standings: a classification, "stand", "eindzege", or
    winning the cup itself."""
    if "klassement" in text:
        return True
    if "stand" in text and _STANDINGS_STAND.search(text):
        return True
    if "eindzege" in text and _STANDINGS_EINDZEGE.search(text):
        return True
    return "wereldbeker" in text and _STANDINGS_CUP_WON.search(text) is not None


_ANY_ORD = re.compile(r"\b" + ORD + r"\b")
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "goesto": ("goud", "zilver", "brons", "medaille", "zege", "overwinning", "winst", "titel", "gewonnen", "prooi", "buit"),
    "medal": ("goud", "zilver", "brons"), "podium": ("podium",), "head_best": ("snelste", "sterkste", "beste",
                                                                             "kampioen"),
    "num": ("nummer",), "goesto_bare": ("naar",), "goesto_voor": ("voor",),
    "win": ("won", "wint", "winn", "gewonnen", "zegevier", "triomfeer", "schre", "snelste", "sterkste", "beste"),
    "title": ("zege", "overwinning", "winst", "titel", "hoofdprijs", "kampioen"),
}
"""A pattern runs only when one of its family's words occurs in the clause ('ord' families: an ordinal)."""


# The gates as bits of an int: bit 0 "an ordinal occurs", then one bit per word group ("one of these words
# occurs"). A clause's bits are read once; a pattern runs only when all of its own bits are set.
_ORDINAL_BIT = 1
_GROUP_BITS: dict[tuple[str, ...], int] = {}


def _group_bit(words: tuple[str, ...]) -> int:
    return _GROUP_BITS.setdefault(words, 2 << len(_GROUP_BITS))


def _rank_group(pattern: re.Pattern[str]) -> str | None:
    """The group a pattern's rank is read from; _find_ranks reads only the first of 'm', 'o', 'n' it has."""
    groups = [name for name in ("m", "o", "n") if name in pattern.groupindex]
    if len(groups) > 1:
        raise ValueError(f"rank pattern with more than one rank group: {pattern.pattern}")
    return groups[0] if groups else None


_GATED_PATTERNS = [
    # each pattern with its branches led by their literals (fastre.literal_led): the same matches, found faster
    (re.compile(literal_led_pattern(pattern.pattern), pattern.flags), kind, fixed, after,
     sum({_ORDINAL_BIT if kind in ("ord", "ord_inv") else _group_bit(_TRIGGERS[kind]),
          *(_group_bit(words) for words in needs)}),
     _rank_group(pattern))
    for pattern, kind, fixed, after, needs in _PATTERNS
    # without a fixed rank or a group to read one from, every match is dropped: not worth running
    if fixed is not None or {"m", "o", "n"} & pattern.groupindex.keys()
]


def _word_gates(word: str) -> int:
    """The gate bits one whitespace-free word of a clause sets.

    Exact per word: no gate word holds whitespace, so it occurs in a clause iff it occurs in one of the clause's
    words; an ordinal match is a whole run of word characters, which never spans whitespace either."""
    bits = _ORDINAL_BIT if _ANY_ORD.search(word) else 0
    for words, bit in _GROUP_BITS.items():
        for w in words:
            if w in word:
                bits |= bit
                break
    return bits


class _WordBits(dict[str, int]):
    """word -> :func:`_word_gates` (word), filled on demand. A dict subclass so that a clause's words are looked
    up by ``map(bits.__getitem__, words)`` in C, without a Python call per known word."""

    def __missing__(self, word: str) -> int:
        if len(self) >= 1 << 16:
            self.clear()
        bits = self[word] = _word_gates(word)
        return bits


_WORD_BITS = _WordBits()


def find_ranks(masked: str) -> list[RankHit]:
    """Every rank phrase in a masked clause, in text order; overlapping weaker hits are dropped."""
    return list(_find_ranks(masked))


@lru_cache(maxsize=4096)
def _patterns_for(present: int) -> tuple[tuple[re.Pattern[str], str, int | None, bool, str | None], ...]:
    """The patterns, in order, whose gate bits are all among ``present`` (keyed on the bits, not on a clause),
    each with the name of its rank group ('m', 'o' or 'n'; None when the rank is fixed)."""
    return tuple((pattern, kind, fixed, after, group) for pattern, kind, fixed, after, gates, group in _GATED_PATTERNS
                 if (present & gates) == gates)


@lru_cache(maxsize=4096)
def _find_ranks(masked: str) -> tuple[RankHit, ...]:
    """Every rank phrase in a masked clause, in text order; overlapping weaker hits are dropped."""
    present = reduce(or_, map(_WORD_BITS.__getitem__, masked.split()), 0)
    patterns = _patterns_for(present)
    if not patterns:
        return ()  # the common clause: no pattern's words at all
    hits: list[RankHit] = []
    for pattern, kind, fixed, after, group in patterns:
        for m in pattern.finditer(masked):
            rank = fixed
            value = m.group(group) if group else None
            if value:
                if group == "m":
                    rank = _MEDAL.get(value.split()[0])
                elif group == "o":
                    rank = ordinal_value(value)
                else:
                    rank = int(value) if value.isdigit() else _NUMBERS.get(value)
            if rank is None:
                continue
            hits.append(RankHit(m.start(), m.end(), rank, kind, after))
    if len(hits) > 1:
        hits.sort(key=_hit_order)
    out: list[RankHit] = []
    for h in hits:
        for i, o in enumerate(out):
            if h.start < o.end and o.start < h.end:  # the first kept hit it overlaps
                if _STRENGTH[h.kind] > _STRENGTH[o.kind]:
                    out[i] = h
                break
        else:
            out.append(h)
    return tuple(out)


def _hit_order(h: RankHit) -> tuple[int, int]:
    return h.start, h.start - h.end


_STRENGTH = {"head_best": 2, "goesto": 9, "medal": 8, "podium": 8, "ord_inv": 7, "ord": 7, "num": 6, "title": 5,
             "goesto_bare": 4, "goesto_voor": 4, "win": 3}
