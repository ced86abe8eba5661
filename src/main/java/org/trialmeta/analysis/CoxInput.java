package org.trialmeta.analysis;

import java.util.ArrayList;
import java.util.List;
import org.trialmeta.repository.CsvTable;

/**
 * The patients of a {@code cox} CSV: follow-up time, event indicator, numeric covariates and an optional stratum
 * label. Rows with a missing value are refused (no silent row dropping); every problem is an
 * {@link org.trialmeta.model.InputException} naming the file, line, column, value and rule.
 *
 * @param file     the input's name, for messages
 * @param time     follow-up times, &ge; 0
 * @param event    1 = event, 0 = censored
 * @param names    covariate names, in model order
 * @param columns  the covariates, one array per name, |x| &le; {@link #MAX_ABS_COVARIATE}
 * @param strata   stratum label per patient, or null
 */
public record CoxInput(String file, double[] time, int[] event, List<String> names, double[][] columns,
        String[] strata) {

    /**
     * Largest accepted |covariate|. The information matrix sums squared covariates weighted by
     * exp(x'beta); with |x| near 1e154 the squares overflow and the fit reports se 0 and p 0 for nonsense.
     * 1e15 is beyond any measured covariate in any unit (rescale otherwise).
     */
    public static final double MAX_ABS_COVARIATE = 1e15;

    public CoxInput {
        names = List.copyOf(names);
    }

    /** Reads and validates the columns; {@code strataColumn} may be null. */
    public static CoxInput read(CsvTable csv, String timeColumn, String eventColumn, List<String> covariates,
            String strataColumn) {
        List<String> required = new ArrayList<>(List.of(timeColumn, eventColumn));
        required.addAll(covariates);
        if (strataColumn != null) {
            required.add(strataColumn);
        }
        csv.requireColumns(required.toArray(String[]::new)).requireRows(1);
        double[] time = csv.doubles(timeColumn);
        for (int r = 0; r < time.length; r++) {
            if (time[r] < 0) { // coxph would only rank them, but a negative follow-up time is a data error (as km)
                throw csv.cellError(timeColumn, r, csv.string(timeColumn, r), "a time must not be negative");
            }
        }
        int[] event = csv.counts(eventColumn);
        for (int r = 0; r < event.length; r++) {
            if (event[r] > 1) {
                throw csv.cellError(eventColumn, r, Integer.toString(event[r]), "event must be 1 (event) or 0 (censored)");
            }
        }
        double[][] columns = new double[covariates.size()][];
        for (int k = 0; k < covariates.size(); k++) {
            String name = covariates.get(k);
            columns[k] = csv.doubles(name);
            for (int r = 0; r < columns[k].length; r++) {
                if (Math.abs(columns[k][r]) > MAX_ABS_COVARIATE) {
                    throw csv.cellError(name, r, csv.string(name, r),
                            "a covariate must be between -1e15 and 1e15 (rescale it)");
                }
            }
        }
        return new CoxInput(csv.name(), time, event, covariates, columns,
                strataColumn == null ? null : csv.labels(strataColumn));
    }
}
