package org.trialmeta.cli;

import java.nio.file.Path;
import org.trialmeta.repository.CsvTable;
import picocli.CommandLine.Option;

/** The {@code --input FILE.csv} option of the commands that read a CSV (a picocli mixin). */
public final class InputOption {

    @Option(names = "--input", required = true, paramLabel = "FILE.csv",
            description = "CSV file (UTF-8, header row; BOM, CRLF and quoted fields accepted).")
    Path file;

    /** The file, read and parsed (exit 2 with one line when it cannot be). */
    CsvTable read() {
        return CsvTable.read(file);
    }
}
