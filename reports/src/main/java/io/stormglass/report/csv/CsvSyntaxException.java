package io.stormglass.report.csv;

import java.io.IOException;

/** Text that is not CSV (such as a quoted cell without its closing quote), at the line it was found. */
public final class CsvSyntaxException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final String reason;

    /**
     * @param line   the 1-based line where reading stopped
     * @param reason what is wrong, in words, without the line
     */
    public CsvSyntaxException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
