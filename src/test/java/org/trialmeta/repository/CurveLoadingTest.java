package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.model.Trial;
import org.trialmeta.model.TrialRepository;

/**
 * The {@code curves:} section: each rule gives one problem at the right property, the same on the fast path
 * (FastYaml, ValidPrecheck) and the slow one (SnakeYAML, Hibernate Validator); {@code show}'s schema round trip keeps
 * the curves.
 */
class CurveLoadingTest {

    private static final Path EXAMPLE = Path.of("examples/trials-with-curves");
    private static final TrialLoader FAST = new TrialLoader(true);
    private static final TrialLoader SLOW = new TrialLoader(false);

    @TempDir
    Path tmp;

    /** Edits of the example's lung.yaml, each with the property its one problem must name. */
    static List<String[]> edits() {
        return List.of(
                new String[] {"n: [138, 114, 78,", "n: [138, 150, 78,", "curves[0].atRisk.n[1]"},
                new String[] {"time: [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000], n: [138",
                        "time: [5, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000], n: [138", "curves[0].atRisk.time[0]"},
                new String[] {"n: [138, 114, 78,", "n: [-138, 114, 78,", "curves[0].atRisk.n[0]"},
                new String[] {"n: [138, 114, 78,", "n: [138, -114, 78,", "curves[0].atRisk.n[1]"},
                new String[] {"n: [138, 114, 78,", "n: [138, 114.5, 78,", "curves[0].atRisk.n[1]"},
                new String[] {"n: [138, 114, 78, 49, 31, 20, 13, 8, 6, 2, 2]", "n: [138, 114]", "curves[0].atRisk.n"},
                new String[] {"    events: 112\n    provenance: {source: ncctg-lung-km-figure",
                        "    events: 200\n    provenance: {source: ncctg-lung-km-figure", "curves[0].events"},
                new String[] {"locator: \"base-large.png, blue curve (Male)\", status: confirmed",
                        "status: confirmed", "curves[0].provenance.locator"},
                new String[] {"locator: \"base-large.png, blue curve (Male)\", status: confirmed",
                        "status: derived, derivedFrom: [x], method: y", "curves[0].provenance.locator"},
                new String[] {"source: ncctg-lung-km-figure, locator: \"base-large.png, blue",
                        "source: nowhere, locator: \"base-large.png, blue", "curves[0].provenance.source"},
                new String[] {"  - arm: female\n", "  - arm: male\n", "curves[1].arm"},
                new String[] {"    endpoint: OS\n    subgroup: overall\n    cut: final\n    unit: days\n    file: curves/lung-os-male",
                        "    endpoint: OS\n    subgroup: kras\n    cut: final\n    unit: days\n    file: curves/lung-os-male",
                        "curves[0].subgroup"},
                new String[] {"    unit: days\n    file: curves/lung-os-male.csv", "    unit: years\n    file: curves/lung-os-male.csv",
                        "curves[0].unit"},
                new String[] {"    unit: days\n    file: curves/lung-os-male.csv",
                        "    unit: weeks\n    file: curves/lung-os-male.csv", ""},
                new String[] {"date: 2026-12-05,\n                   note: \"overlay.png inspected; 307",
                        "date: 2026-13-05,\n                   note: \"overlay.png inspected; 307",
                        "curves[0].digitisation.date"},
                new String[] {"    file: curves/lung-os-male.csv\n", "    file: curves/lung-os-male.csv\n    scale: percentage\n",
                        "curves[0].scale"},
                new String[] {"    file: curves/lung-os-male.csv\n", "    file: curves/lung-os-male.csv\n    clicks: sideways\n",
                        "curves[0].clicks"},
                new String[] {"    file: curves/lung-os-male.csv\n", "    file: curves/lung-os-male.csv\n    clicks: corners\n", "",
                        "one clicking style setting"},
                new String[] {"    file: curves/lung-os-male.csv\n", "    file: curves/lung-os-male.csv\n    colour: blue\n",
                        "curves[0].colour"});
    }

