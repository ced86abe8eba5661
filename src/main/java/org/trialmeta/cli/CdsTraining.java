package org.trialmeta.cli;

/**
 * The launcher's class-data-sharing training run: builds the full command model (so that every command's classes
 * are archived, not only those of the command run) and then runs {@code args} like {@link Main}. Not for users.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) {
        TrialMetaCommand.commandLine();
        Main.main(args);
    }
}
