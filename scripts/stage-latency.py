#!/usr/bin/env python3
"""Per-stage latency of the hot path between two scrapes of Sunderfall's /metrics.

usage: stage-latency.py BEFORE_DIR AFTER_DIR
Each directory holds one scrape per process (any file names, e.g. frontend.txt, silo1.txt, silo2.txt), taken with
`curl -s http://127.0.0.1:PORT/metrics`. The histograms of all processes are summed, the counts of the earlier
scrape taken away, and for each sunderfall_*_seconds histogram the count, mean, p50, p95 and p99 of the window
between the scrapes are printed (percentiles read off the buckets by linear interpolation, so they are as fine as
the buckets: see MetricsHosting.StageBuckets).
"""
import collections
import pathlib
import re
import sys

LINE = re.compile(r'^(sunderfall_\w+?_seconds)_(bucket|sum|count)(\{[^}]*\})?\s+(\S+)')
LE = re.compile(r'le="([^"]+)"')


def read(directory):
    buckets = collections.defaultdict(lambda: collections.defaultdict(float))
    sums = collections.defaultdict(float)
    counts = collections.defaultdict(float)
    for path in pathlib.Path(directory).iterdir():
        for line in path.read_text().splitlines():
            m = LINE.match(line)
            if not m:
                continue
            name, kind, labels, value = m.group(1), m.group(2), m.group(3) or "", float(m.group(4))
            if kind == "bucket":
                le = LE.search(labels).group(1)
                buckets[name][float("inf") if le == "+Inf" else float(le)] += value
            elif kind == "sum":
                sums[name] += value
            else:
                counts[name] += value
    return buckets, sums, counts


def percentile(cumulative, total, q):
    target = q * total
    lower_bound, lower_count = 0.0, 0.0
    for bound, count in cumulative:
        if count >= target:
            if bound == float("inf"):
                return lower_bound
            share = (target - lower_count) / (count - lower_count) if count > lower_count else 0
            return lower_bound + share * (bound - lower_bound)
        lower_bound, lower_count = bound, count
    return lower_bound


def main():
    b0, s0, c0 = read(sys.argv[1])
    b1, s1, c1 = read(sys.argv[2])
    print(f"{'stage':55} {'count':>9} {'mean ms':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
    for name in sorted(c1):
        total = c1[name] - c0.get(name, 0)
        if total <= 0:
            continue
        cumulative = sorted((bound, b1[name][bound] - b0[name].get(bound, 0)) for bound in b1[name])
        mean = (s1[name] - s0.get(name, 0)) / total * 1000
        p = [percentile(cumulative, total, q) * 1000 for q in (0.5, 0.95, 0.99)]
        print(f"{name:55} {int(total):>9} {mean:>8.2f} {p[0]:>7.2f} {p[1]:>7.2f} {p[2]:>7.2f}")


if __name__ == "__main__":
    main()