    @Test
    void eachRuleGivesOneProblemTheSameOnBothPaths() throws Exception {
        String yaml = Files.readString(EXAMPLE.resolve("lung.yaml"));
        int i = 0;
        for (String[] e : edits()) {
            assertThat(yaml).as(e[0]).contains(e[0]);
            Path dir = copy("case-" + i++, yaml.replace(e[0], e[1]));
            List<Problem> fast = problems(FAST, dir);
            List<Problem> slow = problems(SLOW, dir);
            assertThat(fast).as(e[1]).isEqualTo(slow);
            assertThat(fast).as(e[1]).hasSize(1);
            if (!e[2].isEmpty()) {
                assertThat(fast.get(0).path()).as(e[1]).isEqualTo(e[2]);
            } else {
                // a unit differing from the other arm's curve of the same figure: a model rule, at the trial
                assertThat(fast.get(0).message()).contains(e.length > 3 ? e[3] : "share a time unit");
            }
        }
    }

    @Test
    void theExampleLoadsTheSameOnBothPathsAndSurvivesTheSchemaRoundTrip() throws Exception {
        TrialRepository fast = FAST.load(EXAMPLE);
        TrialRepository slow = SLOW.load(EXAMPLE);
        assertThat(fast.trials()).isEqualTo(slow.trials());
        Trial t = fast.trials().get(0);
        String json = Json.writeTrialSchema(TrialMapping.toDto(t));
        Path dir = copy("roundtrip", json);
        Trial again = FAST.load(dir).trials().get(0);
        assertThat(Json.writeTrialSchema(TrialMapping.toDto(again))).isEqualTo(json);
        assertThat(again.curves()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(again.curves().get(i).file().content()).isEqualTo(t.curves().get(i).file().content());
            assertThat(again.curves().get(i).atRisk()).isEqualTo(t.curves().get(i).atRisk());
            assertThat(again.curves().get(i).digitisation()).isEqualTo(t.curves().get(i).digitisation());
        }
    }

    /** {@code clicks:} is read on both paths, kept by the round trip, and is what the report reconstructs with. */
    @Test
    void clicksAreReadKeptAndUsed() throws Exception {
        String yaml = Files.readString(EXAMPLE.resolve("lung.yaml"));
        for (String f : List.of("male", "female")) {
            String line = "    file: curves/lung-os-" + f + ".csv\n";
            assertThat(yaml).contains(line);
            yaml = yaml.replace(line, line + "    clicks: feet\n");
        }
        Path dir = copy("clicks", yaml);
        TrialRepository fast = FAST.load(dir);
        assertThat(fast.trials()).isEqualTo(SLOW.load(dir).trials());
        Trial t = fast.trials().get(0);
        assertThat(t.curves()).allSatisfy(c -> assertThat(c.clicks()).isEqualTo(org.trialmeta.model.CurveClicks.FEET));
        String json = Json.writeTrialSchema(TrialMapping.toDto(t));
        assertThat(json).contains("\"clicks\" : \"feet\"");
        assertThat(Json.writeTrialSchema(TrialMapping.toDto(FAST.load(copy("clicks-again", json)).trials().get(0))))
                .isEqualTo(json);
        var sets = org.trialmeta.analysis.SurvivalCurveAnalysis.run(fast, org.trialmeta.analysis.StatusFilter.DEFAULT)
                .sets();
        for (var arm : sets.get(0).fit().arms()) {
            // the digitiser's curves are clicked at both corners (detected so without the setting); feet as given
            assertThat(arm.prepared().clicks().style()).isEqualTo(org.trialmeta.stats.survival.ClickStyle.FEET);
            assertThat(arm.prepared().clicks().detected()).isFalse();
        }
        for (var arm : org.trialmeta.analysis.SurvivalCurveAnalysis.run(FAST.load(EXAMPLE),
                org.trialmeta.analysis.StatusFilter.DEFAULT).sets().get(0).fit().arms()) {
            assertThat(arm.prepared().clicks().style()).isEqualTo(org.trialmeta.stats.survival.ClickStyle.CORNERS);
            assertThat(arm.prepared().clicks().detected()).isTrue();
        }
    }

    private static List<Problem> problems(TrialLoader loader, Path dir) {
        try {
            loader.load(dir);
            return List.of();
        } catch (TrialLoadException e) {
            return new ArrayList<>(e.problems());
        }
    }

    private Path copy(String name, String lungYaml) throws Exception {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("curves"));
        for (String f : List.of("sources.yaml", "curves/lung-os-male.csv", "curves/lung-os-female.csv")) {
            Files.copy(EXAMPLE.resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("lung.yaml"), lungYaml);
        return dir;
    }
}
