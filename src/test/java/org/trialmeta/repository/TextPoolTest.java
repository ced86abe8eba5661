package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trialmeta.model.LocatedOutcome;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.Provenance;
import org.trialmeta.model.TrialRepository;

class TextPoolTest {

    @Test
    void equalShortTextsAreOneString() {
        TextPool pool = new TextPool();
        String a = pool.canonical(new String("Table 2"));
        String b = pool.canonical(new String("Table 2"));
        assertThat(b).isSameAs(a);
        assertThat(pool.canonical(null)).isNull();
        String other = new String("Table 3");
        assertThat(pool.canonical(other)).isSameAs(other);
        assertThat(pool.size()).isEqualTo(2);
    }

    @Test
    void longTextsAreKeptAsRead() {
        TextPool pool = new TextPool();
        String limit = "x".repeat(TextPool.MAX_CHARS);
        String over = "y".repeat(TextPool.MAX_CHARS + 1);
        assertThat(pool.canonical(new String(limit))).isSameAs(pool.canonical(new String(limit)));
        String again = new String(over);
        assertThat(pool.canonical(new String(over))).isNotSameAs(pool.canonical(again)).isEqualTo(over);
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void thePoolStopsGrowingAtItsBound() {
        TextPool pool = new TextPool();
        for (int i = 0; i < TextPool.MAX_ENTRIES + 1_000; i++) {
            pool.canonical("t" + i);
        }
        assertThat(pool.size()).isEqualTo(TextPool.MAX_ENTRIES);
        String late = "t" + (TextPool.MAX_ENTRIES + 10);
        assertThat(pool.canonical(late)).isSameAs(late);
        assertThat(pool.canonical(new String("t0"))).isSameAs(pool.canonical(new String("t0")));
    }

    /**
     * A loaded repository holds one string per different source id, locator and cut id, whichever file and thread
     * read it (the loader reads files in parallel); both readers (FastYaml + JSON, and SnakeYAML) pool.
     */
    @Test
    void aLoadedRepositoryHoldsEachShortTextOnce() {
        for (boolean fast : new boolean[] {true, false}) {
            TrialRepository repo = new TrialLoader(fast).load(Path.of("trials"));
            Map<String, Set<String>> copies = new HashMap<>();
            for (LocatedOutcome<Outcome> o : repo.outcomes()) {
                for (Provenance p : o.outcome().provenances()) {
                    copy(copies, p.source());
                    p.locator().ifPresent(l -> copy(copies, l));
                }
                copy(copies, o.cut().id());
                copy(copies, o.subgroup().id());
            }
            assertThat(repo.outcomes()).hasSizeGreaterThan(20);
            assertThat(copies.values().stream().filter(s -> s.size() > 1).map(s -> s.iterator().next())
                    .collect(Collectors.toList())).as("texts held as more than one string (fast path %s)", fast).isEmpty();
            assertThat(copies.keySet().stream().filter(t -> t.length() <= TextPool.MAX_CHARS).count())
                    .isGreaterThan(10);
        }
    }

    /** Records each distinct string object holding {@code text} (by identity). */
    private static void copy(Map<String, Set<String>> copies, String text) {
        if (text.length() <= TextPool.MAX_CHARS) {
            copies.computeIfAbsent(text, k -> java.util.Collections.newSetFromMap(new IdentityHashMap<>())).add(text);
        }
    }
}
