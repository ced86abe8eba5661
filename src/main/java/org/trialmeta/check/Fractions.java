package org.trialmeta.check;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * GRIM without a denominator: the fractions k/m in lowest terms, 1 ≤ m ≤ a bound, whose percentage rounds
 * to a reported one, in order of m then k. Used when a subgroup prints a percentage but no n, and the
 * overall evaluable bounds m.
 *
 * <p>Denominators up to {@value #SCAN} are tried one by one with {@link Precision#candidateCounts} (the same
 * arithmetic as every other GRIM test). The search stops as soon as enough fractions are found, which for a
 * percentage printed with d decimals happens by m ≈ 10<sup>d</sup>. Only a percentage printed with many
 * decimals leaves the scan with too few fractions; then the rest of the interval, up to the bound (any
 * int), is searched exactly: between the fractions already found no fraction has a denominator ≤ the scan
 * limit, and the fraction with the smallest denominator in such a gap is unique and found from the
 * continued fractions of the gap's ends (Stern–Brocot), in a few dozen steps. So the cost no longer grows
 * with the bound (before: every m up to the bound, each listing every count; n = 2·10<sup>9</sup> never
 * finished).
 */
final class Fractions {

    /** Denominators tried one by one; beyond, the exact gap search. */
    static final int SCAN = 10_000;

    /** A fraction k/m in lowest terms. */
    record Fraction(int k, int m) {}

    private Fractions() {}

    /**
     * Up to {@code max} fractions k/m in lowest terms with 1 ≤ m ≤ {@code bound} and 100·k/m rounding to
     * {@code percent} at its printed precision, ordered by m, then k.
     */
    static List<Fraction> lowestTerms(double percent, int bound, int max) {
        return lowestTerms(percent, bound, max, SCAN);
    }

    /** {@link #lowestTerms(double, int, int)} scanning denominators up to {@code scan} (tests: the exact search). */
    static List<Fraction> lowestTerms(double percent, int bound, int max, int scan) {
        List<Fraction> out = new ArrayList<>();
        int decimals = Precision.decimals(percent);
        int scanTo = Math.min(bound, scan);
        for (int m = 1; m <= scanTo; m++) {
            for (int k : Precision.candidateCounts(percent, decimals, m)) {
                if (gcd(k, m) == 1) {
                    out.add(new Fraction(k, m));
                    if (out.size() >= max) {
                        return out;
                    }
                }
            }
        }
        if (bound > scan) {
            beyondScan(percent, decimals, bound, max, out);
        }
        return out;
    }

    /**
     * Adds, in order of m, the fractions with SCAN &lt; m ≤ bound to {@code found} (every fraction with m ≤ SCAN
     * already in it) until it holds {@code max}. The accepted proportions are the closed interval
     * [(p − h − slack)/100, (p + h + slack)/100] ∩ [0, 1], in exact rational arithmetic.
     */
    private static void beyondScan(double percent, int decimals, int bound, int max, List<Fraction> found) {
        BigDecimal tolerance = BigDecimal.valueOf(Precision.halfUnit(decimals)).add(BigDecimal.valueOf(Precision.SLACK));
        BigDecimal p = BigDecimal.valueOf(percent); // as printed (the shortest decimal of the double)
        Q lo = Q.of(p.subtract(tolerance).movePointLeft(2)).max(Q.ZERO);
        Q hi = Q.of(p.add(tolerance).movePointLeft(2)).min(Q.ONE);
        if (lo.compareTo(hi) > 0) {
            return;
        }
        List<Q> points = new ArrayList<>();
        for (Fraction f : found) {
            points.add(new Q(BigInteger.valueOf(f.k()), BigInteger.valueOf(f.m())));
        }
        points.sort(Comparator.naturalOrder());
        // the gaps [lo, p1), (p1, p2), ..., (pn, hi] in increasing order, each with its simplest fraction
        List<Gap> gaps = new ArrayList<>();
        for (int i = 0; i <= points.size(); i++) {
            Gap g = Gap.of(i == 0 ? lo : points.get(i - 1), i == 0, i == points.size() ? hi : points.get(i),
                    i == points.size());
            if (g != null) {
                gaps.add(g);
            }
        }
        BigInteger limit = BigInteger.valueOf(bound);
        while (found.size() < max) {
            BigInteger least = null;
            for (Gap g : gaps) {
                if (least == null || g.simplest.den.compareTo(least) < 0) {
                    least = g.simplest.den;
                }
            }
            if (least == null || least.compareTo(limit) > 0) {
                return;
            }
            List<Gap> next = new ArrayList<>();
            for (Gap g : gaps) { // in increasing value, so in increasing k for the one m
                if (g.simplest.den.equals(least) && found.size() < max) {
                    found.add(new Fraction(g.simplest.num.intValueExact(), g.simplest.den.intValueExact()));
                    Gap left = Gap.of(g.a, g.aClosed, g.simplest, false);
                    Gap right = Gap.of(g.simplest, false, g.b, g.bClosed);
                    if (left != null) {
                        next.add(left);
                    }
                    if (right != null) {
                        next.add(right);
                    }
                } else {
                    next.add(g);
                }
            }
            gaps = next;
        }
    }

