#!/usr/bin/env python3
"""Inputs for bench/heap-survey.sh: large, seeded files for every command that reads a file (issue 22's "no command
needs more than 4x the input file's size"). Usage: heap-survey.py DIR. The same DIR gives the same bytes."""
import math
import os
import random
import sys

d = sys.argv[1]
os.makedirs(d, exist_ok=True)


def write(name, header, rows):
    with open(os.path.join(d, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n")
        for row in rows:
            f.write(row + "\n")


def binary(k, seed):
    r = random.Random(seed)
    for i in range(k):
        n1, n2 = r.randint(20, 400), r.randint(20, 400)
        yield (f"Study {i},{r.randint(1, n1 // 2)},{n1},{r.randint(1, n2 // 2)},{n2},{r.randint(10, 60)},"
               f"{1950 + i % 70},{('random', 'alternate', 'systematic')[i % 3]}")


def continuous(k, seed):
    r = random.Random(seed)
    for i in range(k):
        yield (f"S{i},{r.uniform(20, 80):.1f},{r.uniform(5, 30):.1f},{r.randint(20, 300)},"
               f"{r.uniform(20, 80):.1f},{r.uniform(5, 30):.1f},{r.randint(20, 300)}")


def hazard_ratios(k, seed):
    r = random.Random(seed)
    for i in range(k):
        hr, se = r.uniform(0.4, 1.5), r.uniform(0.05, 0.5)
        yield f"S{i},{hr:.3f},{hr * math.exp(-1.96 * se):.3f},{hr * math.exp(1.96 * se):.3f}"


def network(k, seed):
    """Arm-level events as R's write.csv writes them (text quoted); a fifth of the studies have three arms."""
    r = random.Random(seed)
    treatments = [f"t{j}" for j in range(10)]
    for i in range(k):
        for t in r.sample(treatments, 3 if i % 5 == 0 else 2):
            n = r.randint(50, 500)
            yield f"\"Study {i}\",\"{t}\",{r.randint(1, n - 1)},{n}"


def curve(points, t_max, seed):
    r = random.Random(seed)
    s = 1.0
    yield "0,1"
    for i in range(1, points):
        s = max(0.0, s * (1 - r.uniform(0, 2.0 / points)))
        yield f"{t_max * i / points:.4f},{s:.5f}"


write("binary-1e5.csv", "study,ai,n1i,ci,n2i,ablat,year,alloc", binary(100_000, 1))
write("binary-5e5.csv", "study,ai,n1i,ci,n2i,ablat,year,alloc", binary(500_000, 2))
write("binary-4e3.csv", "study,ai,n1i,ci,n2i,ablat,year,alloc", binary(4_000, 3))
write("smd-5e5.csv", "study,mean_1,sd_1,total_1,mean_2,sd_2,total_2", continuous(500_000, 4))
write("hr-5e5.csv", "study,hr,ci_lower,ci_upper", hazard_ratios(500_000, 5))
write("network-1e5.csv", "\"study\",\"treatment\",\"events\",\"n\"", network(100_000, 6))
write("curve-2e4.csv", "\"time\",\"survival\"", curve(20_000, 1000, 7))
write("risk-2e4.csv", "\"time\",\"n_risk\"", (f"{t},{max(1, 100_000 - t * 60)}" for t in range(0, 1000, 50)))

# A RevMan 5 review of 100,000 data rows: 200 comparisons x 10 dichotomous outcomes x 50 studies, as
# RevManLargeFileTest generates it (RevMan's stored attributes on every row, a paragraph of text per outcome).
r = random.Random(8)
with open(os.path.join(d, "review-1e5.rm5"), "w", encoding="iso-8859-1", newline="\n") as w:
    w.write('<?xml version="1.0" encoding="ISO-8859-1" standalone="no"?>\n<COCHRANE_REVIEW REVMAN_VERSION="5">\n')
    w.write("<COVER_SHEET><TITLE>Generated review (bench/heap-survey.py)</TITLE></COVER_SHEET>\n")
    w.write("<STUDIES_AND_REFERENCES><STUDIES><INCLUDED_STUDIES>\n")
    for s in range(50):
        w.write(f'<STUDY DATA_SOURCE="PUB" ID="STD-S{s}" NAME="Study {s}" YEAR="{1980 + s % 40}"></STUDY>\n')
    w.write('</INCLUDED_STUDIES></STUDIES></STUDIES_AND_REFERENCES>\n<ANALYSES_AND_DATA CALCULATED_DATA="YES">\n')
    text = "<P>" + "Participants were randomised to the intervention or to control; outcomes were assessed " * 8 + "</P>\n"
    for c in range(1, 201):
        w.write(f'<COMPARISON ID="CMP-{c:03d}" NO="{c}"><NAME>Comparison {c}</NAME>\n')
        for o in range(1, 11):
            oid = f"CMP-{c:03d}.{o:02d}"
            measure = ("OR", "RR", "RD")[o % 3]
            w.write(f'<DICH_OUTCOME CI_STUDY="95" CI_TOTAL="95" EFFECT_MEASURE="{measure}" ID="{oid}" METHOD="MH" '
                    f'NO="{o}" RANDOM="{"YES" if o % 4 == 0 else "NO"}" SUBGROUPS="NO" TOTALS="YES">'
                    f"<NAME>Outcome {o}</NAME>\n<GROUP_LABEL_1>Treatment</GROUP_LABEL_1><GROUP_LABEL_2>Control"
                    f"</GROUP_LABEL_2>\n<FEEDBACK>{text}</FEEDBACK>\n")
            for s in range(50):
                n1, n2 = 20 + r.randrange(400), 20 + r.randrange(400)
                w.write(f'<DICH_DATA CI_END="1.0593362817898602" CI_START="0.4889745274989256" EFFECT_SIZE='
                        f'"0.7197141500975687" ESTIMABLE="YES" EVENTS_1="{r.randrange(n1 // 2)}" EVENTS_2='
                        f'"{r.randrange(n2 // 2)}" LOG_CI_END="0.025033846927611833" LOG_CI_START="-0.31071376430132247"'
                        f' LOG_EFFECT_SIZE="-0.1428399586868553" MODIFIED="2009-08-18 11:14:53 +0200" ORDER="{s}" '
                        f'O_E="0.0" SE="0.1972198088133556" STUDY_ID="STD-S{s}" TOTAL_1="{n1}" TOTAL_2="{n2}" '
                        f'VAR="0.038895652988376536" WEIGHT="3.176490004091248"/>\n')
            w.write("</DICH_OUTCOME>\n")
        w.write("</COMPARISON>\n")
    w.write("</ANALYSES_AND_DATA>\n</COCHRANE_REVIEW>\n")

# A 6 MB text dense in statistics: the scan corpus's eleven abstracts and tables, repeated.
corpus = "src/test/resources/scan/corpus"
parts = [open(os.path.join(corpus, f), encoding="utf-8").read() for f in sorted(os.listdir(corpus))]
with open(os.path.join(d, "corpus-6m.txt"), "w", encoding="utf-8", newline="\n") as w:
    size, i = 0, 0
    while size < 6_000_000:
        w.write(parts[i % len(parts)] + "\n\n")
        size += len(parts[i % len(parts)].encode("utf-8")) + 2
        i += 1
