package org.trialmeta.analysis;

import org.trialmeta.repository.Messages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trialmeta.model.InputException;

/**
 * What the publication reports for the curves being reconstructed, to compare the reconstruction with: the hazard
 * ratio with its interval, and medians per arm. Parsed from {@code --reported-hr HR,LOWER,UPPER} and
 * {@code --reported-median [ARM=]MEDIAN[,LOWER,UPPER]} (MEDIAN may be NR, not reached).
 *
 * @param hazardRatio the reported HR of the first arm against the second, or null
 * @param medians     reported medians by arm name
 */
public record ReportedFigures(Value hazardRatio, Map<String, Value> medians) {

    /**
     * A reported estimate with its interval when given.
     *
     * @param estimate the value; null for a median not reached
     * @param lower    lower confidence limit, or null
     * @param upper    upper confidence limit, or null (also when not reached)
     */
    public record Value(Double estimate, Double lower, Double upper) {}

    public ReportedFigures {
        medians = Map.copyOf(medians);
    }

    /**
     * Parses the options.
     *
     * @param hr      {@code --reported-hr}, or null
     * @param medians {@code --reported-median} values
     * @param arms    the arm names in order (a median without {@code ARM=} belongs to the only arm)
     */
    public static ReportedFigures parse(String hr, List<String> medians, List<String> arms) {
        Value h = null;
        if (hr != null) {
            String[] p = hr.split(",", -1);
            if (p.length != 3) {
                throw new InputException("--reported-hr: '" + hr + "' (expected HR,LOWER,UPPER, e.g. 0.52,0.31,0.87)");
            }
            double[] v = new double[3];
            for (int i = 0; i < 3; i++) {
                v[i] = positive("--reported-hr", hr, p[i]);
            }
            if (!(v[1] <= v[0] && v[0] <= v[2])) {
                throw new InputException("--reported-hr: '" + hr + "' (the HR must lie within its interval)");
            }
            h = new Value(v[0], v[1], v[2]);
        }
        Map<String, Value> m = new HashMap<>();
        for (String spec : medians) {
            int eq = spec.indexOf('=');
            String arm = eq < 0 ? (arms.size() == 1 ? arms.get(0) : null) : spec.substring(0, eq).strip();
            if (arm == null || !arms.contains(arm)) {
                throw new InputException("--reported-median: '" + spec + "' (" + (arm == null
                        ? "name the arm, ARM=MEDIAN[,LOWER,UPPER]" : "no arm named '" + arm + "'") + "; arms: "
                        + Messages.list(arms) + ")");
            }
            if (m.containsKey(arm)) {
                throw new InputException("--reported-median " + arm + ": given twice");
            }
            String[] p = spec.substring(eq + 1).split(",", -1);
            if (p.length != 1 && p.length != 3) {
                throw new InputException("--reported-median: '" + spec + "' (expected [ARM=]MEDIAN[,LOWER,UPPER];"
                        + " MEDIAN or UPPER may be NR)");
            }
            Double med = nr(p[0]) ? null : positive("--reported-median", spec, p[0]);
            Double lo = p.length == 3 ? positive("--reported-median", spec, p[1]) : null;
            Double up = p.length == 3 && !nr(p[2]) ? positive("--reported-median", spec, p[2]) : null;
            if (med != null && lo != null && (lo > med || (up != null && up < med))) {
                throw new InputException("--reported-median: '" + spec + "' (the median must lie within its interval)");
            }
            m.put(arm, new Value(med, lo, up));
        }
        return new ReportedFigures(h, m);
    }

    private static boolean nr(String s) {
        return s.strip().equalsIgnoreCase("NR");
    }

    private static double positive(String option, String value, String part) {
        try {
            double v = Double.parseDouble(part.strip());
            if (v > 0 && Double.isFinite(v) && part.strip().matches("[0-9.eE+-]+")) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new InputException(option + ": '" + value + "' ('" + part.strip() + "' is not a number > 0)");
    }
}
