package org.trialmeta.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Test of proportional hazards for a fitted Cox model, as survival 3.5's
 * {@code cox.zph(fit, transform = "km", terms = TRUE)}.
 *
 * <p>Since survival 3.0 this is a score test, not a regression of scaled Schoenfeld residuals: the
 * model is extended by the time-varying terms x·g(t), where g(t) = 1 − KM(t−) (the Kaplan-Meier of all
 * subjects, ignoring strata, just before t) centred on its mean over the event times, and the score
 * test for those p extra coefficients is computed at (beta_hat, 0) in one pass ({@code zph1.c}):
 * u = (0, Σ_events g(t)(x − x̄(t))) and the full 2p × 2p information I; per covariate
 * chisq = u_k' I_kk⁻¹ u_k on the block of the p model terms plus that covariate's x·g(t) term (1 df),
 * and GLOBAL = u' I⁻¹ u on p df.
 *
 * <p>Grambsch PM, Therneau TM. Proportional hazards tests and diagnostics based on weighted
 * residuals. Biometrika 1994;81:515–526. Therneau TM. survival package vignette, 2020.
 */
public final class ProportionalHazardsTest {

    private ProportionalHazardsTest() {}

    /** The time transform g(t); only R's default is implemented. */
    public enum Transform {
        /** g(t) = 1 − KM(t−), R's {@code transform = "km"}. */
        KM
    }

    /**
     * One row of {@code cox.zph(fit)$table}: the chi-square test, or empty when the information matrix
     * of the extended model is singular (R's {@code solve} stops with "system is exactly singular"), e.g.
     * when g(t) takes one value over all event times.
     */
    public record Row(String term, Optional<CoxTest> test) {
        public Row {
            Objects.requireNonNull(term, "term");
            Objects.requireNonNull(test, "test (Optional.empty() when not estimable)");
        }
    }

    /**
     * The test result.
     *
     * @param transform time transform used
     * @param terms one row per estimable covariate
     * @param global the GLOBAL row
     */
    public record Result(Transform transform, List<Row> terms, Row global) {
        public Result {
            Objects.requireNonNull(transform, "transform");
            terms = List.copyOf(terms);
            Objects.requireNonNull(global, "global");
        }
    }

