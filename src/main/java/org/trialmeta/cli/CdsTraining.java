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
 * are archived, not only those of the command run), runs {@code nma}, {@code pool} (alone and {@code --by}),
 * {@code km} and {@code cox} on small inputs in table and JSON form (so that the CSV reader, the analyses, their
 * lambdas and the method handles their string building needs start from the archive too: the report uses none of
 * them), and then runs {@code args} like {@link Main}. Not for users.
 */
public final class CdsTraining {
    private CdsTraining() {}

    /** A three-treatment network with a three-arm study, read as a user's CSV would be. */
    private static final String NMA = "study,treatment,events,n\nS1,A,10,100\nS1,B,15,100\nS2,A,12,90\nS2,C,20,95\n"
            + "S3,B,9,80\nS3,C,14,85\nS4,A,7,60\nS4,B,11,62\nS4,C,13,61\n";

    /** Two-by-two counts of six studies in two groups (for pool, pool --by and pool --subgroup). */
    private static final String POOL = "study,ai,n1i,ci,n2i,g\nA,4,123,11,139,x\nB,6,306,29,303,x\nC,3,231,11,220,x\n"
            + "D,62,13598,248,12867,y\nE,33,5069,47,5808,y\nF,180,1541,372,1451,y\n";

    /** Given effect sizes and variances (for pool --measure GEN with REML, the path of a user's yi/vi file). */
    private static final String GIVEN = "study,yi,vi\nA,-0.89,0.33\nB,-1.59,0.19\nC,-1.35,0.42\nD,-1.44,0.02\n"
            + "E,-0.22,0.05\nF,-0.79,0.01\n";

    /**
     * 400 heterogeneous given effects: large degrees of freedom take other paths through the chi-squared quantiles
     * of the Q-profile CI (Commons Numbers' gamma functions) than a handful of studies.
     */
    private static String many() {
        StringBuilder sb = new StringBuilder("study,yi,vi\n");
        for (int i = 0; i < 400; i++) {
            sb.append('s').append(i).append(',').append(-0.5 + ((i * 37) % 100) / 100.0).append(',')
                    .append(0.02 + (i % 7) / 100.0).append('\n');
        }
        return sb.toString();
    }

    /** Survival times of two arms with ties and censoring, and a covariate (for km and cox). */
    private static final String SURVIVAL = "time,event,arm,x\n1,1,A,0.5\n2,0,A,1.2\n2,1,B,-0.3\n3,1,A,0.8\n4,1,B,0.1\n"
            + "5,0,B,-1.1\n6,1,A,2.0\n7,1,B,0.4\n8,0,A,-0.6\n9,1,B,0.9\n";

    public static void main(String[] args) {
        TrialMetaCommand.commandLine();
        try {
            Path dir = Files.createTempDirectory("trialmeta-cds-");
            Path nma = dir.resolve("nma.csv");
            Path pool = dir.resolve("pool.csv");
            Path surv = dir.resolve("surv.csv");
            Path given = dir.resolve("given.csv");
            Path many = dir.resolve("many.csv");
            try {
                Files.writeString(nma, NMA);
                Files.writeString(pool, POOL);
                Files.writeString(surv, SURVIVAL);
                Files.writeString(given, GIVEN);
                Files.writeString(many, many());
                for (String format : new String[] {"json", "table"}) {
                    run("nma", "--input", nma.toString(), "--measure", "OR", "--format", format);
                    run("pool", "--input", pool.toString(), "--measure", "RR", "--format", format);
                    run("pool", "--input", pool.toString(), "--measure", "OR", "--method", "DL", "--format", format);
                    run("pool", "--input", given.toString(), "--measure", "GEN", "--format", format);
                    run("pool", "--input", many.toString(), "--measure", "GEN", "--format", format);
                    run("pool", "--input", pool.toString(), "--measure", "OR", "--by", "g", "--format", format);
                    run("km", "--input", surv.toString(), "--time", "time", "--event", "event", "--group", "arm",
                            "--format", format);
                    run("cox", "--input", surv.toString(), "--time", "time", "--event", "event", "--covariate", "x",
                            "--format", format);
                }
                run("pool", "--input", pool.toString(), "--measure", "OR", "--by", "g", "--format", "csv");
            } finally {
                for (Path p : new Path[] {nma, pool, surv, given, many, dir}) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Main.main(args);
    }

    private static void run(String... args) {
        CommandLine cl = TrialMetaCommand.commandLineFor(args);
        cl.setOut(StdOut.over(java.io.OutputStream.nullOutputStream()));   // as Main: the JSON byte path
        cl.setErr(new PrintWriter(Writer.nullWriter()));
        cl.execute(args);
    }
}
