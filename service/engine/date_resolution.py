"""Anchoring underspecified dates to a reference date, as HeidelTime's news mode does.

Matching rules (``dates.py``) say *what* a phrase names ("Saturday", "Oct. 7 of an unknown year",
"last month"); the functions here say *which* one, given the publication date and, where the text
gives one, the tense of the sentence. News talks mostly of the recent past: an underspecified weekday
or month day is the nearest past one unless the sentence looks ahead.
"""
from __future__ import annotations

import calendar
import datetime as dt

FUTURE_BIAS = 6  # in a past-tense clause, a future candidate must be this much nearer than the past one
NEUTRAL_FUTURE_BIAS = 2.5  # with no tense to go by


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def iso_week(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def resolve_weekday(weekday: int, anchor: dt.date, direction: str = "auto") -> dt.date:
    """``direction``: past (``last Friday``: of the week before when it was yesterday, or is today), future
    (``next Friday``), auto (same day, else one of the five days before, else the day after; ``auto_past`` in a
    past-tense clause: the one before; ``auto_future`` when the sentence looks ahead)."""
    delta = (weekday - anchor.weekday()) % 7
    if direction == "future":
        return anchor + dt.timedelta(days=delta or 7)
    if direction == "next_week":
        start = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=7)
        return start + dt.timedelta(days=weekday)
    if direction == "past":
        back = (anchor.weekday() - weekday) % 7
        return anchor - dt.timedelta(days=back + 7 if back <= 1 else back)
    if direction == "auto_future":
        return anchor + dt.timedelta(days=delta)
    back = (anchor.weekday() - weekday) % 7
    if back == 6 and direction != "auto_past":
        # the day after the anchor, not six days before it: news says "last Tuesday" for the one six days
        # back, and a report is often dated the day before the events it tells ("Sunday ... Monday morning")
        return anchor + dt.timedelta(days=1)
    return anchor - dt.timedelta(days=back)


def resolve_month_day(month: int, day: int, anchor: dt.date, looks_ahead: bool = False,
                      looks_back: bool = False, weekday: int | None = None) -> dt.date | None:
    """The year of "Oct. 7" for an article published on ``anchor``: news reports what happened, so the
    past one unless the future one is FUTURE_BIAS times nearer or the sentence looks ahead. A ``weekday`` told
    with it ("Sunday, May 4") keeps the years in which the day falls on it, when one of the three does."""
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    if weekday is not None:
        fitting = [y for y in years if _weekday_of(y, month, day) == weekday]
        years = fitting or years
    return _nearest([(year, month, day) for year in years], anchor, looks_ahead, looks_back)


def resolve_day_of_month(day: int, anchor: dt.date, looks_ahead: bool = False,
                         looks_back: bool = False) -> dt.date | None:
    """The month of "on the 14th" for an article published on ``anchor``: a clause that looks back ("he died on the
    14th") the latest such day on or before the anchor, one that looks ahead ("will be held on the 20th") the
    earliest on or after it (the other candidate is only a month away, not a year as for "Oct. 7"); with no tense
    to go by, the nearest, weighed as ``resolve_month_day`` weighs a day ahead."""
    months = [shift_months(anchor.year, anchor.month, step) for step in (-1, 0, 1)]
    candidates = [(year, month, day) for year, month in months]
    if looks_back != looks_ahead:
        days = [d for d in (_day(*c) for c in candidates) if d is not None and (d <= anchor if looks_back else
                                                                                 d >= anchor)]
        if days:
            return max(days) if looks_back else min(days)
    return _nearest(candidates, anchor, looks_ahead, looks_back)


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest(candidates: list[tuple[int, int, int]], anchor: dt.date, looks_ahead: bool,
             looks_back: bool) -> dt.date | None:
    """Of the (year, month, day) that are days, the one nearest the anchor, a day ahead weighed FUTURE_BIAS times
    (NEUTRAL_FUTURE_BIAS with no tense to go by) unless the sentence looks ahead, a day behind FUTURE_BIAS times
    when it does; the first of two as near."""
    best, best_cost = None, None
    for year, month, day in candidates:
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        distance = (cand - anchor).days
        bias = FUTURE_BIAS if looks_back else NEUTRAL_FUTURE_BIAS
        cost = abs(distance) * (bias if distance > 0 and not looks_ahead else 1)
        if distance < 0 and looks_ahead:
            cost *= FUTURE_BIAS
        if best_cost is None or cost < best_cost:
            best, best_cost = cand, cost
    return best


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def directed_month_day(month: int, day: int, anchor: dt.date, past: bool) -> dt.date | None:
    """"last Oct. 23": the latest Oct. 23 before ``anchor``; "next May 1": the first after it."""
    years = range(anchor.year, anchor.year - 3, -1) if past else range(anchor.year, anchor.year + 3)
    for year in years:
        try:
            cand = dt.date(year, month, day)
        except ValueError:  # Feb. 29
            continue
        if (cand < anchor) if past else (cand > anchor):
            return cand
    return None


