package org.trialmeta.stats.nma;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.trialmeta.stats.ConfidenceLevel;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.Wald;

/**
 * The additive component network meta-analysis model (Welton et al. 2009; Rücker et al. 2020,
 * doi:10.1002/bimj.201800167; netmeta {@code netcomb}): a treatment named "A + B" is the sum of its components'
 * effects, θ_t = Σ_c C_tc β_c, where C is the treatments × components incidence matrix (components are the parts of
 * the names split at the separator and trimmed; an inactive component such as placebo has effect 0 and no column).
 * The contrasts' design is X = B C and β is estimated by the same GLS as the standard model
 * ({@link NetworkMetaAnalysis}); random effects: τ² by REML of the additive model.
 *
 * <p>The test of additivity compares the fixed-effect Q of the additive model (df = Σ(a − 1) − c) with Q of the
 * standard model (df = Σ(a − 1) − (T − 1)): Q_diff = Q_additive − Q_standard, df = T − 1 − c, a likelihood-ratio
 * test (Rücker et al. 2020).
 */
public final class ComponentNma {

    /**
     * The fit.
     *
     * @param treatments  treatment names
     * @param components  component names (sorted, inactive one excluded)
     * @param incidence   C: treatments × components
     * @param inactive    the inactive component, if any
     * @param model       fixed or random
     * @param level       confidence level (fraction)
     * @param beta        component effects
     * @param covBeta     their covariance
     * @param tau2        τ² of the additive model (random), empty for fixed
     * @param qAdditive   Q of the additive model (common effect)
     * @param dfAdditive  its df
     * @param qStandard   Q of the standard model
     * @param dfStandard  its df
     */
    public record Result(List<String> treatments, List<String> components, int[][] incidence, Optional<String> inactive,
            NmaModel model, double level, double[] beta, double[][] covBeta, OptionalDouble tau2, double qAdditive,
            int dfAdditive, double qStandard, int dfStandard) {

        /** θ_t = Σ_c C_tc β_c: treatment t against "no active component". */
        public double combination(int t) {
            double s = 0;
            for (int c = 0; c < beta.length; c++) {
                s += incidence[t][c] * beta[c];
            }
            return s;
        }

        /** Treatment i vs treatment j under additivity. */
        public double estimate(int i, int j) {
            return combination(i) - combination(j);
        }

        /** SE of {@link #estimate(int, int)}. */
        public double se(int i, int j) {
            double v = 0;
            for (int a = 0; a < beta.length; a++) {
                for (int b = 0; b < beta.length; b++) {
                    v += (incidence[i][a] - incidence[j][a]) * covBeta[a][b] * (incidence[i][b] - incidence[j][b]);
                }
            }
            return Math.sqrt(Math.max(0, v));
        }

        /** Two-sided Wald p-value of {@link #estimate(int, int)}. */
        public double pval(int i, int j) {
            return Wald.twoSidedP(estimate(i, j), se(i, j));
        }

        /** Wald CI of {@link #estimate(int, int)}. */
        public Interval ci(int i, int j) {
            return wald(estimate(i, j), se(i, j));
        }

        /**
         * SE of θ_t (treatment t against "no active component"): √(c_t' Cov(β) c_t), c_t the row of C for t
         * (netmeta {@code netcomb}'s {@code seTE.cnma}).
         */
        public double combinationSe(int t) {
            int[] c = incidence[t];
            double v = 0;
            for (int a = 0; a < c.length; a++) {
                for (int b = 0; b < c.length; b++) {
                    v += c[a] * covBeta[a][b] * c[b];
                }
            }
            return Math.sqrt(v);
        }

        /** Two-sided Wald p-value of θ_t. */
        public double combinationPval(int t) {
            return Wald.twoSidedP(combination(t), combinationSe(t));
        }

        /** Wald CI of θ_t. */
        public Interval combinationCi(int t) {
            return wald(combination(t), combinationSe(t));
        }

        /** SE of component c's effect. */
        public double componentSe(int c) {
            return Math.sqrt(covBeta[c][c]);
        }

        /** Wald CI of component c's effect; empty when its variance is not a finite non-negative number. */
        public Optional<Interval> componentCi(int c) {
            double se = componentSe(c);
            return Double.isFinite(se) ? Optional.of(wald(beta[c], se)) : Optional.empty();
        }

        private Interval wald(double e, double se) {
            double z = Wald.critical(level);
            return new Interval(e - z * se, e + z * se);
        }

        /** Q_additive − Q_standard. */
        public double qDiff() {
            return qAdditive - qStandard;
        }

        /** T − 1 − c. */
        public int dfDiff() {
            return dfAdditive - dfStandard;
        }

        /** p-value of the test of additivity (empty when df = 0). */
        public OptionalDouble pDiff() {
            return NmaResult.chiSquareP(qDiff(), dfDiff());
        }

        /** p-value of Q_standard (empty when df = 0). */
        public OptionalDouble pStandard() {
            return NmaResult.chiSquareP(qStandard, dfStandard);
        }

        /** p-value of Q_additive. */
        public OptionalDouble pAdditive() {
            return NmaResult.chiSquareP(qAdditive, dfAdditive);
        }
    }

