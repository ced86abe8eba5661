package org.trialmeta.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Valid trial files in the style of {@code src/jmh/java/org/trialmeta/bench/TrialFileGenerator} (not on the test
 * classpath), with seeded variations of layout: sequences indented under their key or at its indentation, nested
 * blocks shifted further in, quoted or plain text, comments, blank lines, spaces after colons, CRLF line ends. Every file
 * cites {@code src-a}/{@code src-b} of {@link #SOURCES}.
 */
public final class GeneratedTrials {

    public static final String SOURCES = """
            sources:
              - id: src-a
                citation: "Generated A et al. J Example 2020"
                kind: peer_reviewed
              - id: src-b
                citation: 'Generated conference report'
                kind: conference_report
            """;

    private GeneratedTrials() {}

    /** {@code n} trial files, the i-th from {@code SplittableRandom(seed + i)}, with ids {@code gen-00000} .... */
    public static List<String> files(int n, long seed) {
        List<String> files = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            files.add(trial(String.format(Locale.ROOT, "gen-%05d", i), new SplittableRandom(seed + i)));
        }
        return files;
    }

    /** The text of one valid trial file, laid out in one of several styles. */
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
        String q = switch (rnd.nextInt(3)) {
            case 0 -> "";
            case 1 -> "\"";
            default -> "'";
        };
        StringBuilder sb = new StringBuilder(2600);
        if (rnd.nextInt(4) == 0) {
            sb.append("# generated trial ").append(id).append("\n\n");
        }
        sb.append("id: ").append(id).append('\n')
          .append("name: ").append(q).append("Generated trial ").append(id).append(q).append('\n')
          .append(rnd.nextBoolean()
                  ? String.format(Locale.ROOT, "registryIds: [NCT%08d]%n", rnd.nextInt(100_000_000))
                  : String.format(Locale.ROOT, "registryIds:%n  - %sNCT%08d%s%n", q, rnd.nextInt(100_000_000), q))
          .append("phase: phase_2\n")
          .append("design: ").append(q).append("randomised two-arm").append(q).append('\n')
          .append("setting: clinical\n")
          .append("species: human").append(rnd.nextInt(3) == 0 ? "   # as reported" : "").append('\n')
          .append("indication: generated solid tumour\n")
          .append(rnd.nextBoolean() ? "sources: [src-a, src-b]\n" : "sources: ['src-a', \"src-b\"]\n")
          .append("subgroups:\n")
          .append("  - id: overall\n    name: All patients\n")
          .append("  - id: kras_mutant\n    name: KRAS mutant\n")
          .append(rnd.nextBoolean() ? "    biomarker: {name: KRAS, status: mutant}\n"
                  : "    biomarker:\n      name: KRAS\n      status: mutant\n")
          .append("cuts:\n")
          .append("  - id: final\n    label: Final\n    cutoff: ")
          .append(rnd.nextBoolean() ? "2024-06-30" : "'2024-06-30'").append('\n')
          .append("    provenance: {source: src-a, locator: Methods, status: confirmed}\n")
          .append("arms:\n")
          .append("  - id: drug\n    name: Drug\n")
          .append("    n: ").append(nDrug).append('\n')
          .append("    interventions:\n      - {agent: drug, dose: 10 mg, schedule: daily}\n")
          .append("    outcomes:\n");
        binary(sb, "overall", respDrug, evalDrug, true, rnd);
        binary(sb, "kras_mutant", respMut, evalMut, false, rnd);
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
          .append("        provenance: {source: src-a, locator: \"Figure 2\", status: confirmed}\n")
          .append("      - kind: biomarker_change\n        marker: pFAK\n        subgroup: overall\n        cut: final\n")
          .append("        compartment: tumour\n        direction: decreased\n")
          .append("        magnitude: {value: ").append(10 + rnd.nextInt(80)).append(", unit: percent}\n")
          .append("        provenance: {source: src-b, locator: 'slide 4', status: secondary}\n")
          .append("  - id: control\n    name: Control\n    control: true\n")
          .append("    n: ").append(nCtrl).append('\n')
          .append("    interventions:\n      - {agent: placebo}\n")
          .append("    outcomes:\n");
        binary(sb, "overall", respCtrl, evalCtrl, true, rnd);
        sb.append("      - kind: time_to_event\n        endpoint: PFS\n        subgroup: overall\n        cut: final\n")
          .append("        unit: months\n")
          .append(String.format(Locale.ROOT, "        median: %.1f%n", pfsCtrl))
          .append("        provenance: {source: src-a, locator: Figure 1, status: confirmed}\n");
        String text = sb.toString();
        if (rnd.nextInt(3) == 0) {
            text = text.replaceAll("(?m)^  ", ""); // sequences at their key's indentation
        } else if (rnd.nextInt(4) == 0) {
            text = text.replaceAll("(?m)^( +)", "  $1"); // every nested block two columns further in
        }
        if (rnd.nextInt(5) == 0) {
            text = text.replace("\nsubgroups:", "\n\n# subgroups\nsubgroups:").replace("\narms:", "\n   \narms:");
        }
        if (rnd.nextInt(5) == 0) {
            text = text.replace("name: ", "name:   ");
        }
        if (rnd.nextInt(4) == 0) {
            text = text.replace("\n", "\r\n");
        }
        return text;
    }

    private static void binary(StringBuilder sb, String subgroup, int responders, int evaluable, boolean reported,
            SplittableRandom rnd) {
        sb.append("      - kind: binary\n        endpoint: ORR\n        subgroup: ").append(subgroup)
          .append("\n        cut: final\n        responders: ").append(responders)
          .append("\n        evaluable: ").append(evaluable).append('\n');
        if (reported) {
            double p = 100.0 * responders / evaluable;
            sb.append(String.format(Locale.ROOT, "        reported:%n          percent: %.1f%n"
                    + "          ci: {lower: %.1f, upper: %.1f, level: 95}%n", p, Math.max(0, p - 10), Math.min(100, p + 10)));
        }
        sb.append("        provenance: {source: src-a, locator: Table 2, status: confirmed}")
          .append(rnd.nextInt(4) == 0 ? "  # checked" : "").append('\n');
    }
}
