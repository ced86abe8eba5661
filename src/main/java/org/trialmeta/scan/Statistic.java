package org.trialmeta.scan;

/**
 * A statistic found in a document, with where it stands: the span of its text ({@link #start()} to
 * {@link #end()}), the sentence or table row it belongs to ({@link #context()}, numbered from 0 in reading order)
 * and, in a table, its column ({@link #column()}, -1 outside tables).
 */
public sealed interface Statistic permits Proportion, Ratio, Median, PStat {

    int start();

    int end();

    int context();

    int column();
}
