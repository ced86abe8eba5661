package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.trialmeta.repository.Checked.EnumValue;
import org.trialmeta.repository.TrialDtos.SourcesFile;
import org.trialmeta.repository.TrialDtos.TrialDto;

/**
 * {@link ValidPrecheck} may only say "surely valid" when Hibernate Validator finds no violation. Checked against
 * the validator itself on valid trial files with every field of every bean set, in turn, to edge values.
 */
class ValidPrecheckTest {

    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
            .ignoreXmlConfiguration().messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory().getValidator();
    private static final YAMLMapper YAML = new YAMLMapper();

    private static List<Object> validDtos() throws IOException {
        List<Object> dtos = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("trials"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path p : files) {
            Class<?> type = p.endsWith("sources.yaml") ? SourcesFile.class : TrialDto.class;
            dtos.add(YAML.readValue(p.toFile(), type));
        }
        Path minimal = Path.of("src/test/resources/fixtures/valid/minimal");
        dtos.add(YAML.readValue(minimal.resolve("example.yaml").toFile(), TrialDto.class));
        dtos.add(YAML.readValue(minimal.resolve("sources.yaml").toFile(), SourcesFile.class));
        return dtos;
    }

    @Test
    void curatedTrialsAndSourcesAreSurelyValidAndTheValidatorAgrees() throws IOException {
        List<Object> dtos = validDtos();
        assertThat(dtos).hasSizeGreaterThanOrEqualTo(7);
        for (Object dto : dtos) {
            assertThat(VALIDATOR.validate(dto)).isEmpty();
            assertThat(ValidPrecheck.surelyValid(dto)).as(dto.getClass().getSimpleName()).isTrue();
        }
    }

    /** An owner bean and one of its fields. */
    private record Slot(Object owner, Field field) {}

