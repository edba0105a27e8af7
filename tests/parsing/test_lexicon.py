"""Countries, demonyms, venues and known skaters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsing.countries import (
    COUNTRIES,
    VENUES,
    country_from_name,
    country_name_en,
    country_name_nl,
    find_demonyms,
    find_venues,
    flag_emoji,
    lookup_demonym,
    venue_country,
    venue_from_text,
)
from parsing.skaters import SKATERS, find_known_skaters, known_skater, skaters_by_surname, surname_of

NATIONS = ["NED", "NOR", "JPN", "CAN", "USA", "KOR", "CHN", "RUS", "ROC", "ITA", "GER", "POL", "BEL", "AUT", "KAZ", "SUI", "FRA", "HUN", "GBR", "BLR", "CZE", "EST", "LAT", "FIN", "SWE", "AUS", "NZL", "DEN", "ESP", "TPE", "UKR", "COL", "KGZ"]


@pytest.mark.parametrize("ioc", NATIONS)
def test_every_skating_nation_has_names_and_a_flag(ioc: str) -> None:
    assert country_from_name(country_name_en(ioc)) == ioc
    assert country_from_name(country_name_nl(ioc)) == ioc
    assert country_from_name(ioc) == ioc
    flag = flag_emoji(ioc)
    assert len(flag) == 2 and all(0x1F1E6 <= ord(ch) <= 0x1F1FF for ch in flag)


@pytest.mark.parametrize(
    ("name", "ioc"),
    [("Zuid-Korea", "KOR"), ("South Korea", "KOR"), ("Korea", "KOR"), ("Noorwegen", "NOR"),
     ("Verenigde Staten", "USA"), ("de Verenigde Staten", "USA"), ("Italië", "ITA"), ("Italie", "ITA"),
     ("Tsjechië", "CZE"), ("Groot-Brittannië", "GBR"), ("Wit-Rusland", "BLR"), ("Nederland", "NED"),
     ("Chinese Taipei", "TPE"), ("Rusland", "RUS"), ("Kazachstan", "KAZ"), ("Oranje", "NED")],
)
def test_country_from_name(name: str, ioc: str) -> None:
    assert country_from_name(name) == ioc


@pytest.mark.parametrize("word", ["and", "us", "fin", "Kramer", "", None, "Thialf"])
def test_not_countries(word: str | None) -> None:
    assert country_from_name(word) is None


def test_english_names_match_corpus_team_names() -> None:
    assert [country_name_en(c) for c in ("NED", "KOR", "USA", "CZE", "GBR")] == [
        "Netherlands", "South Korea", "United States", "Czech Republic", "Great Britain"]
    assert flag_emoji("NED") == "\U0001f1f3\U0001f1f1"
    assert flag_emoji("ROC") == flag_emoji("RUS")
    assert flag_emoji("XXX") == flag_emoji("AIN")


@pytest.mark.parametrize(
    ("word", "ioc", "gender", "form"),
    [("Japanner", "JPN", "men", "noun"), ("Japanse", "JPN", "women", "adjective"), ("Noor", "NOR", "men", "noun"),
     ("Noorse", "NOR", "women", "adjective"), ("Rus", "RUS", "men", "noun"), ("Russin", "RUS", "women", "noun"),
     ("Russische", "RUS", "women", "adjective"), ("Canadees", "CAN", "men", "noun"),
     ("Canadese", "CAN", "women", "adjective"), ("Amerikaan", "USA", "men", "noun"),
     ("Amerikaanse", "USA", "women", "adjective"), ("Chinees", "CHN", "men", "noun"),
     ("Chinese", "CHN", "women", "adjective"), ("Zuid-Koreaan", "KOR", "men", "noun"),
     ("Zuid-Koreaanse", "KOR", "women", "adjective"), ("Koreaan", "KOR", "men", "noun"),
     ("Duitser", "GER", "men", "noun"), ("Duitse", "GER", "women", "adjective"), ("Pool", "POL", "men", "noun"),
     ("Poolse", "POL", "women", "adjective"), ("Italiaan", "ITA", "men", "noun"),
     ("Italiaanse", "ITA", "women", "adjective"), ("Belg", "BEL", "men", "noun"),
     ("Belgische", "BEL", "women", "adjective"), ("Oostenrijker", "AUT", "men", "noun"),
     ("Oostenrijkse", "AUT", "women", "adjective"), ("Kazach", "KAZ", "men", "noun"),
     ("Kazachse", "KAZ", "women", "adjective"), ("Zwitser", "SUI", "men", "noun"),
     ("Zwitserse", "SUI", "women", "adjective"), ("Fransman", "FRA", "men", "noun"),
     ("Franse", "FRA", "women", "adjective"), ("Hongaar", "HUN", "men", "noun"),
     ("Hongaarse", "HUN", "women", "adjective"), ("Brit", "GBR", "men", "noun"), ("Britse", "GBR", "women", "adjective"),
     ("Wit-Rus", "BLR", "men", "noun"), ("Wit-Russische", "BLR", "women", "adjective"),
     ("Tsjech", "CZE", "men", "noun"), ("Tsjechische", "CZE", "women", "adjective"),
     ("Nederlander", "NED", "men", "noun"), ("Nederlandse", "NED", "women", "adjective"),
     ("Est", "EST", "men", "noun"), ("Estse", "EST", "women", "adjective"), ("Let", "LAT", "men", "noun"),
     ("Letse", "LAT", "women", "adjective"), ("Fin", "FIN", "men", "noun"), ("Finse", "FIN", "women", "adjective"),
     ("Zweed", "SWE", "men", "noun"), ("Zweedse", "SWE", "women", "adjective"),
     ("Nederlands", "NED", None, "adjective"), ("Fries", "NED", "men", "noun"),
     ("Friese", "NED", "women", "adjective"), ("Oostenrijkse", "AUT", "women", "adjective")],
)
def test_demonyms(word: str, ioc: str, gender: str | None, form: str) -> None:
    d = lookup_demonym(word)
    assert d is not None and (d.ioc, d.gender, d.form) == (ioc, gender, form)


@pytest.mark.parametrize(("word", "ioc"), [("Japanners", "JPN"), ("Canadezen", "CAN"), ("Noren", "NOR"),
                                          ("Nederlanders", "NED"), ("Russen", "RUS"), ("Zuid-Koreanen", "KOR")])
def test_plural_demonyms_have_no_gender(word: str, ioc: str) -> None:
    d = lookup_demonym(word)
    assert d is not None and d.ioc == ioc and d.gender is None and d.plural


@pytest.mark.parametrize("word", ["let", "pool", "est", "Kramer", "", None])
def test_ordinary_words_are_not_demonyms(word: str | None) -> None:
    assert lookup_demonym(word) is None


def test_find_demonyms_offsets_prefer_longest() -> None:
    text = "De Zuid-Koreaanse Kim won voor de Wit-Rus en de Rus. Let op: de Japanners."
    found = [(text[s:e], d.ioc) for s, e, d in find_demonyms(text)]
    assert found == [("Zuid-Koreaanse", "KOR"), ("Wit-Rus", "BLR"), ("Rus", "RUS"), ("Japanners", "JPN")]


@pytest.mark.parametrize(
    ("fragment", "venue"),
    [("in het Poolse Tomaszów", "Tomaszów Mazowiecki"), ("in Thialf", "Heerenveen"),
     ("in Salt Lake City", "Salt Lake City"), ("bij de Spelen van Peking", "Peking"), ("in Beijing", "Peking"),
     ("in Sochi", "Sotsji"), ("op de Weißensee", "Weissensee"), ("in Milano", "Milaan"),
     ("in het Vikingskipet in Hamar", "Hamar"), ("in het Japanse Obihiro", "Obihiro"), ("in Inzell", "Inzell"),
     ("in Calgary", "Calgary"), ("in Québec", "Quebec"), ("in Kolomna", "Kolomna"), ("in Stavanger", "Stavanger"),
     ("in Ahoy", "Rotterdam"), ("in Gangneung", "Gangneung"), ("in PyeongChang", "Pyeongchang"),
     ("in Ma'anshan", "Ma'anshan"), ("in Baselga di Pinè", "Baselga di Pinè"), ("in Collalbo", "Collalbo")],
)
def test_venues(fragment: str, venue: str) -> None:
    assert venue_from_text(fragment) == venue


def test_venue_details() -> None:
    assert venue_from_text("hij had een goede opening") is None
    assert venue_from_text(None) is None
    assert venue_country("Thialf") == "NED" and venue_country("Tomaszów") == "POL"
    text = "Na Inzell volgt Thialf."
    assert [(text[s:e], v) for s, e, v in find_venues(text)] == [("Inzell", "Inzell"), ("Thialf", "Heerenveen")]
    assert all(v.ioc in COUNTRIES for v in VENUES.values())


def test_skater_table_is_sound() -> None:
    assert len(SKATERS) >= 300
    assert {s.gender for s in SKATERS} == {"men", "women"}
    assert all(s.ioc in COUNTRIES for s in SKATERS)
    assert sum(s.gender == "women" for s in SKATERS) >= 150


@pytest.mark.parametrize(
    ("name", "full", "gender", "ioc"),
    [("Kjeld Nuis", "Kjeld Nuis", "men", "NED"), ("Nuis", "Kjeld Nuis", "men", "NED"),
     ("Kulizhnikov", "Pavel Koelizjnikov", "men", "RUS"), ("Pavel Koelizjnikov", "Pavel Koelizjnikov", "men", "RUS"),
     ("Yuskov", "Denis Joeskov", "men", "RUS"), ("Fatkulina", "Olga Fatkoelina", "women", "RUS"),
     ("Moesjtakov", "Viktor Moesjtakov", "men", "RUS"), ("Golikova", "Angelina Golikova", "women", "RUS"),
     ("ireen wust", "Ireen Wüst", "women", "NED"), ("Sablikova", "Martina Sáblíková", "women", "CZE"),
     ("Rijpma-de Jong", "Antoinette Rijpma-de Jong", "women", "NED"), ("Tingyu Gao", "Gao Tingyu", "men", "CHN"),
     ("Gao", "Gao Tingyu", "men", "CHN"), ("Van der Poel", "Nils van der Poel", "men", "SWE"),
     ("Dai Dai N’tab", "Dai Dai N'tab", "men", "NED"), ("Stolz", "Jordan Stolz", "men", "USA")],
)
def test_known_skaters(name: str, full: str, gender: str, ioc: str) -> None:
    s = known_skater(name)
    assert s is not None and (s.name, s.gender, s.ioc) == (full, gender, ioc)


@pytest.mark.parametrize("name", ["Mulder", "de Jong", "Kim", "Takagi", "Nobody", "", None])
def test_ambiguous_or_unknown_surnames(name: str | None) -> None:
    assert known_skater(name) is None


def test_surnames_and_search() -> None:
    assert surname_of("Jens van 't Wout") == "van 't Wout"
    assert surname_of("Kim Min-sun", "KOR") == "Kim"
    assert surname_of("Wouter olde Heuvel") == "olde Heuvel"
    assert {s.name for s in skaters_by_surname("Mulder")} == {"Ronald Mulder", "Michel Mulder"}
    text = "Jens van ’t Wout won voor Sjinkie Knegt. De Rus Pavel Kulizhnikov werd derde."
    assert [s.name for _, _, s in find_known_skaters(text)] == ["Jens van 't Wout", "Sjinkie Knegt",
                                                               "Pavel Koelizjnikov"]


@given(st.text())
def test_junk_never_raises(junk: str) -> None:
    country_from_name(junk)
    lookup_demonym(junk)
    find_demonyms(junk)
    venue_from_text(junk)
    known_skater(junk)
    find_known_skaters(junk)
