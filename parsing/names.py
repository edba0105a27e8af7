"""Skater names in running text: spotting capitalised name runs and resolving surnames to full names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from parsing.text import fold

__all__ = ["NAME_RE", "Person", "Registry", "candidate_spans", "NON_NAME_WORDS", "CJK_SURNAMES"]

_UP = "A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČŘĎŤ"
_LO = "a-zß-öø-ÿłśżźćńšžčřďťěůąęőű"
_CAP = rf"(?:[{_UP}][{_LO}'’]*(?:-[{_UP}{_LO}][{_LO}'’]*)*)(?![{_UP}{_LO}\d])"
_PARTICLE = r"(?:van|de|der|den|ter|ten|te|'t|’t|olde|von|di|da|du|le|la|del|dos)"
_LEAD_WORDS = ("Van", "De", "Ter", "Ten", "Te", "Den", "Le", "La", "Di", "Da", "Du", "Von", "Olde")
_LEAD = r"(?:(?:" + "|".join(_LEAD_WORDS) + r")\s+(?:" + _PARTICLE + r"\s+){0,2})"
_NOT_AFTER = rf"[{_UP}{_LO}\d'’-]"  # a name never starts right after one of these
_TAIL = rf"(?:\s+(?:{_PARTICLE}\s+){{0,3}}{_CAP}){{0,4}}"
NAME_RE = re.compile(rf"(?<!{_NOT_AFTER})(?:{_LEAD})?{_CAP}{_TAIL}")

# NAME_RE with its first character taken out in front, for finditer: `re` skips ahead quickly only to a
# character class that opens a pattern, and NAME_RE opens with a look-behind, so it is tried at every
# offset. Every NAME_RE match starts with a capital (a lead word or a _CAP word); here that capital is
# matched first, the look-behind checks the character before it, and both branches go on from its second
# character in the same order as NAME_RE's optional lead, so the matches are the same. Each lead word's rest
# comes before the look-behind that checks its capital ("an(?<=Van)", not "(?<=V)an"): an alternative that
# opens with a literal is skipped at once when its first letter differs, one that opens with a look-behind
# runs it.
_LEAD_REST = "(?:" + "|".join(f"{w[1:]}(?<={w})" for w in _LEAD_WORDS) + ")"
_CAP_REST = rf"[{_LO}'’]*(?:-[{_UP}{_LO}][{_LO}'’]*)*(?![{_UP}{_LO}\d])"
_NAME_SCAN = re.compile(
    rf"[{_UP}](?<!{_NOT_AFTER}[{_UP}])(?:{_LEAD_REST}\s+(?:{_PARTICLE}\s+){{0,2}}{_CAP}|{_CAP_REST}){_TAIL}"
)
PARTICLES = frozenset({"van", "de", "der", "den", "ter", "ten", "te", "'t", "olde", "von", "di", "da", "du",
                       "le", "la", "del", "dos"})

# Capitalised words that are never (part of) a skater's name.
NON_NAME_WORDS = frozenset(fold(w) for w in ["De", "Het", "Een", "Bij", "Op", "In", "Na", "Met", "Voor", "Achter", "Ook", "Maar", "En", "Toch", "Dat", "Die", "Dit", "Deze", "Daar", "Daarmee", "Daarna", "Daarbij", "Daardoor", "Hij", "Zij", "Ze", "Zijn", "Hun", "Wij", "We", "Ik", "Je", "Jij", "U", "Er", "Als", "Wel", "Niet", "Nog", "Zo", "Tweede", "Derde", "Eerste", "Vierde", "Vijfde", "Zesde", "Zevende", "Achtste", "Negende", "Tiende", "Verder", "Vanaf", "Tot", "Tijdens", "Door", "Om", "Over", "Onder", "Uit", "Aan", "Naar", "Tegen", "Sinds", "Wie", "Wat", "Waar", "Wanneer", "Hoe", "Waarom", "Omdat", "Nadat", "Toen", "Terwijl", "Hoewel", "Zodat", "Want", "Dus", "Alleen", "Juist", "Zelfs", "Vooral", "Eerder", "Later", "Vandaag", "Morgen", "Gisteren", "Straks", "Nu", "Dan", "Alle", "Iedereen", "Niemand", "Geen", "Veel", "Weinig", "Minder", "Beide", "Allebei", "Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag", "Januari", "Februari", "Maart", "April", "Mei", "Juni", "Juli", "Augustus", "September", "Oktober", "November", "December", "Spelen", "Olympische", "Olympisch", "Olympic", "Oval", "Wereldbeker", "Wereldbekerfinale", "Wereldkampioenschappen", "Europese", "Europees", "Nederlandse", "Nederlands", "Nederland", "Oranje", "Thialf", "Jumbo-Visma", "Jumbo", "Visma", "Team", "TalentNED", "Reggeborgh", "Bekijk", "Lees", "Kijk", "Video", "Foto", "Interview", "Reactie", "Samenvatting", "Uitslag", "Uitslagen", "Goud", "Zilver", "Brons", "Winst", "Zege", "Titel", "Podium", "Record", "Wereldrecord", "Baanrecord", "Elfstedentocht", "Alternatieve", "Marathon", "Cup", "KPN", "Studio", "Sport", "Sportforum", "Langs", "Lijn", "Omstreken", "Schaatsbond", "Allround", "Sprint", "Afstanden", "Massastart", "Ploegenachtervolging", "Teamsprint", "Aflossing", "Relay", "Superfinale", "Finale", "Stadion", "Ijsstadion", "IJsstadion", "Ice", "Arena", "Hal", "Sportpaleis", "Ahoy", "Amerikaanse", "Amerikaan", "Canadese", "Canadees", "Ook", "Echt", "Heel", "Zeer", "Mooi", "Super", "Allemachtig", "Goed", "Slecht", "Blij", "Trots", "Tevreden", "Teleurgesteld", "Teleurgestelde", "Razendsnelle", "Superieure", "Oppermachtige", "Snelle", "Blije", "Revanche", "Opnieuw", "Nieuwe", "Jonge", "Winnaar", "Winnares", "Kampioen", "Kampioene", "Wereldkampioen", "Wereldkampioene", "Bondscoach", "Coach", "Trainer", "Ploegleider", "God", "Mijn", "Onze", "Ons", "Jullie", "Zulke", "Zulk", "Dankzij", "Volgens", "Ondanks", "Zonder", "Binnen", "Buiten", "Boven", "Beneden", "Tussen", "Hier", "Daarvoor", "Daaropvolgend", "Vervolgens", "Uiteindelijk", "Intussen", "Inmiddels", "Eindelijk", "Daarentegen", "Bovendien", "Deel", "Weekend", "Seizoen", "Jaar", "Jaren", "Slotdag", "Laatste", "Slotrit", "Rit", "Ronde", "Race", "Afstand", "Afstanden", "Ruim", "Bijna", "Slechts", "Maar", "Pas", "Al", "Zelf", "Andere", "Anderen", "Elke", "Ieder", "Iedere", "Enkele", "Sommige", "Welke", "Zonder", "NOS", "ISU", "KNSB", "WK", "EK", "NK", "OS", "WB", "ARD", "AD", "NRC", "RTL", "BBC", "NOC", "NSF", "TeamNL", "Zuid-Koreaan", "Zuid-Koreaanse", "Noord-Korea", "Shorttrack", "Langebaan", "Schaatsen", "Schaatser", "Schaatsster", "Sportvrouw", "Sportman", "Adelskalender", "Wilhelmus", "Kopzorgen", "Geen", "Hoewel", "Aldus", "Bron", "Noot", "Update", "Live", "Liveblog", "Tekst", "Oproep", "Zaterdagavond", "Zondagmiddag", "Zaterdagmiddag", "Vrijdagavond", "Zondagavond", "Zondagochtend", "Zaterdagochtend", "Donderdagavond"])

# Family names written first (East Asian order): the first word alone refers to the skater later.
CJK_SURNAMES = frozenset(fold(w) for w in ["Kim", "Lee", "Park", "Choi", "Lim", "Hwang", "Um", "Jung", "Jang", "Kang", "Cho", "Shim", "Yoon", "Kwak", "Noh", "Seo", "Shin", "Han", "Oh", "Mo", "Ahn", "Song", "Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Ning", "Mu", "Fan", "Wu", "Han", "Dong", "Yu", "Jin", "Xin", "Tian", "Ren", "Gong", "Qu", "Bai"])


@dataclass
class Person:
    """One skater the article names; ``tokens`` is the fullest form seen."""

    pid: int
    tokens: tuple[str, ...]
    country: str | None = None
    gender: str | None = None
    aliases: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return " ".join(self.tokens)


def _aliases(tokens: tuple[str, ...]) -> set[str]:
    """Folded forms a later mention may use: the full name, every surname suffix, a CJK family name."""
    return set(_alias_set(tokens))


@lru_cache(maxsize=8192)
def _alias_set(tokens: tuple[str, ...]) -> frozenset[str]:
    # The same skaters come back article after article: work their aliases out once per name.
    out = {fold(" ".join(tokens))}
    n = len(tokens)
    for i in range(1, n):
        if tokens[i - 1].lower() in PARTICLES and i > 1:
            continue  # "van Ruijven" starts at the particle, not at "Ruijven"
        out.add(fold(" ".join(tokens[i:])))
    # "Lara van Ruijven" -> "van ruijven" and "ruijven"; particles lead the surname.
    for i in range(1, n):
        if tokens[i].lower() in PARTICLES:
            out.add(fold(" ".join(tokens[i:])))
            out.add(fold(" ".join(t for t in tokens[i:] if t.lower() not in PARTICLES)))
            break
    if n >= 2 and fold(tokens[0]) in CJK_SURNAMES:
        out.add(fold(tokens[0]))
    return frozenset(a for a in out if a and a not in PARTICLES)


@lru_cache(maxsize=8192)
def _e_full_keys(tokens: tuple[str, ...]) -> tuple[str, str]:
    """Folded full name and folded name without its first word, for :meth:`Registry.add_full`; the same names
    recur article after article."""
    return fold(" ".join(tokens)), fold(" ".join(tokens[1:]))


class Registry:
    """The skaters an article names, with the aliases later mentions use."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self._by_alias: dict[str, list[int]] = {}
        self.recency: dict[int, int] = {}
        self.clock = 0

    def _index(self, person: Person) -> None:
        person.aliases = _aliases(person.tokens)
        by_alias, pid = self._by_alias, person.pid
        for alias in person.aliases:
            ids = by_alias.get(alias)
            if ids is None:
                by_alias[alias] = [pid]
            elif pid not in ids:
                ids.append(pid)

    def add_full(self, tokens: tuple[str, ...]) -> Person:
        """Register a name of two or more words (a first mention); reuse an equal or extended one."""
        key, tail = _e_full_keys(tokens)
        for pid in self._by_alias.get(key, ()):
            person = self.people[pid]
            if fold(person.name) == key:
                return person
        # A surname-only person seen earlier (headline) grows into the full name.
        for pid in self._by_alias.get(tail, ()):  # _index runs just before a return
            person = self.people[pid]
            if len(person.tokens) < len(tokens) and fold(person.name) == fold(" ".join(tokens[-len(person.tokens):])):
                person.tokens = tokens
                self._index(person)
                return person
        person = Person(len(self.people), tokens)
        self.people.append(person)
        self._index(person)
        return person

    def lookup(self, text: str, gender: str | None = None) -> Person | None:
        """The skater a (partial) name refers to: the most recently mentioned match, same gender first."""
        return self.lookup_folded(fold(text), gender)

    def lookup_folded(self, key: str, gender: str | None = None) -> Person | None:
        """:meth:`lookup` for a name folded already (``fold(text)``)."""
        ids = self._by_alias.get(key)
        if not ids:
            return None
        if len(ids) == 1:  # the gender filter keeps a lone match, and max() of one is that one
            return self.people[ids[0]]
        people = [self.people[i] for i in ids]
        if gender:
            same = [p for p in people if p.gender in (gender, None)]
            if same:
                people = same
        return max(people, key=lambda p: self.recency.get(p.pid, -1))

    def ambiguous(self, text: str) -> bool:
        return len(self._by_alias.get(fold(text), [])) > 1

    def add_single(self, word: str) -> Person:
        person = Person(len(self.people), (word,))
        self.people.append(person)
        self._index(person)
        return person

    def touch(self, person: Person) -> None:
        self.clock += 1
        self.recency[person.pid] = self.clock


