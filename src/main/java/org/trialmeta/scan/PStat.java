package org.trialmeta.scan;

import org.trialmeta.model.PValue;

/**
 * A p-value as printed: "P&lt;0.001", "p = .03", "p&lt;0·0001", "P = 2.1 × 10⁻⁵".
 *
 * @param start    span start
 * @param end      span end
 * @param context  sentence or table row
 * @param column   table column, or -1
 * @param relation =, &lt; or &gt;
 * @param value    the printed number
 */
public record PStat(int start, int end, int context, int column, PValue.Relation relation, Num value)
        implements Statistic {
}
