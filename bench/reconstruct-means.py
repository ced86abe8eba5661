#!/usr/bin/env python3
"""Mean errors per tool and digitisation from OUT/arms-others.csv (bench/reconstruct-ipdfromkm.R's per-arm scores),
to more digits than summary-others.txt prints, and the signed RMST error on noisy input.

Usage: bench/reconstruct-means.py OUT/arms-others.csv [...]
Means as in summary-others.txt: over arms (|d median|, |d RMST|, max and mean |dS|) or trials (|d log HR|); an arm
where only one of truth and reconstruction reaches S = 0.5 (an infinite |d median|, the "+1") is left out."""
import csv
import math
import sys

METRICS = ["abs_d_median", "abs_d_rmst", "max_abs_d_s", "mean_abs_d_s", "trial_abs_d_log_hr"]


def finite(x):
    return x not in ("NA", "", "Inf", "-Inf") and not math.isinf(float(x))


def main(paths):
    for path in paths:
        rows = list(csv.DictReader(open(path, newline="")))
        print(path)
        print("  %-10s %-10s %10s %10s %10s %10s %10s" % ("variant", "tool", "|dmedian|", "|dRMST|", "max|dS|",
                                                        "mean|dS|", "|dlogHR|"))
        for variant in ("clean", "noisy", "noisy-gap"):
            for tool in ("trialmeta", "IPDfromKM"):
                rs = [r for r in rows if r["tool"] == tool and r["variant"] == variant and r["refused"] == "0"]
                if not rs:
                    continue
                means = []
                for m in METRICS:
                    vals = {}
                    for r in rs:
                        if finite(r[m]):
                            vals[r["trial"] if m.startswith("trial") else (r["trial"], r["arm"])] = float(r[m])
                    means.append(sum(vals.values()) / len(vals) if vals else float("nan"))
                print("  %-10s %-10s %s" % (variant, tool, " ".join("%10.5f" % x for x in means)))
        for tool in ("trialmeta", "IPDfromKM"):
            d = [float(r["d_rmst"]) for r in rows if r["tool"] == tool and r["variant"] == "noisy" and finite(r["d_rmst"])]
            if d:
                print("  signed d RMST, noisy, %s: mean %+.4f, positive in %d of %d arms" % (
                    tool, sum(d) / len(d), sum(x > 0 for x in d), len(d)))


if __name__ == "__main__":
    main(sys.argv[1:])
