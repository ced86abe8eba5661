package org.trialmeta.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root {@code trialmeta} command; every analysis is a subcommand. */
@Command(
        name = "trialmeta",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Clinical-trial outcomes meta-analysis engine.")
public final class TrialMetaCommand implements Callable<Integer> {

    /** Every subcommand, in the order of the help. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            ValidateCommand.class,
            ListCommand.class,
            ShowCommand.class,
            CheckCommand.class,
            ScanCommand.class,
            RegistryCommand.class,
            OrrCommand.class,
            OrrDiffCommand.class,
            PoolCommand.class,
            ForestCommand.class,
            BiasCommand.class,
            RegressCommand.class,
            SensitivityCommand.class,
            NmaCommand.class,
            CoxCommand.class,
            HrFromSummaryCommand.class,
            MedianCompareCommand.class,
            KmCommand.class,
            ReconstructCommand.class,
            DigitiseCommand.class,
            CompareCommand.class,
            RevManCommand.class,
            ReportCommand.class);

    /**
     * Every subcommand by its name and aliases, as their {@code @Command} annotations give them
     * ({@code TrialMetaCommandNamesTest} keeps the two equal): looking a name up here instead of reading the
     * annotations of all 23 commands saves their parsing at every start (about 5 ms).
     */
    static final Map<String, Class<?>> BY_NAME = Map.ofEntries(
            Map.entry("validate", ValidateCommand.class),
            Map.entry("list", ListCommand.class),
            Map.entry("show", ShowCommand.class),
            Map.entry("check", CheckCommand.class),
            Map.entry("scan", ScanCommand.class),
            Map.entry("registry", RegistryCommand.class),
            Map.entry("orr", OrrCommand.class),
            Map.entry("orr-diff", OrrDiffCommand.class),
            Map.entry("compare-orr", OrrDiffCommand.class),
            Map.entry("pool", PoolCommand.class),
            Map.entry("forest", ForestCommand.class),
            Map.entry("bias", BiasCommand.class),
            Map.entry("regress", RegressCommand.class),
            Map.entry("sensitivity", SensitivityCommand.class),
            Map.entry("nma", NmaCommand.class),
            Map.entry("cox", CoxCommand.class),
            Map.entry("hr-from-summary", HrFromSummaryCommand.class),
            Map.entry("median-compare", MedianCompareCommand.class),
            Map.entry("km", KmCommand.class),
            Map.entry("reconstruct", ReconstructCommand.class),
            Map.entry("digitise", DigitiseCommand.class),
            Map.entry("compare", CompareCommand.class),
            Map.entry("revman", RevManCommand.class),
            Map.entry("report", ReportCommand.class));

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.INVALID_INPUT;
    }

    /** A configured command line with every subcommand: exit codes, one-line user errors. */
    public static CommandLine commandLine() {
        return configured(SUBCOMMANDS);
    }

    /**
     * The command line to run {@code args}: when the first argument names a subcommand (by name or alias), the
     * root with only that subcommand, since building the model of every subcommand costs about a tenth of a second at
     * every start; for {@code --version} alone, the root only; otherwise (help, no or unknown subcommand, other root
     * options) {@link #commandLine()}.
     */
    public static CommandLine commandLineFor(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return configured(List.of());   // the version needs no subcommand's model
        }
        if (args.length > 0 && BY_NAME.containsKey(args[0])) {
            return configured(List.of(BY_NAME.get(args[0])));
        }
        return commandLine();
    }

    private static CommandLine configured(List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new TrialMetaCommand());
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        cl.setExecutionExceptionHandler(TrialMetaCommand::handleExecutionException);
        cl.setParameterExceptionHandler(TrialMetaCommand::handleParameterException);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        // one line: picocli messages may span lines (e.g. suggestions); the help hint goes on the same line
        String message = String.valueOf(ex.getMessage()).strip().replaceAll("\\s*\\R\\s*", "; ");
        printError(cmd.getErr(), message + " (try '" + cmd.getCommandSpec().qualifiedName() + " --help')");
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
            printError(err, t.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (t instanceof UncheckedIOException u) {
            printError(err, ioFailure(u));
            return ExitCodes.FAILURE;
        }
        printError(err, internalError(cmd.getCommandName(), t));
        return ExitCodes.FAILURE;
    }

    /**
     * The line for a failed read or write: our own message when it has one ("cannot write reports/x.svg (...)"), else
     * the system's words without the exception's class name; a reader that stopped reading (e.g. {@code | head})
     * is said as such: {@code output closed before it was complete (broken pipe)}.
     */
    static String ioFailure(UncheckedIOException e) {
        java.io.IOException cause = e.getCause();
        if (cause != null && !String.valueOf(e.getMessage()).equals(String.valueOf(cause))) {
            return e.getMessage();
        }
        String what = cause == null ? "" : String.valueOf(cause.getMessage());
        if (what.equals("Broken pipe") || what.equals("Stream closed")) {
            return "output closed before it was complete (" + what.toLowerCase(java.util.Locale.ROOT) + ")";
        }
        return "input/output failed (" + Messages.withoutClassNames(what) + ")";
    }

    /**
     * A failure that is nobody's input (a bug): what failed and the library's words, never a class name or a
     * stack trace, e.g. {@code median-compare failed unexpectedly (median contrast estimate Infinity must be
     * finite); please report it with the command line}.
     */
    static String internalError(String command, Throwable t) {
        String what = Messages.withoutClassNames(String.valueOf(t.getMessage()).lines().findFirst().orElse(""));
        return command + " failed unexpectedly" + (what.isEmpty() || what.equals("null") ? ""
                : " (" + Messages.value(what) + ")") + "; please report it with the command line";
    }

    /**
     * The one place an error line is printed: {@code trialmeta: MESSAGE}, with every control and bidi character
     * of the message escaped ({@link Messages#line}), so a file or study name holding a line break or U+202E
     * can neither split the line nor reorder it.
     */
    static void printError(PrintWriter err, String message) {
        printLine(err, "trialmeta: " + message);
    }

    /** One line of an error report (e.g. one problem of many), escaped as {@link #printError}. */
    static void printLine(PrintWriter err, String line) {
        err.println(Messages.line(line));
        err.flush();
    }
}
