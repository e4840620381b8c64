#!/usr/bin/env bash
# Throughput of two Python sentence splitters (sentencex, pySBD) and of the
# communique command line over the same texts, in MB/s (10^6 bytes).
#
#   benches/peers.sh DIR            # or: COMMUNIQUE_BENCH_CORPUS=DIR benches/peers.sh
#
# DIR's *.txt files, in name order, are the input. The splitters get them as
# one text, separated by blank lines, exactly as `cargo bench -- corpus`
# builds its input; pySBD, at well under 1 MB/s, gets a 200 KB prefix of it.
# `communique --jsonl` gets the files themselves, with --jobs 1 and 2; its
# peak RSS comes from /usr/bin/time -v when that exists.
#
# Needs python3 (with venv) and network access to PyPI; the virtualenv
# lives in a temporary directory removed on exit.
set -euo pipefail

dir="${1:-${COMMUNIQUE_BENCH_CORPUS:-}}"
if [[ -z "$dir" || ! -d "$dir" ]]; then
    echo "usage: $0 DIR   (or set COMMUNIQUE_BENCH_CORPUS to a directory of .txt files)" >&2
    exit 2
fi
repo="$(cd "$(dirname "$0")/.." && pwd)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== building the release binary" >&2
(cd "$repo" && cargo build --release --quiet)
bin="${CARGO_TARGET_DIR:-$repo/target}/release/communique"

echo "== installing sentencex and pysbd into a throwaway virtualenv" >&2
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check sentencex pysbd

mapfile -t files < <(LC_ALL=C find "$dir" -maxdepth 1 -type f -name '*.txt' | LC_ALL=C sort)
if [[ ${#files[@]} -eq 0 ]]; then
    echo "$0: no .txt files in the given directory" >&2
    exit 2
fi
bytes=$(cat "${files[@]}" | wc -c)
printf '%d files, %.2f MB\n\n' "${#files[@]}" "$(echo "$bytes / 1000000" | bc -l)"
printf '%-34s %-24s %10s %14s\n' "tool" "input" "MB/s" "peak RSS (MB)"

"$work/venv/bin/python" - "${files[@]}" <<'PY'
import sys, time
from importlib.metadata import version

paths = sys.argv[1:]
text = "\n\n".join(open(p, encoding="utf-8").read() for p in paths)
size = len(text.encode("utf-8"))

def best(f, arg, min_total=2.0, max_runs=3):
    """The fastest of up to max_runs calls (stopping once min_total seconds are spent)."""
    times, spent = [], 0.0
    while len(times) < max_runs and (not times or spent < min_total):
        t = time.perf_counter()
        n = f(arg)
        dt = time.perf_counter() - t
        times.append(dt)
        spent += dt
    return min(times), n

def row(tool, label, nbytes, seconds, sentences):
    print(f"{tool:<34} {label:<24} {nbytes / seconds / 1e6:10.2f} {'':>14}   ({sentences} sentences)")

from sentencex import segment
secs, n = best(lambda t: sum(1 for _ in segment("en", t)), text)
row(f"sentencex {version('sentencex')}", f"all ({size / 1e6:.1f} MB)", size, secs, n)

import pysbd
seg = pysbd.Segmenter(language="en", clean=False)
prefix = text[:200_000]
psize = len(prefix.encode("utf-8"))
secs, n = best(lambda t: len(seg.segment(t)), prefix, max_runs=1)
row(f"pysbd {version('pysbd')}", f"first {psize / 1e3:.0f} KB", psize, secs, n)
PY

# communique --jsonl over the files: best wall time of three runs after one
# warm-up (page cache), and the peak RSS of the best run.
for jobs in 1 2; do
    "$bin" --jsonl --quiet --jobs "$jobs" "${files[@]}" >/dev/null
    best_secs="" best_rss=""
    for _ in 1 2 3; do
        start=$(date +%s.%N)
        if [[ -x /usr/bin/time ]]; then
            /usr/bin/time -v -o "$work/time.txt" "$bin" --jsonl --quiet --jobs "$jobs" "${files[@]}" >/dev/null
            rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$work/time.txt")
        else
            "$bin" --jsonl --quiet --jobs "$jobs" "${files[@]}" >/dev/null
            rss="n/a"
        fi
        secs=$(echo "$(date +%s.%N) - $start" | bc -l)
        if [[ -z "$best_secs" ]] || (( $(echo "$secs < $best_secs" | bc -l) )); then
            best_secs=$secs best_rss=$rss
        fi
    done
    printf '%-34s %-24s %10.2f %14s\n' "communique --jsonl --jobs $jobs" "all files" \
        "$(echo "$bytes / $best_secs / 1000000" | bc -l)" "$best_rss"
done
