"""Load and fault test against the real server (`tally serve`, gunicorn) on loopback only.

    python benchmarks/load_test.py                       # 60 s, 8 concurrent clients (the full run)
    python benchmarks/load_test.py --duration 5          # the short run CI uses
    python benchmarks/load_test.py --kill-worker         # kill -9 one worker half way through
    python benchmarks/load_test.py --sigterm             # SIGTERM the server with requests in flight
    python benchmarks/load_test.py --articles ../shared/data/gva-dev.jsonl   # distinct real articles in turn

Bounded in time (--duration) and in requests (--max-requests); it starts and stops its own server and
sends traffic to 127.0.0.1 only. Prints requests served, error rate, p50/p90/p99 latency, throughput, and
the server's RSS (master and workers) at start and end, and every 10 s in between. The server runs at its
default configuration (``tally serve`` with no settings but host and port). With --articles, each request
posts the next article of a JSONL file (its "text" and "date"/"dct"/"published"), cycling, so no cache can
help: the realistic load.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ARTICLES = [
    "At least 93 people died Saturday when an airstrike hit a school in Gaza City, officials said.",
    "KABUL, Afghanistan (Jan. 25, 2013)\nA joint patrol detained several suspected militants "
    "during a raid in the eastern district yesterday. Two insurgents were killed.",
    "Four teens were shot, one fatally, Tuesday afternoon near Roosevelt Park, police said. The shooting "
    "happened just after 3:30 p.m. A 17-year-old was pronounced dead at the scene.",
    "The floods affected 2.3 million people and left 5,000 homeless; about 3,000 residents were evacuated "
    "and damage was estimated at $3 million.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def server_rss(pid: int) -> dict:
    workers = children(pid)
    return {"master_kib": rss_kib(pid), "workers_kib": [rss_kib(w) for w in workers]}


def start_server(port: int, workers: int | None = None) -> subprocess.Popen:
    env = dict(os.environ, TALLY_HOST="127.0.0.1", TALLY_PORT=str(port), TALLY_LOG_LEVEL="warning")
    if workers is not None:
        env["TALLY_WORKERS"] = str(workers)
    proc = subprocess.Popen([sys.executable, "-m", "service.cli", "serve"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if request(port, "GET", "/healthz")[0] == 200 and len(children(proc.pid)) >= (workers or 1):
                return proc
        except OSError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def request(port: int, method: str, path: str, body: bytes | None = None, timeout: float = 30) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers={"Content-Type": "application/json"} if body else {})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def article_bodies(path: str | None) -> list[bytes]:
    """The request bodies to cycle through: a JSONL file's articles, or the four built-in ones."""
    if path is None:
        return [json.dumps({"text": a, "published": "2024-08-12"}).encode() for a in ARTICLES]
    bodies = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                published = (row.get("published") or row.get("date") or row.get("dct") or "")[:10] or None
                bodies.append(json.dumps({"text": row["text"], "published": published}).encode())
    return bodies


def run(duration: float = 60, concurrency: int = 8, workers: int | None = None, max_requests: int = 200_000,
        kill_worker: bool = False, sigterm: bool = False, quiet: bool = False, articles: str | None = None) -> dict:
    bodies = article_bodies(articles)
    port = free_port()
    proc = start_server(port, workers)
    rss_start = server_rss(proc.pid)
    rss_samples: list[dict] = []
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    lock = threading.Lock()
    stop = threading.Event()
    sent = [0]
    signalled: list[float | None] = [None]  # when SIGTERM was sent
    in_flight_failures = [0]  # requests started before SIGTERM that did not complete
    started = time.perf_counter()

    def client(i: int) -> None:
        while not stop.is_set():
            with lock:
                if sent[0] >= max_requests:
                    return
                body = bodies[sent[0] % len(bodies)]  # each article in turn, over all clients
                sent[0] += 1
            t0 = time.perf_counter()
            if stop.is_set():
                return
            try:
                status, data = request(port, "POST", "/v1/extract", body)
                key = str(status)
                if status == 200:
                    json.loads(data)
            except (OSError, http.client.HTTPException, ValueError) as exc:
                key = type(exc).__name__
            with lock:
                latencies.append(time.perf_counter() - t0)
                statuses[key] = statuses.get(key, 0) + 1
                if signalled[0] is not None and t0 < signalled[0] and key != "200":
                    in_flight_failures[0] += 1

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(concurrency)]
    for t in threads:
        t.start()
    events = []
    try:
        if kill_worker or sigterm:
            time.sleep(duration / 2)
            if kill_worker:
                victim = children(proc.pid)[0]
                os.kill(victim, signal.SIGKILL)
                events.append(f"killed worker {victim} at {duration / 2:.1f} s")
            if sigterm:
                stop.set()  # no new requests; those in flight must still complete
                signalled[0] = time.perf_counter()
                proc.send_signal(signal.SIGTERM)
                events.append(f"SIGTERM to the server at {duration / 2:.1f} s")
            time.sleep(duration / 2 if not sigterm else 0)
        else:
            while time.perf_counter() - started < duration:
                time.sleep(min(10.0, duration - (time.perf_counter() - started)))
                rss_samples.append(server_rss(proc.pid))
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60)
    elapsed = time.perf_counter() - started
    rss_end = server_rss(proc.pid) if proc.poll() is None else None
    alive_after = None
    if not sigterm:
        alive_after = request(port, "GET", "/healthz")[0] == 200
        proc.send_signal(signal.SIGTERM)
    try:
        exit_code = proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        exit_code = None
    latencies.sort()
    total = len(latencies)
    errors = total - statuses.get("200", 0)

    def pct(p: float) -> float:
        return 1000 * latencies[min(total - 1, int(p * total))] if total else float("nan")

    report = {"requests": total, "errors": errors, "error_rate": errors / total if total else 0.0,
              "statuses": statuses, "throughput_rps": total / elapsed, "p50_ms": pct(0.50), "p90_ms": pct(0.90),
              "p99_ms": pct(0.99), "rss_start": rss_start, "rss_end": rss_end,
              "rss_every_10s_kib": [r["master_kib"] + sum(r["workers_kib"]) for r in rss_samples], "events": events,
              "server_answering_after": alive_after, "server_exit_code": exit_code, "concurrency": concurrency,
              "in_flight_failures_after_sigterm": in_flight_failures[0] if sigterm else None,
              "workers": len(rss_start["workers_kib"]), "duration_s": round(elapsed, 1),
              "articles": articles or "built-in", "distinct_bodies": len(bodies)}
    if not quiet:
        print(json.dumps(report, indent=2))
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--duration", type=float, default=60)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--workers", type=int, default=None, help="gunicorn workers (default: the server's own)")
    ap.add_argument("--articles", help="a JSONL file of articles to post in turn")
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument("--kill-worker", action="store_true")
    ap.add_argument("--sigterm", action="store_true")
    args = ap.parse_args()
    run(args.duration, args.concurrency, args.workers, args.max_requests, args.kill_worker, args.sigterm,
        articles=args.articles)


if __name__ == "__main__":
    main()
