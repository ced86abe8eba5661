package org.trialmeta.stats.nma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Decomposition of the network's Q into heterogeneity within designs and inconsistency between designs (Krahn,
 * Binder &amp; König 2013, doi:10.1186/1471-2288-13-35; netmeta {@code decomp.design}): a design is the set of
 * treatments a study compares; Q_within(d) is Q of the common-effect model fitted to design d's studies alone
 * (df = Σ(a − 1) − (|d| − 1)); Q_heterogeneity = Σ_d Q_within(d); Q_inconsistency = Q_total − Q_heterogeneity with
 * df_total − df_heterogeneity degrees of freedom (the design-by-treatment interaction test).
 *
 * @param qTotal            Q of the common-effect network model
 * @param dfTotal           Σ(a − 1) − (T − 1)
 * @param qHeterogeneity    Σ Q_within
 * @param dfHeterogeneity   Σ df_within
 * @param qInconsistency    Q_total − Q_heterogeneity
 * @param dfInconsistency   df_total − df_heterogeneity
 * @param designs           per design with more than one study: its treatments, Q, df
 */
public record DesignDecomposition(double qTotal, int dfTotal, double qHeterogeneity, int dfHeterogeneity,
        double qInconsistency, int dfInconsistency, List<Design> designs) {

    /** One design's within-design Q. */
    public record Design(int[] treatments, int studies, double q, int df) {

        /** p-value of Q (empty when df = 0). */
        public OptionalDouble pval() {
            return NmaResult.chiSquareP(q, df);
        }
    }

    public DesignDecomposition {
        designs = List.copyOf(designs);
    }

    /** p-value of Q_total. */
    public OptionalDouble pTotal() {
        return NmaResult.chiSquareP(qTotal, dfTotal);
    }

    /** p-value of Q_heterogeneity. */
    public OptionalDouble pHeterogeneity() {
        return NmaResult.chiSquareP(qHeterogeneity, dfHeterogeneity);
    }

    /** p-value of Q_inconsistency. */
    public OptionalDouble pInconsistency() {
        return NmaResult.chiSquareP(qInconsistency, dfInconsistency);
    }

    /** The decomposition of a connected network. */
    public static DesignDecomposition of(Network network) {
        NmaResult fixed = NetworkMetaAnalysis.fit(network, 0, NmaModel.FIXED, Tau2Method.REML, 0.95);
        Map<String, List<NmaStudy>> byDesign = new LinkedHashMap<>();
        Map<String, int[]> treatments = new LinkedHashMap<>();
        for (NmaStudy s : network.studies()) {
            int[] d = Network.design(s);
            String key = Arrays.toString(d);
            byDesign.computeIfAbsent(key, x -> new ArrayList<>()).add(s);
            treatments.put(key, d);
        }
        List<Design> designs = new ArrayList<>();
        double qh = 0;
        int dfh = 0;
        for (var e : byDesign.entrySet()) {
            List<NmaStudy> ss = e.getValue();
            if (ss.size() < 2) {
                continue;
            }
            int[] d = treatments.get(e.getKey());
            Network sub = network.restrict(ss, d);
            NmaResult f = NetworkMetaAnalysis.fit(sub, 0, NmaModel.FIXED, Tau2Method.REML, 0.95);
            designs.add(new Design(d, ss.size(), f.q(), f.qDf()));
            qh += f.q();
            dfh += f.qDf();
        }
        return new DesignDecomposition(fixed.q(), fixed.qDf(), qh, dfh, fixed.q() - qh, fixed.qDf() - dfh, designs);
    }
}
