package org.trialmeta.present;

/** The text form of an {@link HrSummary}: what {@code hr-from-summary --format table} prints. */
public final class HrText {

    private HrText() {}

    /** The whole text output: log HR, variance and SE with 6 significant digits, the HR and its CI with 4. */
    public static String render(HrSummary s) {
        if (!s.estimable()) {
            return "not estimable: " + s.reason() + "\n";
        }
        return "log HR = " + Formats.significant(s.logHr(), 6) + ", variance = " + Formats.significant(s.variance(), 6)
                + ", SE = " + Formats.significant(s.se(), 6) + "\n"
                + "HR = " + Formats.significant(s.hr(), 4) + " (" + Formats.level(s.level()) + "% CI "
                + Formats.ciSignificant(s.hrLower(), s.hrUpper(), 4, CiStyle.TO) + ")\n"
                + "method: " + s.method() + "\n" + pCheck(s);
    }

    private static String pCheck(HrSummary s) {
        if (s.pCheck() == null) {
            return "";
        }
        HrSummary.PCheck c = s.pCheck();
        return "p given with the CI: " + Formats.pEquals("p", c.given()) + "; the CI implies "
                + Formats.pEquals("p", Formats.p(c.fromCi())) + " -> " + (c.agrees() ? "agrees" : c.severity() + ": does not agree")
                + " (" + c.message() + ")\n";
    }
}
