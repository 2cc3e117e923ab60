"""A clock a test moves by hand (office hours, expiry, retries): set or advance `moment`."""

from __future__ import annotations

import datetime as dt

from basis.klok import AMSTERDAM

# A Monday morning in term time, office hours: where the tests' clocks start unless told otherwise.
MAANDAG_10_UUR = dt.datetime(2026, 11, 23, 10, 0, tzinfo=AMSTERDAM)


class Zetklok:
    def __init__(self, moment: dt.datetime = MAANDAG_10_UUR) -> None:
        self.moment = moment

    def today(self) -> dt.date:
        return self.moment.date()

    def now(self) -> dt.datetime:
        return self.moment
