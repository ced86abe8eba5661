package org.trialmeta.model;

/**
 * How a digitised curve was clicked on its figure: both corners of every drop, the foot of each drop only, or
 * detected from the points (docs/reconstruct.md, "Clicking style").
 */
public enum CurveClicks {
    /** Detected from the points (most drops clicked at both corners: corners; else feet; said in the output). */
    AUTO,
    /** Both corners (top and bottom) of every drop clicked; a drop without its foot click is completed. */
    CORNERS,
    /** One click per drop, at its foot (Guyot et al.'s reading: each drop at its click). */
    FEET
}
