"""What a caller may ask of a response beyond the facts themselves: only some categories, offsets in UTF-16
code units, and times in the publication's time zone. Plain functions over the response dict."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left

_SPANS = ("casualties", "dates", "quantities")


def keep_categories(result: dict, categories) -> None:
    """Only the facts and figures of ``categories`` (Duckling's ``dims``)."""
    wanted = set(categories)
    result["casualties"] = [f for f in result["casualties"] if f["category"] in wanted]
    result["summary"] = {c: entry for c, entry in result["summary"].items() if c in wanted}


def utf16_offsets(result: dict, text: str) -> None:
    """Offsets as JavaScript counts them: a code point beyond U+FFFF is two UTF-16 code units."""
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if max(text, default="\0") > "\uffff" else []

    def units(offset: int) -> int:
        return offset + bisect_left(astral, offset)  # one more for each astral code point before it

    if astral:
        for key in _SPANS:
            for item in result[key]:
                item["start"], item["end"] = units(item["start"]), units(item["end"])
                if "sentence_start" in item:
                    item["sentence_start"] = units(item["sentence_start"])
    result["meta"]["offsets"] = "utf16"


def _offset_text(offset: dt.timedelta) -> str:
    if not offset:
        return "Z"
    sign, minutes = ("+" if offset > dt.timedelta(0) else "-"), abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def with_time_offset(result: dict, offset: dt.timedelta | None) -> None:
    """A time of day ("at 10 a.m.") is the publication's local time: its value carries that offset."""
    if offset is None:
        return
    suffix = _offset_text(offset)
    for d in result["dates"]:
        if d["type"] == "TIME" and "T" in d["value"] and d["value"][-1].isdigit():
            d["value"] += suffix
