"""Chart deaths per day from Tally's summary feed (CSV, one row per document and category).

    python scripts/deaths_per_day.py summary.csv -o deaths-per-day.png

Each document's killed figure counts once, on the event date its facts give (else its publication date);
days are summed over documents. Several reports of one event are several documents: group them by event
first if your feed repeats stories (`tally events`, and scripts/event_deaths_per_day.py). Needs matplotlib.
"""
import argparse
import csv
from collections import defaultdict


def deaths_per_day(rows) -> dict[str, int]:
    per_day: dict[str, int] = defaultdict(int)
    for row in rows:
        if row.get("category") != "killed" or row["document_id"].startswith("#"):  # the HXL row
            continue
        day = (row.get("event_date") or row.get("published") or "")[:10]
        if len(day) == 10:
            per_day[day] += int(row["value"])
    return dict(sorted(per_day.items()))


def bar_chart(per_day: dict[str, int], title: str, colour: str, path: str) -> None:
    """Deaths per day as a bar chart, each bar labelled with its figure, written as a PNG."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(7, 3.5), dpi=100)
    ax.bar(list(per_day), list(per_day.values()), color=colour)
    ax.set_title(title)
    ax.set_ylabel("killed")
    for x, y in per_day.items():
        ax.annotate(str(y), (x, y), ha="center", va="bottom", fontsize=8)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("csv")
    ap.add_argument("-o", "--output", default="deaths-per-day.png")
    args = ap.parse_args()
    with open(args.csv, encoding="utf-8", newline="") as f:
        per_day = deaths_per_day(csv.DictReader(f))
    bar_chart(per_day, "Deaths per day (event date), from Tally's facts", "#c0392b", args.output)
    print(f"{len(per_day)} days, {sum(per_day.values())} deaths -> {args.output}")


if __name__ == "__main__":
    main()
