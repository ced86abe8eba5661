package org.trialmeta.analysis;

import java.nio.file.Path;
import org.trialmeta.model.InputException;

/**
 * One arm of {@code reconstruct}: its name, digitised points, numbers-at-risk table and, when reported, its total
 * number of events. Written on the command line as {@code NAME=CURVE.csv,RISK.csv[,events=N]}.
 *
 * @param name        the arm's label, e.g. "Treatment"
 * @param curve       the digitised points
 * @param atRisk      the numbers-at-risk table
 * @param totalEvents the reported total of events in the arm, or null
 */
public record ArmSpec(String name, Path curve, Path atRisk, Integer totalEvents) {

    /** The form of {@code --arm}, for messages. */
    public static final String FORM = "NAME=CURVE.csv,RISK.csv[,events=N]";

    /** Parses {@code --arm}'s value; refuses with one line naming the option and the expected form. */
    public static ArmSpec parse(String value) {
        int eq = value.indexOf('=');
        String name = eq < 0 ? "" : value.substring(0, eq).strip();
        String[] parts = eq < 0 ? new String[0] : value.substring(eq + 1).split(",", -1);
        if (name.isEmpty() || parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new InputException("--arm: '" + value + "' (expected " + FORM + ")");
        }
        Integer events = null;
        if (parts.length == 3) {
            String e = parts[2].strip();
            if (!e.matches("events=\\d{1,9}")) {
                throw new InputException("--arm " + name + ": '" + e + "' (expected events=N, a whole number of"
                        + " events)");
            }
            events = Integer.valueOf(e.substring("events=".length()));
        }
        return new ArmSpec(name, Path.of(parts[0].strip()), Path.of(parts[1].strip()), events);
    }
}
