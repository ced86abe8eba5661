package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command with a confidence level refuses a fraction typed for a percentage: {@code --level 0.95} used to give a
 * 0.95 % interval (a CI about a hundredth of the 95 % one's width) with exit 0 in orr, orr-diff, pool, regress,
 * sensitivity, nma, cox, hr-from-summary and median-compare; only km and reconstruct refused it.
 */
class LevelOptionTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "orr --responders 3 --n 10",
        "orr-diff --x1 3 --n1 10 --x2 5 --n2 12",
        "pool --input examples/bcg.csv --measure RR",
        "forest --input examples/bcg.csv --measure RR --out target/level-option-test.svg",
        "regress --input examples/bcg.csv --measure RR --mods ablat",
        "sensitivity --input examples/bcg.csv --measure RR --leave-one-out",
        "nma --input examples/smoking-cessation-network.csv --measure OR",
        "km --input examples/lung-survival.csv --time time --event event",
        "cox --input examples/lung-survival.csv --time time --event event --covariate age",
        "hr-from-summary --hr 0.7 --hr-ci 0.5,0.9",
        "median-compare --treated 12 --control 8 --treated-ci 10,15 --control-ci 6,10",
    })
    void aFractionTypedForAPercentageIsRefused(String command) {
        for (String option : command.startsWith("hr-from-summary") || command.startsWith("median-compare")
                ? new String[] {"--level", "--ci-level"} : new String[] {"--level"}) {
            Run ok = Run.run((command + " " + option + " 90").split(" "));
            assertThat(ok.code()).as(command + " " + option + " 90: " + ok.err()).isZero();
            for (String bad : new String[] {"0.95", "1", "1e-300", "100"}) {
                Run r = Run.run((command + " " + option + " " + bad).split(" "));
                assertThat(r.code()).as(command + " " + option + " " + bad).isEqualTo(ExitCodes.INVALID_INPUT);
                assertThat(r.err().strip()).startsWith("trialmeta: " + option + ": ")
                        .endsWith("(must be a percentage strictly between 1 and 100, e.g. 95)");
            }
        }
    }
}
