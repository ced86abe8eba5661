#!/usr/bin/env bash
# Compare trialmeta's REML pooling with metafor::rma(yi, vi, method = "REML") on the same generated data on
# this machine (documented in docs/benchmarks.md). Not run in CI. Needs Java 17, Maven, and Rscript with metafor
# (and jsonlite).
#
# Environment (all optional):
#   KS        comma-separated k            (default 10,100,300,1000,2000,10000,100000,1000000)
#   MAX_K     largest k timed in R          (default 2000: metafor forms k x k matrices, O(k^2) memory and
#             worse time; k = 1000 takes seconds per call here, k = 1e5 would need 80 GB per matrix)
#   OUT       output directory              (default target/bench)
#   JMH_JSON  reuse existing JMH JSON result file(s), comma-separated, instead of running JMH
#   JMH_ARGS  extra JMH options, e.g. "-wi 2 -i 3"
set -euo pipefail
cd "$(dirname "$0")/.."
KS=${KS:-10,100,300,1000,2000,10000,100000,1000000}
MAX_K=${MAX_K:-2000}
OUT=${OUT:-target/bench}
JAR=target/benchmarks.jar
mkdir -p "$OUT"

if ! command -v Rscript >/dev/null 2>&1; then
  echo "compare-r.sh: Rscript not found; install R with metafor to compare" >&2
  exit 1
fi
Rscript -e 'suppressPackageStartupMessages(library(metafor)); invisible(jsonlite::fromJSON("[]"))' >/dev/null

if [ ! -f "$JAR" ]; then
  mvn -B -ntp -Pbench package -DskipTests
fi

echo "== generating data sets (k = $KS) in $OUT/data"
java -cp "$JAR" org.trialmeta.bench.ExportData "$OUT/data" "$KS"

if [ -z "${JMH_JSON:-}" ]; then
  echo "== JMH: trialmeta REML fit at k = $KS"
  # shellcheck disable=SC2086
  java -jar "$JAR" 'PoolBenchmark.fit$' -p variant=REML -p k="$KS" ${JMH_ARGS:-} \
    -rf json -rff "$OUT/jmh-compare-fit.json"
  echo "== JMH: trialmeta escalc+REML and Mantel-Haenszel at k = 1000"
  # shellcheck disable=SC2086
  java -jar "$JAR" 'PoolBenchmark.(escalcReml|mantelHaenszel)$' -p k=1000 ${JMH_ARGS:-} \
    -rf json -rff "$OUT/jmh-compare-counts.json"
  JMH_JSON="$OUT/jmh-compare-fit.json,$OUT/jmh-compare-counts.json"
fi

echo "== R: metafor timings (k <= $MAX_K)"
Rscript bench/rma-timing.R "$OUT/data" "$KS" "$JMH_JSON" "$OUT/metafor-rma.csv" "$MAX_K"
