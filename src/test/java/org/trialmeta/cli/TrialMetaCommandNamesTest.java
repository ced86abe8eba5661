package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@link TrialMetaCommand#BY_NAME} is exactly what the subcommands' {@code @Command} annotations say. */
class TrialMetaCommandNamesTest {

    @Test
    void nameTableEqualsTheAnnotations() {
        Map<String, Class<?>> fromAnnotations = new HashMap<>();
        for (Class<?> c : TrialMetaCommand.SUBCOMMANDS) {
            if (c == CommandLine.HelpCommand.class) {
                continue;
            }
            Command command = c.getAnnotation(Command.class);
            fromAnnotations.put(command.name(), c);
            for (String alias : command.aliases()) {
                fromAnnotations.put(alias, c);
            }
        }
        assertThat(TrialMetaCommand.BY_NAME).isEqualTo(fromAnnotations);
    }
}
