package org.trialmeta.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialmeta.stats.Interval;

/**
 * Cox proportional-hazards regression for right-censored data, numerically as survival 3.5.3's
 * {@code coxph(Surv(time, status) ~ x1 + ... + strata(s), ties = "efron" | "breslow")}.
 *
 * <p>The fit follows {@code coxph.fit} / {@code coxfit6.c} step by step: covariates whose values are
 * not all in {-1, 0, 1} are centred on their mean and scaled by n / Σ|x − mean| (the default
 * {@code nocenter = c(-1, 0, 1)}); Newton-Raphson from beta = 0; a step that lowers the partial
 * log-likelihood (or overflows) is pulled back towards the last accepted beta,
 * {@code new = (new + h·old)/(h + 1)} with h = 1, 2, ...; convergence when
 * {@code |1 − loglik_old / loglik_new| <= eps} ({@code eps = 1e-9}, {@code iter.max = 20},
 * {@code toler.chol = .Machine$double.eps^0.75}, {@code toler.inf = sqrt(eps)}). Each iteration is a
 * single backward pass over the data sorted by (stratum, time), accumulating the risk-set sums
 * Σ r, Σ r x, Σ r x x' from the last time, O(n p²) per iteration. Ties: Efron 1977 (default) or
 * Breslow 1974. Variance = inverse information at the estimate; Wald, likelihood-ratio and score
 * tests as {@code summary(fit)}; concordance as {@code concordance(fit)}.
 *
 * <p>Times that differ only by floating-point noise are merged first, as coxph's default
 * {@code timefix = TRUE} ({@link #timefix}, survival's {@code aeqSurv}). Not done: case weights, offsets,
 * (start, stop] data, clustering/robust variance.
 *
 * <p>Cox DR. Regression models and life-tables. J R Stat Soc B 1972;34:187–220. Therneau TM,
 * Grambsch PM. Modeling Survival Data: Extending the Cox Model. Springer 2000.
 */
public final class CoxRegression {

    /** Relative change in log-likelihood that ends the iteration ({@code coxph.control()$eps}). */
    public static final double EPS = 1e-9;
    /** Maximum Newton-Raphson iterations ({@code coxph.control()$iter.max}). */
    public static final int ITER_MAX = 20;
    /** Pivot tolerance of the Cholesky factorisation ({@code .Machine$double.eps^0.75}). */
    public static final double TOLER_CHOL = Math.pow(Math.ulp(1.0), 0.75);
    /** Threshold of the "coefficient may be infinite" check ({@code sqrt(eps)}). */
    public static final double TOLER_INF = Math.sqrt(EPS);

    private CoxRegression() {}

    /**
     * Fits the model with Efron ties, no strata and 95% hazard-ratio intervals.
     *
     * @see #fit(double[], int[], double[][], List, int[], Ties, double)
     */
    public static CoxModel fit(double[] time, int[] status, double[][] columns, List<String> names) {
        return fit(time, status, columns, names, null, Ties.EFRON, 0.95);
    }

