package org.trialmeta.model;

import java.util.Arrays;

/**
 * A digitised curve's points file as the loader read and checked it: its path as written in the trial file
 * (relative to the trials directory), the path shown in messages, and its bytes (a {@code time,survival} CSV or a
 * digitiser's x,y export, the files {@code reconstruct} reads). The bytes are kept so that the analysis reads exactly
 * what was validated, once.
 *
 * @param path    as written in the trial file, e.g. {@code curves/lung-os-male.csv}
 * @param display as shown in messages, e.g. {@code trials/curves/lung-os-male.csv}
 * @param content the file's bytes
 */
public record CurveFile(String path, String display, byte[] content) {
    public CurveFile {
        Checks.text("curve.file", path);
        Checks.text("curve.file (display)", display);
        Checks.required("curve.file content", content);
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurveFile f && path.equals(f.path) && display.equals(f.display)
                && Arrays.equals(content, f.content);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "CurveFile[" + path + ", " + content.length + " bytes]";
    }
}
