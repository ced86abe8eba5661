#!/usr/bin/env python3
"""Interleaved wall-clock comparison of shell commands (cold runs, one of each per round).

    bench/interleave.py ROUNDS name=command [name=command ...]

Runs every command once untimed, then ROUNDS rounds of each command in turn, and prints per command the
median, minimum and maximum wall time and the median user and system CPU. On a machine whose speed drifts
(shared or throttled VMs), only commands measured in the same rounds can be compared.
"""
import resource
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3 or not sys.argv[1].isdigit() or any('=' not in a for a in sys.argv[2:]):
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    commands = [a.split('=', 1) for a in sys.argv[2:]]
    runs = {name: [] for name, _ in commands}
    for _, command in commands:
        subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(rounds):
        for name, command in commands:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            result = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if result.returncode != 0:
                sys.exit(f"{name}: exit code {result.returncode}: {command}")
            runs[name].append((wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime))
    for name, _ in commands:
        wall = [r[0] for r in runs[name]]
        print(f"{name:12s} median {statistics.median(wall):.3f} s  min {min(wall):.3f}  max {max(wall):.3f}"
              f"  user {statistics.median(r[1] for r in runs[name]):.2f}"
              f"  sys {statistics.median(r[2] for r in runs[name]):.2f}  (n={rounds})")


if __name__ == '__main__':
    main()
