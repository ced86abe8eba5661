#!/usr/bin/env bash
# The heap every command needs (issue 22: "no command needs more than 4x the input file's size"). One command:
#
#   bench/heap-survey.sh          about 12 minutes on a 2-core machine
#   ONLY=nma bench/heap-survey.sh the tasks whose name contains "nma"
#
# For each command, on a large generated input and on a small example: the smallest -Xmx (MB) with which it completes
# (bisection from 4 to 1,024 MB, launcher settings otherwise, output to a scratch directory). What the small input
# needs is the command's fixed part (the JVM's classes, picocli, the JSON writer, fonts for a figure); the table
# gives the heap on the large input against its size, and against its size above that fixed part.
# Inputs: seeded, generated once into $OUT (default target/bench/heap-survey) by bench/heap-survey.py,
# bench/gen-trials.sh and bench/WholeProcessData.java. Results: $OUT/heap.tsv and $OUT/summary.md (also printed).
# Needs Java 17 + Maven (the launcher builds target/trialmeta.jar when stale) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-target/bench/heap-survey}
D="$OUT/data"
mkdir -p "$D" "$OUT/scratch"
echo "== build and data ($(date -u +%H:%M:%S))"
./trialmeta --version >/dev/null
[ -f "$D/corpus-6m.txt" ] || python3 bench/heap-survey.py "$D"
[ -d "$D/trials-2k" ] || bench/gen-trials.sh "$D/trials-2k" 2000 >/dev/null
[ -d "$D/trials-8k" ] || bench/gen-trials.sh "$D/trials-8k" 8000 >/dev/null
[ -f "$D/km-1e6.csv" ] || java bench/WholeProcessData.java "$D" 1 >/dev/null

TSV="$OUT/heap.tsv"
printf 'task\tinput_bytes\theap_mb\tsmall_heap_mb\n' > "$TSV"

# completes MB ARGS...: the command completes in an -Xmx of MB (exit 0, or 1 for check's "errors found", and not
# out of memory)
completes() {
  local mb=$1 rc=0; shift
  TRIALMETA_JAVA_OPTS="-Xmx${mb}m" ./trialmeta "$@" > "$OUT/scratch/stdout" 2> "$OUT/scratch/stderr" || rc=$?
  case "$rc" in
    0) return 0 ;;
    1) [ "$1" = check ] && ! grep -q 'out of memory' "$OUT/scratch/stderr" ;;
    *) return 1 ;;
  esac
}
# needs ARGS...: the smallest -Xmx in MB, or "-" when 1,024 MB is not enough
needs() {
  local lo=4 hi=1024 mid
  completes "$hi" "$@" || { echo "-"; return; }
  while [ $((hi - lo)) -gt 1 ]; do
    mid=$(((lo + hi) / 2))
    if completes "$mid" "$@"; then hi=$mid; else lo=$mid; fi
  done
  echo "$hi"
}
size() { du -sb "$1" | cut -f1; }
S="$OUT/scratch"
# task NAME INPUT SMALL_ARGS... -- LARGE_ARGS...: heap of the command on the small and on the large input
task() {
  local name=$1 input=$2; shift 2
  case "$name" in *"${ONLY:-}"*) ;; *) return 0 ;; esac
  local small=() large=()
  while [ "$1" != -- ]; do small+=("$1"); shift; done
  shift
  large=("$@")
  local hs hl
  hs=$(needs "${small[@]}")
  hl=$(needs "${large[@]}")
  printf '%s\t%s\t%s\t%s\n' "$name" "$(size "$input")" "$hl" "$hs" >> "$TSV"
  printf '  %-22s small %4s MB, large %4s MB on %s bytes\n' "$name" "$hs" "$hl" "$(size "$input")"
}
COX=(--time time --event status --covariate x1 --covariate x2 --covariate x3 --covariate x4 --covariate x5)
echo "== heap needed ($(date -u +%H:%M:%S))"
task pool-rr         "$D/binary-5e5.csv"  pool --input examples/bcg.csv --measure RR --format json -- \
                                          pool --input "$D/binary-5e5.csv" --measure RR --format json
task pool-smd        "$D/smd-5e5.csv"     pool --input examples/length-of-stay.csv --measure SMD --format json -- \
                                          pool --input "$D/smd-5e5.csv" --measure SMD --format json
