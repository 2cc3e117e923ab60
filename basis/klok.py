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
    """A frozen date for tests and evaluation cases; the time of day still runs unless it is frozen too (a test
    of office hours)."""

    def __init__(self, today: dt.date, time_of_day: dt.time | None = None) -> None:
        self._today = today
        self._time = time_of_day.replace(tzinfo=AMSTERDAM) if time_of_day is not None else None

    def today(self) -> dt.date:
        return self._today

    def now(self) -> dt.datetime:
        tijd = self._time or dt.datetime.now(tz=AMSTERDAM).timetz()
        return dt.datetime.combine(self._today, tijd)


def clock_from_setting(today: dt.date | None, time_of_day: dt.time | None = None) -> Clock:
    return FixedClock(today, time_of_day) if today is not None else SystemClock()
