package org.trialmeta.repository;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.trialmeta.model.InputException;
import org.trialmeta.model.Source;
import org.trialmeta.model.Trial;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.repository.TrialDtos.ArmDto;
import org.trialmeta.repository.TrialDtos.BinaryDto;
import org.trialmeta.repository.TrialDtos.CutDto;
import org.trialmeta.repository.TrialDtos.OutcomeDto;
import org.trialmeta.repository.TrialDtos.ProvenanceDto;
import org.trialmeta.repository.TrialDtos.SourceDto;
import org.trialmeta.repository.TrialDtos.SourcesFile;
import org.trialmeta.repository.TrialDtos.SubgroupDto;
import org.trialmeta.repository.TrialDtos.TimeToEventDto;
import org.trialmeta.repository.TrialDtos.TrialDto;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Loads a trials directory: {@code sources.yaml} plus one YAML file per trial ({@code *.yaml} or
 * {@code *.yml}, top level only, in file-name order), into a {@link TrialRepository}.
 *
 * <p>Each file is parsed by Jackson into {@link TrialDtos} (unknown keys, wrong value types and
 * unknown outcome kinds are collected rather than fatal), checked by Hibernate Validator, then by
 * the structural rules (unique ids in the trial, subgroup/cut/arm references), and across files
 * (unique trial ids, source ids defined in {@code sources.yaml}). Every problem of every file is
 * collected and thrown together as a {@link TrialLoadException}; files are named as the user gave
 * the directory ({@code trials/frame.yaml}).
 *
 * <p>Limits: a file may have at most {@value #MAX_FILE_BYTES} bytes, {@value #MAX_ALIASES} aliases,
 * {@value #MAX_NESTING} levels of nesting, lines of {@value #MAX_LINE_BYTES} bytes and values of
 * {@value #MAX_SCALAR_CHARS} characters, so alias bombs, huge files and huge scalars fail at once with one
 * clear problem. One instance is thread-safe and reused: the mapper, readers and validator are built once.
 */
public final class TrialLoader {

    public static final String SOURCES_FILE = "sources.yaml";
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    public static final int MAX_ALIASES = 50;
    public static final int MAX_NESTING = 50;
    /**
     * Longest line of a trial file (bytes), checked before any parser sees the file: SnakeYAML scans a long
     * line in time that grows faster than its length (a 9 MB key took 48-87 s); a longer line is refused at
     * once with one problem.
     */
    public static final int MAX_LINE_BYTES = 64 * 1024;
    /** Longest scalar (characters), also over several lines: a note longer than this is not a curated datum. */
    public static final int MAX_SCALAR_CHARS = 64 * 1024;

    private static final String PROBLEMS = "trialmeta.parse-problems";
    /** The {@link TextPool} of the load a file is read in (absent: texts are kept as read). */
    private static final String POOL = "trialmeta.text-pool";

    private final ObjectReader trialReader;
    private final ObjectReader sourcesReader;
    /** The same readers over JSON, for files {@link FastYaml} translates; null when the fast path is off. */
    private final ObjectReader jsonTrialReader;
    private final ObjectReader jsonSourcesReader;
    /** Built on first use: files ValidPrecheck passes never need it (building it costs 0.3 s at start-up). */
    private volatile Validator validator;
    /** Whether {@link ValidPrecheck} may skip the validator for surely valid files (on with the fast path). */
    private final boolean precheck;

    private static final class Holder {
        static final TrialLoader INSTANCE = new TrialLoader(true);
    }

    /**
     * A loader; {@code fastPath} lets {@link FastYaml} read the files in its subset and {@link ValidPrecheck} skip
     * the validator for surely valid files (the results are the same either way: tests compare the two).
     */
    TrialLoader(boolean fastPath) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setAllowDuplicateKeys(false);
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_SCALAR_CHARS).build();
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(limits).build();
        YAMLMapper mapper = configure(YAMLMapper.builder(factory), true);
        this.trialReader = mapper.readerFor(TrialDto.class);
        this.sourcesReader = mapper.readerFor(SourcesFile.class);
        if (fastPath) {
            // FastYaml declines duplicate keys, so the JSON parser need not track every object's names.
            JsonMapper json = configure(JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits).build()),
                    false);
            this.jsonTrialReader = json.readerFor(TrialDto.class);
            this.jsonSourcesReader = json.readerFor(SourcesFile.class);
        } else {
            this.jsonTrialReader = null;
            this.jsonSourcesReader = null;
        }
        this.precheck = fastPath;
    }

    /**
     * The deserialization settings, the same for the YAML and the JSON mapper; {@code duplicates}: whether the
     * parser looks for duplicate keys.
     */
    private static <M extends com.fasterxml.jackson.databind.ObjectMapper, B extends MapperBuilder<M, B>> M configure(
            B builder, boolean duplicates) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, duplicates)
                .addHandler(new CollectingHandler())
                .addModule(new SimpleModule("strict-numbers")
                        .addDeserializer(Integer.class, new StrictNumber<>(Integer.class))
                        .addDeserializer(Double.class, new StrictNumber<>(Double.class))
                        .addDeserializer(String.class, new CappedText()))
                .build();
    }

    private Validator validator() {
        Validator v = validator;
        if (v == null) {
            synchronized (this) {
                v = validator;
                if (v == null) {
                    validator = v = buildValidator();
                }
            }
        }
        return v;
    }

    /**
     * The Hibernate Validator. Every message of our constraints is plain text (the value and rule are added
     * by {@link #validate}), so the {@link ParameterMessageInterpolator} gives the same messages as the default
     * expression-language interpolator without starting an EL implementation; there is no
     * {@code META-INF/validation.xml}, so its lookup is skipped.
     */
    private static Validator buildValidator() {
        ValidatorFactory vf = Validation.byProvider(HibernateValidator.class).configure()
                .ignoreXmlConfiguration()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        return vf.getValidator();
    }


    /** The shared loader (building one takes a few hundred milliseconds; reuse it). */
    public static TrialLoader shared() {
        return Holder.INSTANCE;
    }

    /** Loads {@code dir} with the shared loader. */
    public static TrialRepository loadDirectory(Path dir) {
        return shared().load(dir);
    }

    /**
     * Loads every trial file of {@code dir} and its {@code sources.yaml}.
     *
     * @throws InputException      when {@code dir} is not a readable directory
     * @throws TrialLoadException  with every problem found when any file is invalid
     */
    public TrialRepository load(Path dir) {
        if (!Files.exists(dir)) {
            throw new InputException(dir + ": trials directory not found");
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": not a directory (expected a directory of trial YAML files)");
        }
        Listing listing = list(dir);
        TextPool pool = new TextPool();
        List<String> trialFiles = listing.trialFiles();
        List<Problem> problems = new ArrayList<>(listing.refused());
        Path sourcesPath = dir.resolve(SOURCES_FILE);
        Parsed<SourcesFile> sources = listing.sourcesRefused() ? new Parsed<>(sourcesPath.toString(), null, null, null, List.of())
                : parseSources(sourcesPath.toString(), sourcesPath, pool);
        problems.addAll(sources.problems());

        Set<String> sourceIds = null;
        if (sources.value() != null && sources.problems().isEmpty()) {
            sourceIds = new HashSet<>();
            for (SourceDto s : sources.value().sources) {
                sourceIds.add(s.id);
            }
        }
        Set<String> knownSources = sourceIds;
        // Files are independent: parse, validate and convert them in parallel (the order of the list, and so of
        // trials and problems, is the sorted file order whatever the scheduling).
        List<Parsed<TrialDto>> parsed = trialFiles.parallelStream()
                .map(dir::resolve)
                .map(p -> parseTrial(p.toString(), p, knownSources, pool))
                .toList();

        Map<String, String> firstFileOfTrial = new HashMap<>();
        for (Parsed<TrialDto> p : parsed) {
            problems.addAll(p.problems());
            String id = p.id();
            String first = id == null ? null : firstFileOfTrial.putIfAbsent(id, p.file());
            if (first != null) {
                problems.add(new Problem(p.file(), "id", Checked.quote(id) + " (trial id already used in " + first
                        + "; trial ids must be unique)"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Problem.ORDER);
            throw new TrialLoadException(problems);
        }
        List<Source> sourceRecords = new ArrayList<>();
        for (SourceDto s : sources.value().sources) {
            sourceRecords.add(TrialMapping.toSource(s));
        }
        List<Trial> trials = new ArrayList<>(parsed.size());
        for (Parsed<TrialDto> p : parsed) {
            trials.add(p.record());
        }
        try {
            return new TrialRepository(trials, sourceRecords);
        } catch (IllegalArgumentException e) {
            throw new TrialLoadException(List.of(new Problem(dir.toString(), "", e.getMessage())));
        }
    }

    /**
     * The files of a trials directory as every command sees them: {@code trialFiles} the names of the trial
     * files to read ({@code *.yaml}, {@code *.yml}, not hidden, not {@code sources.yaml}; top level only; sorted),
     * and {@code refused} one problem per entry that looks like a trial file or is {@code sources.yaml} but may
     * not be read (then it is not in {@code trialFiles}; {@code sourcesRefused} when sources.yaml is one).
     */
    public record Listing(List<String> trialFiles, List<Problem> refused, boolean sourcesRefused) {}

    /**
     * Lists {@code dir} ({@link Listing}); the one listing of a trials directory, used by the loader (so by
     * {@code validate} and every command) and by the report's table of file hashes, so that all see and
     * refuse the same files (issue 15: {@code validate} skipped a dangling link, a pipe or a directory named
     * {@code x.yaml} and said OK, then {@code report} failed to read it). Refused, each with one problem:
     * <ul>
     *   <li>a symbolic link that resolves outside the directory (e.g. to {@code /etc/passwd} or
     *       {@code /dev/zero}: its content would be read and echoed in messages), or to nothing;</li>
     *   <li>anything that is not a regular file: a directory, a pipe (reading it would block), a device.</li>
     * </ul>
     * A link to a file inside the directory (or below it) is read like the file.
     *
     * @throws InputException when the directory cannot be listed
     */
    public static Listing list(Path dir) {
        // Names only here (a stat per file and Path objects in the sort comparator cost more than the sort);
        // each file's kind is checked in parallel below.
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if ((lower.endsWith(".yaml") || lower.endsWith(".yml")) && !name.equals(SOURCES_FILE)
                        && !name.startsWith(".")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list directory (" + Messages.withoutClassNames(e.getMessage()) + ")");
        }
        java.util.Collections.sort(names);
        Path realDir;
        try {
            realDir = dir.toRealPath();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list directory (" + Messages.withoutClassNames(e.getMessage()) + ")");
        }
        List<String> refusals = names.parallelStream().map(n -> refusal(realDir, dir.resolve(n))).toList();
        List<String> accepted = new ArrayList<>(names.size());
        List<Problem> refused = new ArrayList<>();
        String sourcesRefusal = Files.exists(dir.resolve(SOURCES_FILE), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                ? refusal(realDir, dir.resolve(SOURCES_FILE)) : null;
        if (sourcesRefusal != null) {
            refused.add(new Problem(dir.resolve(SOURCES_FILE).toString(), "", sourcesRefusal));
        }
        for (int i = 0; i < names.size(); i++) {
            if (refusals.get(i) == null) {
                accepted.add(names.get(i));
            } else {
                refused.add(new Problem(dir.resolve(names.get(i)).toString(), "", refusals.get(i)));
            }
        }
        return new Listing(List.copyOf(accepted), List.copyOf(refused), sourcesRefusal != null);
    }

    /** Why {@code file} (in the directory whose real path is {@code realDir}) may not be read, or null. */
    private static String refusal(Path realDir, Path file) {
        try {
            if (Files.isSymbolicLink(file)) {
                Path target;
                try {
                    target = file.toRealPath();
                } catch (NoSuchFileException e) {
                    return "symbolic link to a file that does not exist (a dangling link; refused)";
                }
                if (!target.startsWith(realDir)) {
                    return "symbolic link to a file outside the trials directory (refused: copy the file into the"
                            + " directory instead)";
                }
            }
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class);
            if (a.isRegularFile()) {
                return null;
            }
            return a.isDirectory() ? "a directory, not a trial file (rename it: names ending in .yaml or .yml are read"
                    + " as trial files)" : "not a regular file (a pipe, socket or device; refused)";
        } catch (NoSuchFileException e) {
            return "file not found (removed while the directory was read)";
        } catch (IOException e) {
            return "cannot read file (" + Messages.withoutClassNames(e.getMessage()) + ")";
        }
    }

    /**
     * The result of reading one file: the DTO (null when unreadable; trial files do not keep it, only its
     * {@code id}), its record, and its problems.
     */
    record Parsed<T>(String file, T value, String id, Trial record, List<Problem> problems) {}

    /**
     * Reads, validates and converts one trial file; {@code display} names it in problems. When
     * {@code sourceIds} is not null (sources.yaml was valid), source references are checked against it.
     */
    Parsed<TrialDto> parseTrial(String display, Path path, Set<String> sourceIds) {
        return parseTrial(display, path, sourceIds, new TextPool());
    }

    /** {@link #parseTrial(String, Path, Set)} keeping one copy of each short text in {@code pool}. */
    private Parsed<TrialDto> parseTrial(String display, Path path, Set<String> sourceIds, TextPool pool) {
        List<Problem> problems = new ArrayList<>();
        TrialDto dto = read(display, path, trialReader, jsonTrialReader, TrialDto.class, problems, pool);
        if (dto == null) {
            return new Parsed<>(display, null, null, null, problems);
        }
        validate(display, dto, problems);
        checkStructure(display, dto, problems);
        List<org.trialmeta.model.CurveFile> curveFiles = CurveFiles.read(display, path, dto, problems);
        Trial record = null;
        if (problems.isEmpty()) {
            try {
                record = TrialMapping.toTrial(dto, curveFiles);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(display, "", e.getMessage()));
            }
        }
        if (sourceIds != null) {
            checkSourceIds(display, dto, sourceIds, problems);
        }
        problems.sort(Problem.ORDER);
        return new Parsed<>(display, null, dto.id, problems.isEmpty() ? record : null, problems);
    }

    private Parsed<SourcesFile> parseSources(String display, Path path, TextPool pool) {
        List<Problem> problems = new ArrayList<>();
        if (!Files.exists(path)) {
            problems.add(new Problem(display, "", "file not found (a trials directory needs " + SOURCES_FILE
                    + " listing the sources its data cite)"));
            return new Parsed<>(display, null, null, null, problems);
        }
        SourcesFile dto = read(display, path, sourcesReader, jsonSourcesReader, SourcesFile.class, problems, pool);
        if (dto != null) {
            validate(display, dto, problems);
            if (problems.isEmpty()) {
                Map<String, Integer> seen = new HashMap<>();
                for (int i = 0; i < dto.sources.size(); i++) {
                    Integer j = seen.putIfAbsent(dto.sources.get(i).id, i);
                    if (j != null) {
                        problems.add(new Problem(display, "sources[" + i + "].id", Checked.quote(dto.sources.get(i).id)
                                + " (duplicate of sources[" + j + "].id; source ids must be unique)"));
                    }
                }
            }
        }
        problems.sort(Problem.ORDER);
        return new Parsed<>(display, dto, null, null, problems);
    }

    private <T> T read(String display, Path path, ObjectReader reader, ObjectReader jsonReader, Class<T> type,
            List<Problem> problems, TextPool pool) {
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                problems.add(new Problem(display, "", "file is " + size + " bytes (limit " + MAX_FILE_BYTES + " bytes)"));
                return null;
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            problems.add(new Problem(display, "", "file not found"));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(display, "", "cannot read file (" + e.getMessage() + ")"));
            return null;
        }
        String longLine = longLine(bytes);
        if (longLine != null) {
            problems.add(new Problem(display, "", longLine));
            return null;
        }
        if (jsonReader != null) {
            T fast = readFast(display, bytes, jsonReader.withAttribute(POOL, pool), type);
            if (fast != null) {
                return fast;
            }
        }
        List<Problem> collected = new ArrayList<>();
        Collector collector = new Collector(display, collected);
        T value;
        try (JsonParser parser = mayHaveAlias(bytes) ? new AliasRejectingParser(reader.createParser(bytes), collector)
                : reader.createParser(bytes)) {
            value = reader.withAttribute(PROBLEMS, collector).withAttribute(POOL, pool).readValue(parser, type);
        } catch (JsonProcessingException e) {
            org.yaml.snakeyaml.error.MarkedYAMLException marked = marked(e);
            if (notUtf8(e)) {
                problems.add(new Problem(display, "", "not valid UTF-8 text (save the file as UTF-8)"));
            } else if (marked != null) {
                problems.add(new Problem(display, "", yamlSyntax(marked)));
            } else if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException
                    && String.valueOf(e.getOriginalMessage()).startsWith("No content to map")) {
                problems.add(new Problem(display, "", "file is empty (expected a YAML mapping)"));
            } else if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
                problems.add(new Problem(display, "", ParserMessages.limit(
                        (com.fasterxml.jackson.core.exc.StreamConstraintsException) e)));
            } else if (e instanceof JsonMappingException m
                    && m.getCause() instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException c) {
                problems.add(new Problem(display, pathOf(m), ParserMessages.limit(c)));
            } else if (e instanceof JsonMappingException m) {
                problems.addAll(collected);
                problems.add(new Problem(display, pathOf(m), mappingProblem(m) + where(m.getLocation())));
            } else {
                String at = where(e.getLocation());
                problems.add(new Problem(display, "", (at.isEmpty() ? "" : at.substring(2, at.length() - 1) + ": ")
                        + firstLine(e.getOriginalMessage()) + " (YAML syntax error)"));
            }
            return null;
        } catch (IOException | RuntimeException e) {
            org.yaml.snakeyaml.error.MarkedYAMLException marked = marked(e);
            problems.add(new Problem(display, "", marked != null ? yamlSyntax(marked)
                    : Messages.withoutClassNames(firstLine(String.valueOf(e.getMessage()))) + " (YAML could not be read)"));
            return null;
        }
        problems.addAll(collected);
        if (value == null && collected.isEmpty()) {
            problems.add(new Problem(display, "", "file is empty (expected a YAML mapping)"));
        }
        return value;
    }

    /**
     * The file read through {@link FastYaml} and Jackson's JSON parser, or null when the file is outside
     * FastYaml's subset or has any problem at all: then the YAML reader reads it again and reports every
     * problem in its terms (line and column of the YAML text).
     */
    private static <T> T readFast(String display, byte[] bytes, ObjectReader jsonReader, Class<T> type) {
        FastYaml yaml = FAST_YAML.get();
        try {
            if (!yaml.translate(bytes)) {
                return null;
            }
            List<Problem> collected = new ArrayList<>();
            T value = jsonReader.withAttribute(PROBLEMS, new Collector(display, collected))
                    .readValue(yaml.json(), 0, yaml.length());
            return collected.isEmpty() ? value : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            yaml.release();
        }
    }

    /** One reusable translator per loading thread (its buffers are the fast path's main allocation otherwise). */
    private static final ThreadLocal<FastYaml> FAST_YAML = ThreadLocal.withInitial(FastYaml::new);

    private static boolean notUtf8(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.CharConversionException
                    || String.valueOf(t.getMessage()).contains("java.io.CharConversionException")) {
                return true;
            }
        }
        return false;
    }

    /** The problem of the first line longer than {@link #MAX_LINE_BYTES}, or null (one pass over the bytes). */
    static String longLine(byte[] bytes) {
        int start = 0;
        int line = 1;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i - start > MAX_LINE_BYTES) {
                    return "line " + line + " has " + (i - start) + " bytes (limit " + MAX_LINE_BYTES
                            + " bytes per line of a trial file)";
                }
                start = i + 1;
                line++;
            }
        }
        return null;
    }

    /** An alias needs a '*'; files without one skip the (slower) alias-checking parser. */
    private static boolean mayHaveAlias(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '*') {
                return true;
            }
        }
        return false;
    }

    private static org.yaml.snakeyaml.error.MarkedYAMLException marked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
                return m;
            }
        }
        return null;
    }

    private static String yamlSyntax(org.yaml.snakeyaml.error.MarkedYAMLException m) {
        org.yaml.snakeyaml.error.Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
        String at = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
        String what = (m.getContext() == null ? "" : m.getContext() + ", ") + (m.getProblem() == null ? "" : m.getProblem());
        return at + firstLine(what.strip()) + " (YAML syntax error)";
    }

    private void validate(String display, Object dto, List<Problem> problems) {
        if (precheck && ValidPrecheck.surelyValid(dto)) {
            return; // the validator would find nothing (ValidPrecheck reads the same annotations)
        }
        Set<String> reported = new HashSet<>();
        List<String> badOutcomes = new ArrayList<>();
        for (Problem p : problems) {
            reported.add(p.path());
            if (p.path().endsWith(".kind")) {
                badOutcomes.add(p.path().substring(0, p.path().length() - "kind".length()));
            }
        }
        for (ConstraintViolation<Object> v : validator().validate(dto)) {
            // a list element's constraint: Hibernate names it "list[1].<list element>"; the file's path is "list[1]"
            String path = v.getPropertyPath().toString().replace(".<list element>", "");
            if (reported.contains(path) || badOutcomes.stream().anyMatch(path::startsWith)) {
                continue;
            }
            Annotation a = v.getConstraintDescriptor().getAnnotation();
            boolean complete = a instanceof Checked.Rules || a instanceof Checked.EnumValue || a instanceof Checked.IsoDate
                    || a instanceof Checked.PublicationDate;
            String message = complete ? v.getMessage()
                    : TrialDtos.Values.show(v.getInvalidValue()) + " (" + v.getMessage() + ")";
            problems.add(new Problem(display, path, message));
        }
    }

    /**
     * Unique ids within the trial and references to subgroups, cuts and arms. Null-safe: runs even when
     * other problems were found, so that all problems of a file are listed together (missing values
     * are already reported by the validator).
     */
    private static void checkStructure(String display, TrialDto t, List<Problem> problems) {
        Set<String> subgroups = t.subgroups == null ? null : unique(display, "subgroups",
                t.subgroups.stream().map(s -> s == null ? null : s.id).toList(), "subgroup", problems);
        Set<String> cuts = t.cuts == null ? null
                : unique(display, "cuts", t.cuts.stream().map(c -> c == null ? null : c.id).toList(), "cut", problems);
        Map<String, String> cutoffOfCut = new HashMap<>();
        for (int i = 0; t.cuts != null && i < t.cuts.size(); i++) {
            CutDto c = t.cuts.get(i);
            if (c != null && c.id != null && c.cutoff != null) {
                cutoffOfCut.putIfAbsent(c.id, c.cutoff);
            }
        }
        if (t.arms == null) {
            return;
        }
        Set<String> arms = unique(display, "arms", t.arms.stream().map(a -> a == null ? null : a.id).toList(), "arm",
                problems);
        checkCurveReferences(display, t, subgroups, cuts, arms, problems);
        int firstControl = -1;
        for (int i = 0; i < t.arms.size(); i++) {
            if (t.arms.get(i) != null && Boolean.TRUE.equals(t.arms.get(i).control)) {
                if (firstControl >= 0) {
                    problems.add(new Problem(display, "arms[" + i + "].control", "true (arms[" + firstControl
                            + "] is already the control arm; at most one control arm per trial)"));
                } else {
                    firstControl = i;
                }
            }
        }
        for (int i = 0; i < t.arms.size(); i++) {
            ArmDto arm = t.arms.get(i);
            if (arm == null || arm.outcomes == null) {
                continue;
            }
            for (int j = 0; j < arm.outcomes.size(); j++) {
                OutcomeDto o = arm.outcomes.get(j);
                if (o == null || o instanceof TrialDtos.InvalidOutcomeDto) {
                    continue;
                }
                String at = "arms[" + i + "].outcomes[" + j + "].";
                if (subgroups != null && o.subgroup != null && !subgroups.contains(o.subgroup)) {
                    problems.add(new Problem(display, at + "subgroup", Checked.quote(o.subgroup)
                            + " (unknown subgroup; defined: " + Messages.list(new TreeSet<>(subgroups)) + ")"));
                }
                if (cuts != null && o.cut != null && !cuts.contains(o.cut)) {
                    problems.add(new Problem(display, at + "cut", Checked.quote(o.cut)
                            + " (unknown analysis cut; defined: " + Messages.list(new TreeSet<>(cuts)) + ")"));
                }
                String cutCutoff = o.cut == null ? null : cutoffOfCut.get(o.cut);
                if (cutCutoff != null && o.provenance != null && o.provenance.cutoff != null
                        && !o.provenance.cutoff.equals(cutCutoff)) {
                    problems.add(new Problem(display, at + "provenance.cutoff", Checked.quote(o.provenance.cutoff)
                            + " (differs from the cut-off " + cutCutoff + " of cut '" + o.cut
                            + "'; put the datum in a cut with its own cut-off)"));
                }
                if (o instanceof TimeToEventDto tte && tte.hazardRatio != null && tte.hazardRatio.comparator != null) {
                    String c = tte.hazardRatio.comparator;
                    if (!arms.contains(c) || c.equals(arm.id)) {
                        problems.add(new Problem(display, at + "hazardRatio.comparator", Checked.quote(c)
                                + " (must be the id of another arm of this trial; arms: "
                                + Messages.list(new TreeSet<>(arms)) + ")"));
                    }
                }
            }
        }
    }

    /** Each curve names an arm, subgroup and cut of the trial; one curve per arm, endpoint, subgroup and cut. */
    private static void checkCurveReferences(String display, TrialDto t, Set<String> subgroups, Set<String> cuts,
            Set<String> arms, List<Problem> problems) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; t.curves != null && i < t.curves.size(); i++) {
            TrialDtos.CurveDto c = t.curves.get(i);
            if (c == null) {
                continue;
            }
            String at = "curves[" + i + "].";
            if (c.arm != null && !arms.contains(c.arm)) {
                problems.add(new Problem(display, at + "arm", Checked.quote(c.arm) + " (unknown arm; arms: "
                        + Messages.list(new TreeSet<>(arms)) + ")"));
            }
            if (subgroups != null && c.subgroup != null && !subgroups.contains(c.subgroup)) {
                problems.add(new Problem(display, at + "subgroup", Checked.quote(c.subgroup)
                        + " (unknown subgroup; defined: " + Messages.list(new TreeSet<>(subgroups)) + ")"));
            }
            if (cuts != null && c.cut != null && !cuts.contains(c.cut)) {
                problems.add(new Problem(display, at + "cut", Checked.quote(c.cut)
                        + " (unknown analysis cut; defined: " + Messages.list(new TreeSet<>(cuts)) + ")"));
            }
            if (c.arm != null && c.endpoint != null && c.subgroup != null && c.cut != null) {
                String key = c.arm + "\u0000" + c.endpoint.toUpperCase(Locale.ROOT) + "\u0000" + c.subgroup + "\u0000"
                        + c.cut;
                Integer j = seen.putIfAbsent(key, i);
                if (j != null) {
                    problems.add(new Problem(display, at + "arm", Checked.quote(c.arm) + " (curves[" + j
                            + "] is already this arm's " + c.endpoint + " curve for this subgroup and cut; one curve"
                            + " per arm, endpoint, subgroup and cut)"));
                }
            }
        }
    }

    private static Set<String> unique(String display, String list, List<String> ids, String what, List<Problem> problems) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                continue;
            }
            Integer j = seen.putIfAbsent(ids.get(i), i);
            if (j != null) {
                problems.add(new Problem(display, list + "[" + i + "].id", Checked.quote(ids.get(i)) + " (duplicate of "
                        + list + "[" + j + "].id; " + what + " ids must be unique within a trial)"));
            }
        }
        return seen.keySet();
    }

    private static void checkSourceIds(String display, TrialDto t, Set<String> ids, List<Problem> problems) {
        curveSourceIds(display, t, ids, problems);
        for (int i = 0; t.sources != null && i < t.sources.size(); i++) {
            source(display, "sources[" + i + "]", t.sources.get(i), ids, problems);
        }
        for (int i = 0; t.cuts != null && i < t.cuts.size(); i++) {
            CutDto c = t.cuts.get(i);
            if (c != null && c.provenance != null) {
                source(display, "cuts[" + i + "].provenance.source", c.provenance.source, ids, problems);
            }
        }
        for (int i = 0; t.arms != null && i < t.arms.size(); i++) {
            List<OutcomeDto> outcomes = t.arms.get(i) == null ? null : t.arms.get(i).outcomes;
            for (int j = 0; outcomes != null && j < outcomes.size(); j++) {
                OutcomeDto o = outcomes.get(j);
                if (o == null || o.provenance == null) {
                    continue;
                }
                String at = "arms[" + i + "].outcomes[" + j + "].";
                source(display, at + "provenance.source", o.provenance.source, ids, problems);
                if (o instanceof BinaryDto b && b.reported != null && b.reported.provenance != null) {
                    ProvenanceDto rp = b.reported.provenance;
                    source(display, at + "reported.provenance.source", rp.source, ids, problems);
                }
            }
        }
    }

    private static void curveSourceIds(String display, TrialDto t, Set<String> ids, List<Problem> problems) {
        for (int i = 0; t.curves != null && i < t.curves.size(); i++) {
            TrialDtos.CurveDto c = t.curves.get(i);
            if (c != null && c.provenance != null) {
                source(display, "curves[" + i + "].provenance.source", c.provenance.source, ids, problems);
            }
        }
    }

    private static void source(String display, String path, String id, Set<String> ids, List<Problem> problems) {
        if (id != null && !id.isBlank() && !ids.contains(id)) {
            problems.add(new Problem(display, path, Checked.quote(id) + " (unknown source id; define it in "
                    + SOURCES_FILE + ")"));
        }
    }

    /** " (line L, column C)", or "" when the position is unknown. */
    private static String where(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    /**
     * A mapping failure the handler did not turn into a problem, in the user's terms: what was expected when
     * Jackson knows the target type, else its message without internal class names (never a whole value:
     * values are cut where they are quoted, and the problem's message is cut as a whole).
     */
    private static String mappingProblem(JsonMappingException m) {
        if (m instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi && mi.getTargetType() != null) {
            return "cannot read this value (" + CollectingHandler.expected(mi.getTargetType()) + ")";
        }
        return Messages.withoutClassNames(firstLine(m.getOriginalMessage()));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The property path of the parser's current position, e.g. {@code arms[0].outcomes[2].responders}. */
    static String pathOf(JsonParser p) {
        Deque<String> parts = new ArrayDeque<>();
        JsonStreamContext ctx = p.getParsingContext();
        while (ctx != null && !ctx.inRoot()) {
            if (ctx.inArray()) {
                if (ctx.getEntryCount() > 0) {
                    parts.push("[" + ctx.getCurrentIndex() + "]");
                }
            } else if (ctx.inObject() && ctx.getCurrentName() != null) {
                parts.push("." + ctx.getCurrentName());
            }
            ctx = ctx.getParent();
        }
        String s = String.join("", parts);
        return s.startsWith(".") ? s.substring(1) : s;
    }

    /**
     * Refuses YAML aliases ({@code *name}): Jackson's streaming YAML parser does not expand them (it would
     * silently read the anchor's name as text), so they are reported as problems. This also makes alias
     * bombs harmless; the SnakeYAML {@link LoaderOptions} limits stay as a second line of defence.
     */
    private static final class AliasRejectingParser extends com.fasterxml.jackson.core.util.JsonParserDelegate {
        private final Collector collector;

        AliasRejectingParser(JsonParser delegate, Collector collector) {
            super(delegate);
            this.collector = collector;
        }

        private JsonToken check(JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_STRING && delegate instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y
                    && y.isCurrentAlias()) {
                collector.add(this, "*" + getText() + " (YAML aliases are not supported; write the value out)");
            }
            return t;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return check(delegate.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            return check(delegate.nextValue());
        }

        @Override
        public String nextTextValue() throws IOException {
            return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
        }

        @Override
        public String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
        }

        @Override
        public boolean nextFieldName(com.fasterxml.jackson.core.SerializableString str) throws IOException {
            return nextToken() == JsonToken.FIELD_NAME && str.getValue().equals(currentName());
        }
    }

    /** Per-read problem list, passed to the handler as a reader attribute. */
    private record Collector(String file, List<Problem> problems) {
        void add(JsonParser p, String message) {
            problems.add(new Problem(file, p == null ? "" : pathOf(p), message));
        }
    }

    /**
     * Text as Jackson reads it, refused (a problem, and null) when longer than {@link #MAX_SCALAR_CHARS}: a
     * scalar over many lines passes the line limit, and is not a curated datum either; and refused when it holds
     * a control character other than tab and line break (C0, DEL, C1: {@link Messages#firstUnprintable}), which
     * no figure, SVG or XHTML can show.
     */
    private static final class CappedText extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        CappedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance.deserialize(p, ctxt);
            if (s != null && s.length() > MAX_SCALAR_CHARS) {
                Collector c = (Collector) ctxt.getAttribute(PROBLEMS);
                c.add(p, "text of " + s.length() + " characters (limit " + MAX_SCALAR_CHARS + " characters per value)");
                return null;
            }
            String bad = Messages.firstUnprintable(s);
            if (bad != null) {
                Collector c = (Collector) ctxt.getAttribute(PROBLEMS);
                c.add(p, Messages.quoted(s) + " (control character " + bad + ": text may hold no control character"
                        + " other than tab and line break)");
                return null;
            }
            TextPool pool = (TextPool) ctxt.getAttribute(POOL);
            return pool == null ? s : pool.canonical(s);
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /**
     * Whole numbers and finite decimals only: 3.5 for a count, "abc", NaN or infinity become a problem
     * (and null) rather than a silent conversion or a fatal error.
     */
    private static final class StrictNumber<T extends Number> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;

        StrictNumber(Class<T> type) {
            super(type);
            this.type = type;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            String text;
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_STRING) {
                text = p.getText().strip();
            } else {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            boolean whole = type == Integer.class;
            try {
                if (whole) {
                    if (NumberSyntax.whole(text)) {
                        long v = Long.parseLong(text);
                        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                            return type.cast((int) v);
                        }
                    }
                } else if (NumberSyntax.decimal(text)) {
                    double d = Double.parseDouble(text);
                    if (Double.isFinite(d)) {
                        return type.cast(d);
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            String shown = t == JsonToken.VALUE_STRING ? Checked.quote(text) : text;
            Collector c = (Collector) ctxt.getAttribute(PROBLEMS);
            c.add(p, shown + " (" + (whole ? "expected a whole number" : "expected a finite number") + ")");
            return null;
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) {
            return null;
        }
    }

    /** Turns unknown keys, wrong value types and bad outcome kinds into problems and carries on. */
    private static final class CollectingHandler extends DeserializationProblemHandler {

        private static Collector collector(DeserializationContext ctxt) {
            return (Collector) ctxt.getAttribute(PROBLEMS);
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) throws IOException {
            Collection<Object> known = deserializer == null ? List.of() : deserializer.getKnownPropertyNames();
            TreeSet<String> names = new TreeSet<>();
            for (Object k : known) {
                names.add(String.valueOf(k));
            }
            if (beanOrClass instanceof OutcomeDto || beanOrClass instanceof Class<?> c && OutcomeDto.class.isAssignableFrom(c)) {
                names.add("kind");
            }
            collector(ctxt).add(p, "unknown key (allowed keys: " + String.join(", ", names) + ")");
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                String failureMsg) {
            collector(ctxt).add(ctxt.getParser(), Checked.quote(valueToConvert) + " (" + expected(targetType) + ")");
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                String failureMsg) {
            collector(ctxt).add(ctxt.getParser(), TrialDtos.Values.show(valueToConvert) + " (" + expected(targetType) + ")");
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                String failureMsg) throws IOException {
            String found = switch (t) {
                case START_ARRAY -> "a list";
                case START_OBJECT -> "a mapping";
                case VALUE_NUMBER_FLOAT -> p.getText();
                case VALUE_NUMBER_INT -> p.getText();
                case VALUE_TRUE, VALUE_FALSE -> p.getText();
                case VALUE_STRING -> Checked.quote(p.getText());
                default -> String.valueOf(t);
            };
            String path = pathOf(p);
            if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                p.skipChildren();
            }
            collector(ctxt).problems().add(new Problem(collector(ctxt).file(), path,
                    found + " (" + expected(targetType.getRawClass()) + ")"));
            return null;
        }

        /** Text where a mapping (a trial, a source, an outcome) belongs: e.g. a file that is one long scalar. */
        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                com.fasterxml.jackson.databind.deser.ValueInstantiator valueInsta, JsonParser p, String msg)
                throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT
                    && t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                return NOT_HANDLED;
            }
            String found = t == JsonToken.VALUE_STRING ? Checked.quote(p.getText()) : Messages.value(p.getText());
            collector(ctxt).add(p, found + " (" + expected(instClass) + ")");
            return null;
        }

        @Override
        public JavaType handleUnknownTypeId(DeserializationContext ctxt, JavaType baseType, String subTypeId,
                TypeIdResolver idResolver, String failureMsg) {
            collector(ctxt).add(ctxt.getParser(), Checked.quote(subTypeId) + " (unknown kind; allowed: "
                    + "binary, time_to_event, biomarker_change)");
            return ctxt.constructType(TrialDtos.InvalidOutcomeDto.class);
        }

        @Override
        public JavaType handleMissingTypeId(DeserializationContext ctxt, JavaType baseType, TypeIdResolver idResolver,
                String failureMsg) {
            String path = pathOf(ctxt.getParser());
            collector(ctxt).problems().add(new Problem(collector(ctxt).file(), (path.isEmpty() ? "" : path + ".") + "kind",
                    "missing (required; allowed: binary, time_to_event, biomarker_change)"));
            return ctxt.constructType(TrialDtos.InvalidOutcomeDto.class);
        }

        static String expected(Class<?> type) {
            if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
                return "expected a whole number";
            }
            if (type == Double.class || type == double.class) {
                return "expected a number";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "expected true or false";
            }
            if (type == String.class) {
                return "expected text";
            }
            if (List.class.isAssignableFrom(type)) {
                return "expected a list";
            }
            return "expected a mapping";
        }
    }
}
