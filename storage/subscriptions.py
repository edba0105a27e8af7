"""What chats follow: a skater, a distance (optionally per discipline and gender), or everything.

Targets are strings with a unique index per chat: ``skater:<id>``, ``distance:<discipline>:<code>[:<gender>]``
and ``all``. A chat that is deactivated keeps its follows; :func:`followers_of_race` skips it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import delete, func, or_
from sqlmodel import Session, col, select

from storage.keys import fold
from storage.models import Chat, Competition, Race, Result, Skater, SkaterAlias, Subscription, utcnow
from storage.queries import DISCIPLINE_FAMILIES

DEFAULT_DISCIPLINE = "long_track"
FollowOutcome = Literal["added", "exists", "limit"]


@dataclass(frozen=True, slots=True)
class Follow:
    """One thing to follow, before it is stored."""

    kind: Literal["skater", "distance", "all"]
    skater_id: int | None = None
    distance: str | None = None
    discipline: str = DEFAULT_DISCIPLINE
    gender: str | None = None

    @property
    def target(self) -> str:
        if self.kind == "skater":
            return f"skater:{self.skater_id}"
        if self.kind == "distance":
            base = f"distance:{self.discipline}:{self.distance}"
            return f"{base}:{self.gender}" if self.gender else base
        return "all"

    @classmethod
    def skater(cls, skater_id: int) -> Follow:
        return cls(kind="skater", skater_id=skater_id)

    @classmethod
    def of_distance(cls, distance: str, *, discipline: str = DEFAULT_DISCIPLINE,
                    gender: str | None = None) -> Follow:
        return cls(kind="distance", distance=distance, discipline=discipline, gender=gender)

    @classmethod
    def everything(cls) -> Follow:
        return cls(kind="all")

    @classmethod
    def from_row(cls, row: Subscription) -> Follow:
        if row.kind == "skater":
            return cls.skater(int(row.skater_id or row.target.split(":", 1)[1]))
        if row.kind == "distance":
            parts = row.target.split(":")
            discipline = parts[1] if len(parts) > 2 else DEFAULT_DISCIPLINE
            gender = parts[3] if len(parts) > 3 else None
            return cls.of_distance(row.distance or parts[-1], discipline=discipline, gender=gender)
        return cls.everything()


@dataclass(frozen=True, slots=True)
class FollowView:
    """A stored follow with what it takes to show it (the skater's name and country)."""

    follow: Follow
    target: str
    skater_name: str | None = None
    skater_country: str | None = None


@dataclass(slots=True)
class Reasons:
    """Why one chat gets one race: every follow of that chat the race matches."""

    all: bool = False
    distance: bool = False
    skaters: list[dict[str, object]] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {"all": self.all, "distance": self.distance, "skaters": self.skaters}


def count_follows(*, session: Session, chat_id: int) -> int:
    return int(session.exec(select(func.count()).select_from(Subscription)
                            .where(Subscription.chat_id == chat_id)).one())


def follow(*, session: Session, chat_id: int, what: Follow, limit: int) -> FollowOutcome:
    """Store a follow; "exists" when already followed, "limit" when the chat has ``limit`` follows."""
    existing = session.exec(select(Subscription).where(Subscription.chat_id == chat_id,
                                                       Subscription.target == what.target)).first()
    if existing is not None:
        return "exists"
    if count_follows(session=session, chat_id=chat_id) >= limit:
        return "limit"
    session.add(Subscription(chat_id=chat_id, kind=what.kind, target=what.target, skater_id=what.skater_id,
                             distance=what.distance, created_at=utcnow()))
    session.flush()
    return "added"


def unfollow(*, session: Session, chat_id: int, target: str) -> bool:
    """Remove one follow; False when the chat did not have it."""
    result = session.execute(delete(Subscription).where(col(Subscription.chat_id) == chat_id,
                                                        col(Subscription.target) == target))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def unfollow_all(*, session: Session, chat_id: int) -> int:
    result = session.execute(delete(Subscription).where(col(Subscription.chat_id) == chat_id))
    return int(result.rowcount)  # type: ignore[attr-defined]


def list_follows(*, session: Session, chat_id: int) -> list[FollowView]:
    """The chat's follows: everything first, then distances, then skaters by name."""
    rows = session.exec(
        select(Subscription, Skater).join(Skater, col(Subscription.skater_id) == Skater.id, isouter=True)
        .where(Subscription.chat_id == chat_id)
    ).all()
    views = [FollowView(follow=Follow.from_row(sub), target=sub.target,
                        skater_name=skater.name if skater else None,
                        skater_country=skater.country if skater else None) for sub, skater in rows]
    order = {"all": 0, "distance": 1, "skater": 2}
    return sorted(views, key=lambda v: (order[v.follow.kind], v.skater_name or "", v.target))


def move_subscriptions(*, session: Session, old_chat_id: int, new_chat_id: int) -> int:
    """Give every follow of ``old_chat_id`` to ``new_chat_id`` (those it already has are merged)."""
    old_rows = session.exec(select(Subscription).where(Subscription.chat_id == old_chat_id)).all()
    if not old_rows:
        return 0
    have = set(session.exec(select(Subscription.target).where(Subscription.chat_id == new_chat_id)).all())
    moved = 0
    for row in old_rows:
        if row.target in have:
            session.delete(row)
            continue
        row.chat_id = new_chat_id
        session.add(row)
        moved += 1
    session.flush()
    return moved


def followers_of_race(*, session: Session, race_id: int) -> dict[int, Reasons]:
    """Every active chat that follows this race, with all of its reasons."""
    race = session.get(Race, race_id)
    if race is None:
        return {}
    competition = session.get(Competition, race.competition_id)
    discipline = competition.discipline if competition else DEFAULT_DISCIPLINE
    placings = session.exec(
        select(Result.skater_id, Result.rank, Result.time_hundredths, Skater.name)
        .join(Skater, col(Result.skater_id) == Skater.id)
        .where(Result.race_id == race_id)
    ).all()
    by_skater = {skater_id: (rank, time, name) for skater_id, rank, time, name in placings}
    for skater_id, placing in _team_members(session, race_id).items():
        by_skater.setdefault(skater_id, placing)  # a team pursuit counts for its skaters' followers

    conditions = [col(Subscription.kind) == "all",
                  (col(Subscription.kind) == "distance") & (col(Subscription.distance) == race.distance)]
    if by_skater:
        conditions.append((col(Subscription.kind) == "skater") & col(Subscription.skater_id).in_(list(by_skater)))
    rows = session.exec(
        select(Subscription)
        .join(Chat, col(Chat.id) == col(Subscription.chat_id), isouter=True)
        .where(or_(*conditions))
        .where(or_(col(Chat.active).is_(None), col(Chat.active).is_(True)))
        .order_by(col(Subscription.chat_id), col(Subscription.id))
    ).all()

    out: dict[int, Reasons] = {}
    for sub in rows:
        what = Follow.from_row(sub)
        if what.kind == "distance" and not _distance_matches(what, discipline, race.gender):
            continue
        reasons = out.setdefault(sub.chat_id, Reasons())
        if what.kind == "all":
            reasons.all = True
        elif what.kind == "distance":
            reasons.distance = True
        else:
            rank, time, name = by_skater[what.skater_id]
            reasons.skaters.append({"id": what.skater_id, "name": name, "rank": rank, "time": time})
    for reasons in out.values():
        reasons.skaters.sort(key=lambda s: (s["rank"] is None, s["rank"] or 0, str(s["name"])))
    return out


def _team_members(session: Session, race_id: int) -> dict[int, tuple[int | None, int | None, str]]:
    """Skaters named as members of a team in this race, with the team's placing (unique names only)."""
    out: dict[int, tuple[int | None, int | None, str]] = {}
    teams = session.exec(select(Result).where(Result.race_id == race_id, col(Result.members).is_not(None))).all()
    for team in teams:
        try:
            names = [str(n) for n in json.loads(team.members or "[]")]
        except ValueError:
            continue
        for name in names:
            folded = fold(name)
            found = session.exec(select(Skater.id, Skater.name).where(Skater.key == folded)).all()
            if not found:
                found = session.exec(
                    select(Skater.id, Skater.name).join(SkaterAlias, col(SkaterAlias.skater_id) == Skater.id)
                    .where(SkaterAlias.alias == folded).distinct()).all()
            if len(found) == 1 and found[0][0] is not None:
                out[found[0][0]] = (team.rank, team.time_hundredths, found[0][1])
    return out


def _distance_matches(what: Follow, discipline: str, gender: str | None) -> bool:
    # Following long track includes the distances skated inside allround and sprint championships.
    family = DISCIPLINE_FAMILIES.get(what.discipline, (what.discipline,))
    return discipline in family and (what.gender is None or what.gender == gender)
