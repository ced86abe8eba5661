package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@link FastYaml} against Jackson's YAML parser (SnakeYAML underneath): whenever FastYaml translates a file, the
 * YAML parser gives exactly the tokens the JSON parser gives for the translation ({@link FastYamlContract}). The
 * corpus is every YAML file of the test resources and trials/, 200 generated trial files and seeded mutants of
 * all of them; exact JSON for each construct of the subset; one test per reason to decline; the number syntax and
 * the first-character shortcut against SnakeYAML's {@link Resolver}.
 */
class FastYamlTest {

    private static final long SEED = 20261125L;
    private static final int GENERATED = 200;
    private static final int MUTANTS_PER_FILE = 14;
    /** Of the mutants, at least this many must be accepted (so the test cannot pass by declining everything). */
    private static final int MIN_ACCEPTED_MUTANTS = 1000;
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private static List<Path> corpusFiles;
    private static List<String> generated;

    @BeforeAll
    static void corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Path.of("src/test/resources"), Path.of("trials"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted().forEach(files::add);
            }
        }
        corpusFiles = files;
        generated = GeneratedTrials.files(GENERATED, SEED);
    }

    private static List<byte[]> baseTexts() throws IOException {
        List<byte[]> bases = new ArrayList<>();
        for (Path p : corpusFiles) {
            bases.add(Files.readAllBytes(p));
        }
        for (String g : generated) {
            bases.add(g.getBytes(StandardCharsets.UTF_8));
        }
        return bases;
    }

    // ---- the contract on the corpus and its mutants ----

    @Test
    void corpusHasTheResourceAndCuratedFiles() {
        assertThat(corpusFiles).hasSizeGreaterThanOrEqualTo(90);
        assertThat(corpusFiles).contains(Path.of("trials/ramp-201.yaml"), Path.of("trials/sources.yaml"),
                Path.of("src/test/resources/fixtures/valid/minimal/example.yaml"));
    }

    @Test
    void acceptedFilesGiveYamlParsersTokensOnEveryResourceAndCuratedFile() throws IOException {
        int accepted = 0;
        for (Path p : corpusFiles) {
            if (FastYamlContract.check(Files.readAllBytes(p))) {
                accepted++;
            }
        }
        // The valid fixture is in the subset (the curated trials wrap long flow mappings over lines: declined).
        for (Path p : List.of(Path.of("trials/sources.yaml"), Path.of("src/test/resources/fixtures/valid/minimal/example.yaml"),
                Path.of("src/test/resources/fixtures/valid/minimal/sources.yaml"))) {
            assertThat(FastYaml.toJson(Files.readAllBytes(p))).as(p.toString()).isNotNull();
        }
        assertThat(accepted).as("accepted of %d", corpusFiles.size()).isGreaterThanOrEqualTo(corpusFiles.size() * 3 / 4);
    }

    @Test
    void acceptedFilesGiveYamlParsersTokensOnEveryGeneratedTrialFile() {
        for (int i = 0; i < generated.size(); i++) {
            byte[] file = generated.get(i).getBytes(StandardCharsets.UTF_8);
            assertThat(FastYamlContract.check(file)).as("generated file %d is in the subset:%n%s", i, generated.get(i))
                    .isTrue();
        }
    }

    @Test
    void acceptedFilesGiveYamlParsersTokensOnSeededMutantsOfTheCorpus() throws IOException {
        SplittableRandom rnd = new SplittableRandom(SEED);
        int accepted = 0;
        int declined = 0;
        for (byte[] base : baseTexts()) {
            String text = new String(base, StandardCharsets.UTF_8);
            for (int m = 0; m < MUTANTS_PER_FILE; m++) {
                byte[] mutant = YamlMutator.mutate(text, rnd);
                if (m % 3 == 2) { // a second edit on every third mutant
                    mutant = YamlMutator.mutate(new String(mutant, StandardCharsets.UTF_8), rnd);
                }
                if (FastYamlContract.check(mutant)) {
                    accepted++;
                } else {
                    declined++;
                }
            }
        }
        System.out.printf(java.util.Locale.ROOT, "FastYaml mutants: %d accepted, %d declined%n", accepted, declined);
        assertThat(accepted + declined).isGreaterThanOrEqualTo(4000);
        assertThat(accepted).isGreaterThanOrEqualTo(MIN_ACCEPTED_MUTANTS);
        assertThat(declined).isGreaterThanOrEqualTo(MIN_ACCEPTED_MUTANTS);
    }

    @Test
    void acceptedFilesGiveYamlParsersTokensForEverySpecialValueInEveryPosition() {
        List<String> templates = List.of("a: %s\n", "a:\n  - %s\n", "- %s\n", "a: [%s]\n", "a: [x, %s, y]\n",
                "a: {b: %s}\n", "a: {b: %s, c: d}\n", "a:\n- b: %s\n  c: d\n", "%s: a\n", "a: %s # c\n", "a: x %s\n",
                "a: '%s'\n", "a: \"%s\"\n", "a: %s\nb: c\n", "a:\n  b: %s\n  c: %s\n");
        int accepted = 0;
        for (String t : templates) {
            for (String v : YamlMutator.SPECIALS) {
                if (FastYamlContract.check(YamlMutator.utf8(t.replace("%s", v)))) {
                    accepted++;
                }
            }
        }
        assertThat(accepted).isGreaterThanOrEqualTo(100);
    }

    // ---- exact JSON for each construct ----

    static Stream<Arguments> constructs() {
        return Stream.of(
                Arguments.of("block mapping", "id: a\nname: Trial A\n", "{\"id\":\"a\",\"name\":\"Trial A\"}"),
                Arguments.of("no final line break", "a: b", "{\"a\":\"b\"}"),
                Arguments.of("the same key in different mappings", "id: t\na:\n  - id: x\n    b: {id: y}\n  - id: z\n",
                        "{\"id\":\"t\",\"a\":[{\"id\":\"x\",\"b\":{\"id\":\"y\"}},{\"id\":\"z\"}]}"),
                Arguments.of("nested mappings", "a:\n  b:\n    c: d\n  e: f\ng: h\n",
                        "{\"a\":{\"b\":{\"c\":\"d\"},\"e\":\"f\"},\"g\":\"h\"}"),
                Arguments.of("block sequence", "a:\n  - x\n  - y z\n", "{\"a\":[\"x\",\"y z\"]}"),
                Arguments.of("sequence at its key's indentation", "a:\n- x\n- y\nb: c\n", "{\"a\":[\"x\",\"y\"],\"b\":\"c\"}"),
                Arguments.of("mapping on a sequence entry's line", "a:\n  - id: x\n    n: 1\n  - id: y\n",
                        "{\"a\":[{\"id\":\"x\",\"n\":1},{\"id\":\"y\"}]}"),
                Arguments.of("nested block under an empty entry", "a:\n  -\n    b: c\n  - # note\n    - d\n",
                        "{\"a\":[{\"b\":\"c\"},[\"d\"]]}"),
                Arguments.of("sequence under a key of an entry's mapping", "a:\n- b:\n  - c\n  d: e\n",
                        "{\"a\":[{\"b\":[\"c\"],\"d\":\"e\"}]}"),
                Arguments.of("flow sequence", "a: [x, y z, 1, -2.5, true, 'q', \"r\"]\n",
                        "{\"a\":[\"x\",\"y z\",1,-2.5,true,\"q\",\"r\"]}"),
                Arguments.of("flow mapping with nested flows", "a: {k: v, l: [1, {m: n}], o: {}, p: []}\n",
                        "{\"a\":{\"k\":\"v\",\"l\":[1,{\"m\":\"n\"}],\"o\":{},\"p\":[]}}"),
                Arguments.of("flow with spaces inside", "a: [ x ,  y ]\n", "{\"a\":[\"x\",\"y\"]}"),
                Arguments.of("flow on a sequence entry", "a:\n  - [1, 2]\n  - {b: c}\n", "{\"a\":[[1,2],{\"b\":\"c\"}]}"),
                Arguments.of("numbers pass through with their text", "a: 12\nb: -0.40\nc: 1.5e3\nd: 0\ne: -7\nf: 2E-3\n",
                        "{\"a\":12,\"b\":-0.40,\"c\":1.5e3,\"d\":0,\"e\":-7,\"f\":2E-3}"),
                Arguments.of("booleans", "a: true\nb: false\n", "{\"a\":true,\"b\":false}"),
                Arguments.of("dates and timestamps stay text", "a: 2024-06-30\nb: 2024-06-30T12:00:00Z\n",
                        "{\"a\":\"2024-06-30\",\"b\":\"2024-06-30T12:00:00Z\"}"),
                Arguments.of("words that look typed but are not", "a: True story\nb: 12 mg\nc: v1.2\nd: -x\ne: nulls\n",
                        "{\"a\":\"True story\",\"b\":\"12 mg\",\"c\":\"v1.2\",\"d\":\"-x\",\"e\":\"nulls\"}"),
                Arguments.of("plain text with inner # and colons", "a: x#y\nb: http://e.org/a:b\nc: 10:a\n",
                        "{\"a\":\"x#y\",\"b\":\"http://e.org/a:b\",\"c\":\"10:a\"}"),
                Arguments.of("plain text with quotes and backslashes", "a: say \"hi\" \\o/ it's\n",
                        "{\"a\":\"say \\\"hi\\\" \\\\o/ it's\"}"),
                Arguments.of("single-quoted", "a: 'it''s \"x\" \\n # not a comment'\n",
                        "{\"a\":\"it's \\\"x\\\" \\\\n # not a comment\"}"),
                Arguments.of("double-quoted escapes", "a: \"q\\\" b\\\\ n\\n t\\t u\\u00e9 \\u0001 \\u2028\"\n",
                        "{\"a\":\"q\\\" b\\\\ n\\u000a t\\u0009 u\u00e9 \\u0001 \u2028\"}"),
                Arguments.of("quoted numbers and words stay text", "a: '12'\nb: \"yes\"\nc: '~'\n",
                        "{\"a\":\"12\",\"b\":\"yes\",\"c\":\"~\"}"),
                Arguments.of("non-ASCII text", "a: caf\u00e9 \u20ac \u00b5g\n", "{\"a\":\"caf\u00e9 \u20ac \u00b5g\"}"),
                Arguments.of("comments and blank lines", "# head\n\na: b # tail\n   # indented\n\nc: [d] # after flow\ne: 'f'   # q\n",
                        "{\"a\":\"b\",\"c\":[\"d\"],\"e\":\"f\"}"),
                Arguments.of("trailing spaces", "a: b   \nc:   d  \n", "{\"a\":\"b\",\"c\":\"d\"}"),
                Arguments.of("CRLF line ends", "a: b\r\nc:\r\n  - d\r\n", "{\"a\":\"b\",\"c\":[\"d\"]}"),
                Arguments.of("YAML 1.2 octal 0o17 and a comma without a space are text to YAML 1.1", "a: 0o17\nb: [c,d]\n",
                        "{\"a\":\"0o17\",\"b\":[\"c\",\"d\"]}"),
                Arguments.of("keys are never typed", "true: a\nnull: b\nyes: c\n", "{\"true\":\"a\",\"null\":\"b\",\"yes\":\"c\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructs")
    void constructGivesExactJsonAndYamlParsersTokens(String construct, String yaml, String json) {
        assertThat(FastYamlContract.json(yaml)).isEqualTo(json);
        assertThat(FastYamlContract.check(yaml.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    /** A block mapping with {@code n} distinct keys. */
    private static String manyKeys(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append('k').append(i).append(": ").append(i).append('\n');
        }
        return s.toString();
    }

    /** The inside of a flow mapping with {@code n} distinct keys. */
    private static String manyFlowKeys(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ", ").append('k').append(i).append(": ").append(i);
        }
        return s.toString();
    }

    // ---- one test per reason to decline: the control text is accepted, the variant declined ----

    static Stream<Arguments> declines() {
        String deep = "a: " + "[".repeat(TrialLoader.MAX_NESTING) + "]".repeat(TrialLoader.MAX_NESTING) + "\n";
        String ok49 = "a: " + "[".repeat(TrialLoader.MAX_NESTING - 1) + "]".repeat(TrialLoader.MAX_NESTING - 1) + "\n";
        String key = "k".repeat(FastYaml.MAX_KEY);
        return Stream.of(
                Arguments.of("tab", "a: b c\n", "a: b\tc\n"),
                Arguments.of("tab as indentation", "a:\n  b: c\n", "a:\n\tb: c\n"),
                Arguments.of("byte-order mark", "a: b\n", "\ufeffa: b\n"),
                Arguments.of("literal block scalar |", "a: x\n", "a: |\n  x\n"),
                Arguments.of("folded block scalar >", "a: x\n", "a: >\n  x\n"),
                Arguments.of("anchor &a", "a: x\n", "a: &a x\n"),
                Arguments.of("alias *a", "a: x\nb: y\n", "a: x\nb: *a\n"),
                Arguments.of("tag !x", "a: y\n", "a: !x y\n"),
                Arguments.of("standard tag !!str", "a: y\n", "a: !!str y\n"),
                Arguments.of("directive %YAML", "a: b\n", "%YAML 1.1\n---\na: b\n"),
                Arguments.of("document start ---", "a: b\n", "---\na: b\n"),
                Arguments.of("document end ...", "a: b\n", "a: b\n...\n"),
                Arguments.of("multi-line plain scalar", "a: b\n", "a: b\n  c\n"),
                Arguments.of("multi-line plain scalar in a sequence", "a:\n  - b\n", "a:\n  - b\n    c\n"),
                Arguments.of("multi-line double-quoted scalar", "a: \"b c\"\n", "a: \"b\n  c\"\n"),
                Arguments.of("multi-line single-quoted scalar", "a: 'b c'\n", "a: 'b\n  c'\n"),
                Arguments.of("multi-line flow sequence", "a: [b, c]\n", "a: [b,\n  c]\n"),
                Arguments.of("multi-line flow mapping", "a: {b: c}\n", "a: {b:\n  c}\n"),
                Arguments.of("empty value key:", "a: x\nb: c\n", "a:\nb: c\n"),
                Arguments.of("empty value at the end", "a: x\n", "a:\n"),
                Arguments.of("empty sequence entry", "a:\n  - x\n", "a:\n  -\n"),
                Arguments.of("empty value in a flow mapping", "a: {b: c}\n", "a: {b: }\n"),
                Arguments.of("complex key ?", "a: b\n", "? a\n: b\n"),
                Arguments.of("double-quoted key", "a: 1\n", "\"a\": 1\n"),
                Arguments.of("single-quoted key", "a: 1\n", "'a': 1\n"),
                Arguments.of("key with a space", "ab: 1\n", "a b: 1\n"),
                Arguments.of("key with a hyphen", "ab: 1\n", "a-b: 1\n"),
                Arguments.of("quoted key in a flow mapping", "a: {b: 1}\n", "a: {\"b\": 1}\n"),
                Arguments.of("yes", "a: true\n", "a: yes\n"),
                Arguments.of("On in a flow", "a: [true]\n", "a: [On]\n"),
                Arguments.of("~", "a: x\n", "a: ~\n"),
                Arguments.of("null", "a: x\n", "a: null\n"),
                Arguments.of("Null in a flow mapping", "a: {b: x}\n", "a: {b: Null}\n"),
                Arguments.of("octal 017", "a: 17\n", "a: 017\n"),
                Arguments.of("hexadecimal", "a: 17\n", "a: 0x1F\n"),
                Arguments.of("1_000", "a: 1000\n", "a: 1_000\n"),
                Arguments.of(".5", "a: 0.5\n", "a: .5\n"),
                Arguments.of("1.", "a: 1.0\n", "a: 1.\n"),
                Arguments.of("+1", "a: 1\n", "a: +1\n"),
                Arguments.of("sexagesimal 12:30", "a: 1230\n", "a: 12:30\n"),
                Arguments.of("-.inf", "a: -1.0\n", "a: -.inf\n"),
                Arguments.of(".NaN", "a: 1.0\n", "a: .NaN\n"),
                Arguments.of("merge key <<", "a: x\n", "a: <<\n"),
                Arguments.of("lone CR", "a: b\nc: d\n", "a: b\rc: d\n"),
                Arguments.of("invalid UTF-8 (Latin-1 byte)", "a: caf\u00e9\n", new byte[] {'a', ':', ' ', 'c', 'a', 'f', (byte) 0xE9, '\n'}),
                Arguments.of("invalid UTF-8 (stray continuation byte)", "a: b\n", new byte[] {'a', ':', ' ', 'b', (byte) 0x80, '\n'}),
                Arguments.of("invalid UTF-8 (overlong)", "a: /\n", new byte[] {'a', ':', ' ', (byte) 0xC0, (byte) 0xAF, '\n'}),
                Arguments.of("invalid UTF-8 (surrogate)", "a: b\n", new byte[] {'a', ':', ' ', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'}),
                Arguments.of("4-byte UTF-8 (emoji)", "a: \u263a\n", "a: \ud83d\ude00\n"),
                Arguments.of("emoji escape \\U0001F600", "a: \"\\u263a\"\n", "a: \"\\U0001F600\"\n"),
                Arguments.of("surrogate escape \\ud83d", "a: \"\\u263a\"\n", "a: \"\\ud83d\\ude00\"\n"),
                Arguments.of("other escape \\x41", "a: \"\\u0041\"\n", "a: \"\\x41\"\n"),
                Arguments.of("NUL", "a: b\n", "a: b\u0000\n"),
                Arguments.of("DEL", "a: b\n", "a: b\u007f\n"),
                Arguments.of("C1 control NEL", "a: b\n", "a: b\u0085\n"),
                Arguments.of("line separator U+2028", "a: b\n", "a: b\u2028\n"),
                Arguments.of("nesting deeper than MAX_NESTING", ok49, deep),
                Arguments.of("block nesting deeper than MAX_NESTING", blockNesting(TrialLoader.MAX_NESTING),
                        blockNesting(TrialLoader.MAX_NESTING + 1)),
                Arguments.of("key longer than 1024 characters", key + ": v\n", key + "k: v\n"),
                Arguments.of("key longer than 1024 characters on a sequence entry", "a:\n  - " + key + ": v\n",
                        "a:\n  - " + key + "k: v\n"),
                Arguments.of("key longer than 1024 characters in a flow mapping", "a: {" + key + ": v}\n",
                        "a: {" + key + "k: v}\n"),
                Arguments.of("duplicate key", "a: 1\nb: 2\n", "a: 1\na: 2\n"),
                Arguments.of("duplicate key in a nested mapping", "a:\n  b: 1\n  c: 2\n", "a:\n  b: 1\n  b: 2\n"),
                Arguments.of("duplicate key on a sequence entry", "a:\n  - b: 1\n    c: 2\n",
                        "a:\n  - b: 1\n    b: 2\n"),
                Arguments.of("duplicate key in a flow mapping", "a: {b: 1, c: 2}\n", "a: {b: 1, b: 2}\n"),
                Arguments.of("more than MAX_MAPPING_KEYS keys in a block mapping", manyKeys(FastYaml.MAX_MAPPING_KEYS),
                        manyKeys(FastYaml.MAX_MAPPING_KEYS + 1)),
                Arguments.of("more than MAX_MAPPING_KEYS keys in a flow mapping",
                        "a: {" + manyFlowKeys(FastYaml.MAX_MAPPING_KEYS) + "}\n",
                        "a: {" + manyFlowKeys(FastYaml.MAX_MAPPING_KEYS + 1) + "}\n"),
                Arguments.of("trailing comma in a flow sequence", "a: [1, 2]\n", "a: [1, 2,]\n"),
                Arguments.of("trailing comma in a flow mapping", "a: {b: c}\n", "a: {b: c,}\n"),
                Arguments.of("colon without a space in a flow mapping", "a: {b: 1}\n", "a: {b:1}\n"),
                Arguments.of("mapping value on a mapping line", "a: b\n", "a: b: c\n"),
                Arguments.of("text after a quoted scalar", "a: 'b'\n", "a: 'b' c\n"),
                Arguments.of("comment without a space after a flow", "a: [b] #c\n", "a: [b]#c\n"),
                Arguments.of("top-level sequence", "a:\n  - b\n", "- b\n"),
                Arguments.of("indented first line", "a: b\n", " a: b\n"),
                Arguments.of("over-indented key", "a:\n  b: c\n  d: e\n", "a:\n  b: c\n   d: e\n"),
                Arguments.of("sequence on a sequence entry's line", "a:\n  - b\n", "a:\n  - - b\n"),
                Arguments.of("indicator starting a plain scalar", "a: b\n", "a: @b\n"),
                Arguments.of("empty file", "a: b\n", ""),
                Arguments.of("comments only", "# x\na: b\n", "# x\n"));
    }

    /** {@code levels} nested block collections: mappings {@code a:} and, innermost, a sequence. */
    private static String blockNesting(int levels) {
        StringBuilder sb = new StringBuilder();
        String indent = "";
        for (int i = 0; i < levels - 1; i++) {
            sb.append(indent).append("a:\n");
            indent += "  ";
        }
        return sb.append(indent).append("- x\n").toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declines")
    void declinesOutsideTheSubsetAndAcceptsTheControl(String reason, String control, Object variant) {
        byte[] bytes = variant instanceof byte[] b ? b : ((String) variant).getBytes(StandardCharsets.UTF_8);
        assertThat(FastYaml.toJson(control.getBytes(StandardCharsets.UTF_8))).as("control %s", control).isNotNull();
        assertThat(FastYamlContract.check(control.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(FastYaml.toJson(bytes)).as("declines %s", FastYamlContract.show(bytes)).isNull();
    }

    // ---- number syntax and implicit types against SnakeYAML's Resolver ----

    @Test
    void jsonNumberAgreesWithResolverOnASweepOfNumbers() {
        Resolver resolver = new Resolver();
        List<String> values = numberSweep();
        int numbers = 0;
        for (String v : values) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            Tag tag = FastYaml.jsonNumber(b, 0, b.length);
            byte[] padded = ("9." + v + "e").getBytes(StandardCharsets.UTF_8);
            assertThat(FastYaml.jsonNumber(padded, 2, 2 + b.length)).as("range of %s", v).isEqualTo(tag);
            boolean json = JSON_NUMBER.matcher(v).matches() && v.length() <= 100;
            if (!json) {
                assertThat(tag).as(v).isNull();
                continue;
            }
            numbers++;
            Tag expected = v.contains(".") || v.contains("e") || v.contains("E") ? Tag.FLOAT : Tag.INT;
            assertThat(tag).as(v).isEqualTo(expected);
            assertThat(resolver.resolve(NodeId.scalar, v, true)).as("Resolver on %s", v).isEqualTo(tag);
            FastYamlContract.check(("a: " + v + "\nb: [" + v + "]\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(numbers).isGreaterThan(1000);
    }

    private static List<String> numberSweep() {
        Set<String> values = new LinkedHashSet<>();
        SplittableRandom rnd = new SplittableRandom(SEED);
        String[] edge = {"0", "-0", "00", "01", "-01", "0.0", "-0.0", "0.", ".0", "1.", "1.e5", "1e", "1e+", "1e-",
            "e5", "-", "+", "+0", "1_0", "0x10", "0o7", "1.5.2", "1e5.5", "--1", "1-", "1 ", " 1", "2147483647",
            "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "123456789012345678901234567890", "1e308", "1e309", "-1e400", "4.9e-324",
            "1e-400", "0.1", "0.30000000000000004", "1E5", "1E+05", "1e-05", "1.0e0", "1" + "0".repeat(99),
            "1" + "0".repeat(100), "0." + "1".repeat(98), "0." + "1".repeat(99)};
        values.addAll(List.of(edge));
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            if (rnd.nextInt(3) == 0) {
                sb.append(rnd.nextInt(5) == 0 ? '+' : '-');
            }
            int digits = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 25 : 6);
            for (int d = 0; d < digits; d++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            if (rnd.nextInt(10) == 0) {
                sb.insert(sb.length() / 2, '_');
            }
            if (rnd.nextBoolean()) {
                sb.append('.');
                int f = rnd.nextInt(6);
                for (int d = 0; d < f; d++) {
                    sb.append((char) ('0' + rnd.nextInt(10)));
                }
            }
            if (rnd.nextInt(3) == 0) {
                sb.append(rnd.nextBoolean() ? 'e' : 'E');
                int s = rnd.nextInt(3);
                if (s > 0) {
                    sb.append(s == 1 ? '+' : '-');
                }
                int e = rnd.nextInt(4);
                for (int d = 0; d < e; d++) {
                    sb.append((char) ('0' + rnd.nextInt(10)));
                }
            }
            values.add(sb.toString());
        }
        return new ArrayList<>(values);
    }

    @Test
    void typesAgreeWithResolverOnEveryPlainScalarOfTheCorpusAndMutants() throws IOException {
        Resolver resolver = new Resolver();
        FastYaml.Types types = new FastYaml.Types();
        Set<String> scalars = new LinkedHashSet<>();
        SplittableRandom rnd = new SplittableRandom(SEED + 1);
        for (byte[] base : baseTexts()) {
            String text = new String(base, StandardCharsets.UTF_8);
            plainScalars(text, scalars);
            for (int m = 0; m < 3; m++) {
                plainScalars(new String(YamlMutator.mutate(text, rnd), StandardCharsets.UTF_8), scalars);
            }
        }
        scalars.addAll(YamlMutator.SPECIALS);
        assertThat(scalars).hasSizeGreaterThan(1000);
        int shortcut = 0;
        for (String v : scalars) {
            Tag expected = resolver.resolve(NodeId.scalar, v, true);
            assertThat(types.of(v)).as(v).isEqualTo(expected);
            assertThat(types.of(v)).as("remembered %s", v).isEqualTo(expected);
            if (!v.isEmpty() && v.charAt(0) < 128 && !types.typedFirst(v.charAt(0))) {
                shortcut++;
                assertThat(expected).as("Resolver on %s (first character has no implicit type)", v).isEqualTo(Tag.STR);
            }
        }
        assertThat(shortcut).as("scalars decided by the first character").isGreaterThan(100);
    }

    @Test
    void typedFirstFalseMeansResolverGivesStrForStringsStartingWithThatCharacter() {
        Resolver resolver = new Resolver();
        FastYaml.Types types = new FastYaml.Types();
        List<String> tails = List.of("", "0", "1", "12", ".5", "e5", "_1", ":30", "x", " y", "-06-30", "inf", ".inf",
                "nan", "rue", "alse", "ull", "es", "o", "n", "ff", "<", "=", "~", "0o17", "x1F", "2024-06-30",
                "024-06-30", "1:30", "b101", "+1");
        int untyped = 0;
        // A plain scalar FastYaml types starts with a printable non-space character (it declines controls, and
        // values start after the spaces); " " alone is null to the Resolver, but never such a scalar.
        for (int c = 0x21; c < 0x7F; c++) {
            if (types.typedFirst(c)) {
                continue;
            }
            untyped++;
            for (String tail : tails) {
                String v = (char) c + tail;
                assertThat(resolver.resolve(NodeId.scalar, v, true)).as("Resolver on %s", v).isEqualTo(Tag.STR);
            }
        }
        assertThat(untyped).as("ASCII characters that start no implicit type (the shortcut is on)").isGreaterThan(40);
        for (char c : "0123456789-+.~nNtTfFyYoO<".toCharArray()) {
            assertThat(types.typedFirst(c)).as("typedFirst(%s)", c).isTrue();
        }
    }

    /** Adds the plain scalars SnakeYAML's parser reports for {@code text} (up to its first error). */
    private static void plainScalars(String text, Set<String> into) {
        Yaml yaml = new Yaml(new LoaderOptions());
        try {
            for (Event e : yaml.parse(new StringReader(text))) {
                if (e instanceof ScalarEvent s && s.isPlain()) {
                    into.add(s.getValue());
                }
            }
        } catch (RuntimeException e) {
            // a mutant that is not YAML: keep the scalars read so far
        }
    }
}
