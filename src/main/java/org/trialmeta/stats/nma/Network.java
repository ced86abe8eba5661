package org.trialmeta.stats.nma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A network of studies comparing treatments: the treatments' names (index = position) and the studies on the
 * analysis scale. Every treatment must appear in at least one study.
 *
 * @param treatments treatment names, all different
 * @param studies    the studies, each with at least 2 arms
 */
public record Network(List<String> treatments, List<NmaStudy> studies) {

    /**
     * Most treatments in a network. The fit works on t × t matrices (their inverses, the hat matrix of the
     * contrasts): time grows with t³ (300 treatments 1.5 s with a fixed model, 600 treatments 6.2 s, random effects
     * twice that), so that a column mistaken for the treatments (a study or patient id) would run for hours; published
     * networks have at most a few hundred.
     */
    public static final int MAX_TREATMENTS = 500;

    public Network {
        treatments = List.copyOf(treatments);
        studies = List.copyOf(studies);
        if (treatments.size() < 2) {
            throw new IllegalArgumentException("a network needs at least 2 treatments, got " + treatments.size());
        }
        if (treatments.size() > MAX_TREATMENTS) {
            throw new IllegalArgumentException("a network has at most " + MAX_TREATMENTS + " treatments, got "
                    + treatments.size());
        }
        if (treatments.stream().distinct().count() != treatments.size()) {
            throw new IllegalArgumentException("treatment names must be unique: " + treatments);
        }
        boolean[] seen = new boolean[treatments.size()];
        for (NmaStudy s : studies) {
            for (int t : s.treatments()) {
                if (t < 0 || t >= seen.length) {
                    throw new IllegalArgumentException("study " + s.label() + " names treatment index " + t);
                }
                seen[t] = true;
            }
        }
        for (int t = 0; t < seen.length; t++) {
            if (!seen[t]) {
                throw new IllegalArgumentException("treatment " + treatments.get(t) + " is in no study");
            }
        }
    }

    /** Number of treatments. */
    public int size() {
        return treatments.size();
    }

    /** Index of a treatment by name, or −1. */
    public int indexOf(String treatment) {
        return treatments.indexOf(treatment);
    }

    /** Total number of contrasts Σ(a_s − 1). */
    public int contrasts() {
        return studies.stream().mapToInt(s -> s.arms() - 1).sum();
    }

    /**
     * The connected components of the network graph (treatments joined when a study compares them), each a sorted
     * array of treatment indices; components ordered by their smallest index.
     */
    public List<int[]> connectedComponents() {
        int n = size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (NmaStudy s : studies) {
            for (int j = 1; j < s.arms(); j++) {
                int a = find(parent, s.treatment(0));
                int b = find(parent, s.treatment(j));
                if (a != b) {
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> g : groups.values()) {
            out.add(g.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Whether every treatment is reachable from every other. */
    public boolean connected() {
        return connectedComponents().size() == 1;
    }

    /**
     * The sub-network of the given treatments (sorted indices): its studies are those whose arms are all among them,
     * treatments renumbered in the order given.
     */
    public Network restrictTo(int[] keep) {
        if (isIdentity(keep)) { // every treatment in its own order (a connected network): no copy of the studies
            return this;
        }
        return restrict(treatments, studies, keep);
    }

    private boolean isIdentity(int[] keep) {
        if (keep.length != size()) {
            return false;
        }
        for (int i = 0; i < keep.length; i++) {
            if (keep[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** {@link #restrictTo} of a subset of the studies (package use: one design's studies). */
    Network restrict(List<NmaStudy> subset, int[] keep) {
        return restrict(treatments, subset, keep);
    }

    private static Network restrict(List<String> treatments, List<NmaStudy> studies, int[] keep) {
        int[] map = new int[treatments.size()];
        Arrays.fill(map, -1);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            map[keep[i]] = i;
            names.add(treatments.get(keep[i]));
        }
        List<NmaStudy> sub = new ArrayList<>();
        for (NmaStudy s : studies) {
            int[] t = s.treatments();
            boolean all = true;
            for (int j = 0; j < t.length; j++) {
                all &= map[t[j]] >= 0;
                t[j] = all ? map[t[j]] : -1;
            }
            if (all) {
                sub.add(new NmaStudy(s.label(), t, s.y(), s.cov()));
            }
        }
        return new Network(names, sub);
    }

    /** Number of studies comparing each pair of treatments (symmetric, zero diagonal). */
    public int[][] studiesPerPair() {
        int n = size();
        int[][] k = new int[n][n];
        for (NmaStudy s : studies) {
            for (int i = 0; i < s.arms(); i++) {
                for (int j = i + 1; j < s.arms(); j++) {
                    k[s.treatment(i)][s.treatment(j)]++;
                    k[s.treatment(j)][s.treatment(i)]++;
                }
            }
        }
        return k;
    }

    /** A study's design: its treatments' indices, sorted. */
    public static int[] design(NmaStudy s) {
        int[] d = s.treatments();
        Arrays.sort(d);
        return d;
    }
}
