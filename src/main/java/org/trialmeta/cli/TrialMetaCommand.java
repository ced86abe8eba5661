package org.trialmeta.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.trialmeta.model.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root {@code trialmeta} command; every analysis is a subcommand. */
@Command(
        name = "trialmeta",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Clinical-trial outcomes meta-analysis engine.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ValidateCommand.class,
            ListCommand.class,
            ShowCommand.class,
            CheckCommand.class,
            OrrCommand.class,
            OrrDiffCommand.class,
            PoolCommand.class,
            CoxCommand.class,
            HrFromSummaryCommand.class,
            MedianCompareCommand.class,
            KmCommand.class,
            ReconstructCommand.class,
            CompareCommand.class,
            ReportCommand.class,
        })
public final class TrialMetaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.INVALID_INPUT;
    }

    /** A configured command line: exit codes, one-line user errors, Locale.ROOT number formatting. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TrialMetaCommand());
        cl.setExecutionExceptionHandler(TrialMetaCommand::handleExecutionException);
        cl.setParameterExceptionHandler(TrialMetaCommand::handleParameterException);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        // one line: picocli messages may span lines (e.g. suggestions); the help hint goes on the same line
        String message = String.valueOf(ex.getMessage()).strip().replaceAll("\\s*\\R\\s*", "; ");
        err.println("trialmeta: " + message + " (try '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCodes.INVALID_INPUT;
    }

    private static int handleExecutionException(
            Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        Throwable t = ex;
        if (t instanceof CommandLine.ExecutionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof InputException) {
            err.println("trialmeta: " + t.getMessage());
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        if (t instanceof UncheckedIOException) {
            err.println("trialmeta: " + t.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        err.println("trialmeta: internal error: " + t);
        err.flush();
        return ExitCodes.FAILURE;
    }
}