def resolve_month(month: int, anchor: dt.date, looks_ahead: bool = False, direction: str = "auto",
                  looks_back: bool = False) -> tuple[int, int]:
    """The year of a bare month name ("in March")."""
    if direction == "past":  # "last March": the most recent March before this month
        year = anchor.year if month < anchor.month else anchor.year - 1
        return year, month
    if direction == "future":
        year = anchor.year if month > anchor.month else anchor.year + 1
        return year, month
    if direction == "this":
        return anchor.year, month
    diff = month - anchor.month
    if diff == 0:
        return anchor.year, month
    if looks_ahead:
        return (anchor.year, month) if diff > 0 else (anchor.year + 1, month)
    if diff > 0 and (diff <= 2 or (not looks_back and diff <= 4)):
        return anchor.year, month  # "in October", written in August, is usually what comes next
    return (anchor.year, month) if diff < 0 else (anchor.year - 1, month)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month and d.weekday() == weekday]
    return days[nth - 1] if nth > 0 else days[nth]


_DAYS_PER_UNIT = {"D": 1, "W": 7, "WE": 7, "M": 30, "Q": 91, "Y": 365, "DE": 3652, "CE": 36524}  # days per unit


def shift(anchor: dt.date, amount: int, unit: str) -> tuple[str, str]:
    """``anchor`` moved by ``amount`` units (D, W, M, Y, DE): the TIMEX3 value at that unit's grain. A move
    past the years TIMEX3 writes (0001-9999) raises ValueError ("9999999 days earlier")."""
    if not 1 <= anchor.year + amount * _DAYS_PER_UNIT[unit] / 365.2425 <= 9999:
        raise ValueError(f"{amount} {unit} from {anchor} is outside the years 1-9999")
    if unit == "D":
        return (anchor + dt.timedelta(days=amount)).isoformat(), "day"
    if unit == "W":
        return iso_week(anchor + dt.timedelta(weeks=amount)), "week"
    if unit == "WE":
        return iso_week(anchor + dt.timedelta(weeks=amount)) + "-WE", "week"
    if unit == "M":
        y, m = shift_months(anchor.year, anchor.month, amount)
        return f"{y:04d}-{m:02d}", "month"
    if unit == "Q":
        y, m = shift_months(anchor.year, anchor.month, 3 * amount)
        return f"{y:04d}-Q{quarter_of(m)}", "quarter"
    if unit == "Y":
        return f"{anchor.year + amount:04d}", "year"
    if unit == "DE":
        return f"{(anchor.year + 10 * amount) // 10:03d}", "decade"
    if unit == "CE":
        return f"{(anchor.year + 100 * amount) // 100:02d}", "century"
    raise ValueError(unit)


def season_year(season: str, anchor: dt.date, direction: str) -> int:
    """The year of "last fall" / "this summer" / "next spring"."""
    starts = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
    begun = anchor.month >= starts[season]
    if direction == "past":
        return anchor.year if begun and anchor.month >= starts[season] + 3 else anchor.year - 1
    if direction == "future":
        return anchor.year if not begun else anchor.year + 1
    return anchor.year
