package org.trialmeta.present;

import java.util.Locale;

/**
 * The house styles of the figures and their text, after each journal's published figure guidance and the layouts
 * R's {@code meta::forest(layout = "RevMan5" | "JAMA")} offers:
 * <ul>
 * <li>{@link #REVMAN5}: Cochrane RevMan 5 — "Study or Subgroup", Events/Total per arm, "Risk Ratio M-H, Random,
 *     95% CI" with {@code [a, b]}, "Heterogeneity: Tau² = …; Chi² = …, df = … (P = …); I² = …%", "Test for overall
 *     effect: Z = … (P = …)";</li>
 * <li>{@link #JAMA}: JAMA Network — "Source", CIs as {@code (a-b)}, P values without a leading zero ({@code P = .03},
 *     {@code P < .001});</li>
 * <li>{@link #BMJ}: The BMJ — "No of events/total", CIs as {@code (a to b)}, heterogeneity always shown;</li>
 * <li>{@link #META}: this program's own style, metafor's {@code forest()} text.</li>
 * </ul>
 */
public enum JournalStyle {
    REVMAN5(CiStyle.BRACKETS), JAMA(CiStyle.PAREN_DASH), BMJ(CiStyle.PAREN_TO), META(CiStyle.BRACKETS);

    private final CiStyle ciStyle;

    JournalStyle(CiStyle ciStyle) {
        this.ciStyle = ciStyle;
    }

    /** How this style writes a confidence interval. */
    public CiStyle ciStyle() {
        return ciStyle;
    }

    /** The style named {@code text} (revman5, jama, bmj, meta; any case), or null. */
    public static JournalStyle fromName(String text) {
        for (JournalStyle s : values()) {
            if (s.name().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        return null;
    }

    /** The name on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A p-value as this style prints it, with its relation: RevMan "= 0.02" / "< 0.00001" (two decimals from 0.01,
     * then as many as the first significant digit needs, down to 0.00001); JAMA "= .03" / "< .001" (no leading zero,
     * two decimals from .01, three below); The BMJ and meta "= 0.03" / "< 0.001" ({@link Formats#pJournal}).
     */
    public String pRelation(Double p) {
        if (p == null || !Double.isFinite(p)) {
            return "= " + Formats.MISSING;
        }
        return switch (this) {
            case REVMAN5 -> {
                if (p < 0.00001) {
                    yield "< 0.00001";
                }
                int decimals = p >= 0.01 ? 2 : Math.min(5, (int) Math.ceil(-Math.log10(p)));
                String t = Formats.fixed(p, decimals);
                yield "= " + (t.equals(Formats.fixed(0, decimals)) ? Formats.fixed(p, 5) : t);
            }
            case JAMA -> {
                String t = Formats.pJournal(p);
                yield (t.startsWith("<") || t.startsWith(">") ? t.charAt(0) + " " + t.substring(1) : "= " + t)
                        .replace("0.", ".");
            }
            case BMJ, META -> {
                String t = Formats.pJournal(p);
                yield t.startsWith("<") || t.startsWith(">") ? t.charAt(0) + " " + t.substring(1) : "= " + t;
            }
        };
    }
}
