package org.trialmeta.present;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.trialmeta.analysis.NmaAnalysis;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.nma.ComponentNma;
import org.trialmeta.stats.nma.DesignDecomposition;
import org.trialmeta.stats.nma.NetSplit;
import org.trialmeta.stats.nma.Network;
import org.trialmeta.stats.nma.NmaModel;
import org.trialmeta.stats.nma.NmaResult;

/**
 * What {@code nma} reports: the one summary its text, JSON (snake_case keys, {@code null} where not estimable), league
 * table and figures are made from. For a connected network the per-network fields are filled at the top level; for a
 * disconnected one they are null and {@code components} holds one {@link Part} per connected part.
 *
 * @param measure       effect measure
 * @param model         fixed or random
 * @param tau2Method    REML (random effects), null for fixed
 * @param level         confidence level in percent
 * @param smallValues   "good" or "bad" (direction of the P-scores)
 * @param input         how the rows were read
 * @param studies       number of studies
 * @param treatments    every treatment, sorted
 * @param connected     whether the network is connected
 * @param reference     reference treatment (connected network)
 * @param tau2          τ² (random effects)
 * @param relativeEffects every ordered pair of treatments
 * @param q             the design-by-treatment decomposition of Q
 * @param pScores       P-scores, best first
 * @param directVsIndirect back-calculated direct and indirect evidence per pair with direct evidence
 * @param leagueTable   league table (natural scale), treatments in P-score order: cell [i][j] is treatment i vs j
 * @param components    the connected parts of a disconnected network
 * @param additive      the additive component model (treatment names with '+')
 * @param notes         text-only remarks (zero-cell corrections, why the additive model was not fitted)
 */
