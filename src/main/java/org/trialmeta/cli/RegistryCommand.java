package org.trialmeta.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.trialmeta.present.TrialText;
import org.trialmeta.repository.ClinicalTrialsGov;
import org.trialmeta.repository.TrialYaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta registry FILE.json}: a ClinicalTrials.gov API v2 study record mapped into the trial model
 * ({@link ClinicalTrialsGov}): the trial as {@code show} prints it, as a trial file (YAML) with its source, or as
 * JSON; then the measures not mapped. {@code check --registry FILE.json} compares the same figures with a
 * publication.
 */
@Command(name = "registry", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Read a ClinicalTrials.gov API v2 study record (JSON, e.g. from"
                + " https://clinicaltrials.gov/api/v2/studies/NCT00844649) and map its posted results into the trial"
                + " model: response counts and rates, median OS/PFS/DOR/TTP/EFS with CIs, hazard-ratio analyses;"
                + " provenance: the NCT record, status secondary. --format yaml gives a trial file and its sources"
                + " entry to curate; 'check --registry FILE.json' compares the figures with the publication."})
public final class RegistryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.json", description = "The study record (API v2 JSON).")
    Path file;

    @Mixin
    FormatOption.WithYaml format;

    @Override
    public Integer call() {
        OutputFormat f = format.format();
        ClinicalTrialsGov.Record r = ClinicalTrialsGov.read(file);
        StringBuilder b = new StringBuilder();
        switch (f) {
            case JSON -> b.append(TrialYaml.writeJson(r.trial()));
            case YAML -> b.append("# ").append(r.trial().id()).append(".yaml (mapped from ").append(file)
                    .append("; review before curating)\n").append(TrialYaml.write(r.trial()))
                    .append("---\n# sources.yaml entry\n").append(TrialYaml.writeSources(List.of(r.source())));
            default -> {
                b.append(TrialText.show(r.trial()));
                b.append("\nsource ").append(r.source().id()).append(": ").append(r.source().citation()).append('\n');
                if (!r.skipped().isEmpty()) {
                    b.append("\nnot mapped:\n");
                    r.skipped().forEach(s -> b.append("  ").append(s).append('\n'));
                }
            }
        }
        spec.commandLine().getOut().print(b);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
