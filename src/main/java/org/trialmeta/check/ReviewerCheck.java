package org.trialmeta.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.trialmeta.model.BinaryOutcome;
import org.trialmeta.model.LocatedOutcome;
import org.trialmeta.model.TimeToEventOutcome;
import org.trialmeta.model.Trial;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.repository.ClinicalTrialsGov;

/**
 * The reviewer check: recomputes every reported datum that can be recomputed and flags what does not
 * add up, at the source's rounding (see {@link Rule} for the rules and {@link Precision} for how the
 * printed precision is inferred).
 *
 * <p>Deterministic: the same repository gives the same findings in the same order (severity, then
 * trial in repository order, then rule, field and text). No clock is read: cut-off dates are judged
 * against the publication dates found in the data.
 *
 * <pre>{@code
 * CheckReport report = ReviewerCheck.run(TrialLoader.loadDirectory(Path.of("trials")));
 * report.count(Severity.ERROR);          // 0 on the curated data
 * report.atLeast(Severity.WARNING);     // what a reviewer must look at
 * // text, Markdown, HTML and JSON: org.trialmeta.present.CheckText and CheckSummary
 * }</pre>
 */
public final class ReviewerCheck {

    private ReviewerCheck() {}

    /** Runs every rule with {@link CheckOptions#DEFAULTS}. */
    public static CheckReport run(TrialRepository repo) {
        return run(repo, CheckOptions.DEFAULTS);
    }

    /** Runs every rule with the given thresholds. */
    public static CheckReport run(TrialRepository repo, CheckOptions options) {
        return run(repo, options, List.of());
    }

    /**
     * Runs every rule with the given thresholds, and compares the registry records with the publications of the
     * trials that list their NCT ids ({@link Rule#REGISTRY_VS_PUBLICATION}).
     */
    public static CheckReport run(TrialRepository repo, CheckOptions options, List<ClinicalTrialsGov.Record> registry) {
        if (repo == null) {
            throw new IllegalArgumentException("repo: null (required)");
        }
        if (options == null) {
            throw new IllegalArgumentException("options: null (required)");
        }
        Collector c = new Collector(repo);
        // The binary rules are independent per outcome and the costliest (six CIs each, two by beta quantiles):
        // they run in parallel, each outcome into its own list, merged in outcome order (the same findings in
        // the same order as one after the other).
        List<LocatedOutcome<BinaryOutcome>> binary = repo.outcomes(BinaryOutcome.class);
        BinaryRules.overallIndex(c);
        List<List<Finding>> perOutcome = IntStream.range(0, binary.size()).parallel().mapToObj(i -> {
            Collector own = c.fork();
            BinaryRules.check(own, binary.get(i));
            return own.findings();
        }).toList();
        for (List<Finding> fs : perOutcome) {
            c.findings().addAll(fs);
        }
        ConsistencyRules.subgroupSum(c);
        for (LocatedOutcome<TimeToEventOutcome> o : repo.outcomes(TimeToEventOutcome.class)) {
            TimeRules.check(c, o, options);
            EffectRules.hazardRatio(c, o);
        }
        EffectRules.responseSum(c);
        EffectRules.timeOrder(c);
        ConsistencyRules.interimVsFinal(c, options);
        ConsistencyRules.sameFigure(c);
        ProvenanceRules.cutoffs(c);
        ProvenanceRules.unconfirmed(c);
        ProvenanceRules.derived(c);
        RegistryRules.withinRepository(c);
        RegistryRules.records(c, registry);
        CurveRules.reconstructedVsReported(c);

        Map<String, Integer> trialOrder = new HashMap<>();
        List<Trial> trials = repo.trials();
        for (int i = 0; i < trials.size(); i++) {
            trialOrder.put(trials.get(i).id(), i);
        }
        List<Finding> sorted = new ArrayList<>(c.findings());
        sorted.sort(Comparator.comparing(Finding::severity)
                .thenComparing(f -> trialOrder.getOrDefault(f.trial(), Integer.MAX_VALUE))
                .thenComparing(Finding.WITHIN_TRIAL));
        return new CheckReport(sorted, options);
    }
}
