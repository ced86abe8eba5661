package org.trialmeta.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reference values the R scripts of src/test/r write as JSON under src/test/resources/r/ (metafor 3.8.1): one file
 * per dataset and measure, with a {@code fits} array of one fit per method and test.
 */
final class RReference {

    private RReference() {}

    /** {@code /r/RESOURCE.json}, e.g. {@code meta/bcg_OR} or {@code methods/bcg_RR}. */
    static JsonNode load(String resource) {
        try (InputStream in = RReference.class.getResourceAsStream("/r/" + resource + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing reference file /r/" + resource + ".json");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fit of {@code ref} with this method and test ({@code test} null: the first fit of the method). */
    static JsonNode fit(JsonNode ref, String method, String test) {
        for (JsonNode f : ref.get("fits")) {
            if (f.get("method").asText().equals(method) && (test == null || f.get("test").asText().equals(test))) {
                return f;
            }
        }
        throw new IllegalArgumentException(method + " " + test);
    }
}
