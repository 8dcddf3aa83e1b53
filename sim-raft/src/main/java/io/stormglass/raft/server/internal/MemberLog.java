package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.Clock;
import io.stormglass.engine.timeline.Timeline;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A member's log in etcd's zap JSON style: {@code level}, {@code ts} (simulated time as
 * RFC 3339 UTC, the run starting at the Unix epoch), {@code msg} and the message's fields.
 * Warnings also go to the run's timeline, so reports can tie them to other events. Lines are
 * sampled as etcd's logger samples them ({@link LogSampler}): a message repeated more than 100
 * times in a second is thinned in the log, while the timeline keeps every warning.
 */
public final class MemberLog {
    private final int member;
    private final String memberLabel;
    private final Clock clock;
    private final Consumer<String> sink;
    private final Timeline timeline;
    private final LogSampler sampler = new LogSampler();

    public MemberLog(int member, Clock clock, Consumer<String> sink, Timeline timeline) {
        this.member = member;
        this.memberLabel = "n" + member;
        this.clock = clock;
        this.sink = sink;
        this.timeline = timeline;
    }

    public void info(String msg, String... keyValues) {
        write("info", msg, keyValues);
    }

    public void warn(String msg, String... keyValues) {
        warn(msg, TimelineEvent.WarningLogged.NO_DURATION, keyValues);
    }

    /** A warning about a duration: {@code durationNanos} also goes to the timeline as a number. */
    public void warn(String msg, long durationNanos, String... keyValues) {
        Map<String, String> fields = write("warn", msg, keyValues);
        timeline.append(new TimelineEvent.WarningLogged(clock.nowNanos(), member, msg, fields, durationNanos));
    }

    private Map<String, String> write(String level, String msg, String... keyValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            fields.put(keyValues[i], keyValues[i + 1]);
        }
        if (!sampler.admit(level, msg, clock.nowNanos())) {
            return fields;
        }
        StringBuilder line = new StringBuilder(96);
        line.append("{\"level\":\"").append(level).append("\",\"ts\":\"").append(timestamp(clock.nowNanos()))
                .append("\",\"member\":\"").append(memberLabel).append("\",\"msg\":\"").append(escape(msg)).append('"');
        for (Map.Entry<String, String> f : fields.entrySet()) {
            line.append(",\"").append(escape(f.getKey())).append("\":\"").append(escape(f.getValue())).append('"');
        }
        sink.accept(line.append('}').toString());
        return fields;
    }

    /** Simulated nanoseconds as an RFC 3339 timestamp with microseconds, from 1970-01-01T00:00:00Z. */
    static String timestamp(long nanos) {
        long totalSeconds = nanos / 1_000_000_000L;
        long micros = (nanos % 1_000_000_000L) / 1_000;
        long days = totalSeconds / 86_400;
        long secondsOfDay = totalSeconds % 86_400;
        // civil-from-days (Howard Hinnant's algorithm), valid for any non-negative day count
        long z = days + 719_468;
        long era = z / 146_097;
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", year, month, day,
                secondsOfDay / 3_600, (secondsOfDay / 60) % 60, secondsOfDay % 60, micros);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
