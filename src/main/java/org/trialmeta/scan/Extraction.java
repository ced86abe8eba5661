package org.trialmeta.scan;

import java.util.List;

/**
 * What {@link Extractor} found in a document.
 *
 * @param statistics      every statistic, in reading order (a p-value printed with a ratio is inside it)
 * @param claimedCiMethod the binomial CI method the document names ("clopper-pearson", "wilson", "wald", ...) when
 *                        it names exactly one, else null
 * @param decimalComma    whether the document writes decimals with a comma
 */
public record Extraction(List<Statistic> statistics, String claimedCiMethod, boolean decimalComma) {

    public Extraction {
        statistics = List.copyOf(statistics);
    }
}
