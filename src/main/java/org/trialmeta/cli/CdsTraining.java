package org.trialmeta.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The launcher's class-data-sharing training run: builds the full command model (so that every command's classes
 * are archived, not only those of the command run), runs {@code nma} on a small network (so that the CSV reader and
 * the matrix code, which the report does not use, start from the archive too), and then runs {@code args} like
 * {@link Main}. Not for users.
 */
public final class CdsTraining {
    private CdsTraining() {}

    /** A three-treatment network with a three-arm study, read as a user's CSV would be. */
    private static final String NMA = "study,treatment,events,n\nS1,A,10,100\nS1,B,15,100\nS2,A,12,90\nS2,C,20,95\n"
            + "S3,B,9,80\nS3,C,14,85\nS4,A,7,60\nS4,B,11,62\nS4,C,13,61\n";

    public static void main(String[] args) {
        TrialMetaCommand.commandLine();
        try {
            Path csv = Files.createTempFile("trialmeta-cds-", ".csv");
            try {
                Files.writeString(csv, NMA);
                for (String format : new String[] {"json", "table"}) {
                    CommandLine cl = TrialMetaCommand.commandLine();
                    cl.setOut(new PrintWriter(Writer.nullWriter()));
                    cl.setErr(new PrintWriter(Writer.nullWriter()));
                    cl.execute("nma", "--input", csv.toString(), "--measure", "OR", "--format", format);
                }
            } finally {
                Files.deleteIfExists(csv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Main.main(args);
    }
}