    private static void slots(Object bean, List<Slot> out) throws IllegalAccessException {
        for (Class<?> c = bean.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || !Modifier.isPublic(f.getModifiers())) {
                    continue;
                }
                out.add(new Slot(bean, f));
                Object v = f.get(bean);
                if (v instanceof List<?> list) {
                    for (Object e : list) {
                        if (e != null && e.getClass().getEnclosingClass() == TrialDtos.class) {
                            slots(e, out);
                        }
                    }
                } else if (v != null && v.getClass().getEnclosingClass() == TrialDtos.class) {
                    slots(v, out);
                }
            }
        }
    }

    private static final List<String> TEXTS = List.of("", " ", "\t", "\u0001", "\u2003", "\u00a0", " x ", "x",
            "ABC", "bad id!", "a.b_c-d", "2024-02-30", "2024-06-30", "2024-6-30", "not_reached", "not_reported",
            "binary", "confirmed", "overall", "mutant", "final", "src-a", "10.1038/x", "10.1/ y", "123", "12a",
            "http://x", "https://example.org/a", "ftp://x");
    private static final List<Integer> INTEGERS = List.of(Integer.MIN_VALUE, -1, 0, 1, 26, Integer.MAX_VALUE);
    private static final List<Double> DOUBLES = List.of(Double.NEGATIVE_INFINITY, -1.0, -0.0, 0.0, Double.MIN_VALUE,
            0.5, 49.99999999999999, 50.0, 95.0, 99.99999999999999, 100.0, 100.00000000000001, 1e300, Double.NaN,
            Double.POSITIVE_INFINITY);

    /** Edge values for a field of the given declaration. */
    private static List<Object> edgeValues(Field f) {
        List<Object> values = new ArrayList<>();
        values.add(null);
        Class<?> t = f.getType();
        if (t == String.class) {
            values.addAll(TEXTS);
            EnumValue e = f.getAnnotation(EnumValue.class);
            if (e != null) {
                for (Enum<?> c : e.value().getEnumConstants()) {
                    values.add(c.name().toLowerCase(Locale.ROOT));
                    values.add(" " + c.name() + " ");
                }
            }
        } else if (t == Integer.class) {
            values.addAll(INTEGERS);
        } else if (t == Double.class) {
            values.addAll(DOUBLES);
        } else if (t == Boolean.class) {
            values.addAll(List.of(true, false));
        } else if (t == Object.class) {
            values.addAll(List.of(1, 0, -3, 1.5, -0.0, 0.0, Double.NaN, "not_reached", "not_reported", "x", ""));
        } else if (List.class.isAssignableFrom(t)) {
            values.add(new ArrayList<>());
            values.add(Arrays.asList((Object) null));
            Class<?> element = (Class<?>) ((ParameterizedType) f.getGenericType()).getActualTypeArguments()[0];
            if (element == String.class) {
                for (String s : List.of("", " ", "x", "src-a", "NCT01234567")) {
                    values.add(List.of(s));
                }
            }
        }
        return values;
    }

    @Test
    void surelyValidOnlyWhenTheValidatorFindsNoViolationForEveryFieldSetToEdgeValues() throws Exception {
        int cases = 0;
        int sureValid = 0;
        int invalid = 0;
        int unsureButValid = 0;
        for (Object root : validDtos()) {
            List<Slot> slots = new ArrayList<>();
            slots(root, slots);
            for (Slot slot : slots) {
                Object original = slot.field().get(slot.owner());
                List<Object> values = edgeValues(slot.field());
                if (original instanceof List<?> list && !list.isEmpty()) {
                    List<Object> doubled = new ArrayList<>(list);
                    doubled.add(list.get(0));
                    values.add(doubled);
                }
                for (Object value : values) {
                    slot.field().set(slot.owner(), value);
                    boolean sure = ValidPrecheck.surelyValid(root);
                    boolean valid = VALIDATOR.validate(root).isEmpty();
                    assertThat(!sure || valid).as("%s.%s = %s: precheck says surely valid, validator finds %s",
                            slot.owner().getClass().getSimpleName(), slot.field().getName(), show(value),
                            VALIDATOR.validate(root)).isTrue();
                    cases++;
                    sureValid += sure ? 1 : 0;
                    invalid += valid ? 0 : 1;
                    unsureButValid += !sure && valid ? 1 : 0;
                }
                slot.field().set(slot.owner(), original);
            }
            assertThat(ValidPrecheck.surelyValid(root)).isTrue();
        }
        System.out.printf(Locale.ROOT, "ValidPrecheckTest: %d cases, %d surely valid, %d invalid, %d valid but not"
                + " sure%n", cases, sureValid, invalid, unsureButValid);
        // Both outcomes are exercised, and the precheck is not needlessly unsure: only non-finite numbers,
        // -0.0 and similar values are left to the validator.
        assertThat(cases).isGreaterThan(5_000);
        assertThat(sureValid).isGreaterThan(1_000);
        assertThat(invalid).isGreaterThan(1_000);
        assertThat(unsureButValid).isLessThan(cases / 20);
    }

    private static String show(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    // Constructs the precheck does not compile: it must answer "don't know" even for valid values.

    public static final class WithEmail {
        @Email public String contact = "a@example.org";
    }

    public static final class WithFlags {
        @Pattern(regexp = "[a-z]+", flags = Pattern.Flag.CASE_INSENSITIVE) public String id = "abc";
    }

    interface Marker {}

    public static final class WithGroups {
        @NotBlank(groups = Marker.class) public String id = "abc";
    }

    public static final class WithMap {
        @Valid public Map<String, WithEmail> byId = Map.of();
    }

    public static final class WithGetter {
        public String id = "abc";

        @NotNull
        public String getId() {
            return id;
        }
    }

    public static final class WithMax {
        @Max(10) public Integer n = 3;
    }

    public static final class Supported {
        @NotBlank public String id = "abc";
        @Valid public List<@NotNull Nested> nested = List.of(new Nested());
    }

    public static final class Nested {
        @NotNull public Integer n = 1;
    }

    @Test
    void unsupportedConstraintsGroupsFlagsMapsAndGettersAreLeftToTheValidator() {
        for (Object bean : List.of(new WithEmail(), new WithFlags(), new WithGroups(), new WithMap(),
                new WithGetter(), new WithMax())) {
            assertThat(VALIDATOR.validate(bean)).isEmpty();
            assertThat(ValidPrecheck.surelyValid(bean)).as(bean.getClass().getSimpleName()).isFalse();
        }
        Supported ok = new Supported();
        assertThat(ValidPrecheck.surelyValid(ok)).isTrue();
        ok.nested = List.of(new Nested(), new Nested());
        ok.nested.get(1).n = null;
        assertThat(ValidPrecheck.surelyValid(ok)).isFalse();
        assertThat(VALIDATOR.validate(ok)).isNotEmpty();
    }
}
