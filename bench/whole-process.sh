#!/usr/bin/env bash
# Whole-process benchmark, trialmeta (the launcher, as a user runs it) against Rscript on the same files
# (issue 22, issue 17 item 7). One command:
#
#   bench/whole-process.sh                 RUNS=3 runs of each task (about 6-8 minutes on a quiet 2-core machine)
#   RUNS=1 bench/whole-process.sh          one run each
#   SCALE=10 RUNS=1 bench/whole-process.sh smoke run on inputs 10x smaller (the table then does not test the targets)
#   NO_R=1 bench/whole-process.sh          trialmeta only
#   HEAP=0 bench/whole-process.sh          without the heap each task needs (the smallest -Xmx it completes with)
#
# Needs Java 17 + Maven (the launcher builds target/trialmeta.jar when stale), GNU time (/usr/bin/time -v),
# python3 (the summary) and, for the R column, Rscript with survival and metafor.
# Inputs: seeded, generated once into $OUT (default target/bench/whole-process) by bench/WholeProcessData.java.
# Every task runs as a whole process: JVM or R start-up, reading the CSV, the analysis, writing the output to a file
# (in $OUT/out). For each run it records wall, user and system CPU, max RSS and the load average before and after
# ($OUT/runs.tsv); the summary ($OUT/summary.md, also printed) has the medians, the machine, JDK, R, date and the
# targets of the issues. R's loop of rma() over 10^5 analyses would take about an hour, so it runs on the first
# R_BY_FRACTION (default 0.01) of them and the loop time is extrapolated linearly (stated in the table).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-target/bench/whole-process}
RUNS=${RUNS:-3}
SCALE=${SCALE:-1}
R_BY_FRACTION=${R_BY_FRACTION:-0.01}
mkdir -p "$OUT/out"
[ "$SCALE" = 1 ] || OUT_DATA="$OUT/scale-$SCALE"
DATA=${OUT_DATA:-$OUT}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "whole-process.sh: GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 1; }

HAVE_R=0
if [ "${NO_R:-0}" != 1 ] && command -v Rscript >/dev/null 2>&1 \
   && Rscript -e 'suppressMessages({library(survival); library(metafor)})' >/dev/null 2>&1; then
  HAVE_R=1
fi

echo "== build and data ($(date -u +%H:%M:%S))"
./trialmeta --version >/dev/null            # builds the jar and records the class-data archive when stale
./trialmeta --version >/dev/null
java bench/WholeProcessData.java "$DATA" "$SCALE"

RUNS_TSV="$OUT/runs.tsv"
printf 'task\tengine\trun\twall_s\tuser_s\tsys_s\tmaxrss_kb\tload_before\tload_after\textra\n' > "$RUNS_TSV"

