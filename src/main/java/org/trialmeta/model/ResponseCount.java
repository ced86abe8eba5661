package org.trialmeta.model;

/**
 * Responders out of evaluable patients (or animals).
 *
 * @param responders number with the event (response, stable disease, ...), at most {@code evaluable}
 * @param evaluable  number evaluable for the endpoint
 */
public record ResponseCount(int responders, int evaluable) {
    public ResponseCount {
        Checks.count("responders", responders);
        Checks.count("evaluable", evaluable);
        if (responders > evaluable) {
            throw new IllegalArgumentException("responders: " + responders + " > evaluable " + evaluable
                    + " (responders must not exceed evaluable)");
        }
    }

    /** responders / evaluable as a percentage; empty when nobody is evaluable. */
    public java.util.OptionalDouble percent() {
        return evaluable == 0 ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(100.0 * responders / evaluable);
    }
}
