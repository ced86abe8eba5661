package org.trialmeta.stats.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reference values written by src/test/r/meta.R (metafor 3.8.1) under src/test/resources/r/meta/. */
final class MetaforReference {

    static final List<String> FILES = List.of(
            "bcg_OR", "bcg_RR", "bcg_RD", "bcg2_OR", "bcg2_RR", "bcg2_RD", "bcg1_OR", "bcg1_RR",
            "nielweise2007_OR", "nielweise2007_RR", "nielweise2007_RD", "hine1989_OR", "hine1989_RR", "hine1989_RD",
            "pritz1997_PLO", "pritz1997_PFT", "pritz1997_PAS", "pritz1997_PR", "pritz1997_PLN", "molloy2014_GEN",
            "normand1999_MD", "normand1999_SMD", "normand1999_ROM");

    private MetaforReference() {}

    static JsonNode load(String name) {
        try (InputStream in = MetaforReference.class.getResourceAsStream("/r/meta/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing reference file /r/meta/" + name + ".json");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return out;
    }

    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    static String[] strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out.toArray(new String[0]);
    }

    /** A number, or NaN for JSON null (metafor NA). */
    static double num(JsonNode fit, String field) {
        JsonNode n = fit.get(field);
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    static EffectMeasure measure(JsonNode ref) {
        return EffectMeasure.valueOf(ref.get("measure").asText());
    }

    /** The effect sizes recomputed in Java from the counts in the reference file. */
    static EffectSizes effectSizes(JsonNode ref) {
        EffectMeasure m = measure(ref);
        JsonNode d = ref.get("data");
        return switch (m.kind()) {
            case TWO_GROUP -> EffectSizes.twoGroup(m, ints(d.get("ai")), ints(d.get("n1i")), ints(d.get("ci")),
                    ints(d.get("n2i")));
            case SINGLE_PROPORTION -> EffectSizes.proportion(m, ints(d.get("xi")), ints(d.get("ni")));
            case CONTINUOUS -> EffectSizes.continuous(m, doubles(d.get("m1i")), doubles(d.get("sd1i")), ints(d.get("n1i")),
                    doubles(d.get("m2i")), doubles(d.get("sd2i")), ints(d.get("n2i")));
            case HAZARD_RATIO, GENERIC -> EffectSizes.generic(m, doubles(ref.get("yi")), doubles(ref.get("vi")));
        };
    }
}
