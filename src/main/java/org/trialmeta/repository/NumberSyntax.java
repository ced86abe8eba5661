package org.trialmeta.repository;

/**
 * The number syntaxes accepted in trial files, checked by hand (a regex matcher per number was the loader's
 * largest allocation after the text itself). {@code NumberSyntaxTest} compares both methods with the regular
 * expressions they stand for on every string of up to six characters over the relevant alphabet.
 */
final class NumberSyntax {
    private NumberSyntax() {}

    /** Whether {@code s} matches {@code [+-]?[0-9]{1,10}}. */
    static boolean whole(String s) {
        int n = s.length();
        int i = sign(s, 0);
        int digits = n - i;
        if (digits < 1 || digits > 10) {
            return false;
        }
        return digitsEnd(s, i) == n;
    }

    /** Whether {@code s} matches {@code [+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?}. */
    static boolean decimal(String s) {
        int n = s.length();
        int i = sign(s, 0);
        int intEnd = digitsEnd(s, i);
        boolean intDigits = intEnd > i;
        i = intEnd;
        if (i < n && s.charAt(i) == '.') {
            int fracEnd = digitsEnd(s, i + 1);
            if (!intDigits && fracEnd == i + 1) {
                return false; // "." or ".e5": a dot needs a digit on one side
            }
            i = fracEnd;
        } else if (!intDigits) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int expStart = sign(s, i + 1);
            int expEnd = digitsEnd(s, expStart);
            if (expEnd == expStart) {
                return false;
            }
            i = expEnd;
        }
        return i == n;
    }

    private static int sign(String s, int i) {
        return i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-') ? i + 1 : i;
    }

    private static int digitsEnd(String s, int i) {
        int n = s.length();
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
