"""Benchmark: the whole engine, and its stages, in articles per second.

    python benchmarks/bench_engine.py [../shared/data/gva-dev.jsonl] [--limit N]

Each measurement is taken three times and the fastest kept (as timeit does): the slower runs measure the
machine's other work, not the engine's.
"""
import datetime as dt
import time

from devdata import rows_from_args
from service.engine import extract, warm_up
from service.engine.casualties import extract_casualties
from service.engine.dates import extract_dates
from service.engine.numbers import scan_numbers
from service.engine.rulebook import TextWords
from service.engine.sentences import split_sentences

REPEAT = 3


def _whole(rows, anchors) -> float:
    t = time.perf_counter()
    for r, a in zip(rows, anchors):
        extract(r["text"], published=a)
    return time.perf_counter() - t


def _stages(rows, anchors) -> dict[str, float]:
    sums = dict.fromkeys(("sentences", "words", "numbers", "dates", "casualties"), 0.0)
    for r, a in zip(rows, anchors):
        text = r["text"]
        t0 = time.perf_counter(); sents = split_sentences(text); t1 = time.perf_counter()
        words = TextWords(text); tw = time.perf_counter()  # the word index the number and casualty layers share
        nums = scan_numbers(text, words); t2 = time.perf_counter()
        dates = extract_dates(text, a, nums, words); t3 = time.perf_counter()
        extract_casualties(text, sents, [n.count for n in nums if n.count], dates, text_words=words)
        t4 = time.perf_counter()
        sums["sentences"] += t1 - t0; sums["words"] += tw - t1; sums["numbers"] += t2 - tw
        sums["dates"] += t3 - t2; sums["casualties"] += t4 - t3
    return sums


def main():
    rows = rows_from_args(__doc__)
    warm_up()
    anchors = [dt.date.fromisoformat((r.get("date") or r.get("dct") or "2020-01-01")[:10]) for r in rows]
    total = min(_whole(rows, anchors) for _ in range(REPEAT))
    runs = [_stages(rows, anchors) for _ in range(REPEAT)]
    stages = {k: min(run[k] for run in runs) for k in runs[0]}
    print(f"{len(rows)} articles: whole engine {total:.2f} s, {len(rows) / total:.1f} articles/s, "
          f"{1000 * total / len(rows):.2f} ms/article (fastest of {REPEAT} runs)")
    for k, v in stages.items():
        print(f"  {k:<11} {v:6.2f} s  {100 * v / total:5.1f} % of the engine's time")


if __name__ == "__main__":
    main()
