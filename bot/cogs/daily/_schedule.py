"""When the daily fact is due, and which fact comes next: pure rules, the clock passed in.

The post time is local to the server's IANA time zone, so daylight saving moves it with the clocks.
A post is due from its time until the grace period has passed; an older missed day is never
back-filled. Facts follow a per-server shuffled order, and none repeats until all have been posted.
"""

from __future__ import annotations

import functools
import random
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_time(text: str) -> time | None:
    match = _CLOCK.match(text.strip())
    return time(int(match[1]), int(match[2])) if match else None


@functools.cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name, sorted. Read from disk once: a scan takes about 4 ms, and the time-zone option
    asks on every keystroke and the scheduler on every check."""
    return tuple(sorted(available_timezones()))


@functools.cache
def _known_zones() -> frozenset[str]:
    return frozenset(zone_names())


def zone(name: str) -> ZoneInfo | None:
    if name not in _known_zones():
        return None
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:
        return None


def post_instant(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The moment `at` happens on `day` in `tz` (a time skipped by a DST jump falls just after it)."""
    naive = datetime.combine(day, at)
    return naive.replace(tzinfo=tz).astimezone(tz)


def due_date(now: datetime, at: time, tz: ZoneInfo, grace: timedelta) -> date | None:
    """The local date whose post is due at `now`, if any. A grace period running past local midnight
    still belongs to the day before: 23:30 with an hour's grace is due at 00:10 the next morning."""
    today = now.astimezone(tz).date()
    for day in (today, today - timedelta(days=1)):
        moment = post_instant(day, at, tz)
        if moment <= now <= moment + grace:
            return day
    return None


def next_post(now: datetime, at: time, tz: ZoneInfo) -> datetime:
    local = now.astimezone(tz)
    moment = post_instant(local.date(), at, tz)
    return moment if moment > now else post_instant(local.date() + timedelta(days=1), at, tz)


def next_fact(keys: list[str], posted: list[str], guild_id: int) -> str | None:
    """The first fact, in this server's own order, not yet posted in the current round."""
    if not keys:
        return None
    order = sorted(keys)
    random.Random(guild_id).shuffle(order)
    this_round = set(posted[len(posted) - len(posted) % len(keys) :]) if posted else set()
    return next((key for key in order if key not in this_round), order[0])
