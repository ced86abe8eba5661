package org.trialmeta.present;

/** The text form of a {@link MedianComparisonSummary}: what {@code median-compare --format table} prints. */
public final class MedianComparisonText {

    private MedianComparisonText() {}

    /** A table of the contrasts (4 significant digits), then how each was obtained or why it is not estimable. */
    public static String render(MedianComparisonSummary s) {
        TextTable table = new TextTable("contrast", ">estimate", ">lower", ">upper");
        StringBuilder notes = new StringBuilder();
        boolean missing = false;
        for (MedianComparisonSummary.Contrast c : s.contrasts()) {
            missing |= c.lower() == null;
            table.row(c.measure(), Formats.significant(c.estimate(), 4), Formats.significant(c.lower(), 4),
                    Formats.significant(c.upper(), 4));
            notes.append(c.measure()).append(": ").append(c.estimable() ? c.method() : "not estimable: " + c.reason())
                    .append('\n');
        }
        return table.render() + (missing ? Formats.MISSING_MEANING + "\n" : "") + "\n" + notes;
    }
}
