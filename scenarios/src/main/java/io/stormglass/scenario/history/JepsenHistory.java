package io.stormglass.scenario.history;

import io.stormglass.raft.client.Operation;
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
            "^.*?jepsen\\.util\\s+-\\s+(\\S+)\\s+:(invoke|ok|fail|info)\\s+:(\\S+)\\s*(.*?)\\s*$");
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

    public static List<Operation> parse(String file, List<String> lines) {
        HistoryBuilder b = new HistoryBuilder(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LINE.matcher(lines.get(i));
            if (!m.matches() || !m.group(1).matches("[0-9]+")) {
                continue;
            }
            String where = file + ":" + (i + 1);
            int process = Integer.parseInt(m.group(1));
            String type = m.group(2);
            Operation.Kind kind = JsonlHistory.kind(m.group(3), where);
            String arg = m.group(4);
            long time = i + 1L;
            if (type.equals("invoke")) {
                String value = null;
                String expected = null;
                if (kind == Operation.Kind.CAS) {
                    Matcher pair = PAIR.matcher(arg);
                    if (!pair.matches()) {
                        throw new HistoryFormatException(where + ": a cas takes [expected new], got \"" + arg + "\"");
                    }
                    expected = value(pair.group(1));
                    value = value(pair.group(2));
                } else if (kind == Operation.Kind.WRITE) {
                    value = value(arg);
                }
                b.invoke(process, time, kind, KEY, value, expected, where);
            } else if (type.equals("ok")) {
                b.complete(process, time, Operation.Outcome.OK, kind == Operation.Kind.READ ? value(arg) : null, true, where);
            } else if (type.equals("fail")) {
                b.complete(process, time, Operation.Outcome.FAILED, null, false, where);
            } else {
                b.complete(process, time, Operation.Outcome.UNKNOWN, null, false, where);
            }
        }
        return b.build();
    }

    private static String value(String token) {
        return token.equals("nil") || token.isEmpty() ? null : token;
    }
}
