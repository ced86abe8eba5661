package org.trialmeta.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.trialmeta.model.LocatedOutcome;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.Provenance;
import org.trialmeta.model.Source;
import org.trialmeta.model.Trial;
import org.trialmeta.model.TrialRepository;

/** Collects findings of one run, resolving source ids to citations. */
final class Collector {

    private final TrialRepository repo;
    private final List<Finding> findings = new ArrayList<>();
    /** Indexes the rules build once per run (e.g. outcomes by cell), so that no rule loops over all outcomes per outcome. */
    private final Map<Object, Object> memo;

    Collector(TrialRepository repo) {
        this(repo, new ConcurrentHashMap<>());
    }

    private Collector(TrialRepository repo, Map<Object, Object> memo) {
        this.repo = repo;
        this.memo = memo;
    }

    /** A collector of its own findings sharing this one's repository and indexes (for rules run in parallel). */
    Collector fork() {
        return new Collector(repo, memo);
    }

    TrialRepository repo() {
        return repo;
    }

    List<Finding> findings() {
        return findings;
    }

    /** The value stored under {@code key}, made by {@code make} on first use (one run's indexes and caches). */
    @SuppressWarnings("unchecked")
    <T> T memo(Object key, Supplier<T> make) {
        Object v = memo.get(key);
        if (v == null) {
            v = make.get(); // two threads may both make it; the first stored wins
            Object before = memo.putIfAbsent(key, v);
            if (before != null) {
                v = before;
            }
        }
        return (T) v;
    }

    void add(Severity severity, Rule rule, Trial trial, String field, String reported, String recomputed,
            String message, Iterable<String> sourceIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : sourceIds) {
            ids.add(id);
        }
        // One citation list per set of sources and run: thousands of findings cite the same few sources.
        List<Finding.Citation> cites = memo(new CitationsOf(List.copyOf(ids)), () -> {
            List<Finding.Citation> list = new ArrayList<>();
            for (String id : ids) {
                list.add(repo.source(id).map(Collector::cite).orElse(new Finding.Citation(id, "(unknown source)")));
            }
            return List.copyOf(list);
        });
        findings.add(new Finding(severity, rule.id(), trial.id(), pooled(field), reported, recomputed,
                rule.sentence(), message, cites));
    }

    /** A finding that cites sources given directly (e.g. a registry record that is not in the repository). */
    void addCiting(Severity severity, Rule rule, Trial trial, String field, String reported, String recomputed,
            String message, List<Finding.Citation> cites) {
        findings.add(new Finding(severity, rule.id(), trial.id(), pooled(field), reported, recomputed,
                rule.sentence(), message, cites));
    }

    /** A verdict of a shared rule, placed at {@code field} of {@code trial}. */
    void add(Verdict v, Trial trial, String field, Iterable<String> sourceIds) {
        add(v.severity(), v.rule(), trial, field, v.reported(), v.recomputed(), v.message(), sourceIds);
    }

    /** The {@link #memo} key of the citations of a list of source ids. */
    private record CitationsOf(List<String> sourceIds) {}

    /** The {@link #memo} key of a field's text. */
    private record FieldText(String field) {}

    /**
     * The one copy of {@code field} in this run: the same field ({@code drug/overall/final/ORR.reported.ci}) is
     * named by a finding in each of thousands of trials.
     */
    private String pooled(String field) {
        return memo(new FieldText(field), () -> field);
    }

    static Finding.Citation cite(Source s) {
        StringBuilder b = new StringBuilder(s.citation());
        s.pmid().ifPresent(p -> b.append(", PMID ").append(p));
        s.doi().ifPresent(d -> b.append(", doi:").append(d));
        return new Finding.Citation(s.id(), b.toString());
    }

    /** {@code arm/subgroup/cut/label}, e.g. {@code avutometinib-defactinib/kras_mutant/primary/ORR}. */
    static String field(LocatedOutcome<? extends Outcome> o) {
        return o.arm().id() + "/" + o.subgroup().id() + "/" + o.cut().id() + "/" + o.outcome().label();
    }

    /** Source ids of an outcome's provenances, main first. */
    static List<String> sourcesOf(Outcome o) {
        List<String> out = new ArrayList<>();
        for (Provenance p : o.provenances()) {
            if (!out.contains(p.source())) {
                out.add(p.source());
            }
        }
        return out;
    }
}
