package org.trialmeta.stats.nma;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Direct and indirect evidence by back-calculation (SIDE; König, Krahn &amp; Binder 2013,
 * doi:10.1002/sim.6001; netmeta {@code netsplit(method = "Back-calculation")}). For treatments i and j:
 * <ul>
 * <li>direct: the inverse-variance mean of the contrasts i − j of the studies that have both arms, with variances
 *     Var(i − j) (+ τ² of the network for random effects);</li>
 * <li>direct evidence proportion P = Var_network / Var_direct;</li>
 * <li>indirect = (d_network − P·direct)/(1 − P), Var_indirect = Var_network/(1 − P);</li>
 * <li>difference = direct − indirect, z = difference / √(Var_direct + Var_indirect), two-sided normal p.</li>
 * </ul>
 * Comparisons without direct evidence have the network estimate as indirect estimate; those with only direct
 * evidence (|P − 1| below √ε, or P &gt; 1) have no indirect estimate.
 */
public final class NetSplit {

    private static final NormalDistribution Z = NormalDistribution.of(0, 1);
    private static final double TOL = Math.sqrt(Math.ulp(1.0));

    /**
     * One comparison i vs j (i &lt; j).
     *
     * @param treatment  i
     * @param vs         j
     * @param k          number of studies with both arms
     * @param network    d_network(i, j)
     * @param networkSe  its SE
     * @param proportion direct evidence proportion (0 without direct evidence)
     * @param direct     direct estimate (empty when k = 0)
     * @param directSe   its SE
     * @param indirect   indirect estimate (empty when only direct evidence)
     * @param indirectSe its SE
     * @param difference direct − indirect (empty unless both exist)
     * @param z          its z statistic
     * @param pval       two-sided p-value
     */
    public record Comparison(int treatment, int vs, int k, double network, double networkSe, double proportion,
            OptionalDouble direct, OptionalDouble directSe, OptionalDouble indirect, OptionalDouble indirectSe,
            OptionalDouble difference, OptionalDouble z, OptionalDouble pval) {
    }

    private NetSplit() {}

    /** Every pair i &lt; j of the network's treatments, in order. */
    public static List<Comparison> of(Network network, NmaResult r) {
        double tau2 = r.tau2().orElse(0);
        int t = network.size();
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                double sw = 0;
                double swy = 0;
                int k = 0;
                for (NmaStudy s : network.studies()) {
                    int ai = arm(s, i);
                    int aj = arm(s, j);
                    if (ai >= 0 && aj >= 0) {
                        double[] p = s.pair(ai, aj);
                        double w = 1 / (p[1] + tau2);
                        sw += w;
                        swy += w * p[0];
                        k++;
                    }
                }
                double nma = r.estimate(i, j);
                double vn = r.variance(i, j);
                if (k == 0) {
                    OptionalDouble e = OptionalDouble.empty();
                    out.add(new Comparison(i, j, 0, nma, Math.sqrt(vn), 0, e, e, OptionalDouble.of(nma),
                            OptionalDouble.of(Math.sqrt(vn)), e, e, e));
                    continue;
                }
                double dir = swy / sw;
                double vd = 1 / sw;
                double prop = vn / vd;
                OptionalDouble e = OptionalDouble.empty();
                if (Math.abs(prop - 1) < TOL || prop > 1) {
                    out.add(new Comparison(i, j, k, nma, Math.sqrt(vn), prop, OptionalDouble.of(dir),
                            OptionalDouble.of(Math.sqrt(vd)), e, e, e, e, e));
                    continue;
                }
                double ind = (nma - prop * dir) / (1 - prop);
                double vi = vn / (1 - prop);
                double diff = dir - ind;
                double z = diff / Math.sqrt(vd + vi);
                out.add(new Comparison(i, j, k, nma, Math.sqrt(vn), prop, OptionalDouble.of(dir),
                        OptionalDouble.of(Math.sqrt(vd)), OptionalDouble.of(ind), OptionalDouble.of(Math.sqrt(vi)),
                        OptionalDouble.of(diff), OptionalDouble.of(z),
                        OptionalDouble.of(2 * Z.survivalProbability(Math.abs(z)))));
            }
        }
        return out;
    }

    private static int arm(NmaStudy s, int treatment) {
        for (int a = 0; a < s.arms(); a++) {
            if (s.treatment(a) == treatment) {
                return a;
            }
        }
        return -1;
    }
}
