package org.trialmeta.repository;

import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A fast path for the common, simple form of YAML trial files: translates a file to the JSON text that
 * Jackson's YAML parser would have produced as tokens, or declines ({@code null}) at the first construct
 * outside the subset, and the caller then reads the file with SnakeYAML as before.
 *
 * <p>Why: SnakeYAML spends about 100 µs on a 2.6 KB trial file (a {@code Mark} per token, implicit-type regexes
 * on every scalar), 15 to 30 times the cost of reading the same data as JSON; on 10,000 files that was most of
 * the load time. This reader handles one document of
 * <ul>
 *   <li>block mappings with plain keys ({@code [A-Za-z_][A-Za-z0-9_]*}) and block sequences ({@code - }),
 *       including a mapping started on a sequence entry's line ({@code - id: a}) and a sequence at its key's
 *       indentation;</li>
 *   <li>flow sequences and flow mappings ({@code [a, b]}, {@code {k: v, k2: [x]}}) that close on their line;</li>
 *   <li>single-line plain, single-quoted and double-quoted scalars (escapes {@code \\ \" \n \t \\uXXXX}),
 *       comments, blank lines, LF or CRLF line ends.</li>
 * </ul>
 * Everything else (block scalars {@code | >}, multi-line scalars or flows, anchors, aliases, tags, directives,
 * document markers, complex keys, duplicate keys, more than {@link #MAX_MAPPING_KEYS} keys in one mapping,
 * empty values, tabs, a byte-order mark, non-printable characters, invalid
 * UTF-8, more than {@link TrialLoader#MAX_NESTING} levels) makes it decline, as does anything malformed: errors
 * are always reported by the SnakeYAML path, with its line and column.
 *
 * <p>Plain scalars get the type Jackson gives them: SnakeYAML's own {@link Resolver} (YAML 1.1 implicit
 * types) decides, as in {@code YAMLParser._decodeScalar}; {@code true}/{@code false} and decimal numbers in
 * JSON syntax ({@code 12}, {@code -0.40}, {@code 1.5e3}) are passed through with their text, timestamps
 * (e.g. dates) become strings, and any other non-string type (octal, {@code 1_000}, {@code .5}, {@code yes},
 * {@code ~}, {@code null}) declines. Keys are never typed (Jackson reads them as text). The equivalence, token
 * for token and text for text, is tested on every YAML file of the test resources, thousands of seeded
 * mutations of them, and by a fuzz test ({@code FastYamlFuzzTest}).
 */
final class FastYaml {

    private static final Types TYPES = new Types();

    // The text being translated and its lines; the arrays are kept between translations (see translate).
    private byte[] b;
    private int[] lineStart = new int[64];
    private int[] lineEnd = new int[64];
    private int[] indent = new int[64];
    private int lines;
    private byte[] out = new byte[4096];
    private int size;
    private int li;
    private int depth;
    /** The keys of the open mappings, innermost last: {@code b[keyFrom[i], keyTo[i])}. */
    private int[] keyFrom = new int[64];
    private int[] keyTo = new int[64];
    private int keys;

    /** Thrown to decline; never escapes {@link #toJson}. */
    private static final class Decline extends Exception {
        private static final long serialVersionUID = 1L;
        static final Decline INSTANCE = new Decline();

        private Decline() {
            super(null, null, false, false);
        }
    }

    /**
     * A translator whose buffers are reused by each {@link #translate} (one instance per thread; not thread-safe).
     */
    FastYaml() {}

    /** The JSON text (UTF-8) of {@code yaml} (UTF-8), or null when the file is outside the subset. */
    static byte[] toJson(byte[] yaml) {
        FastYaml r = new FastYaml();
        return r.translate(yaml) ? java.util.Arrays.copyOf(r.out, r.size) : null;
    }

    /**
     * Translates {@code yaml} (UTF-8) into JSON held in {@link #json()}{@code [0, }{@link #length()}{@code )} until
     * the next call; false when the file is outside the subset.
     */
    boolean translate(byte[] yaml) {
        b = yaml;
        size = 0;
        li = 0;
        depth = 0;
        keys = 0;
        boolean ok = lines(yaml);
        if (ok) {
            int need = yaml.length + yaml.length / 4 + 16;
            if (out.length < need) {
                out = new byte[need];
            }
            try {
                document();
            } catch (Decline d) {
                ok = false;
            }
        }
        b = null; // do not keep the caller's text alive
        return ok;
    }

    /** Beyond this many bytes in any one buffer, {@link #release} drops the buffers rather than keep them. */
    private static final int KEEP = 1 << 20;

    /**
     * Lets go of buffers grown by an unusually large file (call once its JSON text has been read). The line arrays
     * are checked too: a file of many short lines grows them (4 bytes a line each) more than the JSON buffer.
     */
    void release() {
        if (out.length > KEEP || lineStart.length > KEEP / Integer.BYTES) {
            out = new byte[4096];
            lineStart = new int[64];
            lineEnd = new int[64];
            indent = new int[64];
        }
    }

    /** The buffer holding the last translation's JSON text. */
    byte[] json() {
        return out;
    }

    /** The length of the last translation's JSON text. */
    int length() {
        return size;
    }

    /**
     * One pass: checks every character, and notes each line's content start, end (trailing spaces dropped,
     * so that values end where their text ends) and indentation (-1 for blank and comment lines).
     */
    private boolean lines(byte[] yaml) {
        int n = yaml.length;
        if (n == 0) {
            return false;
        }
        int[] start = lineStart;
        int[] end = lineEnd;
        int[] ind = indent;
        int count = 0;
        int i = 0;
        while (true) {
            int lineBegin = i;
            while (i < n && yaml[i] == ' ') {
                i++;
            }
            int content = i; // first non-space of the line, or its end when there is none
            // The rest of the line: a tight loop over printable ASCII (most bytes), the other cases out of line.
            while (i < n) {
                int c = yaml[i];
                if (c >= 0x20 && c < 0x7F) {
                    i++;
                } else if (c == '\n' || c == '\r') {
                    break;
                } else if (c < 0) {
                    i = nonAscii(yaml, i);
                    if (i < 0) {
                        return false;
                    }
                    i++;
                } else {
                    return false; // control characters, tab, DEL
                }
            }
            if (i < n && yaml[i] == '\r' && (i + 1 >= n || yaml[i + 1] != '\n')) {
                return false; // a lone CR is a line break in YAML
            }
            if (count == start.length) {
                start = java.util.Arrays.copyOf(start, count * 2);
                end = java.util.Arrays.copyOf(end, count * 2);
                ind = java.util.Arrays.copyOf(ind, count * 2);
            }
            if (content == i) {
                start[count] = i;
                end[count] = i;
                ind[count] = -1;
            } else {
                int last = i;
                while (yaml[last - 1] == ' ') {
                    last--; // stops at content at the latest: yaml[content] is not a space
                }
                start[count] = content;
                end[count] = last;
                ind[count] = yaml[content] == '#' ? -1 : content - lineBegin;
            }
            count++;
            if (i >= n) {
                break;
            }
            i += yaml[i] == '\r' ? 2 : 1;
        }
        lineStart = start;
        lineEnd = end;
        indent = ind;
        lines = count;
        return true;
    }

    /**
     * Checks the UTF-8 sequence starting at {@code i} (a byte of 0x80 or more): well formed, at most three bytes
     * (no supplementary characters), and a YAML printable character other than U+2028, U+2029, U+FEFF (also a
     * byte-order mark) and U+FFFD (possibly a stand-in for bad bytes). Returns the index of its last byte, or -1.
     */
    private static int nonAscii(byte[] s, int i) {
        int c = s[i] & 0xFF;
        int cp;
        int last;
        if (c >= 0xC2 && c <= 0xDF) {
            last = i + 1;
            if (last >= s.length || (s[last] & 0xC0) != 0x80) {
                return -1;
            }
            cp = ((c & 0x1F) << 6) | (s[last] & 0x3F);
        } else if (c >= 0xE0 && c <= 0xEF) {
            last = i + 2;
            if (last >= s.length || (s[i + 1] & 0xC0) != 0x80 || (s[last] & 0xC0) != 0x80) {
                return -1;
            }
            cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[last] & 0x3F);
            if (cp < 0x800) {
                return -1; // overlong
            }
        } else {
            return -1; // a stray continuation byte, an overlong lead, or a four-byte sequence
        }
        boolean printable = cp >= 0xA0 && cp != 0x2028 && cp != 0x2029 && cp != 0xFEFF
                && !(cp >= 0xD800 && cp <= 0xDFFF) && cp < 0xFFFD;
        return printable ? last : -1;
    }

    private void document() throws Decline {
        skipBlank();
        if (li >= lines || indent[li] != 0) {
            throw Decline.INSTANCE;
        }
        int first = lineStart[li];
        if (isEntry(li)) {
            throw Decline.INSTANCE; // a top-level list is not a trial file: let the full reader say so
        }
        mapping(0, first); // "---", "..." and "%" directives are not keys: they decline there
        if (li < lines) {
            throw Decline.INSTANCE;
        }
    }

    private void skipBlank() {
        while (li < lines && indent[li] < 0) {
            li++;
        }
    }

    private void enter() throws Decline {
        if (++depth > TrialLoader.MAX_NESTING) {
            throw Decline.INSTANCE;
        }
    }

    /** True when line {@code l} is a sequence entry: {@code -} then a space or the end of the line. */
    private boolean isEntry(int l) {
        int p = lineStart[l];
        return b[p] == '-' && (p + 1 == lineEnd[l] || b[p + 1] == ' ');
    }

    /** The index of the colon when a plain key starting at {@code p} is followed by {@code :} and a space or the end. */
    private int keyEnd(int p, int end) {
        if (p >= end || !keyStart(b[p])) {
            return -1;
        }
        int q = p + 1;
        while (q < end && keyPart(b[q])) {
            q++;
        }
        if (q < end && b[q] == ':' && (q + 1 == end || b[q + 1] == ' ') && q - p <= MAX_KEY) {
            return q;
        }
        return -1;
    }

    /**
     * The longest plain key: SnakeYAML drops a possible simple (implicit) key once the scanner is more than 1024
     * characters past its start (YAML 1.1/1.2 limit implicit keys to 1024 characters), and a longer key is then a
     * syntax error ("mapping values are not allowed here").
     */
    static final int MAX_KEY = 1024;

    /**
     * The most keys one mapping may have on the fast path. Trial files have a few dozen at most; the duplicate scan
     * in {@link #key} is linear per key, so a mapping with more keys declines to SnakeYAML (hashed) rather than
     * turn quadratic.
     */
    static final int MAX_MAPPING_KEYS = 256;

    /**
     * Records key {@code b[from, to)} of the mapping whose keys start at index {@code base} of the key stack;
     * declines a duplicate (SnakeYAML refuses them, and the JSON mapper does not look for them) and a mapping with
     * more than {@link #MAX_MAPPING_KEYS} keys.
     */
    private void key(int base, int from, int to) throws Decline {
        if (keys - base >= MAX_MAPPING_KEYS) {
            throw Decline.INSTANCE;
        }
        int len = to - from;
        for (int i = base; i < keys; i++) {
            if (keyTo[i] - keyFrom[i] == len && java.util.Arrays.equals(b, from, to, b, keyFrom[i], keyTo[i])) {
                throw Decline.INSTANCE;
            }
        }
        if (keys == keyFrom.length) {
            keyFrom = java.util.Arrays.copyOf(keyFrom, keys * 2);
            keyTo = java.util.Arrays.copyOf(keyTo, keys * 2);
        }
        keyFrom[keys] = from;
        keyTo[keys] = to;
        keys++;
    }

    private static boolean keyStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    /** {@code KEY_PART[c]}: whether ASCII {@code c} may continue a key (a table: tested per byte of every key). */
    private static final boolean[] KEY_PART = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            KEY_PART[c] = keyStart(c) || (c >= '0' && c <= '9');
        }
    }

    private static boolean keyPart(int c) {
        return c >= 0 && KEY_PART[c];
    }

    /**
     * A block mapping whose keys are at column {@code col}; its first key starts at {@code first} on the
     * current line (after a {@code - } when the mapping begins on a sequence entry).
     */
    private void mapping(int col, int first) throws Decline {
        enter();
        put('{');
        int base = keys;
        int p = first;
        boolean more = false;
        while (true) {
            int end = lineEnd[li];
            int k = keyEnd(p, end);
            if (k < 0) {
                throw Decline.INSTANCE;
            }
            key(base, p, k);
            if (more) {
                put(',');
            }
            more = true;
            put('"');
            put(p, k);
            put('"');
            put(':');
            int v = spaces(k + 1, end);
            if (v == end || b[v] == '#') {
                li++;
                skipBlank();
                if (li < lines && indent[li] > col) {
                    block(indent[li]);
                } else if (li < lines && indent[li] == col && isEntry(li)) {
                    sequence(col);
                } else {
                    throw Decline.INSTANCE; // an empty (null) value
                }
            } else {
                inline(v, end);
                li++;
                skipBlank();
            }
            if (li >= lines || indent[li] < col) {
                break;
            }
            if (indent[li] > col || isEntry(li)) {
                throw Decline.INSTANCE; // a continuation line, misplaced indentation, or "- x" among keys
            }
            p = lineStart[li];
        }
        put('}');
        keys = base;
        depth--;
    }

    /** A block node starting on the current line at indentation {@code col}. */
    private void block(int col) throws Decline {
        if (isEntry(li)) {
            sequence(col);
        } else {
            mapping(col, lineStart[li]);
        }
    }

    /** A block sequence whose {@code -} indicators are at column {@code col}. */
    private void sequence(int col) throws Decline {
        enter();
        put('[');
        boolean more = false;
        while (li < lines && indent[li] == col && isEntry(li)) {
            if (more) {
                put(',');
            }
            more = true;
            int end = lineEnd[li];
            int v = spaces(lineStart[li] + 1, end);
            if (v == end || b[v] == '#') {
                li++;
                skipBlank();
                if (li < lines && indent[li] > col) {
                    block(indent[li]);
                } else {
                    throw Decline.INSTANCE;
                }
            } else if (b[v] == '-' && (v + 1 == end || b[v + 1] == ' ')) {
                throw Decline.INSTANCE; // a sequence on a sequence entry's line
            } else if (keyEnd(v, end) >= 0) {
                mapping(v - (lineStart[li] - indent[li]), v);
            } else {
                inline(v, end);
                li++;
                skipBlank();
            }
            if (li < lines && indent[li] > col) {
                throw Decline.INSTANCE;
            }
        }
        put(']');
        depth--;
    }

    /** The value from {@code p} to {@code end} (the end of the line): a scalar or a flow collection. */
    private void inline(int p, int end) throws Decline {
        int after;
        switch (b[p]) {
            case '"' -> after = doubleQuoted(p, end);
            case '\'' -> after = singleQuoted(p, end);
            case '[', '{' -> after = flow(p, end);
            default -> {
                plain(p, end, false);
                return;
            }
        }
        if (after < end) {
            // Only spaces, then a comment, may follow.
            int q = spaces(after, end);
            if (q == after || (q < end && b[q] != '#')) {
                throw Decline.INSTANCE;
            }
        }
    }

    private static boolean indicator(int c) {
        return switch (c) {
            case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> true;
            default -> false;
        };
    }

    /**
     * A plain scalar from {@code p}: in block context it runs to the end of the line or a comment; in flow
     * context to the next {@code , ] }}. Returns where it stopped.
     */
    private int plain(int p, int end, boolean flow) throws Decline {
        int c = b[p];
        if (indicator(c)) {
            // Indicators cannot start a plain scalar; '-' can when a non-space follows (e.g. -0.5).
            int next = p + 1 < end ? b[p + 1] : ' ';
            if (c != '-' || next == ' ' || (flow && (next == ',' || next == '[' || next == ']' || next == '{' || next == '}'))) {
                throw Decline.INSTANCE;
            }
        }
        int q = p;
        int last = p; // one past the last non-space byte
        while (q < end) {
            int d = b[q];
            if (flow) {
                if (d == ',' || d == ']' || d == '}') {
                    break;
                }
                if (d == '[' || d == '{' || d == ':' || d == '#' || d == '?') {
                    throw Decline.INSTANCE;
                }
            } else if (d == ':' && (q + 1 == end || b[q + 1] == ' ')) {
                throw Decline.INSTANCE; // "a: b: c"
            } else if (d == '#' && b[q - 1] == ' ') {
                break; // a comment
            }
            q++;
            if (d != ' ') {
                last = q;
            }
        }
        scalar(p, last);
        return q;
    }

    /**
     * Writes the plain scalar {@code b[from, to)} with the JSON type Jackson's YAML parser gives it. Numbers in JSON
     * syntax are INT or FLOAT to SnakeYAML's resolver (its patterns contain JSON's; a test checks the two agree)
     * and go through with their text.
     */
    private void scalar(int from, int to) throws Decline {
        int c = b[from];
        if (c >= 0 && !TYPES.typedFirst(c)) {
            string(from, to); // no implicit type starts with this character
            return;
        }
        if (jsonNumber(b, from, to) != null) {
            put(from, to); // the JSON parser gives the same token type and text
            return;
        }
        Tag tag = TYPES.of(b, from, to);
        if (tag == Tag.STR || tag == Tag.TIMESTAMP) {
            string(from, to);
        } else if (tag == Tag.BOOL && (is(from, to, "true") || is(from, to, "false"))) {
            put(from, to);
        } else {
            throw Decline.INSTANCE;
        }
    }

    private boolean is(int from, int to, String ascii) {
        if (to - from != ascii.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (b[i] != ascii.charAt(i - from)) {
                return false;
            }
        }
        return true;
    }

    /** A double-quoted scalar from {@code p} closing on this line; returns the index after the closing quote. */
    private int doubleQuoted(int p, int end) throws Decline {
        put('"');
        int q = p + 1;
        while (true) {
            if (q >= end) {
                throw Decline.INSTANCE; // continues on the next line
            }
            int c = b[q];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                if (q + 1 >= end) {
                    throw Decline.INSTANCE;
                }
                switch (b[q + 1]) {
                    case '\\' -> codePoint('\\');
                    case '"' -> codePoint('"');
                    case 'n' -> codePoint('\n');
                    case 't' -> codePoint('\t');
                    case 'u' -> {
                        if (q + 6 > end) {
                            throw Decline.INSTANCE;
                        }
                        int code = 0;
                        for (int i = q + 2; i < q + 6; i++) {
                            int d = Character.digit(b[i], 16);
                            if (d < 0) {
                                throw Decline.INSTANCE;
                            }
                            code = code * 16 + d;
                        }
                        if (code >= 0xD800 && code <= 0xDFFF) {
                            throw Decline.INSTANCE;
                        }
                        codePoint(code);
                        q += 4;
                    }
                    default -> throw Decline.INSTANCE;
                }
                q += 2;
            } else {
                quotedByte(c & 0xFF);
                q++;
            }
        }
        put('"');
        return q + 1;
    }

    /** A single-quoted scalar ({@code ''} is a quote) closing on this line; returns the index after it. */
    private int singleQuoted(int p, int end) throws Decline {
        put('"');
        int q = p + 1;
        while (true) {
            if (q >= end) {
                throw Decline.INSTANCE;
            }
            int c = b[q];
            if (c == '\'') {
                if (q + 1 < end && b[q + 1] == '\'') {
                    put('\'');
                    q += 2;
                    continue;
                }
                break;
            }
            quotedByte(c & 0xFF);
            q++;
        }
        put('"');
        return q + 1;
    }

    /** A flow collection from {@code p} ({@code [} or {@code {}) closing on this line; returns the index after it. */
    private int flow(int p, int end) throws Decline {
        enter();
        boolean map = b[p] == '{';
        int close = map ? '}' : ']';
        put(b[p]);
        int base = keys;
        int q = spaces(p + 1, end);
        if (q < end && b[q] == close) {
            put(close);
            depth--;
            return q + 1;
        }
        while (true) {
            if (map) {
                int k = q;
                if (k >= end || !keyStart(b[k])) {
                    throw Decline.INSTANCE;
                }
                while (k < end && keyPart(b[k])) {
                    k++;
                }
                if (k + 1 >= end || b[k] != ':' || b[k + 1] != ' ' || k - q > MAX_KEY) {
                    throw Decline.INSTANCE;
                }
                key(base, q, k);
                put('"');
                put(q, k);
                put('"');
                put(':');
                q = spaces(k + 1, end);
            }
            if (q >= end) {
                throw Decline.INSTANCE;
            }
            q = switch (b[q]) {
                case '"' -> doubleQuoted(q, end);
                case '\'' -> singleQuoted(q, end);
                case '[', '{' -> flow(q, end);
                default -> plain(q, end, true);
            };
            q = spaces(q, end);
            if (q >= end) {
                throw Decline.INSTANCE;
            }
            int c = b[q];
            if (c == close) {
                put(close);
                keys = base;
                depth--;
                return q + 1;
            }
            if (c != ',') {
                throw Decline.INSTANCE;
            }
            put(',');
            q = spaces(q + 1, end);
            if (q >= end || b[q] == close) {
                throw Decline.INSTANCE; // a trailing comma
            }
        }
    }

    private int spaces(int q, int end) {
        while (q < end && b[q] == ' ') {
            q++;
        }
        return q;
    }

    /** The JSON string literal of plain scalar bytes {@code b[from, to)} (they hold no control characters). */
    private void string(int from, int to) {
        put('"');
        int run = from; // the bytes since the last escaped one go out in one copy
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c == '"' || c == '\\') {
                put(run, i);
                put('\\');
                run = i;
            }
        }
        put(run, to);
        put('"');
    }

    /** A byte of a quoted scalar's text into a JSON string (UTF-8 bytes pass through; no control characters here). */
    private void quotedByte(int c) {
        if (c == '"' || c == '\\') {
            put('\\');
        }
        put(c);
    }

    /** The character of an escape ({@code \\n}, {@code \\u00e9}, ...), below U+10000, into a JSON string. */
    private void codePoint(int c) {
        if (c == '"' || c == '\\') {
            put('\\');
            put(c);
        } else if (c < 0x20) {
            put('\\');
            put('u');
            put('0');
            put('0');
            put(Character.forDigit(c >> 4, 16));
            put(Character.forDigit(c & 15, 16));
        } else if (c < 0x80) {
            put(c);
        } else if (c < 0x800) {
            put(0xC0 | (c >> 6));
            put(0x80 | (c & 0x3F));
        } else {
            put(0xE0 | (c >> 12));
            put(0x80 | ((c >> 6) & 0x3F));
            put(0x80 | (c & 0x3F));
        }
    }

    private void put(int c) {
        if (size == out.length) {
            out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        out[size++] = (byte) c;
    }

    private void put(int from, int to) {
        int len = to - from;
        if (size + len > out.length) {
            out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, size + len));
        }
        System.arraycopy(b, from, out, size, len);
        size += len;
    }

    /**
     * {@link Tag#INT} for an integer in JSON syntax ({@code -?(0|[1-9][0-9]*)}), {@link Tag#FLOAT} for a JSON
     * number with a fraction or exponent, null for anything else (and for more than 100 characters); of
     * {@code v[from, to)}.
     */
    static Tag jsonNumber(byte[] v, int from, int to) {
        int n = to;
        int i = from;
        if (n - from > 100) {
            return null;
        }
        if (i < n && v[i] == '-') {
            i++;
        }
        int digits = i;
        while (i < n && v[i] >= '0' && v[i] <= '9') {
            i++;
        }
        if (i == digits || (v[digits] == '0' && i - digits > 1)) {
            return null; // no digits, or a leading zero
        }
        Tag tag = Tag.INT;
        if (i < n && v[i] == '.') {
            int f = ++i;
            while (i < n && v[i] >= '0' && v[i] <= '9') {
                i++;
            }
            if (i == f) {
                return null;
            }
            tag = Tag.FLOAT;
        }
        if (i < n && (v[i] == 'e' || v[i] == 'E')) {
            i++;
            if (i < n && (v[i] == '+' || v[i] == '-')) {
                i++;
            }
            int e = i;
            while (i < n && v[i] >= '0' && v[i] <= '9') {
                i++;
            }
            if (i == e) {
                return null;
            }
            tag = Tag.FLOAT;
        }
        return i == n ? tag : null;
    }

    /**
     * The implicit type SnakeYAML's {@link Resolver} gives a plain scalar, as Jackson asks for it. Resolving runs
     * regular expressions chosen by the first character; a value whose first character has none is a string
     * (the one resolver for any first character, EMPTY, matches only the empty value; a test compares this with
     * {@code resolve} on every scalar of the test resources), and other results are remembered (up to {@value #CACHE} values): the same words and dates recur in
     * every file.
     */
    static final class Types extends Resolver {
        static final int CACHE = 4096;
        private final boolean[] firstTyped = new boolean[128];
        private final boolean shortcut;
        private final java.util.concurrent.ConcurrentHashMap<Text, Tag> cache = new java.util.concurrent.ConcurrentHashMap<>();

        Types() {
            boolean ascii = true;
            for (Character c : yamlImplicitResolvers.keySet()) {
                if (c != null && c < 128) {
                    firstTyped[c] = true;
                } else if (c != null) {
                    ascii = false;
                }
            }
            // The resolvers tried for any first character: in SnakeYAML 2.x, EMPTY (^$) and NULL, which is also
            // registered there (its first characters are "~nN\0"; '\0' files it under "any"). NULL matches only
            // "~", "null", "Null", "NULL" and " ": first characters that are typed anyway, or a space, which never
            // starts a plain scalar here. Any other (unknown) resolver turns the shortcut off.
            java.util.List<?> anyFirst = yamlImplicitResolvers.get(null);
            boolean known = anyFirst == null || anyFirst.stream().map(String::valueOf)
                    .allMatch(t -> t.contains(" regexp=^$ ") || t.contains(" regexp=^(?:~|null|Null|NULL| )$ "));
            shortcut = ascii && known && firstTyped['~'] && firstTyped['n'] && firstTyped['N']
                    && resolve(NodeId.scalar, "", true) == Tag.NULL;
        }

        /** False when no implicit type other than str can start with ASCII character {@code c}. */
        boolean typedFirst(int c) {
            return !shortcut || firstTyped[c];
        }

        /** {@code resolve(NodeId.scalar, v, true)}, remembered. */
        Tag of(String v) {
            byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
            return of(bytes, 0, bytes.length);
        }

        /** The tag of the UTF-8 text {@code b[from, to)}, remembered (a hit makes no String). */
        Tag of(byte[] b, int from, int to) {
            Tag tag = cache.get(new Text(b, from, to));
            if (tag == null) {
                byte[] copy = java.util.Arrays.copyOfRange(b, from, to);
                tag = resolve(NodeId.scalar, new String(copy, StandardCharsets.UTF_8), true);
                if (cache.size() < CACHE) {
                    cache.put(new Text(copy, 0, copy.length), tag);
                }
            }
            return tag;
        }
    }

    /** A range of bytes as a map key (equal ranges are equal keys). */
    private static final class Text {
        private final byte[] b;
        private final int from;
        private final int to;
        private final int hash;

        Text(byte[] b, int from, int to) {
            this.b = b;
            this.from = from;
            this.to = to;
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Text t && hash == t.hash && java.util.Arrays.equals(b, from, to, t.b, t.from, t.to);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
