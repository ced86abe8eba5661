package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** {@link Main#LOADS_TRIALS} (commands whose loader is built ahead on a second thread) matches the CLI model. */
class LoaderPrewarmListTest {

    @Test
    void prewarmListIsExactlyTheCommandsWithTheTrialsOption() {
        Set<String> withTrials = new TreeSet<>();
        for (Map.Entry<String, CommandLine> e : TrialMetaCommand.commandLine().getSubcommands().entrySet()) {
            boolean usesTrials = e.getValue().getCommandSpec().mixins().values().stream()
                    .anyMatch(m -> m.userObject() instanceof TrialsOption);
            if (usesTrials) {
                withTrials.add(e.getKey());
            }
        }
        assertThat(new TreeSet<>(Main.LOADS_TRIALS)).isEqualTo(withTrials);
    }
}
