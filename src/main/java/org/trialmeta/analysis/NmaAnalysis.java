package org.trialmeta.analysis;

import org.trialmeta.repository.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trialmeta.model.InputException;
import org.trialmeta.stats.nma.ComponentNma;
import org.trialmeta.stats.nma.DesignDecomposition;
import org.trialmeta.stats.nma.NetSplit;
import org.trialmeta.stats.nma.Network;
import org.trialmeta.stats.nma.NetworkMetaAnalysis;
import org.trialmeta.stats.nma.NmaModel;
import org.trialmeta.stats.nma.NmaResult;
import org.trialmeta.stats.nma.PScores;
import org.trialmeta.stats.nma.Tau2Method;

/**
 * Everything {@code nma} computes for a network: per connected part (a disconnected network is not an error: each
 * part is analysed on its own, with the reference when it holds it, otherwise its first treatment) the fit, P-scores,
 * the design-by-treatment decomposition and the back-calculated direct/indirect evidence; and, when treatment names
 * hold the component separator, the additive component model of the whole network.
 *
 * @param input    the network as read
 * @param settings what was asked for
 * @param parts    one per connected part, in the order of their first treatment
 * @param additive the additive component model (names with '+'), if fitted
 * @param additiveNote why the additive model was not fitted, when names have components but it could not be
 */
public record NmaAnalysis(NmaInput input, Settings settings, List<Part> parts, Optional<ComponentNma.Result> additive,
        Optional<String> additiveNote) {

    /** The component separator in treatment names. */
    public static final String SEPARATOR = "+";

    /**
     * What {@code nma} was asked for.
     *
     * @param model           fixed or random
     * @param reference       reference treatment, or null for the first treatment in sorted order
     * @param smallValuesGood direction of the P-scores
     * @param level           confidence level (fraction)
     * @param inactive        the inactive component of the additive model, if any
     */
    public record Settings(NmaModel model, String reference, boolean smallValuesGood, double level,
            Optional<String> inactive) {
    }

    /**
     * One connected part.
     *
     * @param treatments indices into the input's treatments
     * @param network    the part as its own network
     * @param fit        the fit asked for
     * @param pScores    P-scores in the part's treatment order
     * @param decomposition Q total / within designs / between designs (common-effect model)
     * @param split      direct vs indirect evidence per pair
     */
    public record Part(int[] treatments, Network network, NmaResult fit, double[] pScores,
            DesignDecomposition decomposition, List<NetSplit.Comparison> split) {
    }

    /** Runs every analysis; statistical failures become one-line input errors naming the file. */
    public static NmaAnalysis run(NmaInput input, Settings s, String file) {
        Network net = input.network();
        if (s.reference() != null && net.indexOf(s.reference()) < 0) {
            throw new InputException("--reference: '" + s.reference() + "' is not a treatment of " + file
                    + " (treatments: " + Messages.list(net.treatments()) + ")");
        }
        List<Part> parts = new ArrayList<>();
        try {
            for (int[] keep : net.connectedComponents()) {
                Network part = net.restrictTo(keep);
                int ref = s.reference() == null ? -1 : part.indexOf(s.reference());
                NmaResult fit = NetworkMetaAnalysis.fit(part, Math.max(ref, 0), s.model(), Tau2Method.REML, s.level());
                parts.add(new Part(keep, part, fit, PScores.of(fit, s.smallValuesGood()), DesignDecomposition.of(part),
                        NetSplit.of(part, fit)));
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
        boolean hasComponents = net.treatments().stream()
                .anyMatch(t -> ComponentNma.components(t, SEPARATOR).size() > 1);
        Optional<ComponentNma.Result> additive = Optional.empty();
        Optional<String> note = Optional.empty();
        if (s.inactive().isPresent() || hasComponents) {
            try {
                additive = Optional.of(ComponentNma.fit(net, SEPARATOR, s.inactive(), s.model(), s.level()));
            } catch (IllegalArgumentException e) {
                if (s.inactive().isPresent()) {
                    throw new InputException("--inactive: " + e.getMessage());
                }
                note = Optional.of(e.getMessage());
            }
        }
        return new NmaAnalysis(input, s, List.copyOf(parts), additive, note);
    }
}
