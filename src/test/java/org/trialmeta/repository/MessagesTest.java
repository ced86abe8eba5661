package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values in messages are cut and escaped in one place (issue 15). */
class MessagesTest {

    @Test
    void aLongValueIsCutAfter80CharactersWithItsLength() {
        String v = "a".repeat(2_000_000);
        assertThat(Messages.value(v)).isEqualTo("a".repeat(80) + "\u2026 (2000000 characters)");
        assertThat(Messages.value("a".repeat(80))).isEqualTo("a".repeat(80));
        assertThat(Messages.quoted("x")).isEqualTo("'x'");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String v = "a".repeat(79) + "\uD83D\uDE00" + "b";
        assertThat(Messages.value(v)).isEqualTo("a".repeat(79) + "\u2026 (82 characters)");
    }

    @Test
    void controlLineAndBidiCharactersAreEscaped() {
        assertThat(Messages.line("a\nb\rc\td\u0000e\u007Ff\u0085g\u2028h\u2029i"))
                .isEqualTo("a\\nb\\rc\\td\\u0000e\\u007Ff\\u0085g\\u2028h\\u2029i");
        assertThat(Messages.line("\u202Atxt\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C"))
                .isEqualTo("\\u202Atxt\\u202B\\u202C\\u202D\\u202E\\u2066\\u2067\\u2068\\u2069\\u200E\\u200F\\u061C");
        assertThat(Messages.line("plain \u00e9\u4e2d text")).isEqualTo("plain \u00e9\u4e2d text");
        assertThat(Messages.value("x\u202Ey")).isEqualTo("x\\u202Ey");
    }

    @Test
    void classNamesAreTakenOutOfLibraryMessages() {
        assertThat(Messages.withoutClassNames("Cannot construct instance of `org.trialmeta.repository.TrialDtos$TrialDto`"
                + " (although at least one Creator exists)"))
                .isEqualTo("Cannot construct instance of a value (although at least one Creator exists)");
        assertThat(Messages.withoutClassNames("java.lang.IllegalArgumentException: bad")).isEqualTo("a value: bad");
        assertThat(Messages.withoutClassNames("line 3: mapping values are not allowed here"))
                .isEqualTo("line 3: mapping values are not allowed here");
    }
}
