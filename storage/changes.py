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