task pool-hr         "$D/hr-5e5.csv"      pool --input examples/hazard-ratios.csv --measure HR --format json -- \
                                          pool --input "$D/hr-5e5.csv" --measure HR --format json
task pool-by         "$D/by-1e5.csv"      pool --input examples/bcg.csv --measure RR --by alloc --format csv -- \
                                          pool --input "$D/by-1e5.csv" --measure GEN --method REML --by analysis --format csv
task bias            "$D/binary-1e5.csv"  bias --input examples/bcg.csv --measure RR --format json -- \
                                          bias --input "$D/binary-1e5.csv" --measure RR --format json
task regress         "$D/binary-1e5.csv"  regress --input examples/bcg.csv --measure RR --mods ablat,alloc --format json -- \
                                          regress --input "$D/binary-1e5.csv" --measure RR --mods ablat,alloc --format json
task sensitivity     "$D/binary-4e3.csv"  sensitivity --input examples/bcg.csv --measure RR --influence --format json -- \
                                          sensitivity --input "$D/binary-4e3.csv" --measure RR --influence --format json
task nma             "$D/network-1e5.csv" nma --input examples/smoking-cessation-network.csv --measure OR --format json -- \
                                          nma --input "$D/network-1e5.csv" --measure OR --format json
task km              "$D/km-1e6.csv"      km --input examples/lung-survival.csv --time time --event event --group sex --format json -- \
                                          km --input "$D/km-1e6.csv" --time time --event status --group group --format json
task cox             "$D/cox-1e5.csv"     cox --input examples/lung-survival.csv --time time --event event --covariate age --format json -- \
                                          cox --input "$D/cox-1e5.csv" "${COX[@]}" --format json
task reconstruct     "$D/curve-2e4.csv"   reconstruct --curve examples/km-curve-male.csv --at-risk examples/km-at-risk-male.csv --out "$S/ipd-small.csv" -- \
                                          reconstruct --curve "$D/curve-2e4.csv" --at-risk "$D/risk-2e4.csv" --out "$S/ipd.csv"
task revman          "$D/review-1e5.rm5"  revman src/test/resources/revman/synthetic.rm5 --format json -- \
                                          revman "$D/review-1e5.rm5" --format json
task scan            "$D/corpus-6m.txt"   scan src/test/resources/scan/corpus/mpact-nejm-2013-abstract.txt --format json -- \
                                          scan "$D/corpus-6m.txt" --format json
task validate-8k     "$D/trials-8k"       validate --trials trials -- validate --trials "$D/trials-8k"
task list-8k         "$D/trials-8k"       list --trials trials -- list --trials "$D/trials-8k"
task check-8k        "$D/trials-8k"       check --trials trials --format json -- check --trials "$D/trials-8k" --format json
task report-2k       "$D/trials-2k"       report --trials trials --out "$S/report-small" -- report --trials "$D/trials-2k" --out "$S/report"
task report-8k       "$D/trials-8k"       report --trials trials --out "$S/report-small" -- report --trials "$D/trials-8k" --out "$S/report"
echo "== done ($(date -u +%H:%M:%S))"

python3 - "$TSV" "$OUT/summary.md" <<'PY'
import csv, platform, subprocess, sys, datetime
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
mib = 1 << 20
out = [f"Heap survey, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.node()}, "
       f"{subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
       f"{subprocess.run(['java', '-version'], capture_output=True, text=True).stderr.splitlines()[0]}", "",
       "| task | input (MiB) | heap on a small input (MiB) | heap on the input (MiB) | heap / input | above the small input's / input |",
       "|---|---:|---:|---:|---:|---:|"]
for r in rows:
    size = int(r["input_bytes"]) / mib
    large, small = r["heap_mb"], r["small_heap_mb"]
    ok = large != "-" and small != "-"
    ratio = f"{float(large) / size:.1f}×" if ok else ""
    above = f"{(float(large) - float(small)) / size:.1f}×" if ok else ""
    out.append(f"| {r['task']} | {size:.2f} | {small} | {large} | {ratio} | {above} |")
open(sys.argv[2], "w").write("\n".join(out) + "\n")
print("\n".join(out))
PY
