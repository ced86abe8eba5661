package org.trialmeta.repository;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The correctness contract of {@link FastYaml}, shared by {@code FastYamlTest} and {@code FastYamlFuzzTest}:
 * whenever {@code FastYaml.toJson(yaml)} is not null, Jackson's YAML parser over {@code yaml} (built with the
 * loader's {@link LoaderOptions} and stream constraints, as in {@code TrialLoader}'s constructor) does not throw
 * and gives exactly the token stream of Jackson's JSON parser over the JSON: the same {@link JsonToken}s, the same
 * {@code currentName()} for every field name, the same {@code getText()} for every scalar, and for numbers the
 * same {@code getNumberType()} and {@code getNumberValue()} (class and value).
 *
 * <p>FastYaml declines duplicate keys (the loader's JSON readers do not look for them), so an accepted text has
 * none: the JSON parser here checks that with {@code STRICT_DUPLICATE_DETECTION}, and any exception from either
 * parser fails the check.
 */
final class FastYamlContract {

    private static final YAMLFactory YAML;
    private static final JsonFactory JSON;

    static {
        // The same settings as TrialLoader(boolean).
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(TrialLoader.MAX_ALIASES);
        options.setNestingDepthLimit(TrialLoader.MAX_NESTING);
        options.setCodePointLimit(TrialLoader.MAX_FILE_BYTES);
        options.setAllowDuplicateKeys(false);
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(TrialLoader.MAX_NESTING).build();
        YAML = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(limits).build();
        // TrialLoader's mappers enable STRICT_DUPLICATE_DETECTION; YAMLFactory turns it on by itself when the
        // LoaderOptions refuse duplicate keys.
        JSON = JsonFactory.builder().streamReadConstraints(limits)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    private FastYamlContract() {}

    /**
     * Checks the contract for {@code yaml}: returns false when FastYaml declines it, true when it accepts it and
     * the token streams agree; throws {@link AssertionError} (with the input) otherwise.
     */
    static boolean check(byte[] yaml) {
        byte[] json = FastYaml.toJson(yaml);
        if (json == null) {
            return false;
        }
        List<String> fromJson;
        try {
            fromJson = tokens(JSON.createParser(json));
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("FastYaml wrote JSON that Jackson cannot read: " + e + "\nYAML: "
                    + show(yaml) + "\nJSON: " + show(json), e);
        }
        List<String> fromYaml;
        try {
            fromYaml = tokens(YAML.createParser(yaml));
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("FastYaml accepted YAML that Jackson's YAML parser refuses: " + e + "\nYAML: "
                    + show(yaml) + "\nJSON: " + show(json), e);
        }
        if (!fromYaml.equals(fromJson)) {
            int i = 0;
            while (i < fromYaml.size() && i < fromJson.size() && fromYaml.get(i).equals(fromJson.get(i))) {
                i++;
            }
            throw new AssertionError("token " + i + " differs: YAML " + (i < fromYaml.size() ? fromYaml.get(i) : "<end>")
                    + ", JSON " + (i < fromJson.size() ? fromJson.get(i) : "<end>") + "\nYAML: " + show(yaml)
                    + "\nJSON: " + show(json));
        }
        return true;
    }

    /** One descriptor per token: kind, then name / text / number type, class and value. */
    static List<String> tokens(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        try (p) {
            read(p, out);
        }
        return out;
    }

    private static void read(JsonParser p, List<String> out) throws IOException {
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            String d = switch (t) {
                case FIELD_NAME -> t + " " + quote(p.currentName());
                case VALUE_STRING, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> t + " " + quote(p.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    Number n = p.getNumberValue();
                    yield t + " " + quote(p.getText()) + " " + p.getNumberType() + " "
                            + n.getClass().getSimpleName() + " " + n;
                }
                default -> t.toString();
            };
            out.add(d);
        }
    }

    /** The JSON text FastYaml gives for {@code yaml}, or null when it declines. */
    static String json(String yaml) {
        byte[] json = FastYaml.toJson(yaml.getBytes(StandardCharsets.UTF_8));
        return json == null ? null : new String(json, StandardCharsets.UTF_8);
    }

    /** The token descriptors of Jackson's YAML parser over {@code yaml}. */
    static List<String> yamlTokens(byte[] yaml) {
        try {
            return tokens(YAML.createParser(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String s) {
        return s == null ? "null" : "<" + s + ">";
    }

    /** The input as Java-escaped text, for failure messages. */
    static String show(byte[] bytes) {
        StringBuilder sb = new StringBuilder("\"");
        String s = new String(bytes, StandardCharsets.UTF_8);
        for (int i = 0; i < s.length() && sb.length() < 4000; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
