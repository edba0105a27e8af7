"""Small factories for the notification tests: skaters, races with placings, follows, race changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlmodel import Session, select

from storage.changes import RaceChange
from storage.chats import upsert_chat
from storage.keys import skater_key
from storage.models import Competition, Race, Result, Skater, utcnow
from storage.subscriptions import Follow, follow

PODIUM_1000 = (("Hein Otterspeer", "NED", 6867), ("Thomas Krol", "NED", 6869), ("Kjeld Nuis", "NED", 6883),
               ("Laurent Dubreuil", "CAN", 6890), ("Håvard Lorentzen", "NOR", 6901),
               ("Kai Verbij", "NED", 6914))


def skater(session: Session, name: str, country: str | None = "NED") -> Skater:
    key = skater_key(name)
    row = session.exec(select(Skater).where(Skater.key == key)).first()
    if row is None:
        row = Skater(key=key, name=name, country=country, gender="men")
        session.add(row)
        session.flush()
    return row


def competition(session: Session, *, key: str = "world_cup|long_track|tomaszow|2021-2022",
                discipline: str = "long_track", venue: str = "Tomaszów Mazowiecki") -> Competition:
    row = session.exec(select(Competition).where(Competition.key == key)).first()
    if row is None:
        row = Competition(key=key, kind="world_cup", discipline=discipline, venue=venue, season="2021-2022")
        session.add(row)
        session.flush()
    return row


def race(session: Session, *, distance: str = "1000m", gender: str = "men",
         placings: Sequence[tuple[str, str, int]] = PODIUM_1000, date: dt.date | None = None,
         historical: bool = False, discipline: str = "long_track", key: str | None = None,
         first_seen_at: dt.datetime | None = None) -> Race:
    """A race with placings 1..n in the given order; committed."""
    comp = competition(session, key=f"world_cup|{discipline}|tomaszow|2021-2022", discipline=discipline)
    now = first_seen_at or utcnow()
    row = Race(key=key or f"{comp.id}|{distance}|{gender}|{now.timestamp()}", competition_id=comp.id,
               distance=distance, gender=gender, date=date or now.date(), historical=historical,
               first_seen_at=now, updated_at=now)
    session.add(row)
    session.flush()
    set_placings(session, row, placings)
    session.commit()
    return row


def set_placings(session: Session, race_row: Race, placings: Sequence[tuple[str, str, int]]) -> None:
    for existing in session.exec(select(Result).where(Result.race_id == race_row.id)).all():
        session.delete(existing)
    session.flush()
    for rank, (name, country, time) in enumerate(placings, start=1):
        person = skater(session, name, country)
        session.add(Result(race_id=race_row.id, entrant_key=f"skater:{person.id}", skater_id=person.id,
                           country=country, rank=rank, time_hundredths=time, time_stated=True))
    session.flush()


def change(race_row: Race, kind: str = "new", *, first_seen_at: dt.datetime | None = None) -> RaceChange:
    assert race_row.id is not None
    return RaceChange(race_id=race_row.id, kind=kind, podium_revision=race_row.podium_revision,  # type: ignore[arg-type]
                      historical=race_row.historical, race_date=race_row.date,
                      first_seen_at=first_seen_at or race_row.first_seen_at)


def follow_skater(session: Session, chat_id: int, name: str, *, chat_type: str = "private",
                  language: str = "nl") -> None:
    upsert_chat(session=session, chat_id=chat_id, type=chat_type, language=language)
    assert follow(session=session, chat_id=chat_id, what=Follow.skater(skater(session, name).id or 0),
                  limit=50) == "added"
    session.commit()


def follow_distance(session: Session, chat_id: int, distance: str, *, chat_type: str = "private",
                    language: str = "nl") -> None:
    upsert_chat(session=session, chat_id=chat_id, type=chat_type, language=language)
    assert follow(session=session, chat_id=chat_id, what=Follow.of_distance(distance), limit=50) == "added"
    session.commit()


def follow_all(session: Session, chat_id: int, *, chat_type: str = "private", language: str = "nl") -> None:
    upsert_chat(session=session, chat_id=chat_id, type=chat_type, language=language)
    assert follow(session=session, chat_id=chat_id, what=Follow.everything(), limit=50) == "added"
    session.commit()
