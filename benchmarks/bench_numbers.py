"""Benchmark: the number layer against quantulum3's parser.parse, side by side, on the same texts.

    python benchmarks/bench_numbers.py [../shared/data/gva-dev.jsonl] [--limit N]

Prints articles/s and number expressions/s for each, and the ratio. quantulum3 is warmed first, so its
one-off start-up cost is not counted against it.
"""
import time
import warnings

from devdata import rows_from_args
from service.engine.numbers import scan_numbers


def main():
    texts = [r["text"] for r in rows_from_args(__doc__)]
    chars = sum(map(len, texts))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser
        parser.parse("warm up 3 km")
        scan_numbers("warm up 3 people")

        t = time.perf_counter()
        ours = sum(len(scan_numbers(x)) for x in texts)
        t_ours = time.perf_counter() - t

        t = time.perf_counter()
        theirs = sum(len(parser.parse(x)) for x in texts)
        t_q = time.perf_counter() - t
    print(f"{len(texts)} articles, {chars / 1e6:.2f} M characters")
    print(f"number layer : {t_ours:8.2f} s  {len(texts) / t_ours:9.1f} articles/s  {ours / t_ours:10.0f} expressions/s")
    print(f"quantulum3   : {t_q:8.2f} s  {len(texts) / t_q:9.1f} articles/s  {theirs / t_q:10.0f} expressions/s")
    print(f"speed-up     : {t_q / t_ours:.1f}x")


if __name__ == "__main__":
    main()
