package org.trialmeta.check;

import org.trialmeta.model.PValue;
import org.trialmeta.stats.Interval;

/**
 * A p-value as printed: "= 0.03" stands for [0.025, 0.035], "&lt; 0.001" for [0, 0.001], "&gt; 0.99" for
 * [0.99, 1].
 *
 * @param relation =, &lt; or &gt;
 * @param value    the printed number with its decimals
 */
record ReportedP(PValue.Relation relation, Printed value) {

    static ReportedP of(PValue p) {
        return new ReportedP(p.relation(), Printed.of(p.value()));
    }

    /** The p-values the printed one stands for. */
    Interval range() {
        double v = value.value();
        return switch (relation) {
            case EQUAL -> new Interval(Math.max(0, v - value.halfUnit()), Math.min(1, v + value.halfUnit()));
            case LESS -> new Interval(0, v);
            case GREATER -> new Interval(v, 1);
        };
    }

    /** "p = 0.03", "p < 0.001". */
    String text() {
        return "p " + relation.symbol() + " " + value.text();
    }
}
