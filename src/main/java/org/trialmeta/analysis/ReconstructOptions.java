package org.trialmeta.analysis;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.trialmeta.model.InputException;
import org.trialmeta.stats.survival.ClickStyle;
import org.trialmeta.stats.survival.DigitisingTolerance;
import org.trialmeta.stats.survival.ReconstructionBootstrap;
import org.trialmeta.stats.survival.SurvivalScale;

/**
 * The option values of {@code reconstruct} that need more than a type: arms, scale, clicking style, the bootstrap's
 * error model.
 */
public final class ReconstructOptions {

    private ReconstructOptions() {}

    /**
     * The arms: {@code --arm} once or twice, or one curve from {@code --curve} and {@code --at-risk} (named "").
     *
     * @param arms        the {@code --arm} values
     * @param totalEvents {@code --total-events}, or null
     */
    public static List<ArmSpec> arms(List<String> arms, Path curve, Path atRisk, Integer totalEvents) {
        if (!arms.isEmpty()) {
            if (curve != null || atRisk != null || totalEvents != null) {
                throw new InputException("--arm cannot be combined with --curve, --at-risk or --total-events"
                        + " (give an arm's events as " + ArmSpec.FORM + ")");
            }
            if (arms.size() > 2) {
                throw new InputException("--arm: given " + arms.size() + " times (one or two arms)");
            }
            List<ArmSpec> s = arms.stream().map(ArmSpec::parse).toList();
            if (new HashSet<>(s.stream().map(ArmSpec::name).toList()).size() < s.size()) {
                throw new InputException("--arm " + s.get(0).name() + ": given twice");
            }
            return s;
        }
        if (curve == null || atRisk == null) {
            throw new InputException("give --curve and --at-risk (one curve), or --arm " + ArmSpec.FORM
                    + " once or twice");
        }
        if (totalEvents != null && totalEvents < 0) {
            throw new InputException("--total-events: " + totalEvents + " (must be >= 0)");
        }
        return List.of(new ArmSpec("", curve, atRisk, totalEvents));
    }

    /** {@code --scale}: auto, proportion or percent. */
    public static SurvivalScale scale(String value) {
        return choice("--scale", value, SurvivalScale.class);
    }

    /** {@code --clicks}: auto, corners or feet. */
    public static ClickStyle clicks(String value) {
        return choice("--clicks", value, ClickStyle.class);
    }

    /**
     * The constant of {@code type} named {@code value} in lower case (any case and surrounding white space accepted);
     * else one line naming the option, the value and every allowed name, e.g.
     * {@code --clicks: 'sideways' (allowed: auto, corners, feet)}.
     */
    private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            String name = e.name().toLowerCase(Locale.ROOT);
            if (name.equals(v)) {
                return e;
            }
            allowed.append(allowed.length() == 0 ? "" : ", ").append(name);
        }
        throw new InputException(option + ": '" + value + "' (allowed: " + allowed + ")");
    }

    /** {@code --point-sd SURV,TIME}. */
    public static ReconstructionBootstrap.ErrorModel errorModel(String value) {
        double[] p = pair("--point-sd", value, "0.005,0.003");
        return new ReconstructionBootstrap.ErrorModel(p[0], p[1]);
    }

    /** {@code --tolerance SURV,TIME}. */
    public static DigitisingTolerance tolerance(String value) {
        double[] p = pair("--tolerance", value, "0.02,0.02");
        return new DigitisingTolerance(p[0], p[1]);
    }

    /** Two numbers in [0, 1), comma separated. */
    private static double[] pair(String option, String value, String example) {
        String[] p = value.split(",", -1);
        if (p.length == 2) {
            try {
                double a = Double.parseDouble(p[0].strip());
                double b = Double.parseDouble(p[1].strip());
                if (a >= 0 && a < 1 && b >= 0 && b < 1) {
                    return new double[] {a, b};
                }
            } catch (NumberFormatException e) {
                // the message below
            }
        }
        throw new InputException(option + ": '" + value + "' (expected SURV,TIME: two numbers in [0, 1), e.g. "
                + example + ")");
    }
}