    /** An interval between two rationals, each end included or not, with the fraction of least denominator in it. */
    private record Gap(Q a, boolean aClosed, Q b, boolean bClosed, Q simplest) {
        /** The gap, or null when it holds no rational. */
        static Gap of(Q a, boolean aClosed, Q b, boolean bClosed) {
            int c = a.compareTo(b);
            if (c > 0 || (c == 0 && !(aClosed && bClosed))) {
                return null;
            }
            Q s = Fractions.simplest(a, aClosed, b, bClosed);
            return s == null ? null : new Gap(a, aClosed, b, bClosed, s);
        }
    }

    /**
     * The fraction with the smallest denominator (then numerator) in the interval between {@code a} and
     * {@code b} (0 ≤ a ≤ b; {@code b} null for +∞), each end included when its flag says so; null when the
     * interval is empty. Continued-fraction recursion: the smallest integer in the interval if there is one,
     * else ⌊a⌋ + 1/x with x the simplest fraction in the interval of reciprocals.
     */
    static Q simplest(Q a, boolean aClosed, Q b, boolean bClosed) {
        BigInteger fl = a.floor();
        BigInteger c = a.isInteger() && aClosed ? fl : fl.add(BigInteger.ONE);
        Q ci = new Q(c, BigInteger.ONE);
        if (b == null || ci.compareTo(b) < 0 || (ci.compareTo(b) == 0 && bClosed)) {
            return ci;
        }
        // no integer inside: a and b lie in [fl, fl + 1]; x in (a, b) <=> 1/(x - fl) in (1/(b - fl), 1/(a - fl))
        Q fq = new Q(fl, BigInteger.ONE);
        Q bFrac = b.subtract(fq);
        Q aFrac = a.subtract(fq);
        if (bFrac.signum() == 0) {
            return null; // b = fl, and fl is not in the interval
        }
        Q r = simplest(bFrac.reciprocal(), bClosed, aFrac.signum() == 0 ? null : aFrac.reciprocal(), aClosed);
        return r == null ? null : fq.add(r.reciprocal());
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return Math.abs(a);
    }

    /** An exact non-negative rational in lowest terms. */
    record Q(BigInteger num, BigInteger den) implements Comparable<Q> {
        static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE);
        static final Q ONE = new Q(BigInteger.ONE, BigInteger.ONE);

        Q {
            if (den.signum() <= 0) {
                throw new IllegalArgumentException("denominator " + den + " must be > 0");
            }
            BigInteger g = num.gcd(den);
            if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
                num = num.divide(g);
                den = den.divide(g);
            }
        }

        static Q of(BigDecimal d) {
            return d.scale() > 0 ? new Q(d.unscaledValue(), BigInteger.TEN.pow(d.scale()))
                    : new Q(d.toBigIntegerExact(), BigInteger.ONE);
        }

        BigInteger floor() {
            BigInteger[] qr = num.divideAndRemainder(den);
            return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        }

        boolean isInteger() {
            return den.equals(BigInteger.ONE);
        }

        int signum() {
            return num.signum();
        }

        Q subtract(Q o) {
            return new Q(num.multiply(o.den).subtract(o.num.multiply(den)), den.multiply(o.den));
        }

        Q add(Q o) {
            return new Q(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
        }

        Q reciprocal() {
            return new Q(den, num);
        }

        Q max(Q o) {
            return compareTo(o) >= 0 ? this : o;
        }

        Q min(Q o) {
            return compareTo(o) <= 0 ? this : o;
        }

        @Override
        public int compareTo(Q o) {
            return num.multiply(o.den).compareTo(o.num.multiply(den));
        }
    }
}
