package org.trialmeta.cli;

/** The process exit codes of every command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A failure that is not the user's input (a bug, an I/O error), or a check that found errors. */
    public static final int FAILURE = 1;
    /** Invalid input or usage: one clear line on stderr, no stack trace. */
    public static final int INVALID_INPUT = 2;

    private ExitCodes() {}
}
