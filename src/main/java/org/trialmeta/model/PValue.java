package org.trialmeta.model;

import java.util.Locale;

/**
 * A p-value as a source prints it: {@code 0.03} ({@link Relation#EQUAL}), {@code <0.001} ({@link Relation#LESS})
 * or {@code >0.99} ({@link Relation#GREATER}); two-sided unless the source says otherwise.
 *
 * @param relation how the value relates to the p-value
 * @param value    the printed number, in [0, 1]
 */
public record PValue(Relation relation, double value) {

    /** How a printed p-value relates to the true one. */
    public enum Relation {
        /** {@code p = 0.03}: the p-value rounds to the printed number. */
        EQUAL("="),
        /** {@code p < 0.001}. */
        LESS("<"),
        /** {@code p > 0.99}. */
        GREATER(">");

        private final String symbol;

        Relation(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public PValue {
        Checks.required("p.relation", relation);
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("p: " + Checks.num(value) + " (a p-value lies in [0, 1])");
        }
    }

    public static PValue equal(double value) {
        return new PValue(Relation.EQUAL, value);
    }

    /**
     * The p-value written as in a trial file or a paper: {@code 0.03}, {@code <0.001}, {@code < .0001},
     * {@code >0.99} (spaces and a missing leading zero accepted).
     *
     * @throws IllegalArgumentException naming the text and the rule when it is not a p-value
     */
    public static PValue parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        Relation r = Relation.EQUAL;
        if (t.startsWith("<=") || t.startsWith("\u2264")) {
            r = Relation.LESS;
            t = t.substring(t.startsWith("<=") ? 2 : 1);
        } else if (t.startsWith("<")) {
            r = Relation.LESS;
            t = t.substring(1);
        } else if (t.startsWith(">=") || t.startsWith("\u2265")) {
            r = Relation.GREATER;
            t = t.substring(t.startsWith(">=") ? 2 : 1);
        } else if (t.startsWith(">")) {
            r = Relation.GREATER;
            t = t.substring(1);
        } else if (t.startsWith("=")) {
            t = t.substring(1);
        }
        if (!t.matches("(?:0|1)?\\.\\d{1,12}|[01](?:\\.0{1,12})?")) {
            throw new IllegalArgumentException("p: '" + text + "' (a p-value such as 0.03, <0.001 or >0.99)");
        }
        return new PValue(r, Double.parseDouble(t.startsWith(".") ? "0" + t : t));
    }

    /** "0.03", "<0.001", "<0.0001" (never an exponent, so that the text parses back). */
    @Override
    public String toString() {
        return (relation == Relation.EQUAL ? "" : relation.symbol())
                + java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
