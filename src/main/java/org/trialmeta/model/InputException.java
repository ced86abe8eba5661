package org.trialmeta.model;

/**
 * A problem with what the user gave us (a file, a column, a value, an option), as opposed to a bug.
 *
 * <p>The message is the one line the user sees: it names the file (and row or property path), the
 * value and the rule, e.g. {@code trials/frame.yaml: arms[0].outcomes[2].responders: 27 > evaluable 26
 * (responders must not exceed evaluable)}. The CLI prints it without a stack trace and exits with 2.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