    /**
     * Tests proportional hazards for {@code fit}, which must have been fitted on exactly these data.
     *
     * @param fit the fitted model (aliased covariates are left out, as R does)
     * @param rawTime follow-up times (merged as {@link CoxRegression#timefix})
     * @param status 1 = event, 0 = censored
     * @param columns covariate columns as given to {@link CoxRegression#fit}
     * @param strata stratum codes, or null
     */
    public static Result zph(CoxModel fit, double[] rawTime, int[] status, double[][] columns, int[] strata) {
        int n = rawTime.length;
        double[] time = CoxRegression.timefix(rawTime);
        if (status.length != n || fit.n() != n || columns.length != fit.coefficients().size()) {
            throw new IllegalArgumentException("zph: data (n = " + n + ", " + columns.length
                    + " covariates) do not match the fit (n = " + fit.n() + ", " + fit.coefficients().size()
                    + " covariates)");
        }
        if (strata != null && strata.length != n) {
            throw new IllegalArgumentException("zph: strata has " + strata.length + " values, time has " + n);
        }
        List<String> names = new ArrayList<>();
        List<double[]> kept = new ArrayList<>();
        for (int k = 0; k < columns.length; k++) {
            if (fit.coefficients().get(k).estimate().isPresent()) {
                names.add(fit.coefficients().get(k).name());
                kept.add(columns[k]);
            }
        }
        int p = kept.size();
        double[] eta = fit.linearPredictors();

        // g(t) = 1 - KM(t-) over all subjects, centred on its mean over events
        double[] g = kmTransform(time, status);
        double gmean = 0;
        int events = 0;
        for (int i = 0; i < n; i++) {
            if (status[i] == 1) {
                gmean += g[i];
                events++;
            }
        }
        gmean /= events;
        for (int i = 0; i < n; i++) {
            g[i] -= gmean;
        }

        // covariates recentred on their plain mean (zph1.c)
        double[][] x = new double[p][];
        for (int k = 0; k < p; k++) {
            double[] c = kept.get(k);
            double m = 0;
            for (double v : c) {
                m += v;
            }
            m /= n;
            x[k] = new double[n];
            for (int i = 0; i < n; i++) {
                x[k][i] = c[i] - m;
            }
        }

        int[] boxed = CoxSortOrder.byStrataThenTime(time, strata);

        boolean efron = fit.ties() == Ties.EFRON;
        double[] u = new double[2 * p];
        double[][] imat = new double[2 * p][2 * p];
        double[] a = new double[p];
        double[] a2 = new double[p];
        double[][] cmat = new double[p][p];
        double[][] cmat2 = new double[p][p];
        double denom = 0;
        int cstrat = Integer.MIN_VALUE;
        boolean first = true;
        int ip = n - 1;
        while (ip >= 0) {
            int person = boxed[ip];
            int sp = strata == null ? 0 : strata[person];
            if (first || sp != cstrat) {
                first = false;
                cstrat = sp;
                denom = 0;
                Arrays.fill(a, 0);
                for (double[] row : cmat) {
                    Arrays.fill(row, 0);
                }
            }
            double dtime = time[person];
            double timewt = g[person];
            int ndead = 0;
            double deadwt = 0;
            double denom2 = 0;
            for (; ip >= 0; ip--) {
                person = boxed[ip];
                if (time[person] != dtime || (strata == null ? 0 : strata[person]) != cstrat) {
                    break;
                }
                double risk = Math.exp(eta[person]);
                if (status[person] == 0) {
                    denom += risk;
                    for (int i = 0; i < p; i++) {
                        a[i] += risk * x[i][person];
                        for (int j = 0; j <= i; j++) {
                            cmat[i][j] += risk * x[i][person] * x[j][person];
                        }
                    }
                } else {
                    ndead++;
                    deadwt += 1;
                    denom2 += risk;
                    for (int i = 0; i < p; i++) {
                        u[i] += x[i][person];
                        u[i + p] += timewt * x[i][person];
                        a2[i] += risk * x[i][person];
                        for (int j = 0; j <= i; j++) {
                            cmat2[i][j] += risk * x[i][person] * x[j][person];
                        }
                    }
                }
            }
            if (ndead > 0) {
                if (!efron) {
                    denom += denom2;
                    for (int i = 0; i < p; i++) {
                        a[i] += a2[i];
                        double mean = a[i] / denom;
                        u[i] -= deadwt * mean;
                        u[i + p] -= timewt * deadwt * mean;
                        for (int j = 0; j <= i; j++) {
                            cmat[i][j] += cmat2[i][j];
                            double temp = deadwt * (cmat[i][j] - mean * a[j]) / denom;
                            imat[j][i] += temp;
                            imat[j][i + p] += temp * timewt;
                            imat[j + p][i + p] += temp * timewt * timewt;
                        }
                    }
                } else {
                    double wtave = deadwt / ndead;
                    for (int k = 0; k < ndead; k++) {
                        denom += denom2 / ndead;
                        for (int i = 0; i < p; i++) {
                            a[i] += a2[i] / ndead;
                            double mean = a[i] / denom;
                            u[i] -= wtave * mean;
                            u[i + p] -= timewt * wtave * mean;
                            for (int j = 0; j <= i; j++) {
                                cmat[i][j] += cmat2[i][j] / ndead;
                                double temp = wtave * (cmat[i][j] - mean * a[j]) / denom;
                                imat[j][i] += temp;
                                imat[j][i + p] += timewt * temp;
                                imat[j + p][i + p] += timewt * timewt * temp;
                            }
                        }
                    }
                }
                Arrays.fill(a2, 0);
                for (double[] row : cmat2) {
                    Arrays.fill(row, 0);
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                imat[i][j] = imat[j][i];
                imat[i][j + p] = imat[j][i + p];
                imat[i + p][j + p] = imat[j + p][i + p];
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                imat[i + p][j] = imat[j][i + p];
            }
        }

        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < p; t++) {
            int[] kk = new int[p + 1];
            for (int i = 0; i < p; i++) {
                kk[i] = i;
            }
            kk[p] = p + t;
            double[][] sub = new double[p + 1][p + 1];
            for (int i = 0; i <= p; i++) {
                for (int j = 0; j <= p; j++) {
                    sub[i][j] = imat[kk[i]][kk[j]];
                }
            }
            double[] ut = new double[p + 1];
            ut[p] = u[p + t];
            rows.add(new Row(names.get(t), quadratic(sub, ut).map(chisq -> CoxTest.of(chisq, 1))));
        }
        double[] ug = new double[2 * p];
        System.arraycopy(u, p, ug, p, p);
        final int df = p;
        return new Result(Transform.KM, rows, new Row("GLOBAL", quadratic(imat, ug).map(c -> CoxTest.of(c, df))));
    }

    /** u' M⁻¹ u via LU, as R's {@code solve(M, u) %*% u}; empty when M is singular or the result not finite. */
    private static Optional<Double> quadratic(double[][] m, double[] u) {
        for (double[] row : m) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return Optional.empty();
                }
            }
        }
        LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(m, false));
        if (!lu.getSolver().isNonSingular()) {
            return Optional.empty();
        }
        RealVector sol = lu.getSolver().solve(new ArrayRealVector(u, false));
        double q = sol.dotProduct(new ArrayRealVector(u, false));
        return Double.isFinite(q) && q >= -1e-8 * (1 + Math.abs(q)) ? Optional.of(Math.max(q, 0.0)) : Optional.empty();
    }

    /** 1 − KM(t_i−) for every subject: the Kaplan-Meier of all subjects just before each time. */
    static double[] kmTransform(double[] time, int[] status) {
        int n = time.length;
        int[] idx = CoxSortOrder.byStrataThenTime(time, null);
        double[] out = new double[n];
        double surv = 1;
        int r = 0;
        while (r < n) {
            int e = r;
            int deaths = 0;
            while (e < n && time[idx[e]] == time[idx[r]]) {
                deaths += status[idx[e]];
                e++;
            }
            for (int k = r; k < e; k++) {
                out[idx[k]] = 1 - surv;
            }
            int atRisk = n - r;
            surv *= 1 - (double) deaths / atRisk;
            r = e;
        }
        return out;
    }
}
