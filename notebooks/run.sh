#!/usr/bin/env bash
# Executes every notebook in place with the project's jar on the classpath, fails on any cell error,
# then strips volatile metadata so that a re-run gives byte-identical files.
set -euo pipefail
cd "$(dirname "$0")"
NB_DIR="$PWD"
if [[ ! -f ../target/trialmeta.jar ]]; then
    (cd .. && mvn -B -ntp -q package -DskipTests)
fi
if ! command -v jupyter >/dev/null 2>&1; then
    if [[ "$(id -u)" == 0 ]]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jupyter-nbconvert jupyter-client python3-nbformat python3-nbclient >/dev/null
    else
        echo "run.sh: jupyter not found; install Debian's jupyter-nbconvert (or run as root)" >&2
        exit 1
    fi
fi
./setup-kernel.sh >/dev/null
export JUPYTER_PATH="$NB_DIR/.jupyter"
# Debian's nbformat lives in the system python, not in a pyenv/venv python that may shadow it.
PY=/usr/bin/python3
[[ -x "$PY" ]] || PY=python3
for nb in [0-9][0-9]-*.ipynb; do
    echo "executing $nb"
    # The rapaio kernel sometimes never answers nbconvert's kernel_info_request after it starts (its
    # shell loop does not start; seen in about one start in three here), or dies before answering it (the
    # shell thread fails with a NullPointerException in Channels.getHandler: the same race). Such a start is
    # retried with a fresh kernel; any other failure, such as an error in a cell, fails at once.
    ok=0
    log="$(mktemp)"
    for attempt in 1 2 3 4 5 6 7 8; do
        if jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
            --ExecutePreprocessor.startup_timeout=15 --log-level=ERROR "$nb" --output "$nb" 2>"$log"; then
            ok=1
            break
        fi
        if ! grep -q -e "Kernel didn't respond" -e "Kernel died before replying to kernel_info" "$log"; then
            cat "$log" >&2
            break
        fi
        echo "run.sh: $nb: the kernel did not start (attempt $attempt of 8), retrying" >&2
    done
    rm -f "$log"
    [[ "$ok" == 1 ]] || { echo "run.sh: $nb failed" >&2; exit 1; }
    "$PY" normalize.py "$nb"
done
