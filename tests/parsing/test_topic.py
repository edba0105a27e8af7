"""is_skating: skating items recognised in a general sport feed, other sports left alone."""

from __future__ import annotations

import json

import pytest

from parsing.topic import is_skating
from tests.conftest import SHARED


@pytest.mark.parametrize(("title", "text"), [
    ("Leerdam wint 1.000 meter", "Jutta Leerdam was in Thialf de snelste op de kilometer."),
    ("Stolz ook de beste op 1.500 meter", "De Amerikaan won bij de wereldbeker in Inzell de 1.500 meter."),
    ("Velzeboer pakt goud", "Xandra Velzeboer werd in Dordrecht wereldkampioen op de 500 meter shorttrack."),
    ("Hekman sprint naar winst", "Gary Hekman won de wedstrijd van de KPN Marathon Cup op natuurijs."),
    ("Oranje wint achtervolging", "De ploegenachtervolging in Calgary was een prooi voor de Nederlandse vrouwen "
                                  "op het ijs van de Olympic Oval."),
])
def test_skating_items(title: str, text: str) -> None:
    assert is_skating(title, text)


@pytest.mark.parametrize(("title", "text"), [
    ("Heerenveen wint van Ajax", "SC Heerenveen won in de Eredivisie met 2-1 van Ajax in het Abe Lenstra Stadion."),
    ("Oranje wereldkampioen ploegenachtervolging", "De Nederlandse baanwielrenners werden wereldkampioen op de "
                                                   "ploegenachtervolging."),
    ("Hassan wint 10.000 meter", "Sifan Hassan werd bij de WK atletiek wereldkampioen op de 10.000 meter."),
    ("Biatleet wint massastart", "De Noor won de massastart in de wereldbeker biatlon in Oberhof."),
    ("Gletsjers smelten", "Gletsjers verloren deze zomer bijna een record aan ijs."),
])
def test_other_items(title: str, text: str) -> None:
    assert not is_skating(title, text)


def test_every_race_report_of_the_corpus_is_recognised() -> None:
    missed = []
    for path in sorted((SHARED / "corpus").glob("*/*.json")):
        doc = json.loads(path.read_text())
        if doc.get("races") and not is_skating(doc["title"], doc.get("text", "")):
            missed.append(path.name)
    assert missed == []