    private ComponentNma() {}

    /** The components of a treatment name: its parts at {@code separator}, trimmed, empty parts dropped. */
    public static List<String> components(String treatment, String separator) {
        List<String> out = new ArrayList<>();
        for (String part : treatment.split(java.util.regex.Pattern.quote(separator), -1)) {
            String p = part.strip();
            if (!p.isEmpty() && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Fits the additive model. The network may be disconnected as long as the components connect it (Rücker et al.
     * 2020, netmeta {@code discomb}); the standard model's Q is then the sum over the network's connected parts.
     *
     * @throws IllegalArgumentException when the inactive component is not a component,
     *                                  or the components' effects are not identifiable from the network
     */
    public static Result fit(Network network, String separator, Optional<String> inactive, NmaModel model,
            double level) {
        ConfidenceLevel.check(level);
        TreeSet<String> all = new TreeSet<>();
        for (String t : network.treatments()) {
            all.addAll(components(t, separator));
        }
        if (inactive.isPresent() && !all.contains(inactive.get())) {
            throw new IllegalArgumentException("inactive component '" + inactive.get() + "' is not a component of any "
                    + "treatment (components: " + String.join(", ", all) + ")");
        }
        inactive.ifPresent(all::remove);
        List<String> comps = new ArrayList<>(all);
        int t = network.size();
        int[][] inc = new int[t][comps.size()];
        double[][] coding = new double[t][comps.size()];
        for (int i = 0; i < t; i++) {
            for (String c : components(network.treatments().get(i), separator)) {
                int k = comps.indexOf(c);
                if (k >= 0) {
                    inc[i][k] = 1;
                    coding[i][k] = 1;
                }
            }
        }
        if (comps.isEmpty()) {
            throw new IllegalArgumentException("no active component");
        }
        requireIdentifiable(network, coding, comps);
        Gls gls = new Gls(network.studies(), coding);
        Gls.Fit fixed = gls.at(0);
        Gls.Fit fit = model == NmaModel.FIXED ? fixed : Tau2Estimation.fit(gls, Tau2Method.REML);
        double qStandard = 0;
        int dfStandard = 0;
        for (int[] part : network.connectedComponents()) {
            if (part.length > 1) {
                NmaResult standard = NetworkMetaAnalysis.fit(network.restrictTo(part), 0, NmaModel.FIXED,
                        Tau2Method.REML, level);
                qStandard += standard.q();
                dfStandard += standard.qDf();
            }
        }
        return new Result(network.treatments(), comps, inc, inactive, model, level, fit.beta(), fit.covBeta(),
                model == NmaModel.RANDOM ? OptionalDouble.of(fit.tau2()) : OptionalDouble.empty(), fixed.q(),
                gls.n() - gls.p(), qStandard, dfStandard);
    }

    private static void requireIdentifiable(Network network, double[][] coding, List<String> comps) {
        int p = comps.size();
        double[][] xtx = new double[p][p];
        for (NmaStudy s : network.studies()) {
            double[] base = coding[s.treatment(0)];
            for (int j = 1; j < s.arms(); j++) {
                double[] c = coding[s.treatment(j)];
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        xtx[a][b] += (c[a] - base[a]) * (c[b] - base[b]);
                    }
                }
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(MatrixUtils.createRealMatrix(xtx));
        if (svd.getRank() < p) {
            throw new IllegalArgumentException("the effects of the " + p + " components (" + String.join(", ", comps)
                    + ") are not identifiable from this network (rank " + svd.getRank() + "); name an inactive "
                    + "component or add studies");
        }
    }
}
