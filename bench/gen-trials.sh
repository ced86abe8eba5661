#!/usr/bin/env bash
# Generates a directory of valid trial files for load benchmarks (default: 10,000 files, 70,000 outcomes):
#   bench/gen-trials.sh [DIR (default target/bench/trials-10k)] [N (default 10000)]
# Seeded: the same N gives the same bytes. JDK only (runs the generator as a single source file, no build).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-target/bench/trials-10k}
n=${2:-10000}
rm -rf "$dir"
exec java src/jmh/java/org/trialmeta/bench/TrialFileGenerator.java "$dir" "$n"
