"""``schaatsbot parse``: JSON lines for article JSON, text and HTML files; unreadable files never fail the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schaatsbot.cli import main


def test_parse_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.json"
    article.write_text(json.dumps({
        "id": "x", "url": None, "published": "2025-11-22T18:10:00+01:00",
        "title": "Bos wint 1.500 meter in Hamar",
        "text": "Femke Bos heeft bij de wereldbeker in Hamar de 1.500 meter gewonnen in 1.54,20. "
                "De Canadese Ivy Tremblay werd tweede.",
    }), encoding="utf-8")
    html = tmp_path / "b.html"
    html.write_text("<p>Sjoerd Hagen heeft in Inzell de 5.000 meter gewonnen. Hij reed 6.11,04.</p>", encoding="utf-8")
    broken = tmp_path / "c.json"
    broken.write_text("{not json", encoding="utf-8")
    assert main(["parse", "--json", str(article), str(html), str(broken), str(tmp_path / "missing.json")]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["file"] for line in lines] == [str(article), str(html), str(broken), str(tmp_path / "missing.json")]
    race = lines[0]["races"][0]
    assert (race["distance"], race["gender"], race["venue"]) == ("1500m", "women", "Hamar")
    assert race["results"][0] == {"rank": 1, "name": "Femke Bos", "country": None, "time": "1:54.20",
                                  "time_stated": True}
    assert lines[1]["races"][0]["results"][0]["time"] == "6:11.04"
    assert lines[2]["races"] == [] and "unreadable" in lines[2]["reason"]
    assert lines[3]["races"] == [] and lines[3]["reason"]


def test_parse_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Bos wint\nFemke Bos heeft bij de wereldbeker in Hamar de 1.500 meter gewonnen in 1.54,20. "
                    "Ze was de snelste bij de vrouwen.", encoding="utf-8")
    assert main(["parse", str(text)]) == 0
    out = capsys.readouterr().out
    assert "1500m" in out and "Femke Bos" in out and "1:54.20" in out
