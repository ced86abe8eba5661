#!/usr/bin/env bash
# Installs the rapaio Java kernel ("rjk") into the project-local notebooks/.jupyter/ (gitignored).
# Fetches the kernel jar into ~/.m2 with Maven when it is absent.
set -euo pipefail
cd "$(dirname "$0")"
VERSION=3.0.1
JAR="${HOME}/.m2/repository/io/github/padreati/rapaio-jupyter-kernel/${VERSION}/rapaio-jupyter-kernel-${VERSION}.jar"
if [[ ! -f "$JAR" ]]; then
    mvn -B -ntp -q dependency:get -Dartifact="io.github.padreati:rapaio-jupyter-kernel:${VERSION}"
fi
KDIR="$PWD/.jupyter/kernels/rjk"
mkdir -p "$KDIR"
cp "$JAR" "$KDIR/rapaio-jupyter-kernel.jar"
cat > "$KDIR/kernel.json" <<JSON
{"argv": ["java", "-Djava.awt.headless=true", "-jar", "$KDIR/rapaio-jupyter-kernel.jar", "{connection_file}"],
 "display_name": "Java (rjk)", "language": "java", "interrupt_mode": "message",
 "env": {"RJK_COMPILER_OPTIONS": "", "RJK_TIMEOUT_MILLIS": "-1"}}
JSON
echo "kernel rjk installed in $KDIR (use JUPYTER_PATH=$PWD/.jupyter)"
