"""Feed bytes -> items: NOS ids, dates, text, and what happens with broken or odd feeds."""

from __future__ import annotations

import datetime as dt

from jobs.feedread import nos_id, read_feed
from tests.conftest import SHARED
from tests.jobs.feed_server import Item, feed_xml

FETCHED = dt.datetime(2026, 11, 7, 18, 0, tzinfo=dt.UTC)
REPORT = Item("2641101", "Leerdam wint 1.000 meter", (
    "Jutta Leerdam heeft de 1.000 meter gewonnen in 1.13,20.", "## Roest wint 5.000 meter",
    "Patrick Roest won de 5.000 meter in 6.05,12.",
))


def test_current_nos_items_are_read_with_id_date_html_and_text() -> None:
    read = read_feed(feed_xml(REPORT), feed_name="nossportschaatsen", fetched_at=FETCHED)
    assert read.is_feed and read.malformed is None and read.notes == []
    [item] = read.items
    assert item.guid == "2641101" and item.url == "https://nos.nl/l/2641101" and item.feed == "nossportschaatsen"
    assert item.published == dt.datetime(2026, 11, 7, 15, 5, 12, tzinfo=dt.UTC) and item.dated
    assert "<h2>Roest wint 5.000 meter</h2>" in item.html
    assert item.text.splitlines() == ["Jutta Leerdam heeft de 1.000 meter gewonnen in 1.13,20.",
                                      "Roest wint 5.000 meter", "Patrick Roest won de 5.000 meter in 6.05,12."]


def test_the_real_general_feed_of_october_2026() -> None:
    data = (SHARED / "feeds" / "nos-general-2026-10.xml").read_bytes()
    read = read_feed(data, feed_name="nosnieuwsalgemeen", fetched_at=FETCHED)
    assert len(read.items) == 20 and read.malformed is None
    first = read.items[0]
    assert first.guid == "2633258" and first.published == dt.datetime(2026, 10, 1, 10, 52, 42, tzinfo=dt.UTC)
    assert first.text.startswith("Het minderheidskabinet is bereid") and "Niet veel draaiknoppen" in first.text
    assert all(item.guid.isdigit() and len(item.guid) == 7 for item in read.items)


def test_old_feedburner_items_use_the_article_id() -> None:
    data = b"""<?xml version="1.0"?><rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
    <channel><title>NOS</title><item><title>Nuis wint</title>
    <link>http://feeds.nos.nl/~r/nossportschaatsen/~3/azisDsYHB24/2275239</link>
    <description><![CDATA[<p>Kjeld Nuis won.</p><img src="http://feeds.feedburner.com/~r/x/~4/abc" height="1" width="1"/>]]></description>
    <pubDate>Sun, 10 Mar 2019 21:24:04 +0100</pubDate><guid isPermaLink="false">2275239</guid>
    <feedburner:origLink>https://nos.nl/artikel/2275239-nuis-wint.html</feedburner:origLink></item></channel></rss>"""
    [item] = read_feed(data, feed_name="nos", fetched_at=FETCHED).items
    assert item.guid == "2275239" and item.text == "Kjeld Nuis won."
    assert item.published == dt.datetime(2019, 3, 10, 20, 24, 4, tzinfo=dt.UTC)


def test_nos_id_from_any_nos_address() -> None:
    assert nos_id("https://nos.nl/l/2641101") == "2641101"
    assert nos_id(None, "https://nos.nl/artikel/2633158-tweede-kamer-wil-af") == "2633158"
    assert nos_id("https://www.nu.nl/sport/6123456/titel.html") is None


def test_items_without_guid_or_date_get_a_fallback_and_a_note() -> None:
    no_guid = Item("2641102", "Zonder guid", ("tekst",), with_guid=False)
    nothing = Item("0", "Zonder guid en link", ("tekst",), with_guid=False, with_link=False, pub_date=None)
    read = read_feed(feed_xml(no_guid, nothing), feed_name="nos", fetched_at=FETCHED)
    first, second = read.items
    assert first.guid == "2641102"
    assert second.guid.startswith("sha1:") and second.published == FETCHED and not second.dated
    assert any("no date" in note for note in read.notes) and any("without guid" in note for note in read.notes)
    again = read_feed(feed_xml(no_guid, nothing), feed_name="nos", fetched_at=FETCHED + dt.timedelta(hours=1))
    assert again.items[1].guid == second.guid  # the title hash is stable


def test_malformed_xml_keeps_what_parsed() -> None:
    broken = feed_xml(REPORT, Item("2641102", "Kok wint", ("Femke Kok won.",))).replace(
        b"</channel>", b"<item><title>kapot & fout</title></channel>")
    read = read_feed(broken, feed_name="nos", fetched_at=FETCHED)
    assert read.malformed and "malformed XML" in read.malformed
    assert [item.guid for item in read.items][:2] == ["2641101", "2641102"]


def test_html_junk_and_empty_feeds() -> None:
    junk = read_feed(b"<html><body><h1>502 Bad Gateway</h1></body></html>", feed_name="nos", fetched_at=FETCHED)
    assert not junk.is_feed and junk.items == []
    empty = read_feed(feed_xml(), feed_name="nos", fetched_at=FETCHED)
    assert empty.is_feed and empty.items == [] and empty.malformed is None
    assert not read_feed(b"", feed_name="nos", fetched_at=FETCHED).is_feed
