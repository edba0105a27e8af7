"""Skating nations (IOC codes, Dutch and English names, flags), Dutch demonyms, and skating venues."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsing.text import fold, fold_with_offsets

__all__ = [
    "COUNTRIES", "Country", "country", "country_from_name", "country_name_en", "country_name_nl",
    "flag_emoji", "Demonym", "lookup_demonym", "DEMONYM_RE", "find_demonyms",
    "Venue", "VENUES", "venue_from_text", "find_venues", "venue_country",
]


@dataclass(frozen=True, slots=True)
class Country:
    ioc: str
    iso2: str | None  # None: no flag of its own (neutral athletes)
    en: str  # English name as the corpus uses for teams ("South Korea", "United States")
    nl: str  # Dutch name ("Zuid-Korea", "Verenigde Staten")
    aliases: tuple[str, ...] = ()


# ioc, iso2, English, Dutch, other names (Dutch or English, any case)
_COUNTRY_ROWS: tuple[tuple[str, str | None, str, str, tuple[str, ...]], ...] = (
    ("NED", "NL", "Netherlands", "Nederland", ("Holland", "The Netherlands", "TeamNL", "KNSB", "Oranje")),
    ("NOR", "NO", "Norway", "Noorwegen", ()),
    ("JPN", "JP", "Japan", "Japan", ()),
    ("CAN", "CA", "Canada", "Canada", ()),
    ("USA", "US", "United States", "Verenigde Staten", ("Amerika", "VS", "USA", "United States of America",
                                                       "Verenigde Staten van Amerika", "US")),
    ("KOR", "KR", "South Korea", "Zuid-Korea", ("Korea", "Republic of Korea", "Zuid Korea")),
    ("PRK", "KP", "North Korea", "Noord-Korea", ()),
    ("CHN", "CN", "China", "China", ("Volksrepubliek China",)),
    ("RUS", "RU", "Russia", "Rusland", ("Russian Federation",)),
    ("ROC", "RU", "ROC", "ROC", ("Russisch Olympisch Comité", "Russian Olympic Committee", "RCF")),
    ("AIN", None, "Individual Neutral Athletes", "Neutrale atleten", ("neutrale sporters",)),
    ("ITA", "IT", "Italy", "Italië", ()),
    ("GER", "DE", "Germany", "Duitsland", ()),
    ("POL", "PL", "Poland", "Polen", ()),
    ("BEL", "BE", "Belgium", "België", ()),
    ("AUT", "AT", "Austria", "Oostenrijk", ()),
    ("KAZ", "KZ", "Kazakhstan", "Kazachstan", ()),
    ("SUI", "CH", "Switzerland", "Zwitserland", ()),
    ("FRA", "FR", "France", "Frankrijk", ()),
    ("HUN", "HU", "Hungary", "Hongarije", ()),
    ("GBR", "GB", "Great Britain", "Groot-Brittannië", ("Verenigd Koninkrijk", "United Kingdom", "Engeland",
                                                        "Britain", "Groot Brittannië")),
    ("BLR", "BY", "Belarus", "Wit-Rusland", ("Belarus", "Wit Rusland")),
    ("CZE", "CZ", "Czech Republic", "Tsjechië", ("Czechia", "Tsjechische Republiek")),
    ("EST", "EE", "Estonia", "Estland", ()),
    ("LAT", "LV", "Latvia", "Letland", ()),
    ("LTU", "LT", "Lithuania", "Litouwen", ()),
    ("FIN", "FI", "Finland", "Finland", ()),
    ("SWE", "SE", "Sweden", "Zweden", ()),
    ("DEN", "DK", "Denmark", "Denemarken", ()),
    ("ISL", "IS", "Iceland", "IJsland", ()),
    ("AUS", "AU", "Australia", "Australië", ()),
    ("NZL", "NZ", "New Zealand", "Nieuw-Zeeland", ("Nieuw Zeeland",)),
    ("ESP", "ES", "Spain", "Spanje", ()),
    ("POR", "PT", "Portugal", "Portugal", ()),
    ("TPE", "TW", "Chinese Taipei", "Taiwan", ("Chinees Taipei", "Taipei")),
    ("HKG", "HK", "Hong Kong", "Hongkong", ("Hong Kong",)),
    ("MGL", "MN", "Mongolia", "Mongolië", ()),
    ("UKR", "UA", "Ukraine", "Oekraïne", ()),
    ("COL", "CO", "Colombia", "Colombia", ()),
    ("KGZ", "KG", "Kyrgyzstan", "Kirgizië", ("Kirgizstan", "Kirgizstan")),
    ("UZB", "UZ", "Uzbekistan", "Oezbekistan", ()),
    ("ROU", "RO", "Romania", "Roemenië", ()),
    ("BUL", "BG", "Bulgaria", "Bulgarije", ()),
    ("SLO", "SI", "Slovenia", "Slovenië", ()),
    ("SVK", "SK", "Slovakia", "Slowakije", ()),
    ("CRO", "HR", "Croatia", "Kroatië", ()),
    ("SRB", "RS", "Serbia", "Servië", ()),
    ("ISR", "IL", "Israel", "Israël", ()),
    ("TUR", "TR", "Turkey", "Turkije", ("Türkiye",)),
    ("GEO", "GE", "Georgia", "Georgië", ()),
    ("ARM", "AM", "Armenia", "Armenië", ()),
    ("IRL", "IE", "Ireland", "Ierland", ()),
    ("LUX", "LU", "Luxembourg", "Luxemburg", ()),
    ("ARG", "AR", "Argentina", "Argentinië", ()),
    ("BRA", "BR", "Brazil", "Brazilië", ()),
    ("CHI", "CL", "Chile", "Chili", ()),
    ("MEX", "MX", "Mexico", "Mexico", ()),
    ("ECU", "EC", "Ecuador", "Ecuador", ()),
    ("VEN", "VE", "Venezuela", "Venezuela", ()),
    ("IND", "IN", "India", "India", ()),
    ("PHI", "PH", "Philippines", "Filipijnen", ()),
    ("SGP", "SG", "Singapore", "Singapore", ()),
    ("THA", "TH", "Thailand", "Thailand", ()),
    ("MAS", "MY", "Malaysia", "Maleisië", ()),
    ("RSA", "ZA", "South Africa", "Zuid-Afrika", ()),
    ("GRE", "GR", "Greece", "Griekenland", ()),
    ("AND", "AD", "Andorra", "Andorra", ()),
    ("MON", "MC", "Monaco", "Monaco", ()),
    ("LIE", "LI", "Liechtenstein", "Liechtenstein", ()),
)

COUNTRIES: dict[str, Country] = {r[0]: Country(r[0], r[1], r[2], r[3], r[4]) for r in _COUNTRY_ROWS}
_ONLY_AS_CODE = {"ind", "and", "mon", "est", "let", "fin", "aus", "ned", "us", "vs"}  # ambiguous words

_BY_NAME: dict[str, str] = {}
for _c in COUNTRIES.values():
    for _n in (_c.en, _c.nl, *_c.aliases):
        _BY_NAME.setdefault(fold(_n), _c.ioc)
    _BY_NAME.setdefault(fold(_c.ioc), _c.ioc)
_BY_NAME.update({"korea": "KOR", "rusland": "RUS", "russia": "RUS", "the netherlands": "NED"})


def country(ioc: str | None) -> Country | None:
    """The :class:`Country` for an IOC code (case-insensitive)."""
    return COUNTRIES.get(ioc.upper()) if ioc else None


def country_from_name(name: str | None) -> str | None:
    """'Zuid-Korea' / 'South Korea' / 'Noorwegen' / 'NED' -> IOC code; None when unknown."""
    if not name:
        return None
    raw = name.strip()
    key = fold(raw).strip(" .,;:!?()\"'")
    if key.startswith("het ") or key.startswith("de "):
        key = key.split(" ", 1)[1]
    ioc = _BY_NAME.get(key)
    if ioc and key in _ONLY_AS_CODE and not raw.strip("() ").isupper():
        return None  # "and", "us", "fin" as plain words are not countries
    return ioc


def country_name_en(ioc: str | None) -> str | None:
    """'KOR' -> 'South Korea'."""
    c = country(ioc)
    return c.en if c else None


def country_name_nl(ioc: str | None) -> str | None:
    """'KOR' -> 'Zuid-Korea'."""
    c = country(ioc)
    return c.nl if c else None


def flag_emoji(ioc: str | None) -> str:
    """'NED' -> '🇳🇱'; ROC/RUS -> Russian flag; neutral or unknown -> white flag."""
    c = country(ioc)
    if c is None or c.iso2 is None:
        return "\U0001f3f3\ufe0f"
    return "".join(chr(0x1F1E6 + ord(ch) - ord("A")) for ch in c.iso2)


# ---------------------------------------------------------------------------------------------- demonyms


@dataclass(frozen=True, slots=True)
class Demonym:
    """What a Dutch demonym word says. ``form`` is 'noun' (Japanner, Russin, Japanners) or 'adjective'
    (Japanse, Nederlands). An inflected adjective used as a noun ("de Japanse", "de Russische") denotes a
    woman, so such words carry ``gender='women'``; when a noun follows ("het Japanse talent") the engine
    should ignore the gender. Plurals and uninflected adjectives have ``gender=None``."""

    ioc: str
    gender: str | None
    form: str
    plural: bool = False


# ioc, male nouns, female nouns, inflected adjectives (-e; also female nouns), bare adjectives, plurals
_DEMONYM_ROWS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...],
                           tuple[str, ...]], ...] = (
    ("NED", ("Nederlander", "Hollander"), (), ("Nederlandse", "Hollandse"), ("Nederlands", "Hollands"),
     ("Nederlanders", "Hollanders")),
    # Dutch regions: NOS often says "de Fries" or "de Brabantse" for a Dutch skater.
    ("NED", ("Fries", "Brabander", "Groninger", "Drent", "Limburger", "Tukker", "Zeeuw", "Overijsselaar",
             "Noord-Hollander", "Zuid-Hollander", "West-Fries",
             "Gelderlander", "Amsterdammer", "Rotterdammer", "Hagenaar", "Utrechter"),
     ("Friezin",), ("Friese", "Brabantse", "Groningse", "Drentse", "Limburgse", "Zeeuwse", "Twentse",
                    "Noord-Hollandse", "Zuid-Hollandse", "Noord-Brabantse", "West-Friese", "Overijsselse",
                    "Gelderse", "Utrechtse", "Amsterdamse", "Rotterdamse", "Haagse"), (), ("Friezen", "Brabanders", "Groningers", "Drenten", "Limburgers", "Tukkers",
                      "Zeeuwen")),
    ("NOR", ("Noor",), (), ("Noorse",), ("Noors",), ("Noren",)),
    ("JPN", ("Japanner",), (), ("Japanse",), ("Japans",), ("Japanners",)),
    ("CAN", ("Canadees", "Quebecker"), (), ("Canadese", "West-Canadese"), (), ("Canadezen",)),
    ("USA", ("Amerikaan",), (), ("Amerikaanse", "Noord-Amerikaanse"), ("Amerikaans",), ("Amerikanen",)),
    ("KOR", ("Zuid-Koreaan", "Koreaan"), (), ("Zuid-Koreaanse", "Koreaanse"), ("Zuid-Koreaans", "Koreaans"),
     ("Zuid-Koreanen", "Koreanen")),
    ("PRK", ("Noord-Koreaan",), (), ("Noord-Koreaanse",), ("Noord-Koreaans",), ("Noord-Koreanen",)),
    ("CHN", ("Chinees",), (), ("Chinese",), (), ("Chinezen",)),
    ("RUS", ("Rus",), ("Russin",), ("Russische",), ("Russisch",), ("Russen",)),
    ("ITA", ("Italiaan",), (), ("Italiaanse", "Noord-Italiaanse"), ("Italiaans",), ("Italianen",)),
    ("GER", ("Duitser", "Beier"), (), ("Duitse", "Zuid-Duitse", "Oost-Duitse", "West-Duitse", "Beierse"),
     ("Duits", "Zuid-Duits", "Oost-Duits", "West-Duits"), ("Duitsers", "Oost-Duitsers")),
    ("POL", ("Pool",), (), ("Poolse",), ("Pools",), ("Polen",)),
    ("BEL", ("Belg",), (), ("Belgische",), ("Belgisch",), ("Belgen",)),
    ("AUT", ("Oostenrijker",), (), ("Oostenrijkse",), ("Oostenrijks",), ("Oostenrijkers",)),
    ("KAZ", ("Kazach", "Kazak"), (), ("Kazachse", "Kazachstaanse", "Kazakse"), ("Kazachs", "Kazachstaans"),
     ("Kazachen", "Kazakken")),
    ("SUI", ("Zwitser",), (), ("Zwitserse",), ("Zwitsers",), ()),
    ("FRA", ("Fransman",), ("Française", "Francaise"), ("Franse",), ("Frans",), ("Fransen", "Fransozen")),
    ("HUN", ("Hongaar",), (), ("Hongaarse",), ("Hongaars",), ("Hongaren",)),
    ("GBR", ("Brit", "Engelsman", "Schot"), (), ("Britse", "Engelse", "Schotse"), ("Brits", "Engels", "Schots"),
     ("Britten", "Engelsen", "Schotten")),
    ("BLR", ("Wit-Rus", "Belarus", "Belarusiaan"), ("Wit-Russin",), ("Wit-Russische", "Belarussische",
     "Belarusische"), ("Wit-Russisch", "Belarussisch"), ("Wit-Russen", "Belarussen")),
    ("CZE", ("Tsjech",), (), ("Tsjechische",), ("Tsjechisch",), ("Tsjechen",)),
    ("EST", ("Est",), (), ("Estse", "Estische"), ("Ests", "Estisch"), ("Esten",)),
    ("LAT", ("Let",), (), ("Letse", "Letlandse"), ("Lets",), ("Letten",)),
    ("LTU", ("Litouwer",), (), ("Litouwse",), ("Litouws",), ("Litouwers",)),
    ("FIN", ("Fin",), (), ("Finse",), ("Fins",), ("Finnen",)),
    ("SWE", ("Zweed",), (), ("Zweedse",), ("Zweeds",), ("Zweden",)),
    ("DEN", ("Deen",), (), ("Deense",), ("Deens",), ("Denen",)),
    ("AUS", ("Australiër",), (), ("Australische",), ("Australisch",), ("Australiërs",)),
    ("NZL", ("Nieuw-Zeelander",), (), ("Nieuw-Zeelandse",), ("Nieuw-Zeelands",), ("Nieuw-Zeelanders",)),
    ("ESP", ("Spanjaard",), (), ("Spaanse",), ("Spaans",), ("Spanjaarden",)),
    ("POR", ("Portugees",), (), ("Portugese",), (), ("Portugezen",)),
    ("TPE", ("Taiwanees",), (), ("Taiwanese",), (), ("Taiwanezen",)),
    ("HKG", ("Hongkonger",), (), ("Hongkongse",), ("Hongkongs",), ("Hongkongers",)),
    ("MGL", ("Mongool",), (), ("Mongoolse",), ("Mongools",), ("Mongolen",)),
    ("UKR", ("Oekraïner",), (), ("Oekraïense",), ("Oekraïens",), ("Oekraïners",)),
    ("COL", ("Colombiaan",), (), ("Colombiaanse",), ("Colombiaans",), ("Colombianen",)),
    ("KGZ", ("Kirgies", "Kirgiziër"), (), ("Kirgizische", "Kirgiezische"), ("Kirgizisch",), ("Kirgiezen",)),
    ("UZB", ("Oezbeek",), (), ("Oezbeekse",), ("Oezbeeks",), ("Oezbeken",)),
    ("ROU", ("Roemeen",), (), ("Roemeense",), ("Roemeens",), ("Roemenen",)),
    ("BUL", ("Bulgaar",), (), ("Bulgaarse",), ("Bulgaars",), ("Bulgaren",)),
    ("SLO", ("Sloveen",), (), ("Sloveense",), ("Sloveens",), ("Slovenen",)),
    ("SVK", ("Slowaak",), (), ("Slowaakse",), ("Slowaaks",), ("Slowaken",)),
    ("CRO", ("Kroaat",), (), ("Kroatische",), ("Kroatisch",), ("Kroaten",)),
    ("SRB", ("Serviër",), (), ("Servische",), ("Servisch",), ("Serviërs",)),
    ("ISR", ("Israëliër",), (), ("Israëlische",), ("Israëlisch",), ("Israëliërs",)),
    ("TUR", ("Turk",), (), ("Turkse",), ("Turks",), ("Turken",)),
    ("GEO", ("Georgiër",), (), ("Georgische",), ("Georgisch",), ("Georgiërs",)),
    ("IRL", ("Ier",), (), ("Ierse",), ("Iers",), ("Ieren",)),
    ("ARG", ("Argentijn",), (), ("Argentijnse",), ("Argentijns",), ("Argentijnen",)),
    ("BRA", ("Braziliaan",), (), ("Braziliaanse",), ("Braziliaans",), ("Brazilianen",)),
    ("CHI", ("Chileen",), (), ("Chileense",), ("Chileens",), ("Chilenen",)),
    ("MEX", ("Mexicaan",), (), ("Mexicaanse",), ("Mexicaans",), ("Mexicanen",)),
    ("IND", ("Indiër",), (), ("Indiase",), ("Indiaas",), ("Indiërs",)),
    ("ISL", ("IJslander",), (), ("IJslandse",), ("IJslands",), ("IJslanders",)),
    ("RSA", ("Zuid-Afrikaan",), (), ("Zuid-Afrikaanse",), ("Zuid-Afrikaans",), ("Zuid-Afrikanen",)),
    ("GRE", ("Griek",), (), ("Griekse",), ("Grieks",), ("Grieken",)),
)

_DEMONYMS: dict[str, Demonym] = {}
for _ioc, _men, _women, _adj, _bare, _plural in _DEMONYM_ROWS:
    for _w in _plural:
        _DEMONYMS.setdefault(fold(_w), Demonym(_ioc, None, "noun", plural=True))
    for _w in _bare:
        _DEMONYMS.setdefault(fold(_w), Demonym(_ioc, None, "adjective"))
    for _w in _adj:
        _DEMONYMS[fold(_w)] = Demonym(_ioc, "women", "adjective")
    for _w in _women:
        _DEMONYMS[fold(_w)] = Demonym(_ioc, "women", "noun")
    for _w in _men:
        _DEMONYMS[fold(_w)] = Demonym(_ioc, "men", "noun")
# "Canadees"/"Chinees"/"Portugees"/"Taiwanees" are also bare adjectives; as a noun they mean a man.

# Short words that are also ordinary Dutch (let op, pool, est) or first names (Frans): capital required.
_NEEDS_CAPITAL = frozenset({"let", "lets", "est", "ests", "pool", "fin", "fins", "frans", "engels", "turks",
                            "ier", "deen", "polen", "zweden", "turk", "brit", "belarus", "schot", "schots"})

_ARTICLE_BEFORE = re.compile(r"\b(?:de|het|een|die|als|twee|drie|vier|beide|geen)\s+$", re.IGNORECASE)
DEMONYM_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted((re.escape(k) for k in _DEMONYMS), key=len, reverse=True)) + r")(?![\w-])"
)


def lookup_demonym(word: str | None) -> Demonym | None:
    """'Japanner' -> Demonym('JPN', 'men', 'noun'); 'Japanse' -> ('JPN', 'women', 'adjective');
    'Noren' -> ('NOR', None, 'noun', plural). Ambiguous short words must be capitalised."""
    if not word:
        return None
    w = word.strip(" .,;:!?()\"'")
    key = fold(w)
    d = _DEMONYMS.get(key)
    if d is None:
        return None
    if key in _NEEDS_CAPITAL and not w[:1].isupper():
        return None
    return d


def find_demonyms(text: str) -> list[tuple[int, int, Demonym]]:
    """(start, end, Demonym) for every demonym word in ``text`` (capitalisation rules as lookup)."""
    folded, offsets = fold_with_offsets(text)
    out: list[tuple[int, int, Demonym]] = []
    for m in DEMONYM_RE.finditer(folded):
        start, end = offsets[m.start()], offsets[m.end()]
        d = lookup_demonym(text[start:end])
        if d is None:
            continue
        if m.group(0) in _NEEDS_CAPITAL and not _ARTICLE_BEFORE.search(text, max(0, start - 12), start):
            continue  # "Let op", "Pool" at a sentence start: only "de Let", "het Fins record" count
        out.append((start, end, d))
    return out


# ------------------------------------------------------------------------------------------------ venues


@dataclass(frozen=True, slots=True)
class Venue:
    """A skating venue; ``name`` is the place name as the corpus writes it (Dutch exonyms: Peking, Sotsji)."""

    name: str
    ioc: str
    aliases: tuple[str, ...] = ()  # other spellings and rink names ("Thialf", "Vikingskipet")


_VENUE_ROWS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # Netherlands
    ("Heerenveen", "NED", ("Thialf", "Sportstad Heerenveen")),
    ("Amsterdam", "NED", ("Jaap Eden", "Jaap Edenbaan", "Jaap Eden-baan", "Olympisch Stadion")),
    ("Dordrecht", "NED", ("Sportboulevard",)),
    ("Alkmaar", "NED", ("De Meent",)),
    ("Enschede", "NED", ("IJsbaan Twente", "Twente")),
    ("Groningen", "NED", ("Kardinge",)),
    ("Den Haag", "NED", ("De Uithof", "Uithof", "'s-Gravenhage")),
    ("Utrecht", "NED", ("De Vechtsebanen", "Vechtsebanen")),
    ("Leeuwarden", "NED", ("Elfstedenhal",)),
    ("Hoorn", "NED", ("De Westfries",)),
    ("Breda", "NED", ("IJsbaan Breda",)),
    ("Tilburg", "NED", ("Ireen Wüst IJsbaan", "Ireen Wust IJsbaan")),
    ("Eindhoven", "NED", ("IJssportcentrum Eindhoven",)),
    ("Deventer", "NED", ("De Scheg",)),
    ("Haarlem", "NED", ("Kennemer IJsbaan",)),
    ("Nijmegen", "NED", ("Triavium",)),
    ("Rotterdam", "NED", ("Ahoy", "Rotterdam Ahoy")),
    ("Haaksbergen", "NED", ("Scheggertdijk",)),
    ("Noordlaren", "NED", ("Groeve",)),
    ("Biddinghuizen", "NED", ("Flevonice",)),
    ("Lelystad", "NED", ()),
    ("Assen", "NED", ()),
    ("Ankeveen", "NED", ()),
    ("Loosdrecht", "NED", ()),
    # Rest of Europe
    ("Inzell", "GER", ("Max Aicher Arena",)),
    ("Erfurt", "GER", ("Gunda-Niemann-Stirnemann-Halle",)),
    ("Berlijn", "GER", ("Berlin", "Hohenschönhausen", "Sportforum")),
    ("Dresden", "GER", ("EnergieVerbund Arena",)),
    ("Chemnitz", "GER", ()),
    ("Oberstdorf", "GER", ()),
    ("Hamar", "NOR", ("Vikingskipet",)),
    ("Stavanger", "NOR", ("Sørmarka", "Sormarka", "Sørmarka Arena")),
    ("Oslo", "NOR", ("Valle Hovin", "Bislett")),
    ("Trondheim", "NOR", ()),
    ("Lillehammer", "NOR", ()),
    ("Gjøvik", "NOR", ("Gjovik",)),
    ("Tomaszów Mazowiecki", "POL", ("Tomaszów", "Tomaszow", "Tomaszow Mazowiecki", "Tomaszów-Mazowiecki",
                                    "Tomaszow-Mazowiecki", "Arena Lodowa")),
    ("Gdansk", "POL", ("Gdańsk", "Danzig")),
    ("Warschau", "POL", ("Warsaw", "Warszawa")),
    ("Kolomna", "RUS", ("Kolomna Speed Skating Center",)),
    ("Moskou", "RUS", ("Moscow", "Moskva", "Krylatskoje", "Krylatskoye")),
    ("Tsjeljabinsk", "RUS", ("Chelyabinsk", "Tsjeljabinsk")),
    ("Kazan", "RUS", ()),
    ("Jekaterinburg", "RUS", ("Yekaterinburg",)),
    ("Sotsji", "RUS", ("Sochi", "Sotchi", "Adler", "Adler Arena")),
    ("Minsk", "BLR", ()),
    ("Sofia", "BUL", ()),
    ("Debrecen", "HUN", ()),
    ("Boedapest", "HUN", ("Budapest",)),
    ("Collalbo", "ITA", ("Klobenstein", "Ritten", "Renon", "Arena Ritten")),
    ("Baselga di Pinè", "ITA", ("Baselga di Pine", "Baselga")),
    ("Turijn", "ITA", ("Turin", "Torino", "Oval Lingotto")),
    ("Milaan", "ITA", ("Milan", "Milano", "Milaan-Cortina", "Milano Cortina", "Rho", "Assago")),
    ("Cortina d'Ampezzo", "ITA", ("Cortina",)),
    ("Bormio", "ITA", ()),
    ("Weissensee", "AUT", ("Weißensee", "Oostenrijkse Weissensee")),
    ("Innsbruck", "AUT", ()),
    ("Davos", "SUI", ()),
    ("Sankt Moritz", "SUI", ("St. Moritz", "Sint-Moritz")),
    ("Grenoble", "FRA", ()),
    ("Helsinki", "FIN", ()),
    ("Kuopio", "FIN", ()),
    ("Göteborg", "SWE", ("Gothenburg", "Goteborg")),
    ("Luleå", "SWE", ("Lulea",)),
    ("Falun", "SWE", ()),
    ("Nottingham", "GBR", ()),
    ("Sheffield", "GBR", ()),
    # North America
    ("Salt Lake City", "USA", ("Utah Olympic Oval", "Kearns", "Salt Lake", "Salt Lake-City", "Salt-Lake City")),
    ("Milwaukee", "USA", ("Pettit National Ice Center", "Pettit")),
    ("Lake Placid", "USA", ()),
    ("Calgary", "CAN", ("Olympic Oval",)),
    ("Quebec", "CAN", ("Québec", "Quebec City", "Centre de glaces")),
    ("Montreal", "CAN", ("Montréal", "Maurice Richard")),
    ("Vancouver", "CAN", ("Richmond",)),
    ("Fort St. John", "CAN", ()),
    # Asia
    ("Obihiro", "JPN", ("Meiji Hokkaido-Tokachi Oval",)),
    ("Nagano", "JPN", ("M-Wave",)),
    ("Tokio", "JPN", ("Tokyo",)),
    ("Peking", "CHN", ("Beijing", "National Speed Skating Oval", "Ice Ribbon", "Capital Indoor Stadium")),
    ("Harbin", "CHN", ()),
    ("Changchun", "CHN", ()),
    ("Shanghai", "CHN", ()),
    ("Ma'anshan", "CHN", ("Maanshan", "Ma’anshan")),
    ("Pyeongchang", "KOR", ("PyeongChang", "Pyeong Chang", "Pyeongchang")),
    ("Gangneung", "KOR", ("Gangneung Oval",)),
    ("Seoul", "KOR", ("Mokdong",)),
    ("Astana", "KAZ", ("Alau", "Alau Ice Palace")),
    ("Nur-Sultan", "KAZ", ("Nursultan", "Nur Sultan")),  # Astana's name 2019-2022, as NOS wrote it then
    ("Almaty", "KAZ", ("Alma-Ata", "Medeo", "Medeu")),
)

VENUES: dict[str, Venue] = {r[0]: Venue(r[0], r[1], r[2]) for r in _VENUE_ROWS}

_VENUE_KEYS: dict[str, str] = {}
for _v in VENUES.values():
    for _n in (_v.name, *_v.aliases):
        _VENUE_KEYS.setdefault(fold(_n), _v.name)
_VENUE_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted((re.escape(k) for k in _VENUE_KEYS), key=len, reverse=True)) + r")(?![\w-])"
)


def find_venues(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical venue name) for every venue or rink name in ``text``."""
    if not text:
        return []
    folded, offsets = fold_with_offsets(text)
    out: list[tuple[int, int, str]] = []
    for m in _VENUE_RE.finditer(folded):
        start, end = offsets[m.start()], offsets[m.end()]
        key = m.group(0)
        if not text[start:start + 1].isupper() and not key.startswith("'"):
            continue  # place names are always capitalised; lower case is an ordinary word
        out.append((start, end, _VENUE_KEYS[key]))
    return out


def venue_from_text(fragment: str | None) -> str | None:
    """'in het Poolse Tomaszów' -> 'Tomaszów Mazowiecki'; 'in Thialf' -> 'Heerenveen'; first venue named."""
    if not fragment:
        return None
    found = find_venues(fragment)
    return found[0][2] if found else None


def venue_country(name: str | None) -> str | None:
    """IOC code of a venue given by any of its names."""
    if not name:
        return None
    canonical = _VENUE_KEYS.get(fold(name))
    return VENUES[canonical].ioc if canonical else None
