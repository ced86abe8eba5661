package org.trialmeta.report;

import java.util.List;

/**
 * What the report states about itself: software version and the data files' SHA-256 digests.
 *
 * @param softwareVersion e.g. "trialmeta 0.1.0"
 * @param dataFiles       trial files (name and SHA-256), in name order
 */
public record ReportMeta(String softwareVersion, List<DataFile> dataFiles) {

    /**
     * A data file and its digest.
     *
     * @param name   file name, relative to the trials directory
     * @param sha256 lower-case hex SHA-256 of its bytes
     */
    public record DataFile(String name, String sha256) {}

    public ReportMeta {
        dataFiles = List.copyOf(dataFiles);
    }
}
