package org.trialmeta.model;

import java.util.Optional;

/**
 * One agent given in an arm, with dose and schedule as the source states them (text, not parsed).
 *
 * @param agent    INN or code, e.g. {@code defactinib}, {@code VS-4718}, {@code anti-PD-1}, {@code vehicle}
 * @param dose     e.g. {@code 200 mg}
 * @param schedule e.g. {@code orally twice daily, 3 weeks of every 4}
 */
public record Intervention(String agent, Optional<String> dose, Optional<String> schedule) {
    public Intervention {
        Checks.text("intervention.agent", agent);
        Checks.optional("intervention.dose", dose);
        Checks.optional("intervention.schedule", schedule);
    }
}
