package org.trialmeta.present;

/** The text form of a {@link DigitiseSummary}. */
public final class DigitiseText {

    private DigitiseText() {}

    /** What {@code digitise --format table} prints. */
    public static String render(DigitiseSummary s) {
        DigitiseSummary.Area a = s.plotArea();
        StringBuilder sb = new StringBuilder(s.image() + ": " + s.width() + " x " + s.height() + " pixels; plot area"
                + " columns " + a.left() + "-" + a.right() + ", rows " + a.top() + "-" + a.bottom() + "; calibrated on"
                + " the " + s.calibratedOn() + " (" + s.xTicks().size() + " x ticks, " + s.yTicks().size()
                + " y ticks found)\n");
        TextTable t = new TextTable("file", "colour", ">points", ">time", ">survival");
        for (DigitiseSummary.Curve c : s.curves()) {
            t.row(c.file(), c.colour(), c.points(), Formats.general(c.firstTime()) + " to "
                    + Formats.general(c.lastTime()), Formats.fixed(c.firstSurvival(), 3) + " to "
                    + Formats.fixed(c.lastSurvival(), 3));
        }
        sb.append(t.render()).append("check the trace: ").append(s.overlay()).append('\n');
        return sb.toString();
    }
}
