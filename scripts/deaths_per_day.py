"""Chart deaths per day from Tally's CSV (one row per casualty fact).

    python scripts/deaths_per_day.py facts.csv -o deaths-per-day.png

Per document and event date, the largest killed figure counts once (repeated mentions and breakdowns
are not added); days are then summed over documents. Several reports of one event are several
documents: deduplicate upstream (by event) if your feed repeats stories. Needs matplotlib.
"""
import argparse
import csv
from collections import defaultdict


def deaths_per_day(rows) -> dict[str, int]:
    best: dict[tuple[str, str], int] = {}
    for row in rows:
        if row.get("category") != "killed" or not row.get("event_date", "").strip() or row["value"].startswith("#"):
            continue
        day = row["event_date"][:10]
        key = (row["document_id"], day)
        best[key] = max(best.get(key, 0), int(row["value"]))
    per_day: dict[str, int] = defaultdict(int)
    for (_, day), value in best.items():
        per_day[day] += value
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
