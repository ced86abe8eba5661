#!/usr/bin/env bash
# Kaplan-Meier (both arms) + log-rank: trialmeta (JMH SurvivalBenchmark.kaplanMeierBothArmsPlusLogRank) against
# survival::survfit + survdiff (bench/survival-timing.R) on the same rows (ExportSurvivalData) at several sizes,
# and the log-log chart of time against rows for both engines (ScalingChart --survival).
# Environment (optional): OUT (default target/bench-survival), NS (default 10000,100000,1000000), JMH_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-target/bench-survival}
NS=${NS:-10000,100000,1000000}
JAR=target/benchmarks.jar
mkdir -p "$OUT/data"
[ -f "$JAR" ] || mvn -B -ntp -q -Pbench package -DskipTests
IFS=, read -r -a sizes <<< "$NS"
for n in "${sizes[@]}"; do
  java -cp "$JAR" org.trialmeta.bench.ExportSurvivalData "$OUT/data" "$n"
done
# shellcheck disable=SC2086
java -jar "$JAR" 'SurvivalBenchmark\.kaplanMeierBothArmsPlusLogRank' -p n="$NS" ${JMH_ARGS:-} \
  -rf json -rff "$OUT/jmh-km.json" | grep -E '^(Benchmark|SurvivalBenchmark)' || true
rcsv=()
if command -v Rscript >/dev/null 2>&1; then
  for n in "${sizes[@]}"; do
    Rscript bench/survival-timing.R "$OUT/data" "$n" "$OUT/survival-r-$n.csv"
    rcsv+=("$OUT/survival-r-$n.csv")
  done
else
  echo "survival-scaling.sh: Rscript not found; R comparison skipped" >&2
  exit 1
fi
java -Djava.awt.headless=true -cp "$JAR" org.trialmeta.bench.ScalingChart --survival "$OUT/jmh-km.json" \
  "$(IFS=,; echo "${rcsv[*]}")" "$OUT/km-scaling.png"
echo "chart: $OUT/km-scaling.png"