_LEAD_PARTICLES = frozenset({"De", "Van", "Ter", "Ten", "Te", "Den", "Le", "La", "Di", "Da", "Du", "Von", "Olde"})
_INITIAL_HYPHEN = re.compile(r"^[A-Z]-")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=16384)
def _word_kind(word: str) -> tuple[bool, bool]:
    """(capitalised, never a name word): the part of the non-name test that depends on the word alone.
    Name runs are made of a few thousand distinct words, so this is worked out once per word."""
    if not word[:1].isupper():
        return False, False
    return True, fold(word) in NON_NAME_WORDS or bool(_INITIAL_HYPHEN.match(word) or _DIGIT.search(word))


# Per predicate ``is_demonym`` (None included), per word: (capitalised, breaks a run, is a particle, dropped
# when alone, is a lead particle). Worked out once per word; cleared when it grows large.
_E_WORD_INFO: dict[object, dict[str, tuple[bool, bool, bool, bool, bool]]] = {}
_E_WORD_INFO_SIZE = 50_000


def _e_word_info(word: str, is_demonym, cache: dict) -> tuple[bool, bool, bool, bool, bool]:  # noqa: ANN001
    capitalised, never = _word_kind(word)
    breaks = never or capitalised and bool(is_demonym and is_demonym(word))
    particle = word.lower() in PARTICLES
    lead = word in _LEAD_PARTICLES
    if len(cache) >= _E_WORD_INFO_SIZE:
        cache.clear()
    info = cache[word] = (capitalised, breaks, particle, lead or breaks or particle, lead)
    return info


