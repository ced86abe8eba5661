package org.trialmeta.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a text as {@link Extractor} reads them: made by {@link Tokenizer.Stream} as they are asked for, and
 * let go once the extractor has passed them ({@link #release}), so a long text's tokens are not all held at once
 * (a 6 MB text: 2 million tokens, 64 MB, and their numbers, 36 MB). Indices are those of the whole text's token list;
 * asking for a token already let go is a programming error.
 */
final class TokenWindow {
    private final Tokenizer.Stream stream;
    private final List<Token> held = new ArrayList<>();
    /** Index (in the whole list) of {@code held.get(0)}. */
    private int base;
    private boolean ended;
    /** Most tokens held at once (for the tests). */
    private int mostHeld;

    TokenWindow(Tokenizer.Stream stream) {
        this.stream = stream;
    }

    /** Whether the text has a token {@code i} (making tokens up to it). */
    boolean has(int i) {
        while (i - base >= held.size() && !ended) {
            ended = !stream.next(held);
        }
        mostHeld = Math.max(mostHeld, held.size());
        return i - base < held.size();
    }

    Token get(int i) {
        if (i < base) {
            throw new IllegalStateException("token " + i + " was let go (window starts at " + base + ")");
        }
        if (!has(i)) {
            throw new IndexOutOfBoundsException("token " + i + " of a text of fewer tokens");
        }
        return held.get(i - base);
    }

    int mostHeld() {
        return mostHeld;
    }

    /** Lets go of the tokens before {@code index}; they are dropped in batches, so each costs O(1). */
    void release(int index) {
        int drop = Math.min(index, base + held.size()) - base;
        if (drop > 4096 && drop * 2 > held.size()) {
            held.subList(0, drop).clear();
            base += drop;
        }
    }
}
