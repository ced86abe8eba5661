package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The one place error lines are printed (issue 15): escaped, one line, no class names. */
class ErrorLinesTest {

    @Test
    void anInternalErrorNamesWhatFailedNotAClass() {
        // before: "internal error: java.lang.IllegalArgumentException: median contrast estimate Infinity must be finite"
        assertThat(TrialMetaCommand.internalError("median-compare",
                new IllegalArgumentException("median contrast estimate Infinity must be finite")))
                .isEqualTo("median-compare failed unexpectedly (median contrast estimate Infinity must be finite);"
                        + " please report it with the command line");
        assertThat(TrialMetaCommand.internalError("km", new NullPointerException()))
                .isEqualTo("km failed unexpectedly; please report it with the command line");
        assertThat(TrialMetaCommand.internalError("km", new IllegalStateException(
                "Cannot construct instance of `org.trialmeta.repository.TrialDtos$TrialDto` from java.lang.String")))
                .doesNotContain("org.", "java.", "TrialDto");
    }

    @Test
    void aFailedWriteSaysWhatFailedNotAClass() {
        // before: "trialmeta: java.io.IOException: Broken pipe" when the output went into `| head`
        assertThat(TrialMetaCommand.ioFailure(new java.io.UncheckedIOException(new java.io.IOException("Broken pipe"))))
                .isEqualTo("output closed before it was complete (broken pipe)");
        assertThat(TrialMetaCommand.ioFailure(new java.io.UncheckedIOException(
                new java.io.IOException("No space left on device"))))
                .isEqualTo("input/output failed (No space left on device)");
        assertThat(TrialMetaCommand.ioFailure(new java.io.UncheckedIOException("cannot write out.svg (disk full)",
                new java.io.IOException("disk full")))).isEqualTo("cannot write out.svg (disk full)");
    }

    @Test
    void everyPrintedErrorIsOneEscapedLine() {
        StringWriter sw = new StringWriter();
        TrialMetaCommand.printError(new PrintWriter(sw), "bad\u202Efile\nname.csv: line 2\r\u2066x\u2069");
        assertThat(sw.toString()).isEqualTo("trialmeta: bad\\u202Efile\\nname.csv: line 2\\r\\u2066x\\u2069"
                + System.lineSeparator());
    }
}