# run TASK ENGINE CMD...: one timed whole-process run, stdout to $OUT/out/TASK.ENGINE.out
run() {
  local task=$1 engine=$2; shift 2
  local i tv load0 load1 extra
  for i in $(seq 1 "$RUNS"); do
    tv="$OUT/out/$task.$engine.time"
    load0=$(cut -d' ' -f1 /proc/loadavg)
    if ! "$TIME" -v -o "$tv" "$@" > "$OUT/out/$task.$engine.out" 2> "$OUT/out/$task.$engine.err"; then
      echo "whole-process.sh: $task ($engine) failed; see $OUT/out/$task.$engine.err" >&2
      tail -3 "$OUT/out/$task.$engine.err" >&2
      return 0
    fi
    load1=$(cut -d' ' -f1 /proc/loadavg)
    extra=$(grep -h '^R_BY ' "$OUT/out/$task.$engine.out" || true)
    python3 - "$tv" "$task" "$engine" "$i" "$load0" "$load1" "$extra" >> "$RUNS_TSV" <<'PY'
import sys, re
tv, task, engine, run, l0, l1, extra = sys.argv[1:]
t = open(tv).read()
def num(label):
    return re.search(re.escape(label) + r":\s*(\S+)", t).group(1)
w = num("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(w)))
print("\t".join([task, engine, run, f"{wall:.3f}", num("User time (seconds)"), num("System time (seconds)"),
                 num("Maximum resident set size (kbytes)"), l0, l1, extra]))
PY
    printf '  %-14s %-9s run %s: %s\n' "$task" "$engine" "$i" "$(tail -1 "$RUNS_TSV" | cut -f4-9 | tr '\t' ' ')"
  done
}

TM=./trialmeta
TM_TASKS="$OUT/out/trialmeta-tasks"
: > "$TM_TASKS"
# tm TASK ARGS...: the trialmeta runs of a task, and its command line kept for the heap measurement below
tm() {
  local task=$1; shift
  run "$task" trialmeta "$@"
  printf '%s\0%s\0' "$task" "$#" >> "$TM_TASKS"
  printf '%s\0' "$@" >> "$TM_TASKS"
}
echo "== runs ($(date -u +%H:%M:%S)), $RUNS each"
tm km-json     $TM km --input "$DATA/km-1e6.csv" --time time --event status --group group --format json
tm km-table    $TM km --input "$DATA/km-1e6.csv" --time time --event status --group group
tm pool-json   $TM pool --input "$DATA/pool-1e6.csv" --measure GEN --method DL --format json
tm pool-table  $TM pool --input "$DATA/pool-1e6.csv" --measure GEN --method DL
tm cox         $TM cox --input "$DATA/cox-1e5.csv" --time time --event status \
                  --covariate x1 --covariate x2 --covariate x3 --covariate x4 --covariate x5 --format json
tm reml-k2000  $TM pool --input "$DATA/pool-k2000.csv" --measure GEN --method REML --format json
tm pool-small  $TM pool --input examples/bcg.csv --measure RR
tm by-1e5      $TM pool --input "$DATA/by-1e5.csv" --measure GEN --method REML --by analysis --format csv
if [ "$HAVE_R" = 1 ]; then
  R=(Rscript bench/whole-process.R)
  run km-json     R "${R[@]}" km "$DATA/km-1e6.csv" "$OUT/out/km-summary-r.csv"
  run cox         R "${R[@]}" cox "$DATA/cox-1e5.csv"
  run reml-k2000  R "${R[@]}" rma "$DATA/pool-k2000.csv"
  run pool-small  R "${R[@]}" bcg examples/bcg.csv
  run by-1e5      R "${R[@]}" by "$DATA/by-1e5.csv" "$R_BY_FRACTION"
else
  echo "whole-process.sh: Rscript with survival and metafor not found (or NO_R=1): R column left empty" >&2
fi
# The heap each trialmeta task needs: the smallest -Xmx (MB) with which it completes (bisection from 4 to 1,024 MB,
# output to /dev/null), with the launcher's settings otherwise; what "needs N times the input" measures, apart from
# the JVM's own memory outside the heap (RSS above). HEAP=0 skips it (about 2 minutes).
HEAP_TSV="$OUT/heap.tsv"
printf 'task\theap_mb\n' > "$HEAP_TSV"
if [ "${HEAP:-1}" != 0 ]; then
  echo "== heap needed ($(date -u +%H:%M:%S))"
  completes() { TRIALMETA_JAVA_OPTS="-Xmx${1}m" "${@:2}" > /dev/null 2>&1; }
  while IFS= read -r -d '' task && IFS= read -r -d '' argc; do
    args=()
    for _ in $(seq 1 "$argc"); do IFS= read -r -d '' a; args+=("$a"); done
    lo=4; hi=1024
    if completes "$hi" "${args[@]}"; then
      while [ $((hi - lo)) -gt 1 ]; do
        mid=$(((lo + hi) / 2))
        if completes "$mid" "${args[@]}"; then hi=$mid; else lo=$mid; fi
      done
      printf '%s\t%s\n' "$task" "$hi" >> "$HEAP_TSV"
      printf '  %-14s heap needed %s MB\n' "$task" "$hi"
    fi
  done < "$TM_TASKS"
fi
echo "== done ($(date -u +%H:%M:%S))"

R_VERSIONS="R not run"
if [ "$HAVE_R" = 1 ]; then
  R_VERSIONS=$(Rscript -e 'cat(R.version.string, "; metafor ", format(packageVersion("metafor")), ", survival ", format(packageVersion("survival")), sep = "")')
fi
export R_VERSIONS R_BY_FRACTION
python3 - "$RUNS_TSV" "$DATA" "$HAVE_R" "$SCALE" "$HEAP_TSV" > "$OUT/summary.md" <<'PY'
import sys, csv, statistics, subprocess, os, datetime, re
tsv, data, have_r, scale, heap_tsv = sys.argv[1:]
rows = list(csv.DictReader(open(tsv), delimiter="\t"))
heap = {r["task"]: float(r["heap_mb"]) for r in csv.DictReader(open(heap_tsv), delimiter="\t")}
def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception:
        return ""
def runs(task, engine):
    return [r for r in rows if r["task"] == task and r["engine"] == engine]
def med(rs, f):
    return statistics.median(f(r) for r in rs) if rs else None
def wall(r): return float(r["wall_s"])
def cpu(r): return float(r["user_s"]) + float(r["sys_s"])
def rss(r): return float(r["maxrss_kb"]) / 1024
def by_extrapolated(r, what):
    # R's loop ran on a fraction of the analyses: the loop time scales linearly to all of them
    m = dict(kv.split("=") for kv in r["extra"].split()[1:]) if r["extra"] else None
    base = wall(r) if what == "wall" else cpu(r)
    if not m:
        return base
    # wall scales with the loop's wall time, CPU with its CPU time (on a loaded machine the two differ)
    loop = float(m["loop_s"]) if what == "wall" else float(m.get("loop_cpu_s", m["loop_s"]))
    return base - loop + loop * int(m["total"]) / int(m["done"])
size = lambda f: os.path.getsize(f) / 2**20 if os.path.exists(f) else None
tasks = [
    ("km-json", "`km --group`, 10⁶ rows, JSON", f"{data}/km-1e6.csv", "survfit + survdiff + summary table to CSV",
     "≥ 3× faster than R"),
    ("km-table", "`km --group`, 10⁶ rows, table (default `--rows`)", f"{data}/km-1e6.csv", "", ""),
    ("pool-json", "`pool --method DL`, 10⁶ studies, JSON", f"{data}/pool-1e6.csv", "metafor cannot (k × k matrices: 8 TB)",
     "< 2 s, < 500 MB"),
    ("pool-table", "`pool --method DL`, 10⁶ studies, table (default `--rows`)", f"{data}/pool-1e6.csv", "metafor cannot",
     "< 3 s, < 500 MB"),
    ("cox", "`cox`, 10⁵ × 5 covariates, JSON", f"{data}/cox-1e5.csv", "coxph + summary", "faster than R"),
    ("reml-k2000", "`pool --method REML`, k = 2,000, JSON (with Q-profile CI)", f"{data}/pool-k2000.csv",
     "rma(method = \"REML\") (no confint)", "≥ 50× faster than R"),
    ("pool-small", "`pool` on examples/bcg.csv (13 studies), table", "examples/bcg.csv",
     "escalc + rma + confint", "< 0.3 s"),
    ("by-1e5", "`pool --by`, 10⁵ analyses of 5–30 studies, REML + Q-profile CI, CSV", f"{data}/by-1e5.csv",
     "loop of rma + confint in one session", "< 10 s, ≥ 100× faster than R"),
]
print(f"# Whole-process benchmark ({datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC)\n")
cpu_model = sh("lscpu | grep -m1 'Model name' | sed 's/.*: *//'")
mem = int(int(open('/proc/meminfo').readline().split()[1]) / 2**20 + 0.5)
jdk = sh("java -version 2>&1 | head -1")
rver = os.environ.get("R_VERSIONS", "R not run")
print(f"Machine: {cpu_model}, {os.cpu_count()} cores, {mem} GiB RAM; {jdk}; {rver}.")
loads = [float(r[k]) for r in rows for k in ("load_before", "load_after")]
print(f"Load average (1 min) before/after the runs: {min(loads):.2f}–{max(loads):.2f}. "
      f"Runs per task: {max(int(r['run']) for r in rows)}; medians. Input scale: 1/{scale}. "
      "CPU = user + system seconds (all threads). Raw runs: runs.tsv.\n")
print("| task | input (MB) | trialmeta wall (s) | CPU (s) | max RSS (MB) | RSS / input | heap needed (MB) | heap / input | R wall (s) | R CPU (s) | R max RSS (MB) | R / trialmeta (wall) | R / trialmeta (CPU) | target |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
f2 = lambda v: "" if v is None else (f"{v:.2f}" if v < 100 else f"{v:,.0f}")
for task, label, inp, rnote, target in tasks:
    t = runs(task, "trialmeta"); r = runs(task, "R")
    mb = size(inp)
    tw, tc, tr = med(t, wall), med(t, cpu), med(t, rss)
    if task == "by-1e5" and r:
        rw, rc = med(r, lambda x: by_extrapolated(x, "wall")), med(r, lambda x: by_extrapolated(x, "cpu"))
        rnote += f" (loop on the first {float(os.environ.get('R_BY_FRACTION', '0.01')) * 100:g}% of the analyses, extrapolated linearly)"
    else:
        rw, rc = med(r, wall), med(r, cpu)
    rr = med(r, rss)
    ratio = lambda a, b: f"{a / b:,.1f}×" if a and b else ""
    print(f"| {label} | {f2(mb)} | {f2(tw)} | {f2(tc)} | {f2(tr)} | "
          f"{(f'{tr / mb:.1f}×' if tr and mb and mb >= 1 else '')} | {f2(heap.get(task))} | "
          f"{(f'{heap[task] / mb:.1f}×' if task in heap and mb and mb >= 1 else '')} | {f2(rw)} | {f2(rc)} | {f2(rr)} | "
          f"{ratio(rw, tw)} | {ratio(rc, tc)} | {target}{(' — R: ' + rnote) if rnote else ''} |")
PY
cat "$OUT/summary.md"
