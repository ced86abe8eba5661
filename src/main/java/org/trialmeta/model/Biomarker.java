package org.trialmeta.model;

import java.util.Optional;

/**
 * A biomarker definition of a subgroup, e.g. KRAS mutant.
 *
 * @param name       gene or marker, e.g. {@code KRAS}
 * @param status     the defining status
 * @param definition optional detail (assay, cut-off), as text
 */
public record Biomarker(String name, BiomarkerStatus status, Optional<String> definition) {
    public Biomarker {
        Checks.text("biomarker.name", name);
        Checks.required("biomarker.status", status);
        Checks.optional("biomarker.definition", definition);
    }
}