    /**
     * Fits a Cox model.
     *
     * @param rawTime follow-up time per subject (finite); times closer than sqrt(machine eps), absolutely
     *     or relative to the mean |time|, are merged as coxph's {@code timefix = TRUE} ({@link #timefix})
     * @param status 1 = event, 0 = censored, per subject
     * @param columns covariates by column: {@code columns[k][i]} is covariate k of subject i (finite)
     * @param names covariate names, one per column
     * @param strata stratum code per subject, or {@code null} for no strata (as {@code strata(s)})
     * @param ties tie handling
     * @param level confidence level of the hazard-ratio intervals, in (0, 1)
     */
    public static CoxModel fit(double[] rawTime, int[] status, double[][] columns, List<String> names, int[] strata,
            Ties ties, double level) {
        int n = rawTime.length;
        int p = columns.length;
        validate(rawTime, status, columns, names, strata, ties, level);
        double[] time = timefix(rawTime);

        // sort by (stratum, time); the stable sort keeps input order within ties, as R's order()
        int[] order = CoxSortOrder.byStrataThenTime(time, strata);
        Data d = new Data(n, p, ties == Ties.EFRON);
        int events = 0;
        int nStrata = 1;
        for (int r = 0; r < n; r++) {
            int i = order[r];
            d.time[r] = time[i];
            d.status[r] = status[i];
            events += status[i];
            for (int k = 0; k < p; k++) {
                d.x[k][r] = columns[k][i];
            }
            d.stratumEnd[r] = r == n - 1 || (strata != null && strata[order[r + 1]] != strata[i]);
            if (r < n - 1 && d.stratumEnd[r]) {
                nStrata++;
            }
        }
        if (events == 0) {
            throw new IllegalArgumentException("status has no events (all 0): a Cox model needs at least one event");
        }

        // centre and scale as coxfit6 (doscale = 0 for covariates with values in {-1, 0, 1})
        double[] means = new double[p];
        double[] scale = new double[p];
        for (int k = 0; k < p; k++) {
            double[] xk = d.x[k];
            boolean zeroOne = true;
            for (double v : xk) {
                if (v != -1 && v != 0 && v != 1) {
                    zeroOne = false;
                    break;
                }
            }
            if (zeroOne) {
                scale[k] = 1;
                continue;
            }
            double mean = 0;
            for (double v : xk) {
                mean += v;
            }
            mean /= n;
            means[k] = mean;
            double abs = 0;
            for (int r = 0; r < n; r++) {
                xk[r] -= mean;
                abs += Math.abs(xk[r]);
            }
            double s = abs > 0 ? n / abs : 1.0;
            scale[k] = s;
            for (int r = 0; r < n; r++) {
                xk[r] *= s;
            }
        }

        double[] beta = new double[p];
        double logLikNull = d.iterate(beta);
        double[] a = d.u.clone();
        int flag = CholeskyTwo.decompose(d.imat, TOLER_CHOL);
        CholeskyTwo.solve(d.imat, a);
        double scoreStat = 0;
        for (int k = 0; k < p; k++) {
            scoreStat += d.u[k] * a[k];
        }

        double logLik = logLikNull;
        double[] newBeta = new double[p];
        for (int k = 0; k < p; k++) {
            newBeta[k] = beta[k] + a[k];
        }
        int halving = 0;
        boolean converged = false;
        int iter;
        for (iter = 1; iter <= ITER_MAX; iter++) {
            double newLik = d.iterate(newBeta);
            flag = CholeskyTwo.decompose(d.imat, TOLER_CHOL);
            boolean notFinite = !Double.isFinite(newLik);
            for (int i = 0; i < p && !notFinite; i++) {
                if (!Double.isFinite(d.u[i])) {
                    notFinite = true;
                }
                for (int j = 0; j < p; j++) {
                    if (!Double.isFinite(d.imat[i][j])) {
                        notFinite = true;
                    }
                }
            }
            if (!notFinite && Math.abs(1 - logLik / newLik) <= EPS) {
                logLik = newLik;
                System.arraycopy(newBeta, 0, beta, 0, p);
                converged = true;
                break;
            }
            if (notFinite || newLik < logLik) {
                halving++;
                for (int k = 0; k < p; k++) {
                    newBeta[k] = (newBeta[k] + halving * beta[k]) / (halving + 1.0);
                }
            } else {
                halving = 0;
                logLik = newLik;
                double[] step = d.u.clone();
                CholeskyTwo.solve(d.imat, step);
                for (int k = 0; k < p; k++) {
                    beta[k] = newBeta[k];
                    newBeta[k] = newBeta[k] + step[k];
                }
            }
        }
        if (!converged) {
            // R recomputes the last accepted iterate
            logLik = d.iterate(beta);
            flag = CholeskyTwo.decompose(d.imat, TOLER_CHOL);
        }
        CholeskyTwo.invert(d.imat);
        double[] u = new double[p];
        double[][] var = new double[p][p];
        for (int i = 0; i < p; i++) {
            beta[i] *= scale[i];
            u[i] = d.u[i] / scale[i];
            for (int j = 0; j < p; j++) {
                var[i][j] = d.imat[i][j] * scale[i] * scale[j];
            }
        }

        boolean[] aliased = new boolean[p];
        int rank = 0;
        for (int k = 0; k < p; k++) {
            aliased[k] = flag < p && var[k][k] == 0;
            if (!aliased[k]) {
                rank++;
            }
        }
        if (rank == 0) {
            throw new IllegalArgumentException("no estimable covariate: every covariate is constant or aliased");
        }
        CoxConvergence state = CoxConvergence.CONVERGED;
        boolean[] infinite = new boolean[p];
        if (!converged) {
            state = CoxConvergence.NOT_CONVERGED;
        } else {
            for (int k = 0; k < p; k++) {
                double inf = 0;
                for (int j = 0; j < p; j++) {
                    inf += u[j] * var[j][k];
                }
                inf = Math.abs(inf);
                if (!Double.isFinite(u[k]) || (inf > EPS && inf > TOLER_INF * Math.abs(beta[k]))) {
                    state = CoxConvergence.INFINITE_COEFFICIENT;
                    infinite[k] = true;
                }
            }
        }

        double zq = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        List<CoxCoefficient> coefs = new ArrayList<>(p);
        for (int k = 0; k < p; k++) {
            if (aliased[k]) {
                coefs.add(new CoxCoefficient(names.get(k), Optional.empty(), false));
                continue;
            }
            double b = beta[k];
            double se = Math.sqrt(var[k][k]);
            double z = b / se;
            double pv = 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z));
            Interval ci = new Interval(Math.exp(b - zq * se), Math.exp(b + zq * se));
            coefs.add(new CoxCoefficient(names.get(k), Optional.of(
                    new CoxCoefficient.Estimate(b, se, Math.exp(b), ci, z, pv)), infinite[k]));
        }

        // Wald test on the estimable coefficients (coxph.wtest)
        int[] keep = new int[rank];
        for (int k = 0, m = 0; k < p; k++) {
            if (!aliased[k]) {
                keep[m++] = k;
            }
        }
        double[][] vk = new double[rank][rank];
        double[] bk = new double[rank];
        for (int i = 0; i < rank; i++) {
            bk[i] = beta[keep[i]];
            for (int j = 0; j < rank; j++) {
                vk[i][j] = var[keep[i]][keep[j]];
            }
        }
        double[] sol = bk.clone();
        int waldDf = Math.abs(CholeskyTwo.decompose(vk, TOLER_CHOL));
        CholeskyTwo.solve(vk, sol);
        double wald = 0;
        for (int i = 0; i < rank; i++) {
            wald += bk[i] * sol[i];
        }

        // linear predictor in input order: x beta − Σ beta·means (coxph's centring)
        double[] lp = new double[n];
        double shift = 0;
        for (int k = 0; k < p; k++) {
            if (!aliased[k]) {
                shift += beta[k] * means[k];
            }
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < p; k++) {
                if (!aliased[k]) {
                    s += columns[k][i] * beta[k];
                }
            }
            lp[i] = s - shift;
        }
        Optional<Concordance> conc = ConcordanceIndex.of(time, status, lp, strata);

        return new CoxModel(n, events, nStrata, ties, level, logLikNull, logLik, coefs,
                CoxTest.of(2 * (logLik - logLikNull), rank), CoxTest.of(wald, Math.max(1, waldDf)),
                CoxTest.of(scoreStat, rank), conc, state, iter, var, lp);
    }

    /**
     * Survival's {@code aeqSurv} ({@code timefix = TRUE}): times closer than sqrt(machine eps) to their predecessor,
     * absolutely or relative to the mean |time| of the distinct times, become the first time of their run
     * ({@link TimeFix#apply}, the rule {@code km} merges with too).
     */
    public static double[] timefix(double[] time) {
        return TimeFix.apply(time);
    }

    private static void validate(double[] time, int[] status, double[][] columns, List<String> names, int[] strata,
            Ties ties, double level) {
        int n = time.length;
        if (n == 0) {
            throw new IllegalArgumentException("time is empty: a Cox model needs at least one observation");
        }
        if (status.length != n) {
            throw new IllegalArgumentException("status has " + status.length + " values, time has " + n);
        }
        if (columns.length == 0) {
            throw new IllegalArgumentException("covariates: at least one covariate column is required");
        }
        if (names == null || names.size() != columns.length) {
            throw new IllegalArgumentException("names: " + (names == null ? "null" : names.size() + " names")
                    + " for " + columns.length + " covariate columns");
        }
        if (strata != null && strata.length != n) {
            throw new IllegalArgumentException("strata has " + strata.length + " values, time has " + n);
        }
        if (ties == null) {
            throw new IllegalArgumentException("ties must not be null");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level " + level + " must be in (0, 1)");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(time[i])) {
                throw new IllegalArgumentException("time[" + i + "] = " + time[i] + " must be finite");
            }
            if (status[i] != 0 && status[i] != 1) {
                throw new IllegalArgumentException("status[" + i + "] = " + status[i] + " must be 0 or 1");
            }
        }
        for (int k = 0; k < columns.length; k++) {
            if (columns[k].length != n) {
                throw new IllegalArgumentException("covariate " + names.get(k) + " has " + columns[k].length
                        + " values, time has " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(columns[k][i])) {
                    throw new IllegalArgumentException("covariate " + names.get(k) + "[" + i + "] = "
                            + columns[k][i] + " must be finite");
                }
            }
        }
    }

    /** Sorted working data and the per-iteration sums of coxfit6_iter. */
    private static final class Data {
        final int n;
        final int p;
        final boolean efron;
        final double[] time;
        final int[] status;
        final double[][] x;
        final boolean[] stratumEnd;
        final double[] u;
        final double[][] imat;
        private final double[] a;
        private final double[] a2;
        private final double[][] cmat;
        private final double[][] cmat2;
        private final double[] zbeta;

        Data(int n, int p, boolean efron) {
            this.n = n;
            this.p = p;
            this.efron = efron;
            time = new double[n];
            status = new int[n];
            x = new double[p][n];
            stratumEnd = new boolean[n];
            u = new double[p];
            imat = new double[p][p];
            a = new double[p];
            a2 = new double[p];
            cmat = new double[p][p];
            cmat2 = new double[p][p];
            zbeta = new double[n];
        }

        /** Log partial likelihood at {@code beta}; fills the score {@code u} and information {@code imat}. */
        double iterate(double[] beta) {
            Arrays.fill(zbeta, 0);
            for (int k = 0; k < p; k++) {
                double bk = beta[k];
                double[] xk = x[k];
                for (int r = 0; r < n; r++) {
                    zbeta[r] += bk * xk[r];
                }
            }
            for (int i = 0; i < p; i++) {
                u[i] = 0;
                a2[i] = 0;
                Arrays.fill(imat[i], 0);
                Arrays.fill(cmat2[i], 0);
            }
            double loglik = 0;
            double denom = 0;
            double[] xr = new double[p];
            int person = n - 1;
            while (person >= 0) {
                if (stratumEnd[person]) {
                    denom = 0;
                    for (int i = 0; i < p; i++) {
                        a[i] = 0;
                        Arrays.fill(cmat[i], 0);
                    }
                }
                double dtime = time[person];
                int ndead = 0;
                double deadwt = 0;
                double denom2 = 0;
                while (person >= 0 && time[person] == dtime) {
                    double zb = zbeta[person];
                    double risk = Math.exp(zb);
                    for (int i = 0; i < p; i++) {
                        xr[i] = x[i][person];
                    }
                    if (status[person] == 0) {
                        denom += risk;
                        for (int i = 0; i < p; i++) {
                            double rx = risk * xr[i];
                            a[i] += rx;
                            double[] ci = cmat[i];
                            for (int j = 0; j <= i; j++) {
                                ci[j] += rx * xr[j];
                            }
                        }
                    } else {
                        ndead++;
                        deadwt += 1;
                        denom2 += risk;
                        loglik += zb;
                        for (int i = 0; i < p; i++) {
                            double rx = risk * xr[i];
                            u[i] += xr[i];
                            a2[i] += rx;
                            double[] ci = cmat2[i];
                            for (int j = 0; j <= i; j++) {
                                ci[j] += rx * xr[j];
                            }
                        }
                    }
                    person--;
                    if (person >= 0 && stratumEnd[person]) {
                        break;
                    }
                }
                if (ndead > 0) {
                    if (!efron || ndead == 1) {
                        denom += denom2;
                        loglik -= deadwt * Math.log(denom);
                        for (int i = 0; i < p; i++) {
                            a[i] += a2[i];
                            double mean = a[i] / denom;
                            u[i] -= deadwt * mean;
                            for (int j = 0; j <= i; j++) {
                                cmat[i][j] += cmat2[i][j];
                                imat[i][j] += deadwt * (cmat[i][j] - mean * a[j]) / denom;
                            }
                        }
                    } else {
                        double wtave = deadwt / ndead;
                        for (int k = 0; k < ndead; k++) {
                            denom += denom2 / ndead;
                            loglik -= wtave * Math.log(denom);
                            for (int i = 0; i < p; i++) {
                                a[i] += a2[i] / ndead;
                                double mean = a[i] / denom;
                                u[i] -= wtave * mean;
                                for (int j = 0; j <= i; j++) {
                                    cmat[i][j] += cmat2[i][j] / ndead;
                                    imat[i][j] += wtave * (cmat[i][j] - mean * a[j]) / denom;
                                }
                            }
                        }
                    }
                    for (int i = 0; i < p; i++) {
                        a2[i] = 0;
                        Arrays.fill(cmat2[i], 0);
                    }
                }
            }
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < i; j++) {
                    imat[j][i] = imat[i][j];
                }
            }
            return loglik;
        }
    }
}
