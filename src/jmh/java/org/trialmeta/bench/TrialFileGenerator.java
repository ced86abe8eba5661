package org.trialmeta.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a directory of generated, valid trial files for load benchmarks: {@code sources.yaml} plus
 * {@code trial-00000.yaml} ... (about 2.2 KB each, two arms, seven outcomes: ORR overall and KRAS mutant, PFS
 * with a hazard ratio against the control arm, OS, a biomarker change; ORR and PFS in the control arm).
 * Seeded ({@code SplittableRandom(20261125 + i)} per file), so the same {@code n} gives the same bytes.
 *
 * <p>JDK only, so it also runs as a single source file without a build:
 * {@code java src/jmh/java/org/trialmeta/bench/TrialFileGenerator.java DIR [N]} (what {@code bench/gen-trials.sh}
 * does). {@code LoadBenchmark} calls {@link #write(Path, int)} in its setup.
 */
public final class TrialFileGenerator {

    public static final long SEED = 20261125L;
    public static final int OUTCOMES_PER_FILE = 7;

    private TrialFileGenerator() {}

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: TrialFileGenerator DIR [N (default 10000)]");
            System.exit(2);
        }
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path dir = Path.of(args[0]);
        write(dir, n);
        System.out.printf(Locale.ROOT, "wrote %d trial files (%d outcomes) and sources.yaml to %s%n", n,
                n * OUTCOMES_PER_FILE, dir);
    }

    /** Writes {@code sources.yaml} and {@code n} trial files into {@code dir} (created when missing). */
    public static void write(Path dir, int n) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("sources.yaml"), SOURCES, StandardCharsets.UTF_8);
            for (int i = 0; i < n; i++) {
                String id = String.format(Locale.ROOT, "trial-%05d", i);
                Files.writeString(dir.resolve(id + ".yaml"), trial(id, new SplittableRandom(SEED + i)),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String SOURCES = """
            sources:
              - id: src-a
                citation: "Generated A et al. J Example 2020"
                kind: peer_reviewed
              - id: src-b
                citation: "Generated conference report"
                kind: conference_report
            """;

    /** The text of one valid trial file. */
    static String trial(String id, SplittableRandom rnd) {
        int nDrug = 20 + rnd.nextInt(180);
        int nCtrl = 20 + rnd.nextInt(180);
        int evalDrug = nDrug - rnd.nextInt(5);
        int evalCtrl = nCtrl - rnd.nextInt(5);
        int respDrug = rnd.nextInt(evalDrug + 1);
        int respCtrl = rnd.nextInt(evalCtrl + 1);
        int evalMut = Math.max(1, evalDrug / 2);
        int respMut = rnd.nextInt(evalMut + 1);
        double pfs = 2 + rnd.nextDouble() * 20;
        double pfsCtrl = 1 + rnd.nextDouble() * 10;
        double os = pfs + 3 + rnd.nextDouble() * 20;
        double hr = 0.3 + rnd.nextDouble() * 1.2;
        StringBuilder sb = new StringBuilder(2600);
        sb.append("id: ").append(id).append('\n')
          .append("name: Generated trial ").append(id).append('\n')
          .append(String.format(Locale.ROOT, "registryIds: [NCT%08d]%n", rnd.nextInt(100_000_000)))
          .append("phase: phase_2\n")
          .append("design: randomised two-arm\n")
          .append("setting: clinical\n")
          .append("species: human\n")
          .append("indication: generated solid tumour\n")
          .append("sources: [src-a, src-b]\n")
          .append("subgroups:\n")
          .append("  - id: overall\n    name: All patients\n")
          .append("  - id: kras_mutant\n    name: KRAS mutant\n    biomarker: {name: KRAS, status: mutant}\n")
          .append("cuts:\n")
          .append("  - id: final\n    label: Final\n    cutoff: 2024-06-30\n")
          .append("    provenance: {source: src-a, locator: Methods, status: confirmed}\n")
          .append("arms:\n")
          .append("  - id: drug\n    name: Drug\n")
          .append("    n: ").append(nDrug).append('\n')
          .append("    interventions:\n      - {agent: drug, dose: 10 mg, schedule: daily}\n")
          .append("    outcomes:\n");
        binary(sb, "overall", respDrug, evalDrug, true);
        binary(sb, "kras_mutant", respMut, evalMut, false);
        sb.append("      - kind: time_to_event\n        endpoint: PFS\n        subgroup: overall\n        cut: final\n")
          .append("        unit: months\n")
          .append(String.format(Locale.ROOT, "        median: %.1f%n", pfs))
          .append(String.format(Locale.ROOT, "        ci: {lower: %.1f, upper: %.1f, level: 95}%n", pfs * 0.7, pfs * 1.5))
          .append("        events: ").append(evalDrug / 2).append("\n        n: ").append(evalDrug).append('\n')
          .append(String.format(Locale.ROOT, "        hazardRatio: {value: %.2f, ci: {lower: %.2f, upper: %.2f, level: 95},"
                  + " comparator: control}%n", hr, hr * 0.7, hr * 1.4))
          .append("        provenance: {source: src-a, locator: Figure 1, status: confirmed}\n")
          .append("      - kind: time_to_event\n        endpoint: OS\n        subgroup: overall\n        cut: final\n")
          .append("        unit: months\n")
          .append(String.format(Locale.ROOT, "        median: %.1f%n", os))
          .append("        provenance: {source: src-a, locator: Figure 2, status: confirmed}\n")
          .append("      - kind: biomarker_change\n        marker: pFAK\n        subgroup: overall\n        cut: final\n")
          .append("        compartment: tumour\n        direction: decreased\n")
          .append("        magnitude: {value: ").append(10 + rnd.nextInt(80)).append(", unit: percent}\n")
          .append("        provenance: {source: src-b, locator: slide 4, status: secondary}\n")
          .append("  - id: control\n    name: Control\n    control: true\n")
          .append("    n: ").append(nCtrl).append('\n')
          .append("    interventions:\n      - {agent: placebo}\n")
          .append("    outcomes:\n");
        binary(sb, "overall", respCtrl, evalCtrl, true);
        sb.append("      - kind: time_to_event\n        endpoint: PFS\n        subgroup: overall\n        cut: final\n")
          .append("        unit: months\n")
          .append(String.format(Locale.ROOT, "        median: %.1f%n", pfsCtrl))
          .append("        provenance: {source: src-a, locator: Figure 1, status: confirmed}\n");
        return sb.toString();
    }

    private static void binary(StringBuilder sb, String subgroup, int responders, int evaluable, boolean reported) {
        sb.append("      - kind: binary\n        endpoint: ORR\n        subgroup: ").append(subgroup)
          .append("\n        cut: final\n        responders: ").append(responders)
          .append("\n        evaluable: ").append(evaluable).append('\n');
        if (reported) {
            double p = 100.0 * responders / evaluable;
            sb.append(String.format(Locale.ROOT, "        reported:%n          percent: %.1f%n"
                    + "          ci: {lower: %.1f, upper: %.1f, level: 95}%n", p, Math.max(0, p - 10), Math.min(100, p + 10)));
        }
        sb.append("        provenance: {source: src-a, locator: Table 2, status: confirmed}\n");
    }
}
