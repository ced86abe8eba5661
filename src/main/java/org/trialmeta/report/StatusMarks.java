package org.trialmeta.report;

import java.util.List;

/**
 * Data-status markers shown next to every figure label and table value that is not confirmed.
 * Confirmed data carry no marker.
 */
public final class StatusMarks {

    private StatusMarks() {}

    /** Marker of a status name (lower case): "" confirmed, "‡" secondary, "†" unverified, "§" derived. */
    public static String of(String status) {
        return switch (status) {
            case "secondary" -> "\u2021";
            case "unverified" -> "\u2020";
            case "derived" -> "\u00a7";
            default -> "";
        };
    }

    /** The legend lines, one per status. */
    public static List<String> legend() {
        return List.of(
                "no mark: confirmed (read in a primary source: peer-reviewed paper or regulatory label)",
                "\u2021 secondary (found only in a secondary source: press release, conference report, news, or an interim cut)",
                "\u2020 unverified (stated only by a vendor guide; no source found that states it)",
                "\u00a7 derived (computed from other data; the data file names the inputs and the method)");
    }

    /** Legend lines for the statuses present in {@code statuses}. */
    public static List<String> legendFor(java.util.Collection<String> statuses) {
        List<String> out = new java.util.ArrayList<>();
        String[] names = {"confirmed", "secondary", "unverified", "derived"};
        for (int i = 0; i < names.length; i++) {
            if (i > 0 && statuses.contains(names[i])) {
                out.add(legend().get(i));
            }
        }
        return out;
    }
}
