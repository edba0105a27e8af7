"""record_races on a real SQLite file: one race however many articles report it, merged placings, podium changes."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, select

from parsing.model import Placing, Race
from storage import keys
from storage.articles import upsert_article
from storage.models import Article, Competition, Result, Skater, SkaterAlias
from storage.models import Race as RaceRow
from storage.races import race_results, record_races

SAT = dt.datetime(2026, 11, 7, 15, 5, tzinfo=dt.UTC)  # 16:05 in Heerenveen


def article(session: Session, guid: str, text: str = "tekst", published: dt.datetime = SAT) -> Article:
    stored = upsert_article(session=session, guid=guid, feed="test", title=f"artikel {guid}", text=text,
                            published=published)
    return stored.article


def women_1000(*placings: Placing, venue: str | None = "Heerenveen", **extra) -> Race:  # type: ignore[no-untyped-def]
    return Race(discipline="long_track", competition="world_cup", distance="1000m", gender="women",
                placings=placings, venue=venue, **extra)


LEERDAM = Placing(1, "Jutta Leerdam", "NED", 7320, True)
KOK = Placing(2, "Femke Kok", "NED", 7358, True)
TAKAGI = Placing(3, "Miho Takagi", "JPN", 7371, True)


def standings(session: Session, race_id: int) -> list[tuple[int | None, str, int | None, bool]]:
    out = []
    for result in race_results(session=session, race_id=race_id):
        skater = session.get(Skater, result.skater_id) if result.skater_id else None
        out.append((result.rank, skater.name if skater else result.team_name or "?", result.time_hundredths,
                    result.time_stated))
    return out


def test_a_new_race_is_stored_with_its_competition_skaters_and_results(session: Session) -> None:
    changes = record_races(session=session, article=article(session, "2641101"),
                           races=[women_1000(LEERDAM, KOK, TAKAGI)])
    session.commit()

    assert [c.kind for c in changes] == ["new"]
    change = changes[0]
    assert change.podium_revision == 0 and not change.historical and change.race_date == dt.date(2026, 11, 7)
    competition = session.exec(select(Competition)).one()
    assert (competition.kind, competition.discipline, competition.venue, competition.season) == (
        "world_cup", "long_track", "Heerenveen", "2026-2027")
    assert competition.start_date == competition.end_date == dt.date(2026, 11, 7)
    race = session.get(RaceRow, change.race_id)
    assert race is not None and race.podium_hash and race.historical is False
    assert standings(session, race.id) == [(1, "Jutta Leerdam", 7320, True), (2, "Femke Kok", 7358, True),
                                           (3, "Miho Takagi", 7371, True)]
    leerdam = session.exec(select(Skater).where(Skater.key == "jutta leerdam")).one()
    assert leerdam.country == "NED" and leerdam.gender == "women"
    aliases = set(session.exec(select(SkaterAlias.alias).where(SkaterAlias.skater_id == leerdam.id)))
    assert aliases == {"jutta leerdam", "leerdam"}


def test_the_same_article_recorded_twice_changes_nothing(session: Session) -> None:
    doc = article(session, "2641101")
    record_races(session=session, article=doc, races=[women_1000(LEERDAM, KOK, TAKAGI)])
    session.commit()
    again = record_races(session=session, article=doc, races=[women_1000(LEERDAM, KOK, TAKAGI)])
    session.commit()
    assert again == []
    assert len(session.exec(select(RaceRow)).all()) == 1
    assert len(session.exec(select(Result)).all()) == 3
    assert len(session.exec(select(Skater)).all()) == 3


def test_a_second_article_without_venue_adds_placings_to_the_same_race(session: Session) -> None:
    first = record_races(session=session, article=article(session, "2641101"),
                         races=[women_1000(LEERDAM, KOK, TAKAGI)])
    session.commit()
    sunday = SAT + dt.timedelta(days=1)
    later = record_races(session=session, article=article(session, "2641150", published=sunday),
                         races=[women_1000(Placing(1, "Leerdam"), Placing(4, "Joy Beune", "NED", 7402, True),
                                           venue=None, date=dt.date(2026, 11, 7))])
    session.commit()

    assert [c.kind for c in later] == ["placings_changed"]
    assert later[0].race_id == first[0].race_id and later[0].podium_revision == 0
    assert [row[:2] for row in standings(session, first[0].race_id)] == [
        (1, "Jutta Leerdam"), (2, "Femke Kok"), (3, "Miho Takagi"), (4, "Joy Beune")]
    assert len(session.exec(select(Skater)).all()) == 4  # "Leerdam" is the Jutta Leerdam of this race


def test_a_stated_time_beats_a_derived_one_and_never_the_other_way(session: Session) -> None:
    derived = women_1000(LEERDAM, Placing(2, "Femke Kok", "NED", 7360, False))
    race_id = record_races(session=session, article=article(session, "1"), races=[derived])[0].race_id
    record_races(session=session, article=article(session, "2"), races=[women_1000(KOK)])
    assert standings(session, race_id)[1] == (2, "Femke Kok", 7358, True)
    record_races(session=session, article=article(session, "3"),
                 races=[women_1000(Placing(2, "Femke Kok", "NED", 7361, False))])
    assert standings(session, race_id)[1] == (2, "Femke Kok", 7358, True)


def test_a_corrected_version_of_the_same_article_corrects_the_podium(session: Session) -> None:
    doc = article(session, "2641101")
    first = record_races(session=session, article=doc, races=[women_1000(LEERDAM, KOK, TAKAGI,
                                                                          Placing(5, "Joy Beune"))])
    session.commit()
    race = session.get(RaceRow, first[0].race_id)
    assert race is not None
    old_hash = race.podium_hash

    doc = upsert_article(session=session, guid="2641101", feed="test", title="artikel", text="verbeterd",
                         published=SAT).article
    fixed = record_races(session=session, article=doc, races=[women_1000(
        LEERDAM, Placing(2, "Miho Takagi", "JPN", 7358, True), Placing(3, "Femke Kok", "NED", 7371, True))])
    session.commit()

    assert [(c.kind, c.podium_revision) for c in fixed] == [("podium_changed", 1)]
    assert race.podium_revision == 1 and race.podium_hash != old_hash
    # Beune is no longer in the corrected report: that article's own placing goes.
    assert standings(session, race.id) == [(1, "Jutta Leerdam", 7320, True), (2, "Miho Takagi", 7358, True),
                                           (3, "Femke Kok", 7371, True)]


def test_a_correction_does_not_drop_placings_other_articles_reported(session: Session) -> None:
    doc = article(session, "1")
    race_id = record_races(session=session, article=doc, races=[women_1000(LEERDAM, KOK)])[0].race_id
    record_races(session=session, article=article(session, "2"), races=[women_1000(Placing(6, "Joy Beune"))])
    doc = upsert_article(session=session, guid="1", feed="test", title="artikel", text="nieuw").article
    record_races(session=session, article=doc, races=[women_1000(LEERDAM)])
    assert [row[1] for row in standings(session, race_id)] == ["Jutta Leerdam", "Joy Beune"]


def test_a_new_version_that_no_longer_reports_a_race_withdraws_its_placings(session: Session) -> None:
    men = Race(discipline="long_track", competition="world_cup", distance="1000m", gender="men",
               placings=(Placing(1, "Jenning de Boo", "NED", 6712, True), Placing(2, "Jordan Stolz", "USA")),
               venue="Heerenveen")
    doc = article(session, "1")
    women_id, men_id = (c.race_id for c in record_races(session=session, article=doc,
                                                         races=[women_1000(LEERDAM, KOK), men]))
    record_races(session=session, article=article(session, "2"),
                 races=[dataclasses.replace(men, placings=(Placing(4, "Kjeld Nuis"),))])
    session.commit()

    doc = upsert_article(session=session, guid="1", feed="test", title="artikel", text="zonder mannen").article
    changes = record_races(session=session, article=doc, races=[women_1000(LEERDAM, KOK)])
    session.commit()
    assert [(c.race_id, c.kind, c.podium_revision) for c in changes] == [(men_id, "podium_changed", 1)]
    assert [row[1] for row in standings(session, men_id)] == ["Kjeld Nuis"]  # the other article's placing
    assert [row[1] for row in standings(session, women_id)] == ["Jutta Leerdam", "Femke Kok"]

    # a version in which the parser finds nothing at all keeps what was recorded
    doc = upsert_article(session=session, guid="1", feed="test", title="artikel", text="onleesbaar").article
    assert record_races(session=session, article=doc, races=[]) == []
    assert [row[1] for row in standings(session, women_id)] == ["Jutta Leerdam", "Femke Kok"]


def test_placings_added_later_to_an_incomplete_podium_change_it(session: Session) -> None:
    race_id = record_races(session=session, article=article(session, "1"), races=[women_1000(LEERDAM)])[0].race_id
    session.commit()
    changes = record_races(session=session, article=article(session, "2"), races=[women_1000(KOK, TAKAGI)])
    assert [(c.race_id, c.kind, c.podium_revision) for c in changes] == [(race_id, "podium_changed", 1)]


def test_a_surname_alone_only_resolves_within_the_same_competition(session: Session) -> None:
    record_races(session=session, article=article(session, "1"), races=[women_1000(LEERDAM, KOK)])
    other_place = Race(discipline="long_track", competition="world_cup", distance="500m", gender="women",
                       placings=(Placing(1, "Kok"),), venue="Calgary", date=dt.date(2026, 12, 12))
    record_races(session=session, article=article(session, "2"), races=[other_place])
    kok_names = sorted(s.name for s in session.exec(select(Skater)) if keys.surname(s.name) == "kok")
    assert kok_names == ["Femke Kok", "Kok"]  # unknown in Calgary: not guessed


def test_a_full_name_completes_a_skater_known_only_by_surname(session: Session) -> None:
    race_id = record_races(session=session, article=article(session, "1"),
                           races=[women_1000(Placing(1, "Leerdam"))])[0].race_id
    record_races(session=session, article=article(session, "2"), races=[women_1000(LEERDAM)])
    skaters = session.exec(select(Skater)).all()
    assert [(s.name, s.key) for s in skaters] == [("Jutta Leerdam", "jutta leerdam")]
    assert standings(session, race_id) == [(1, "Jutta Leerdam", 7320, True)]


def test_other_venue_and_other_weekend_are_other_competitions(session: Session) -> None:
    record_races(session=session, article=article(session, "1"), races=[women_1000(LEERDAM)])
    record_races(session=session, article=article(session, "2"),
                 races=[women_1000(LEERDAM, venue="Tomaszów Mazowiecki", date=dt.date(2026, 11, 14))])
    record_races(session=session, article=article(session, "3"),
                 races=[women_1000(LEERDAM, date=dt.date(2027, 1, 23))])  # Heerenveen again in January
    comps = session.exec(select(Competition).order_by(Competition.start_date)).all()
    assert [(c.venue, c.start_date) for c in comps] == [
        ("Heerenveen", dt.date(2026, 11, 7)), ("Tomaszów Mazowiecki", dt.date(2026, 11, 14)),
        ("Heerenveen", dt.date(2027, 1, 23))]
    assert len({c.key for c in comps}) == 3
    assert comps[1].key == "world_cup|long_track|tomaszow mazowiecki|2026-2027"


def test_a_race_reported_first_without_venue_gets_it_later(session: Session) -> None:
    record_races(session=session, article=article(session, "1"), races=[women_1000(LEERDAM, venue=None)])
    record_races(session=session, article=article(session, "2"), races=[women_1000(KOK)])
    competition = session.exec(select(Competition)).one()
    assert competition.venue == "Heerenveen" and "heerenveen" in competition.key
    assert len(session.exec(select(RaceRow)).all()) == 1


def test_historical_races_are_stored_as_such_in_their_own_competition(session: Session) -> None:
    last_season = Race(discipline="long_track", competition="world_championships", distance="1000m",
                       gender="women", placings=(Placing(1, "Jutta Leerdam"),), venue="Hamar",
                       date=dt.date(2026, 3, 6), historical=True)
    undated = Race(discipline="long_track", competition="olympics", distance="500m", gender="women",
                   placings=(Placing(1, "Femke Kok"),), venue=None, historical=True)
    changes = record_races(session=session, article=article(session, "1"),
                           races=[women_1000(LEERDAM), last_season, undated])
    assert [(c.kind, c.historical) for c in changes] == [("new", False), ("new", True)]
    hamar = session.exec(select(Competition).where(Competition.venue == "Hamar")).one()
    assert hamar.season == "2025-2026"
    assert session.get(RaceRow, changes[1].race_id).historical is True  # type: ignore[union-attr]


def test_round_division_and_team_events_are_separate_races(session: Session) -> None:
    def race(distance: str, *placings: Placing, **extra) -> Race:  # type: ignore[no-untyped-def]
        return Race(discipline="long_track", competition="world_cup", distance=distance, gender="men",
                    placings=placings, venue="Heerenveen", **extra)

    changes = record_races(session=session, article=article(session, "1"), races=[
        race("500m", Placing(1, "Jenning de Boo"), round=1),
        race("500m", Placing(1, "Jordan Stolz"), round=2),
        race("1500m", Placing(1, "Kjeld Nuis"), division="B"),
        race("1500m", Placing(1, "Jordan Stolz")),
        race("team_pursuit", Placing(1, "Netherlands", "NED", 21950, True, members=("Beau Snellink", "Marcel Bosker")),
             Placing(2, "Norway", "NOR", is_team=True)),
    ])
    assert [c.kind for c in changes] == ["new"] * 5
    # "de 1500 meter" without a division is the A race once one is known by its division
    again = record_races(session=session, article=article(session, "2"),
                         races=[race("1500m", Placing(2, "Kjeld Nuis"), division="A")])
    assert again[0].race_id == changes[3].race_id
    team = session.exec(select(Result).where(Result.race_id == changes[4].race_id)).all()
    assert sorted(r.entrant_key for r in team) == ["team:NED", "team:NOR"]
    assert any(r.members and "Beau Snellink" in r.members for r in team)


def test_keys_fold_spelling_noise() -> None:
    assert keys.fold("Martina Sábliková") == "martina sablikova"
    assert keys.fold("Sander Eitrem ") == keys.fold("sander  EITREM")
    assert keys.fold("Håvard Holmefjord Lorentzen") == "havard holmefjord lorentzen"
    assert keys.surname("Jorien ter Mors") == "ter mors"
    assert keys.surname("Melle van 't Wout") == "van 't wout"
    assert keys.is_surname_only("Ter Mors") and keys.is_surname_only("Nuis")
    assert not keys.is_surname_only("Kai Verbij")
    assert keys.season_of(dt.date(2027, 2, 1)) == "2026-2027" and keys.season_of(dt.date(2026, 7, 1)) == "2026-2027"


def test_a_placing_whose_time_contradicts_the_stored_order_is_not_recorded(session: Session) -> None:
    race_id = record_races(session=session, article=article(session, "1"),
                           races=[women_1000(LEERDAM, KOK, TAKAGI)])[0].race_id
    session.commit()
    # another article (misread) puts someone second with a time faster than the winner's
    changes = record_races(session=session, article=article(session, "2"),
                           races=[women_1000(Placing(2, "Joy Beune", "NED", 6625, True),
                                             Placing(5, "Kimi Goetz", "USA", 7410, True))])
    assert [c.kind for c in changes] == ["placings_changed"]
    assert [row[:2] for row in standings(session, race_id)] == [
        (1, "Jutta Leerdam"), (2, "Femke Kok"), (3, "Miho Takagi"), (5, "Kimi Goetz")]


def test_a_dead_heat_in_one_article_keeps_both(session: Session) -> None:
    race_id = record_races(session=session, article=article(session, "1"), races=[
        women_1000(LEERDAM, Placing(2, "Femke Kok"), Placing(2, "Miho Takagi"))])[0].race_id
    assert [row[0] for row in standings(session, race_id)] == [1, 2, 2]


def test_known_skaters_are_looked_up_once_per_article_not_per_placing(session: Session) -> None:
    from sqlalchemy import event

    field = (LEERDAM, KOK, TAKAGI, Placing(4, "Joy Beune"), Placing(5, "Marijke Groenewoud"))
    record_races(session=session, article=article(session, "1"), races=[women_1000(*field)])
    session.commit()
    statements: list[str] = []

    def seen(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        statements.append(" ".join(statement.split()))

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", seen)
    try:
        changes = record_races(session=session, article=article(session, "2"), races=[Race(
            discipline="long_track", competition="world_cup", distance="1500m", gender="women", placings=field,
            venue="Heerenveen")])
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    session.commit()
    skater_reads = [s for s in statements if s.startswith("SELECT") and "FROM skaters" in s]
    assert len(skater_reads) == 1 and " IN " in skater_reads[0], skater_reads
    assert [row[1] for row in standings(session, changes[0].race_id)] == [p.name for p in field]
    assert len(session.exec(select(Skater)).all()) == 5
