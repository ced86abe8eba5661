package org.trialmeta.stats.nma;

import java.util.OptionalDouble;
import org.trialmeta.stats.ConfidenceLevel;

/**
 * Contrast-based network meta-analysis of a connected network (Lumley 2002; Salanti 2012): each study's contrasts
 * against its baseline arm with their covariance (multi-arm studies correlated through the shared arm), treatment
 * effects against a reference estimated by generalised least squares.
 * <ul>
 * <li>fixed (common effect): y = Xθ + ε, ε ~ N(0, V), V block-diagonal; θ̂ = (X'V⁻¹X)⁻¹X'V⁻¹y;</li>
 * <li>random: y = Xθ + δ + ε, δ ~ N(0, τ²K), K = 1 on the diagonal and ½ between a multi-arm study's contrasts;
 *     τ² by REML (or netmeta's moment estimator), then GLS with V + τ²K.</li>
 * </ul>
 * Same numbers as metafor 3.8 {@code rma.mv(yi, V, mods = ~ X - 1)} and
 * {@code rma.mv(yi, V, mods = ~ X - 1, random = ~ comparison | study, rho = 1/2, struct = "CS", method = "REML")},
 * and for the fixed model as netmeta's graph-theoretical method ({@link GraphTheoretical}; Rücker 2012,
 * doi:10.1002/jrsm.1058), which gives the same estimates.
 */
public final class NetworkMetaAnalysis {

    private NetworkMetaAnalysis() {}

    /**
     * Fits a connected network.
     *
     * @throws IllegalArgumentException when the network is disconnected (analyse its components) or a study's
     *                                  covariance is not positive definite
     */
    public static NmaResult fit(Network network, int reference, NmaModel model, Tau2Method tau2Method, double level) {
        ConfidenceLevel.check(level);
        if (reference < 0 || reference >= network.size()) {
            throw new IllegalArgumentException("reference index " + reference + " outside 0.." + (network.size() - 1));
        }
        if (!network.connected()) {
            throw new IllegalArgumentException("the network is disconnected (" + network.connectedComponents().size()
                    + " components): fit each component");
        }
        int t = network.size();
        double[][] coding = new double[t][t - 1];
        for (int i = 0, col = 0; i < t; i++) {
            if (i != reference) {
                coding[i][col++] = 1;
            }
        }
        Gls gls = new Gls(network.studies(), coding);
        Gls.Fit fixed = gls.at(0);
        Gls.Fit fit = model == NmaModel.FIXED ? fixed : Tau2Estimation.fit(gls, tau2Method);
        double[] theta = new double[t];
        double[][] cov = new double[t][t];
        int[] col = new int[t];
        for (int i = 0, c = 0; i < t; i++) {
            col[i] = i == reference ? -1 : c++;
        }
        for (int i = 0; i < t; i++) {
            theta[i] = col[i] < 0 ? 0 : fit.beta()[col[i]];
            for (int j = 0; j < t; j++) {
                cov[i][j] = col[i] < 0 || col[j] < 0 ? 0 : fit.covBeta()[col[i]][col[j]];
            }
        }
        boolean random = model == NmaModel.RANDOM;
        return new NmaResult(network.treatments(), reference, model, tau2Method, level, network.studies().size(),
                gls.n(), theta, cov, random ? OptionalDouble.of(fit.tau2()) : OptionalDouble.empty(),
                random && tau2Method == Tau2Method.REML ? OptionalDouble.of(fit.remlLogLik()) : OptionalDouble.empty(),
                fixed.q(), gls.n() - gls.p());
    }
}
