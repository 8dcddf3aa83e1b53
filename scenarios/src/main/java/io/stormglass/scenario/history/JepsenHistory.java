package io.stormglass.scenario.history;

import io.stormglass.raft.client.Operation;
import io.stormglass.scenario.units.Quote;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jepsen's log format for single-register tests, as {@code jepsen.util} prints it:
 *
 * <pre>
 * INFO  jepsen.util - 3	:invoke	:cas	[1 4]
 * INFO  jepsen.util - 3	:fail	:cas	[1 4]
 * INFO  jepsen.util - 1	:invoke	:read	nil
 * INFO  jepsen.util - 1	:ok	:read	4
 * INFO  jepsen.util - 2	:info	:read	:timed-out
 * </pre>
 *
 * Operations are {@code :read}, {@code :write} and {@code :cas [expected new]} on one register;
 * completions are {@code :ok}, {@code :fail} (no effect) and {@code :info} (unknown). The log has
 * no timestamps, so the line number is the time: line order is real-time order. Lines that are
 * not operations of a numbered process (the nemesis, other loggers) are skipped.
 */
public final class JepsenHistory {
    private static final Pattern LINE = Pattern.compile(
            "^.*?jepsen\\.util\\s+-\\s+(\\S+)\\s+:(invoke|ok|fail|info)\\s+:(\\S+)\\s*(.*)$");
    private static final Pattern PAIR = Pattern.compile("^\\[\\s*(\\S+)\\s+(\\S+)\\s*]$");
    private static final String KEY = "register";

    private JepsenHistory() {
    }

    /** Whether the lines look like a Jepsen log (some line matches the format). */
    public static boolean looksLikeJepsen(List<String> lines) {
        for (String line : lines) {
            if (LINE.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Parses {@code lines} (line 1 first) of {@code file}; see {@link HistoryFiles#read} for a file. */
    public static List<Operation> parse(String file, List<String> lines) {
        HistoryBuilder b = new HistoryBuilder(file);
        for (int i = 0; i < lines.size(); i++) {
            line(b, file, i + 1, lines.get(i));
        }
        return b.build();
    }

    /**
     * Reads line {@code n} into {@code b}. Lines of other loggers and of processes that are not
     * numbers ({@code :nemesis}) are skipped; a numbered process must be from 0 to 2^31−1.
     */
    static void line(HistoryBuilder b, String file, int n, String text) {
        Matcher m = LINE.matcher(text);
        if (!m.matches() || !m.group(1).matches("-?[0-9]+")) {
            return;
        }
        int process = process(b, m.group(1), n);
        String type = m.group(2);
        Operation.Kind kind = JsonlHistory.kind(b, m.group(3), n);
        String arg = m.group(4).strip();
        long time = n;
        if (type.equals("invoke")) {
            String value = null;
            String expected = null;
            if (kind == Operation.Kind.CAS) {
                Matcher pair = PAIR.matcher(arg);
                if (!pair.matches()) {
                    throw b.problem(n, "", "a cas takes [expected new], got " + Quote.of(arg));
                }
                expected = value(b, n, pair.group(1));
                value = value(b, n, pair.group(2));
            } else if (kind == Operation.Kind.WRITE) {
                value = value(b, n, arg);
            }
            b.invoke(process, time, kind, KEY, value, expected, n);
        } else if (type.equals("ok")) {
            b.complete(process, time, kind, Operation.Outcome.OK, kind == Operation.Kind.READ ? value(b, n, arg) : null, true, n);
        } else if (type.equals("fail")) {
            b.complete(process, time, kind, Operation.Outcome.FAILED, null, false, n);
        } else {
            b.complete(process, time, kind, Operation.Outcome.UNKNOWN, null, false, n);
        }
    }

    private static int process(HistoryBuilder b, String token, int n) {
        if (token.startsWith("-") || token.length() > 10 || Long.parseLong(token) > Integer.MAX_VALUE) {
            throw b.problem(n, "", "expected a process number from 0 to 2147483647, got " + Quote.of(token));
        }
        return Integer.parseInt(token);
    }

    /** A register value: one token ({@code nil} for none); a list such as {@code [1 2]} belongs to another model. */
    private static String value(HistoryBuilder b, int n, String token) {
        if (token.startsWith("[") || token.startsWith("{") || token.contains(" ")) {
            throw b.problem(n, "", "expected one register value (or nil), got " + Quote.of(token));
        }
        return token.equals("nil") || token.isEmpty() ? null : token;
    }
}
