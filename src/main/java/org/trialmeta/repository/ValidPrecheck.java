package org.trialmeta.repository;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.trialmeta.repository.Checked.CrossChecked;
import org.trialmeta.repository.Checked.EnumValue;
import org.trialmeta.repository.Checked.IsoDate;
import org.trialmeta.repository.Checked.Rules;

/**
 * A quick yes/don't-know answer to "would Hibernate Validator find no violation in this DTO graph?", read from the
 * same Jakarta annotations, so that the loader can skip the validator for the (usual) valid file. Hibernate
 * Validator stays the only source of messages: whenever this says anything but "surely valid", the loader runs it.
 *
 * <p>Why: Hibernate Validator 9 costs 25 to 90 µs per trial file (path nodes, contexts and validator lookups for
 * some 35 beans and 250 constraints), a third of the time to load 10,000 files; these checks cost a few µs.
 *
 * <p>How: for each DTO class (and its superclasses) the public fields' constraints are compiled once into
 * predicates with the semantics of the Bean Validation 3.1 built-in constraints as Hibernate Validator implements
 * them, for the value types that occur (null is valid except for {@code @NotNull}/{@code @NotBlank}):
 * {@code @NotNull}, {@code @NotBlank} (not blank by {@code trim()} and by {@code isBlank()}), {@code @Pattern}
 * without flags ({@code matches()}), {@code @Size} on collections and text, {@code @Positive} and
 * {@code @PositiveOrZero} on whole numbers and finite doubles, {@code @DecimalMin}/{@code @DecimalMax} with bounds
 * a double holds exactly, our {@link EnumValue} and {@link IsoDate} (the same {@link Enums} calls as their
 * validators), the class-level {@link Rules} ({@link CrossChecked#check} reports nothing), {@code @Valid} cascades
 * into beans and list elements, and constraints on list elements ({@code List<@NotBlank String>}). A class with
 * any other constraint, groups, payloads, flags, constrained methods or constraints on an interface is
 * "don't know", and so is any unexpected value (e.g. NaN). The loader's tests compare the two on every fixture
 * and on each field of valid files set to edge values ({@code ValidPrecheckTest}).
 */
final class ValidPrecheck {

    private ValidPrecheck() {}

    /** One field: its checks, its list elements' checks, and whether it cascades. */
    private record FieldPlan(Field field, Predicate<Object>[] checks, Predicate<Object>[] elementChecks,
            boolean cascade) {}

    /** A class: null fields when unsupported. */
    private record ClassPlan(FieldPlan[] fields, boolean rules) {
        boolean supported() {
            return fields != null;
        }
    }

    private static final ClassPlan UNSUPPORTED = new ClassPlan(null, false);

    private static final ClassValue<ClassPlan> PLANS = new ClassValue<>() {
        @Override
        protected ClassPlan computeValue(Class<?> type) {
            try {
                return plan(type);
            } catch (Unsupported e) {
                return UNSUPPORTED;
            }
        }
    };

