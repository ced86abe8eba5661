package org.trialmeta.stats.survival;

import java.util.List;

/**
 * Kaplan-Meier curves of several groups, as {@code survfit(Surv(time, status) ~ group)}: one curve per level of
 * the group factor, in the factor's order ({@link Factor}).
 *
 * @param labels the group labels (the factor's levels), in order
 * @param curves the curve of each group, same order
 */
public record KaplanMeierGroups(List<String> labels, List<KaplanMeierCurve> curves) {

    public KaplanMeierGroups {
        labels = List.copyOf(labels);
        curves = List.copyOf(curves);
        if (labels.size() != curves.size() || labels.isEmpty()) {
            throw new IllegalArgumentException(labels.size() + " labels and " + curves.size()
                    + " curves (need one curve per label, at least one)");
        }
    }

    /** Number of groups. */
    public int size() {
        return curves.size();
    }
}
