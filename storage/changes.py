"""What recording an article did to the races: the contract between ingest and notifications."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

ChangeKind = Literal["new", "podium_changed", "placings_changed"]


@dataclass(frozen=True, slots=True)
class RaceChange:
    race_id: int
    kind: ChangeKind
    podium_revision: int
    historical: bool
    race_date: dt.date | None
    first_seen_at: dt.datetime
    # When the reporting article was published: the race's age when it has no date of its own.
    article_published: dt.datetime | None = None