def candidate_spans(text: str, is_demonym=None) -> list[tuple[int, int, tuple[str, ...]]]:
    """Capitalised runs that may be names: (start, end, words), with non-name words trimmed off and runs
    split where a non-name word sits inside. A leading 'De'/'Van'/'Ter' stays when a name word follows."""
    out: list[tuple[int, int, tuple[str, ...]]] = []
    cache = _E_WORD_INFO.get(is_demonym)
    if cache is None:
        cache = _E_WORD_INFO[is_demonym] = {}
    for m in _NAME_SCAN.finditer(text):
        # NAME_RE's words are separated by whitespace and hold none, so str.split() gives exactly the
        # r"\S+" words of the match; find() from the end of the previous word gives each one's offset.
        names = m.group().split()
        n = len(names)
        if n == 1:  # a lone capitalised word, the most common match: no run to build
            word = names[0]
            info = cache.get(word) or _e_word_info(word, is_demonym, cache)
            if not info[3]:
                out.append((*m.span(), (word,)))
            continue
        run: list[tuple[int, int, str]] = []
        pos = m.start()
        for i, word in enumerate(names):
            pos = text.find(word, pos)
            info = cache.get(word) or _e_word_info(word, is_demonym, cache)
            if info[4] and not run:  # a lead particle opens a run only before a name word or a particle
                if i + 1 < n:
                    nxt = cache.get(names[i + 1]) or _e_word_info(names[i + 1], is_demonym, cache)
                    if nxt[0] and not nxt[1] or nxt[2]:
                        run.append((pos, pos + len(word), word))
                pos += len(word)
                continue
            if info[1]:
                _flush(run, out)
                run = []
            else:
                run.append((pos, pos + len(word), word))
            pos += len(word)
        _flush(run, out)
    return out


_E_WORD_OF = itemgetter(2)


def _flush(run: list[tuple[int, int, str]], out: list[tuple[int, int, tuple[str, ...]]]) -> None:
    while run and run[-1][2].lower() in PARTICLES:
        run.pop()
    if run:  # the last word is no particle now, so neither is a lone word
        out.append((run[0][0], run[-1][1], tuple(map(_E_WORD_OF, run))))  # map: no comprehension frame
