package org.trialmeta.repository;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

/**
 * Bean Validation constraints of the trial DTOs whose messages already contain the offending value:
 * cross-field rules ({@link Rules}), enum values ({@link EnumValue}) and ISO dates ({@link IsoDate}).
 * The loader prints their message as is; for the standard constraints it prepends the value.
 */
public final class Checked {
    private Checked() {}

    /** Collects cross-field problems of one DTO: property relative to the DTO, value text, rule. */
    public interface Sink {
        void add(String property, String valueText, String rule);
    }

    /** A DTO with cross-field rules. */
    public interface CrossChecked {
        void check(Sink sink);
    }

    /** Class-level constraint: runs {@link CrossChecked#check}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = RulesValidator.class)
    public @interface Rules {
        String message() default "cross-field rule";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A text field that must name a constant of {@link #value()} (case-insensitive). */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = EnumValueValidator.class)
    public @interface EnumValue {
        Class<? extends Enum<?>> value();

        String message() default "unknown value";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A text field that must be an ISO date YYYY-MM-DD. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = IsoDateValidator.class)
    public @interface IsoDate {
        String message() default "not an ISO date";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A text field that must be a publication date: YYYY, YYYY-MM or YYYY-MM-DD (and exist). */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = PublicationDateValidator.class)
    public @interface PublicationDate {
        String message() default "not a publication date";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static final class PublicationDateValidator implements ConstraintValidator<PublicationDate, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || org.trialmeta.model.Source.lastDayOf(value).isPresent()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(escape(quote(value) + " ("
                    + org.trialmeta.model.Source.PUBLISHED_RULE + ")")).addConstraintViolation();
            return false;
        }
    }

    public static final class RulesValidator implements ConstraintValidator<Rules, CrossChecked> {
        @Override
        public boolean isValid(CrossChecked value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            boolean[] ok = {true};
            context.disableDefaultConstraintViolation();
            value.check((property, valueText, rule) -> {
                ok[0] = false;
                context.buildConstraintViolationWithTemplate(escape(valueText + " (" + rule + ")"))
                        .addPropertyNode(property).addConstraintViolation();
            });
            return ok[0];
        }
    }

    public static final class EnumValueValidator implements ConstraintValidator<EnumValue, String> {
        private Class<? extends Enum<?>> type;

        @Override
        public void initialize(EnumValue annotation) {
            type = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Enums.parse(type, value) != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(escape(quote(value) + " (unknown value; allowed: "
                    + Enums.allowed(type) + ")")).addConstraintViolation();
            return false;
        }
    }

    public static final class IsoDateValidator implements ConstraintValidator<IsoDate, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Enums.date(value) != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(escape(quote(value)
                    + " (dates must be ISO YYYY-MM-DD and exist)")).addConstraintViolation();
            return false;
        }
    }

    /** 'text' for messages, with control characters made visible. */
    static String quote(String s) {
        return Messages.quoted(s);
    }

    /** Escapes a literal text for a Bean Validation message template (no parameters, no EL). */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '{' || c == '}' || c == '$') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
