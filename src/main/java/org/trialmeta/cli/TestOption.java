package org.trialmeta.cli;

import org.trialmeta.model.InputException;
import org.trialmeta.stats.meta.TestType;
import picocli.CommandLine.Option;

/**
 * The {@code --test z|knha} option (a picocli mixin of {@code pool}, {@code forest}, {@code regress} and
 * {@code sensitivity}). A command may reword its help in its resource bundle (key {@code test}).
 */
public final class TestOption {

    @Option(names = "--test", defaultValue = "z", paramLabel = "z|knha",
            description = "z (normal) or knha (Knapp-Hartung, t with k-1 df). Default: ${DEFAULT-VALUE}.")
    String label;

    /** The test; exit 2 with one line for an unknown label. */
    TestType type() {
        return TestType.fromLabel(label)
                .orElseThrow(() -> new InputException("--test: unknown test '" + label + "' (allowed: z, knha)"));
    }
}
