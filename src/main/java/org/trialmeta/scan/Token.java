package org.trialmeta.scan;

/**
 * One token of a document's text.
 *
 * @param kind  what it is
 * @param start offset of its first character
 * @param end   offset after its last character
 * @param word  for {@link Kind#WORD}, the word in lower case (also for symbols, their canonical text)
 * @param num   for {@link Kind#NUM}, the number
 */
record Token(Kind kind, int start, int end, String word, Num num) {

    enum Kind {
        NUM, WORD, PERCENT, OPEN, CLOSE, DASH, SEMI, COMMA, COLON, EQ, LT, GT, LE, GE, SLASH, PIPE, PERIOD,
        PLUSMINUS, OTHER, BREAK
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isWord(String w) {
        return kind == Kind.WORD && word.equals(w);
    }
}
