"""Follows and chats on a real SQLite file: limits, listing, migration, deactivation, matching races."""

from __future__ import annotations

from sqlmodel import select

from storage.chats import deactivate_chat, get_chat, migrate_chat, reactivate_chat, upsert_chat
from storage.models import Subscription
from storage.subscriptions import (
    Follow,
    follow,
    followers_of_race,
    list_follows,
    unfollow,
)
from tests import notify_data as data


def test_follow_is_idempotent_and_limited(session) -> None:
    upsert_chat(session=session, chat_id=5, type="private")
    assert follow(session=session, chat_id=5, what=Follow.everything(), limit=2) == "added"
    assert follow(session=session, chat_id=5, what=Follow.everything(), limit=2) == "exists"
    assert follow(session=session, chat_id=5, what=Follow.of_distance("500m"), limit=2) == "added"
    assert follow(session=session, chat_id=5, what=Follow.of_distance("1000m"), limit=2) == "limit"
    session.commit()
    assert [v.target for v in list_follows(session=session, chat_id=5)] == [
        "all", "distance:long_track:500m"]


def test_unfollow_and_list_with_skater_names(session) -> None:
    kai = data.skater(session, "Kai Verbij")
    data.follow_skater(session, 5, "Kai Verbij")
    data.follow_distance(session, 5, "1500m")
    views = list_follows(session=session, chat_id=5)
    assert [(v.follow.kind, v.skater_name) for v in views] == [("distance", None), ("skater", "Kai Verbij")]
    assert unfollow(session=session, chat_id=5, target=f"skater:{kai.id}")
    assert not unfollow(session=session, chat_id=5, target=f"skater:{kai.id}")
    session.commit()
    assert [v.target for v in list_follows(session=session, chat_id=5)] == ["distance:long_track:1500m"]


def test_followers_of_a_race_combine_every_reason_per_chat(session) -> None:
    data.follow_skater(session, 1, "Kai Verbij")
    data.follow_skater(session, 1, "Thomas Krol")
    data.follow_distance(session, 1, "1000m")
    data.follow_all(session, 2)
    data.follow_distance(session, 3, "500m")  # another distance: not a follower
    race = data.race(session)
    followers = followers_of_race(session=session, race_id=race.id)
    assert set(followers) == {1, 2}
    one = followers[1]
    assert one.distance and not one.all
    assert [(s["name"], s["rank"]) for s in one.skaters] == [("Thomas Krol", 2), ("Kai Verbij", 6)]
    assert followers[2].all


def test_distance_follows_respect_discipline_and_gender(session) -> None:
    upsert_chat(session=session, chat_id=7)
    follow(session=session, chat_id=7, what=Follow.of_distance("1000m", gender="women"), limit=50)
    follow(session=session, chat_id=8, what=Follow.of_distance("1000m", discipline="short_track"), limit=50)
    session.commit()
    assert followers_of_race(session=session, race_id=data.race(session).id) == {}
    women = data.race(session, gender="women", key="w")
    assert set(followers_of_race(session=session, race_id=women.id)) == {7}
    short = data.race(session, discipline="short_track", key="st")
    assert set(followers_of_race(session=session, race_id=short.id)) == {8}


def test_deactivated_chats_keep_follows_but_get_nothing_until_reactivated(session) -> None:
    data.follow_all(session, 9)
    deactivate_chat(session=session, chat_id=9, reason="blocked")
    session.commit()
    race = data.race(session)
    assert followers_of_race(session=session, race_id=race.id) == {}
    assert session.exec(select(Subscription).where(Subscription.chat_id == 9)).first() is not None
    reactivate_chat(session=session, chat_id=9)
    session.commit()
    assert set(followers_of_race(session=session, race_id=race.id)) == {9}


def test_migration_moves_follows_and_merges_duplicates(session) -> None:
    data.follow_all(session, -100, chat_type="group")
    data.follow_distance(session, -100, "500m", chat_type="group")
    data.follow_all(session, -1001, chat_type="supergroup")
    assert migrate_chat(session=session, old_chat_id=-100, new_chat_id=-1001) == 1
    assert migrate_chat(session=session, old_chat_id=-100, new_chat_id=-1001) == 0  # reported twice
    session.commit()
    assert list_follows(session=session, chat_id=-100) == []
    assert [v.target for v in list_follows(session=session, chat_id=-1001)] == [
        "all", "distance:long_track:500m"]
    old = get_chat(session=session, chat_id=-100)
    assert old is not None and not old.active and old.migrated_to == -1001
    new = get_chat(session=session, chat_id=-1001)
    assert new is not None and new.active and new.type == "supergroup"


def test_follow_round_trips_through_its_target() -> None:
    for what in (Follow.skater(12), Follow.of_distance("mass_start", gender="women"),
                 Follow.of_distance("500m", discipline="short_track"), Follow.everything()):
        row = Subscription(chat_id=1, kind=what.kind, target=what.target, skater_id=what.skater_id,
                           distance=what.distance)
        assert Follow.from_row(row) == what


def test_followers_of_a_team_member_get_the_team_race(session) -> None:
    import json

    from storage.models import Result

    data.follow_skater(session, 11, "Irene Schouten")
    data.follow_skater(session, 12, "Antoinette Rijpma-de Jong")
    race = data.race(session, distance="team_pursuit", gender="women", placings=(), key="tp")
    for rank, (team, members) in enumerate((("CAN", ["Ivanie Blondin", "Isabelle Weidemann"]),
                                            ("JPN", ["Miho Takagi", "Ayano Sato"]),
                                            ("USA", ["Mia Manganello"]),
                                            ("NED", ["Irene Schouten", "Antoinette Rijpma-de Jong"])), start=1):
        session.add(Result(race_id=race.id, entrant_key=f"team:{team}", team_name=team, country=team, rank=rank,
                           time_hundredths=17600 + rank, members=json.dumps(members)))
    session.commit()
    followers = followers_of_race(session=session, race_id=race.id)
    assert set(followers) == {11, 12}
    assert followers[11].skaters == [{"id": data.skater(session, "Irene Schouten").id, "name": "Irene Schouten",
                                      "rank": 4, "time": 17604}]
