package org.trialmeta.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * File names made from ids (issue 15: a 300-character trial id made {@code report} fail with "File name too
 * long" after three figures were written). A name keeps the id when it is short and made of safe characters
 * (lower-case letters, digits, {@code . _ -}, not starting with a dot); otherwise the safe characters of its
 * first {@value #KEEP} characters, {@code -} and the first 8 hex digits of the id's SHA-256, so that two ids
 * never share a name and the same id always gets the same one.
 */
public final class FileNames {

    /** Longest id used as it is; every file name stays far below the usual 255-byte limit with its suffix. */
    static final int MAX = 64;
    /** Characters of the id kept before the hash when it is shortened or cleaned. */
    static final int KEEP = 48;

    private FileNames() {}

    /** A safe file base name for {@code id}. */
    public static String of(String id) {
        if (id.length() <= MAX && safe(id)) {
            return id;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < id.length() && sb.length() < KEEP; i++) {
            char c = Character.toLowerCase(id.charAt(i));
            sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? c : '-');
        }
        while (sb.length() > 0 && sb.charAt(0) == '.') {
            sb.deleteCharAt(0);
        }
        return (sb.length() == 0 ? "id" : sb.toString()) + "-" + hash(id);
    }

    private static boolean safe(String id) {
        if (id.isEmpty() || id.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String hash(String id) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
