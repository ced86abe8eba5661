package org.trialmeta.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import org.trialmeta.model.Trial;

/** Writes a trial as YAML in the schema of the trial files (what {@code show --format yaml} prints). */
public final class TrialYaml {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private TrialYaml() {}

    /** The trial file text of {@code trial}; loading it gives an equal record. */
    public static String write(Trial trial) {
        try {
            return MAPPER.writeValueAsString(TrialMapping.toDto(trial));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a {@code sources.yaml} holding {@code sources}. */
    public static String writeSources(java.util.List<org.trialmeta.model.Source> sources) {
        TrialDtos.SourcesFile file = new TrialDtos.SourcesFile();
        file.sources = sources.stream().map(TrialMapping::toDto).toList();
        try {
            return MAPPER.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trial as JSON in the same schema (the keys of the trial files), via {@link Json#writeTrialSchema}. */
    public static String writeJson(Trial trial) {
        return Json.writeTrialSchema(TrialMapping.toDto(trial));
    }
}
