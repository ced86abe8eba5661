package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NumberSyntaxTest {

    /** The regular expressions the loader used before; {@code \d} is ASCII digits without UNICODE_CHARACTER_CLASS. */
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,10}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Every character class the two syntaxes tell apart, plus look-alikes (Arabic-Indic digit, space, x). */
    private static final char[] ALPHABET = {'0', '7', '9', '+', '-', '.', 'e', 'E', ' ', 'x', '\u0663'};

    /** 11^0 + ... + 11^6 = 1,948,717 strings. */
    private static final int MAX_LENGTH = 6;

    @Test
    void wholeAndDecimalAgreeWithTheirRegexesOnEveryShortString() {
        int[] checked = {0};
        java.util.List<String> disagreements = new java.util.ArrayList<>();
        walk(new StringBuilder(), MAX_LENGTH, checked, disagreements);
        assertThat(disagreements).isEmpty();
        assertThat(checked[0]).isEqualTo(count(MAX_LENGTH));
    }

    @Test
    void wholeAcceptsAtMostTenDigits() {
        assertThat(NumberSyntax.whole("1234567890")).isTrue();
        assertThat(NumberSyntax.whole("-1234567890")).isTrue();
        assertThat(NumberSyntax.whole("12345678901")).isFalse();
        assertThat(NumberSyntax.whole("")).isFalse();
        assertThat(NumberSyntax.whole("+")).isFalse();
    }

    @Test
    void decimalAcceptsLongMantissasAndExponents() {
        String longNumber = "1".repeat(40) + "." + "2".repeat(40) + "e-" + "3".repeat(12);
        assertThat(NumberSyntax.decimal(longNumber)).isEqualTo(DECIMAL.matcher(longNumber).matches()).isTrue();
        assertThat(NumberSyntax.decimal("1e")).isFalse();
        assertThat(NumberSyntax.decimal(".")).isFalse();
        assertThat(NumberSyntax.decimal("5.")).isTrue();
        assertThat(NumberSyntax.decimal(".5")).isTrue();
    }

    private static void walk(StringBuilder s, int left, int[] checked, java.util.List<String> disagreements) {
        String text = s.toString();
        if (NumberSyntax.whole(text) != WHOLE.matcher(text).matches()) {
            disagreements.add("whole(\"" + text + "\")");
        }
        if (NumberSyntax.decimal(text) != DECIMAL.matcher(text).matches()) {
            disagreements.add("decimal(\"" + text + "\")");
        }
        checked[0]++;
        if (left == 0) {
            return;
        }
        for (char c : ALPHABET) {
            s.append(c);
            walk(s, left - 1, checked, disagreements);
            s.setLength(s.length() - 1);
        }
    }

    private static int count(int maxLength) {
        int total = 0;
        int level = 1;
        for (int i = 0; i <= maxLength; i++) {
            total += level;
            level *= ALPHABET.length;
        }
        return total;
    }
}
