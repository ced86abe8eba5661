package org.trialmeta.document;

/** Helpers of the readers. */
final class Readers {

    private Readers() {}

    /**
     * A library's failure in words a user can read on one line: the message without class names, stack frames or
     * the word "Exception", at most 160 characters.
     */
    static String cause(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "structure nested too deeply";
        }
        if (e instanceof OutOfMemoryError) {
            return "too large to read";
        }
        String m = e.getMessage();
        Throwable c = e.getCause();
        while ((m == null || m.isBlank()) && c != null) {
            m = c.getMessage();
            c = c.getCause();
        }
        if (m == null || m.isBlank()) {
            return "unreadable structure";
        }
        if (m.contains("DOCTYPE")) {
            return "it declares a DOCTYPE, which is refused: no entity is expanded and no external file is read";
        }
        String line = m.strip().split("\\R", 2)[0];
        if (line.length() > 500) {
            line = line.substring(0, 500);
        }
        line = line.replaceAll("(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)", "")
                .replace("Exception", "error").replace("\t", " ").strip();
        while (!line.isEmpty() && ":;,. ".indexOf(line.charAt(0)) >= 0) {
            line = line.substring(1);
        }
        if (line.length() > 160) {
            line = line.substring(0, 157) + "...";
        }
        return line.isEmpty() ? "unreadable structure" : line;
    }
}
