package org.trialmeta.cli;

/** Output formats of the trial commands. */
public enum OutputFormat {
    TABLE, JSON, YAML
}
