package org.trialmeta.present;

/** The text form of a {@link ProportionSummary}: what {@code orr --format table} prints. */
public final class ProportionText {

    private ProportionText() {}

    /** "ORR 25/57 = 43.9%, 95% confidence interval", then one row per method, in percent. */
    public static String render(ProportionSummary s) {
        StringBuilder sb = new StringBuilder("ORR ").append(s.responders()).append('/').append(s.n());
        if (s.estimate() != null) {
            sb.append(" = ").append(Formats.percent(s.estimate(), 1));
        }
        sb.append(", ").append(Formats.general(s.level())).append("% confidence interval\n");
        if (s.estimate() == null) {
            return sb.append("not estimable: no evaluable patients (n = 0)\n").toString();
        }
        TextTable t = new TextTable("method", ">ORR %", ">lower %", ">upper %");
        for (ProportionSummary.MethodInterval i : s.intervals()) {
            t.row(i.method(), points(s.estimate()), points(i.lower()), points(i.upper()));
        }
        return sb.append(t.render()).toString();
    }

    /** A proportion in percent without the sign, for a column headed "%": 0.4386 → "43.9". */
    static String points(Double proportion) {
        return proportion == null ? Formats.MISSING : Formats.fixed(100 * proportion, 1);
    }
}