public record NmaSummary(String measure, String model, String tau2Method, double level, String smallValues, String input,
        int studies, List<String> treatments, boolean connected, String reference, Double tau2,
        List<RelativeEffect> relativeEffects, Q q, List<PScore> pScores, List<Split> directVsIndirect,
        List<List<String>> leagueTable, @JsonInclude(JsonInclude.Include.NON_NULL) List<Part> components,
        @JsonInclude(JsonInclude.Include.NON_NULL) Additive additive, @JsonIgnore List<String> notes,
        @JsonIgnore int[] patients, @JsonIgnore int[][] studiesPerPair) {

    /** One connected part of a disconnected network. */
    public record Part(List<String> treatments, String reference, Double tau2, List<RelativeEffect> relativeEffects, Q q,
            List<PScore> pScores, List<Split> directVsIndirect, List<List<String>> leagueTable) {
    }

    /** Treatment vs treatment on the analysis scale, and back-transformed for ratio measures. */
    public record RelativeEffect(String treatment, String vs, Double estimate, Double se, Double ciLower, Double ciUpper,
            Double piLower, Double piUpper, Double pval,
            @JsonInclude(JsonInclude.Include.NON_NULL) Transformed transformed) {
    }

    /** exp of an estimate and its intervals (OR, RR, HR); no prediction interval for the fixed model. */
    public record Transformed(Double estimate, Double ciLower, Double ciUpper,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double piLower,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double piUpper) {
    }

    /** Q total = within designs + between designs (netmeta decomp.design). */
    public record Q(Double total, Integer dfTotal, Double pTotal, Double heterogeneity, Integer dfHeterogeneity,
            Double pHeterogeneity, Double inconsistency, Integer dfInconsistency, Double pInconsistency,
            List<Design> designs) {
    }

    /** A design's within-design Q. */
    public record Design(String design, int studies, Double q, Integer df, Double pval) {
    }

    /** A treatment's P-score. */
    public record PScore(String treatment, Double pScore) {
    }

    /** Direct vs indirect evidence for treatment vs vs (netsplit, back-calculation). */
    public record Split(String treatment, String vs, int k, Double proportion, Double network, Double direct,
            Double directSe, Double indirect, Double indirectSe, Double difference, Double pval) {
    }

    /** The additive component model and its test against the standard model. */
    public record Additive(String inactive, Double tau2, List<Component> components, List<RelativeEffect> combinations,
            Double qAdditive, Integer dfAdditive, Double pAdditive, Double qStandard, Integer dfStandard, Double pStandard,
            Double qDiff, Integer dfDiff, Double pDiff) {
    }

    /** A component's effect (vs its absence). */
    public record Component(String component, Double estimate, Double se, Double ciLower, Double ciUpper,
            @JsonInclude(JsonInclude.Include.NON_NULL) Transformed transformed) {
    }

    /** Whether the measure is a ratio shown back-transformed (OR, RR, HR). */
    public static boolean ratio(String measure) {
        return measure.equals("OR") || measure.equals("RR") || measure.equals("HR");
    }

    /** The summary of an analysis. */
    public static NmaSummary of(NmaAnalysis a) {
        EffectMeasure m = a.input().measure();
        boolean ratio = ratio(m.name());
        NmaAnalysis.Settings s = a.settings();
        List<Part> parts = a.parts().stream().map(p -> part(p, ratio, s.level())).toList();
        Part one = parts.size() == 1 ? parts.get(0) : null;
        List<String> notes = new ArrayList<>();
        if (!a.input().corrected().isEmpty()) {
            notes.add("Zero cells: 0.5 added to every arm of " + a.input().corrected().size()
                    + (a.input().corrected().size() == 1 ? " study" : " studies") + " (" + String.join(", ", a.input().corrected()) + ")");
        }
        a.additiveNote().ifPresent(n -> notes.add("Additive component model not fitted: " + n));
        Network net = a.input().network();
        return new NmaSummary(m.name(), s.model().name().toLowerCase(), s.model() == NmaModel.RANDOM ? "REML" : null,
                PoolSummary.percent(s.level()), s.smallValuesGood() ? "good" : "bad", a.input().form(),
                net.studies().size(), net.treatments(), one != null, one == null ? null : one.reference(),
                one == null ? null : one.tau2(), one == null ? null : one.relativeEffects(), one == null ? null : one.q(),
                one == null ? null : one.pScores(), one == null ? null : one.directVsIndirect(),
                one == null ? null : one.leagueTable(), one == null ? parts : null,
                a.additive().map(r -> additive(r, a.parts(), ratio)).orElse(null), List.copyOf(notes),
                a.input().patients(), net.studiesPerPair());
    }

    private static Part part(NmaAnalysis.Part p, boolean ratio, double level) {
        NmaResult f = p.fit();
        List<String> names = f.treatments();
        int t = names.size();
        List<RelativeEffect> rel = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                if (i != j) {
                    Interval ci = f.ci(i, j);
                    var pi = f.pi(i, j);
                    rel.add(effect(names.get(i), names.get(j), f.estimate(i, j), f.se(i, j), ci,
                            pi.orElse(null), f.pval(i, j), ratio));
                }
            }
        }
        DesignDecomposition d = p.decomposition();
        List<Design> designs = d.designs().stream().map(g -> new Design(
                Arrays.stream(g.treatments()).mapToObj(names::get).collect(Collectors.joining(":")), g.studies(), g.q(),
                g.df(), d(g.pval()))).toList();
        Q q = new Q(d.qTotal(), d.dfTotal(), d(d.pTotal()), d.qHeterogeneity(), d.dfHeterogeneity(),
                d(d.pHeterogeneity()), d.qInconsistency(), d.dfInconsistency(), d(d.pInconsistency()), designs);
        Integer[] order = IntStream.range(0, t).boxed().toArray(Integer[]::new);
        double[] ps = p.pScores();
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -ps[i]).thenComparing(i -> names.get(i)));
        List<PScore> pScores = Arrays.stream(order).map(i -> new PScore(names.get(i), ps[i])).toList();
        List<Split> split = new ArrayList<>();
        for (NetSplit.Comparison c : p.split()) {
            if (c.k() > 0) {
                split.add(new Split(names.get(c.treatment()), names.get(c.vs()), c.k(), c.proportion(), c.network(),
                        d(c.direct()), d(c.directSe()), d(c.indirect()), d(c.indirectSe()), d(c.difference()), d(c.pval())));
            }
        }
        List<List<String>> league = new ArrayList<>();
        for (int a : order) {
            List<String> row = new ArrayList<>();
            for (int b : order) {
                if (a == b) {
                    row.add(names.get(a));
                } else {
                    Interval ci = f.ci(a, b);
                    double e = f.estimate(a, b);
                    row.add(ratio ? Formats.estimateCi(Math.exp(e), Math.exp(ci.lower()), Math.exp(ci.upper()), 2, CiStyle.PAREN_TO)
                            : Formats.estimateCi(e, ci.lower(), ci.upper(), 2, CiStyle.PAREN_TO));
                }
            }
            league.add(row);
        }
        return new Part(names, names.get(f.reference()), d(f.tau2()), rel, q, pScores, split, league);
    }

    private static Additive additive(ComponentNma.Result r, List<NmaAnalysis.Part> parts, boolean ratio) {
        List<Component> comps = new ArrayList<>();
        for (int c = 0; c < r.components().size(); c++) {
            double e = r.beta()[c];
            Interval ci = r.componentCi(c).orElse(null);
            Double lower = ci == null ? null : ci.lower();
            Double upper = ci == null ? null : ci.upper();
            comps.add(new Component(r.components().get(c), e, r.componentSe(c), lower, upper,
                    ratio ? new Transformed(Math.exp(e), exp(lower), exp(upper), null, null) : null));
        }
        String ref = parts.size() == 1 ? r.treatments().get(parts.get(0).fit().reference()) : null;
        int j = ref == null ? -1 : r.treatments().indexOf(ref);
        List<RelativeEffect> comb = new ArrayList<>();
        for (int i = 0; i < r.treatments().size(); i++) {
            if (i == j) {
                continue;
            }
            String name = r.treatments().get(i);
            comb.add(j < 0
                    ? effect(name, "no active component", r.combination(i), r.combinationSe(i), r.combinationCi(i),
                            null, r.combinationPval(i), ratio)
                    : effect(name, ref, r.estimate(i, j), r.se(i, j), r.ci(i, j), null, r.pval(i, j), ratio));
        }
        return new Additive(r.inactive().orElse(null), d(r.tau2()), comps, comb, r.qAdditive(), r.dfAdditive(),
                d(r.pAdditive()), r.qStandard(), r.dfStandard(), d(r.pStandard()), r.qDiff(), r.dfDiff(),
                d(r.pDiff()));
    }

    private static Double exp(Double x) {
        return x == null ? null : Math.exp(x);
    }

    private static RelativeEffect effect(String a, String b, double e, double se, Interval ci, Interval pi, double p,
            boolean ratio) {
        Transformed tr = ratio ? new Transformed(Math.exp(e), Math.exp(ci.lower()), Math.exp(ci.upper()),
                pi == null ? null : Math.exp(pi.lower()), pi == null ? null : Math.exp(pi.upper())) : null;
        return new RelativeEffect(a, b, e, se, ci.lower(), ci.upper(), pi == null ? null : pi.lower(),
                pi == null ? null : pi.upper(), p, tr);
    }

    private static Double d(OptionalDouble o) {
        return o.isPresent() && Double.isFinite(o.getAsDouble()) ? o.getAsDouble() : null;
    }
}
