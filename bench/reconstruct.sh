#!/usr/bin/env bash
# Reconstruction from published curves (issue 20): 32 two-arm kmdata trials (src/test/resources/kmdata), each arm
# digitised clean, noisy and noisy with a gap (org.trialmeta.bench.DigitisationSimulator), reconstructed by
# `trialmeta reconstruct` in-process and compared with the true patient data (org.trialmeta.bench.ReconstructBench).
# Optionally the same files through an earlier trialmeta (BASELINE=<commit>, e.g. a34b7d4, the code before
# issue 20), one `reconstruct --curve --at-risk` per arm: refused arms and arms returned with n + 1 patients.
# Then, when IPDfromKM or reconstructKM is installed (R's library path, e.g. R_LIBS_USER), the same files through
# them and one table side by side (bench/reconstruct-ipdfromkm.R, all three tools scored by the same R code;
# OUT/arms-others.csv, OUT/summary-others.txt); how they were obtained: docs/benchmarks.md.
# Environment (optional): OUT (default target/bench-reconstruct), SEED (default 20261206), TOLERANCE (default
# 0.02,0.02), BASELINE, CP (classpath; default target/classes, target/test-classes and the launcher's jar).
# Results with machine and date: docs/benchmarks.md, "Reconstruction from published curves".
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-target/bench-reconstruct}
SEED=${SEED:-20261206}
TOLERANCE=${TOLERANCE:-0.02,0.02}
case "$OUT" in *,*) echo "reconstruct.sh: OUT must not contain a comma (--arm separates files by commas)" >&2; exit 2;; esac
[ -f target/trialmeta.jar ] || mvn -B -ntp -q package -DskipTests
mvn -B -ntp -q test-compile
CP=${CP:-target/classes:target/test-classes:target/trialmeta.jar}
mkdir -p "$OUT"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (modified)')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') ($(nproc) cores visible)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "seed: $SEED, tolerance: $TOLERANCE"
} | tee "$OUT/machine.txt"
java -Djava.awt.headless=true -cp "$CP" org.trialmeta.bench.ReconstructBench "$OUT" "$SEED" "$TOLERANCE" \
  | tee "$OUT/summary.txt"
if command -v Rscript >/dev/null && Rscript -e 'quit(status = as.integer(!(requireNamespace("IPDfromKM",
    quietly = TRUE) || requireNamespace("reconstructKM", quietly = TRUE))))' 2>/dev/null; then
  echo "same files through IPDfromKM / reconstructKM ($(Rscript -e 'for (p in c("IPDfromKM", "reconstructKM"))
    if (requireNamespace(p, quietly = TRUE)) cat(p, format(packageVersion(p)), "")' 2>/dev/null)):" \
    | tee "$OUT/summary-others.txt"
  Rscript bench/reconstruct-ipdfromkm.R "$OUT" | tee -a "$OUT/summary-others.txt"
else
  echo "IPDfromKM / reconstructKM not installed: no side-by-side comparison (docs/benchmarks.md says how to get them)"
fi
if [ -n "${BASELINE:-}" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  git archive "$BASELINE" src/main/java | tar -x -C "$tmp"
  mkdir -p "$tmp/classes"
  find "$tmp/src/main/java" -name '*.java' > "$tmp/sources.txt"
  javac -nowarn -d "$tmp/classes" -cp target/trialmeta.jar @"$tmp/sources.txt" 2>/dev/null
  echo "arm,exit,n_published,n_returned" > "$OUT/baseline.csv"
  for curve in "$OUT"/files/*-[01]-curve.csv; do
    base=${curve%-curve.csv}
    arm=$(basename "$base")
    json=$(java -Djava.awt.headless=true -cp "$tmp/classes:target/trialmeta.jar" org.trialmeta.cli.Main reconstruct \
      --curve "$curve" --at-risk "$base-risk.csv" --out "$tmp/ipd.csv" --format json 2>/dev/null) && code=0 || code=$?
    n0=$(sed -n 2p "$base-risk.csv" | cut -d, -f2)
    n=$(printf '%s' "$json" | sed -n 's/^  "n" : \([0-9]*\),*$/\1/p')
    echo "$arm,$code,$n0,$n" >> "$OUT/baseline.csv"
  done
  echo "baseline $BASELINE (refused = exit 2; n+1 = more patients returned than at risk at time 0):"
  awk -F, 'NR > 1 { v = $1; sub(/-.*/, "", v); if ($1 ~ /^noisy-gap/) v = "noisy+gap"; t[v]++;
             if ($2 != 0) r[v]++; else if ($4 != $3) p[v]++ }
           END { for (v in t) printf "  %-10s refused %d/%d, wrong n %d\n", v, r[v], t[v], p[v] }' \
    "$OUT/baseline.csv" | sort | tee -a "$OUT/summary.txt"
fi
