package org.trialmeta.repository;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each short text read during one load of a trials directory: the same source id, locator, cut,
 * subgroup or arm id appears in every outcome of thousands of files ({@code src-a}, {@code Table 2},
 * {@code final}, {@code overall}), and each occurrence would otherwise be its own string for as long as the
 * model lives. On 8,000 generated trial files that was 450,000 strings, about a quarter of the live heap of
 * {@code check} (issue 22).
 *
 * <p>Bounded: texts longer than {@value #MAX_CHARS} characters (notes, titles, which rarely repeat) are kept as
 * read, and after {@value #MAX_ENTRIES} different texts the pool stops growing (later texts are kept as read), so
 * a directory of unique texts costs at most a map of that size. Safe for the loader's parallel threads.
 */
final class TextPool {
    /** Longest text pooled (characters). */
    static final int MAX_CHARS = 48;
    /** Most different texts pooled. */
    static final int MAX_ENTRIES = 1 << 16;

    private final ConcurrentHashMap<String, String> texts = new ConcurrentHashMap<>();

    /** {@code text} or the equal text pooled before it (null stays null). */
    String canonical(String text) {
        if (text == null || text.length() > MAX_CHARS) {
            return text;
        }
        String pooled = texts.get(text);
        if (pooled != null) {
            return pooled;
        }
        if (texts.mappingCount() >= MAX_ENTRIES) {
            return text;
        }
        pooled = texts.putIfAbsent(text, text);
        return pooled == null ? text : pooled;
    }

    /** How many different texts are pooled. */
    int size() {
        return texts.size();
    }
}
