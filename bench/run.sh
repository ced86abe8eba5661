#!/usr/bin/env bash
# The whole benchmark suite, one command (documented in docs/benchmarks.md):
#
#   bench/run.sh               full run (about 15-20 minutes on 2 cores; needs Java 17 and Maven;
#                              R parts need Rscript with metafor, jsonlite and survival; hyperfine for wall clock)
#   QUICK=1 bench/run.sh       smoke run: 1 short JMH iteration, small sizes (a few minutes)
#
# What it does, all on this machine, results in $OUT (default target/bench):
#   1. builds target/trialmeta.jar (the launcher) and target/benchmarks.jar (mvn -Pbench; does not touch trialmeta.jar)
#   2. generates the data: pool sets (ExportData: gen-k<k>.csv for R), the survival rows (ExportSurvivalData:
#      km-n<n>.csv, cox-100000.csv; the exact rows JMH times), a directory of generated trial files
#      (TrialFileGenerator, = bench/gen-trials.sh)
#   3. JMH (AverageTime, ms/op, JSON in $OUT/jmh-*.json): PoolBenchmark.fit REML at k = 10 ... 10^6,
#      SurvivalBenchmark (KM both arms + log-rank on n rows; Cox 10^5 x 5), LoadBenchmark (10^4 trial files),
#      ReportBenchmark (the whole report job over trials/)
#   4. R on the same data (when Rscript is present): bench/rma-timing.R (metafor::rma REML, k <= MAX_K) and
#      bench/survival-timing.R (survfit + survdiff, coxph)
#   5. hyperfine wall clock of the launcher, cold JVM: ./trialmeta validate on the generated trial files and
#      ./trialmeta report on trials/ (into a scratch directory)
#   6. prints the comparison table (BenchSummary -> $OUT/summary.md) and draws time against k for both engines
#      ($OUT/pool-scaling.png, ScalingChart)
#
# Environment (optional): OUT, QUICK=1, KS (pool k list), MAX_K (largest k timed in R, default 2000),
#   LOAD_FILES (default 10000), SURV_N (default 1000000), RUNS (hyperfine runs, default 10), JMH_ARGS (extra JMH
#   options for every benchmark, e.g. "-wi 2 -i 3").
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-target/bench}
if [ "${QUICK:-0}" = 1 ]; then
  KS=${KS:-10,100,1000,10000}; MAX_K=${MAX_K:-1000}; LOAD_FILES=${LOAD_FILES:-1000}; SURV_N=${SURV_N:-100000}
  RUNS=${RUNS:-2}; JMH_ARGS=${JMH_ARGS:-"-wi 1 -w 1 -i 1 -r 1"}
else
  KS=${KS:-10,100,300,1000,2000,10000,100000,1000000}; MAX_K=${MAX_K:-2000}; LOAD_FILES=${LOAD_FILES:-10000}
  SURV_N=${SURV_N:-1000000}; RUNS=${RUNS:-10}; JMH_ARGS=${JMH_ARGS:-}
fi
JAR=target/benchmarks.jar
mkdir -p "$OUT"
log() { printf '\n== %s  (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }

log "machine"
{ date -u; uname -sr; nproc; grep -m1 "model name" /proc/cpuinfo || true; java -version 2>&1 | head -2;
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; } | tee "$OUT/machine.txt"

log "build"
./trialmeta --version >/dev/null   # builds target/trialmeta.jar when missing or stale
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml src/main src/jmh -newer "$JAR" -print -quit)" ]; then
  mvn -B -ntp -q -Pbench package -DskipTests
fi

log "data"
java -cp "$JAR" org.trialmeta.bench.ExportData "$OUT/data" "$KS"
java -cp "$JAR" org.trialmeta.bench.ExportSurvivalData "$OUT/data" "$SURV_N"
rm -rf "$OUT/trials-$LOAD_FILES"
java -cp "$JAR" org.trialmeta.bench.TrialFileGenerator "$OUT/trials-$LOAD_FILES" "$LOAD_FILES"

jmh() { # name, then JMH arguments
  local name=$1; shift
  log "JMH $name"
  # shellcheck disable=SC2086
  java -jar "$JAR" "$@" $JMH_ARGS -rf json -rff "$OUT/jmh-$name.json" | tee "$OUT/jmh-$name.log" | grep -E "^(Benchmark|[A-Z][A-Za-z]+Benchmark\.)|Result" || true
}
jmh pool 'PoolBenchmark.fit$' -p variant=REML -p k="$KS"
jmh survival 'bench\.SurvivalBenchmark\.' -p n="$SURV_N"
jmh load 'bench\.LoadBenchmark\.' -p files="$LOAD_FILES"
jmh report 'bench\.ReportBenchmark\.' -p trials=trials

METAFOR=-; SURVR=-
if command -v Rscript >/dev/null 2>&1 && Rscript -e 'suppressPackageStartupMessages({library(metafor); library(survival)}); invisible(jsonlite::fromJSON("[]"))' >/dev/null 2>&1; then
  log "R: metafor::rma REML (k <= $MAX_K)"
  Rscript bench/rma-timing.R "$OUT/data" "$KS" "$OUT/jmh-pool.json" "$OUT/metafor-rma.csv" "$MAX_K" | tee "$OUT/r-rma.log"
  METAFOR="$OUT/metafor-rma.csv"
  log "R: survival (n = $SURV_N; Cox 1e5 x 5), same rows"
  Rscript bench/survival-timing.R "$OUT/data" "$SURV_N" "$OUT/survival-r.csv" | tee "$OUT/r-survival.log"
  SURVR="$OUT/survival-r.csv"
else
  echo "bench/run.sh: Rscript with metafor, survival and jsonlite not found; R comparison skipped" >&2
fi

HF=-
if command -v hyperfine >/dev/null 2>&1; then
  log "hyperfine: launcher wall clock, cold JVM ($RUNS runs after 1 warm-up, which also records the CDS archive)"
  scratch=$(mktemp -d)
  hyperfine -N -w 1 -r "$RUNS" --export-json "$OUT/hyperfine.json" \
    "./trialmeta validate --trials $OUT/trials-$LOAD_FILES" \
    "./trialmeta report --out $scratch" | tee "$OUT/hyperfine.log"
  rm -rf "$scratch"
  HF="$OUT/hyperfine.json"
else
  echo "bench/run.sh: hyperfine not found (apt-get install hyperfine); wall clock skipped" >&2
fi

log "plot: time against k, both engines"
[ "$METAFOR" != - ] || printf 'k,metafor_ms\n' > "$OUT/metafor-none.csv"
java -Djava.awt.headless=true -cp "$JAR" org.trialmeta.bench.ScalingChart "$OUT/jmh-pool.json" \
  "$([ "$METAFOR" != - ] && echo "$METAFOR" || echo "$OUT/metafor-none.csv")" "$OUT/pool-scaling.png"

if [ "$SURVR" != - ] && [ "${QUICK:-0}" != 1 ]; then
  log "KM + log-rank against rows, both engines (bench/survival-scaling.sh)"
  OUT="$OUT/survival-scaling" bench/survival-scaling.sh | tail -4
fi

log "summary ($OUT/summary.md)"
java -cp "$JAR" org.trialmeta.bench.BenchSummary "$OUT/summary.md" \
  "$OUT/jmh-pool.json,$OUT/jmh-survival.json,$OUT/jmh-load.json,$OUT/jmh-report.json" "$METAFOR" "$SURVR" "$HF"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