    /** A construct this class does not compile. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** True only when Hibernate Validator would report no violation for {@code bean} (a DTO graph, not null). */
    static boolean surelyValid(Object bean) {
        try {
            return valid(bean, 0);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean valid(Object bean, int depth) throws ReflectiveOperationException {
        if (depth > TrialLoader.MAX_NESTING) {
            return false;
        }
        ClassPlan plan = PLANS.get(bean.getClass());
        if (!plan.supported()) {
            return false;
        }
        if (plan.rules()) {
            boolean[] clean = {true};
            ((CrossChecked) bean).check((property, valueText, rule) -> clean[0] = false);
            if (!clean[0]) {
                return false;
            }
        }
        // Indexed loops: no iterator per bean and field (this runs for every bean of every file).
        FieldPlan[] fields = plan.fields();
        for (int i = 0; i < fields.length; i++) {
            FieldPlan f = fields[i];
            Object value = f.field().get(bean);
            Predicate<Object>[] checks = f.checks();
            for (int j = 0; j < checks.length; j++) {
                if (!checks[j].test(value)) {
                    return false;
                }
            }
            if (value instanceof List<?> list) {
                Predicate<Object>[] elementChecks = f.elementChecks();
                for (int k = 0, n = list.size(); k < n; k++) {
                    Object element = list.get(k);
                    for (int j = 0; j < elementChecks.length; j++) {
                        if (!elementChecks[j].test(element)) {
                            return false;
                        }
                    }
                    if (f.cascade() && element != null && !valid(element, depth + 1)) {
                        return false;
                    }
                }
            } else if (value instanceof Collection<?> c && (f.elementChecks().length > 0 || f.cascade())) {
                return false; // other collections: left to the validator
            } else if (f.cascade() && value != null && !valid(value, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static ClassPlan plan(Class<?> type) throws Unsupported {
        List<FieldPlan> fields = new ArrayList<>();
        boolean rules = false;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Annotation a : c.getDeclaredAnnotations()) {
                if (a instanceof Rules r && r.groups().length == 0 && r.payload().length == 0) {
                    if (!CrossChecked.class.isAssignableFrom(type)) {
                        throw new Unsupported();
                    }
                    rules = true;
                } else if (constraint(a)) {
                    throw new Unsupported();
                }
            }
            noConstrainedMethods(c);
            for (Class<?> i : c.getInterfaces()) {
                noConstraints(i);
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                FieldPlan plan = field(f);
                if (plan != null) {
                    fields.add(plan);
                }
            }
        }
        return new ClassPlan(fields.toArray(FieldPlan[]::new), rules);
    }

    private static void noConstraints(Class<?> type) throws Unsupported {
        for (Annotation a : type.getDeclaredAnnotations()) {
            if (constraint(a)) {
                throw new Unsupported();
            }
        }
        noConstrainedMethods(type);
        for (Class<?> i : type.getInterfaces()) {
            noConstraints(i);
        }
    }

    private static void noConstrainedMethods(Class<?> type) throws Unsupported {
        for (Method m : type.getDeclaredMethods()) {
            for (Annotation a : m.getDeclaredAnnotations()) {
                if (constraint(a)) {
                    throw new Unsupported();
                }
            }
        }
    }

    /** A Bean Validation constraint, a repeated-constraint container, or {@code @Valid}. */
    private static boolean constraint(Annotation a) {
        Class<? extends Annotation> t = a.annotationType();
        if (t == Valid.class || t.isAnnotationPresent(Constraint.class)) {
            return true;
        }
        try {
            Method value = t.getMethod("value");
            Class<?> r = value.getReturnType();
            return r.isArray() && r.getComponentType().isAnnotationPresent(Constraint.class);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The plan of field {@code f}, or null when it has nothing to check. */
    private static FieldPlan field(Field f) throws Unsupported {
        List<Annotation> declared = List.of(f.getDeclaredAnnotations());
        List<Predicate<Object>> checks = new ArrayList<>();
        boolean cascade = false;
        for (Annotation a : declared) {
            if (a instanceof Valid) {
                cascade = true;
            } else if (constraint(a)) {
                checks.add(check(a));
            }
        }
        AnnotatedType t = f.getAnnotatedType();
        for (Annotation a : t.getDeclaredAnnotations()) {
            if (constraint(a) && !declared.contains(a)) {
                throw new Unsupported(); // a type-use-only constraint on the field's type
            }
        }
        List<Predicate<Object>> elementChecks = new ArrayList<>();
        Class<?> type = f.getType();
        if (t instanceof AnnotatedParameterizedType p) {
            AnnotatedType[] args = p.getAnnotatedActualTypeArguments();
            if (Collection.class.isAssignableFrom(type) && args.length == 1) {
                for (Annotation a : args[0].getDeclaredAnnotations()) {
                    if (a instanceof Valid) {
                        cascade = true;
                    } else if (constraint(a)) {
                        elementChecks.add(check(a));
                    }
                }
                nestedTypeUse(args[0]);
            } else {
                for (AnnotatedType arg : args) {
                    noTypeUseConstraints(arg);
                }
            }
        } else if (t instanceof AnnotatedArrayType array) {
            noTypeUseConstraints(array.getAnnotatedGenericComponentType());
        }
        if (cascade && (type.isArray() || Map.class.isAssignableFrom(type) || type == Optional.class
                || (Iterable.class.isAssignableFrom(type) && !Collection.class.isAssignableFrom(type)))) {
            throw new Unsupported(); // cascading into arrays, maps, optionals, other iterables
        }
        if (checks.isEmpty() && elementChecks.isEmpty() && !cascade) {
            return null;
        }
        if (!Modifier.isPublic(f.getModifiers()) || !Modifier.isPublic(f.getDeclaringClass().getModifiers())) {
            throw new Unsupported();
        }
        return new FieldPlan(f, array(checks), array(elementChecks), cascade);
    }

    @SuppressWarnings("unchecked")
    private static Predicate<Object>[] array(List<Predicate<Object>> checks) {
        return checks.toArray(new Predicate[0]);
    }

    /** Constraints inside a type argument's own type arguments or array components are not compiled. */
    private static void nestedTypeUse(AnnotatedType t) throws Unsupported {
        if (t instanceof AnnotatedParameterizedType p) {
            for (AnnotatedType arg : p.getAnnotatedActualTypeArguments()) {
                noTypeUseConstraints(arg);
            }
        } else if (t instanceof AnnotatedArrayType array) {
            noTypeUseConstraints(array.getAnnotatedGenericComponentType());
        }
    }

    private static void noTypeUseConstraints(AnnotatedType t) throws Unsupported {
        for (Annotation a : t.getDeclaredAnnotations()) {
            if (constraint(a)) {
                throw new Unsupported();
            }
        }
        nestedTypeUse(t);
    }

    /** The predicate of one supported constraint (true: satisfied for sure). */
    private static Predicate<Object> check(Annotation a) throws Unsupported {
        if (!defaultGroupOnly(a)) {
            throw new Unsupported();
        }
        if (a instanceof NotNull) {
            return v -> v != null;
        }
        if (a instanceof NotBlank) {
            return v -> v instanceof CharSequence s && !s.toString().trim().isEmpty() && !s.toString().isBlank();
        }
        if (a instanceof Pattern p) {
            if (p.flags().length > 0) {
                throw new Unsupported();
            }
            java.util.regex.Pattern regex = java.util.regex.Pattern.compile(p.regexp());
            // One matcher per thread, reset per value: a matcher per value costs more than the match.
            ThreadLocal<java.util.regex.Matcher> matcher = ThreadLocal.withInitial(() -> regex.matcher(""));
            return v -> v == null || (v instanceof CharSequence s && matcher.get().reset(s).matches());
        }
        if (a instanceof Size s) {
            int min = s.min();
            int max = s.max();
            return v -> v == null || (v instanceof Collection<?> c && c.size() >= min && c.size() <= max)
                    || (v instanceof CharSequence t && t.length() >= min && t.length() <= max);
        }
        if (a instanceof PositiveOrZero) {
            return v -> v == null || sign(v) >= 0;
        }
        if (a instanceof Positive) {
            return v -> v == null || sign(v) > 0;
        }
        if (a instanceof DecimalMin d) {
            double min = exactBound(d.value());
            boolean inclusive = d.inclusive();
            return v -> v == null || (finite(v) && (inclusive ? value(v) >= min : value(v) > min));
        }
        if (a instanceof DecimalMax d) {
            double max = exactBound(d.value());
            boolean inclusive = d.inclusive();
            return v -> v == null || (finite(v) && (inclusive ? value(v) <= max : value(v) < max));
        }
        if (a instanceof EnumValue e) {
            Class<? extends Enum<?>> type = e.value();
            return v -> v == null || (v instanceof String s && Enums.parse(type, s) != null);
        }
        if (a instanceof IsoDate) {
            return v -> v == null || (v instanceof String s && Enums.date(s) != null);
        }
        if (a instanceof Checked.PublicationDate) {
            return v -> v == null || (v instanceof String s && org.trialmeta.model.Source.lastDayOf(s).isPresent());
        }
        throw new Unsupported();
    }

    private static boolean defaultGroupOnly(Annotation a) throws Unsupported {
        try {
            Object groups = a.annotationType().getMethod("groups").invoke(a);
            Object payload = a.annotationType().getMethod("payload").invoke(a);
            return ((Class<?>[]) groups).length == 0 && ((Class<?>[]) payload).length == 0;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new Unsupported();
        }
    }

    /** A bound of {@code @DecimalMin/Max} that a double holds exactly (so comparing doubles is comparing decimals). */
    private static double exactBound(String text) throws Unsupported {
        try {
            BigDecimal exact = new BigDecimal(text);
            double d = exact.doubleValue();
            if (Double.isFinite(d) && new BigDecimal(d).compareTo(exact) == 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // unsupported below
        }
        throw new Unsupported();
    }

    /** Whole numbers, and finite doubles other than -0.0, which are compared as doubles. */
    private static boolean finite(Object v) {
        return v instanceof Integer || v instanceof Long || (v instanceof Double d && Double.isFinite(d) && !negativeZero(d));
    }

    private static boolean negativeZero(double d) {
        return d == 0 && Double.doubleToRawLongBits(d) != 0;
    }

    private static double value(Object v) {
        return ((Number) v).doubleValue();
    }

    /** -1, 0 or 1; {@link Integer#MIN_VALUE} (neither positive nor zero) for other types, NaN, infinities and -0.0. */
    private static int sign(Object v) {
        if (v instanceof Integer i) {
            return Integer.signum(i);
        }
        if (v instanceof Long l) {
            return Long.signum(l);
        }
        if (v instanceof Double d && Double.isFinite(d) && !negativeZero(d)) {
            return d > 0 ? 1 : d < 0 ? -1 : 0;
        }
        return Integer.MIN_VALUE;
    }
}
