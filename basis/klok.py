"""The one clock for "today". Nothing else in the code base calls date.today() or datetime.now()."""

from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class Clock(Protocol):
    def today(self) -> dt.date: ...

    def now(self) -> dt.datetime: ...


class SystemClock:
    """Dutch local time, because school days and deadlines are Dutch calendar days."""

    def today(self) -> dt.date:
        return self.now().date()

    def now(self) -> dt.datetime:
        return dt.datetime.now(tz=AMSTERDAM)


class FixedClock:
    """A frozen date for tests and evaluation cases; the time of day still runs."""

    def __init__(self, today: dt.date) -> None:
        self._today = today

    def today(self) -> dt.date:
        return self._today

    def now(self) -> dt.datetime:
        tijd = dt.datetime.now(tz=AMSTERDAM).timetz()
        return dt.datetime.combine(self._today, tijd)


def clock_from_setting(today: dt.date | None) -> Clock:
    return FixedClock(today) if today is not None else SystemClock()
