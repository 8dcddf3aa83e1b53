package io.stormglass.report.internal.analysis;

import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Plain-word findings that tie causes to effects, computed only from the recording: leader changes
 * and what preceded them on the old leader, unavailability, fdatasync health against etcd's
 * guidance (p99 &lt; 10 ms healthy, &gt; 50 ms risky), warnings, client errors around leader changes.
 *
 * @param statements the findings, most important first
 * @param changes    one line per leader change (at most {@value #MAX_CHANGE_LINES}, then a line of how many more)
 */
public record Findings(List<String> statements, List<String> changes) {
    static final int MAX_CHANGE_LINES = 30;
    /** Client errors this long after a leader change count as following it (etcd clients retry within seconds). */
    static final long ERROR_FOLLOW_NANOS = 10_000_000_000L;
    private static final long HEALTHY_FSYNC_P99_NANOS = 10_000_000L;
    private static final long RISKY_FSYNC_P99_NANOS = 50_000_000L;

    public static Findings of(RunSummary s, RecordingView view) {
        List<String> out = new ArrayList<>();
        out.add(leaderSentence(s));
        out.add(availabilitySentence(s.availability()));
        String fsync = fsyncSentence(s.fsync());
        if (fsync != null) {
            out.add(fsync);
        }
        if (!s.warnings().isEmpty()) {
            out.add(warningSentence(s.warnings()));
        }
        String errors = errorSentence(s, view);
        if (errors != null) {
            out.add(errors);
        }
        String defrag = DefragFinding.sentence(view, view.recorder().timeline().events());
        if (defrag != null) {
            out.add(defrag);
        }
        String snapshots = SnapshotFinding.sentence(view);
        if (snapshots != null) {
            out.add(snapshots);
        }
        long failures = s.heartbeatFailures().values().stream().mapToLong(Long::longValue).sum();
        if (failures > 0) {
            out.add("Heartbeat send failures: " + failures + " (" + counts(s.heartbeatFailures()) + ").");
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < s.changes().size() && i < MAX_CHANGE_LINES; i++) {
            lines.add(changeLine(s.changes().get(i), s.electionTimeoutNanos()));
        }
        if (s.changes().size() > MAX_CHANGE_LINES) {
            lines.add("... and " + (s.changes().size() - MAX_CHANGE_LINES) + " more leader changes (see events.jsonl).");
        }
        return new Findings(List.copyOf(out), List.copyOf(lines));
    }

    private static String leaderSentence(RunSummary s) {
        if (s.leaderships() == 0) {
            return "No member became leader during the run: the cluster never accepted writes.";
        }
        List<LeaderChange> changes = s.changes();
        String timeout = "the election timeout (" + Durations.human(s.electionTimeoutNanos()) + ")";
        if (changes.isEmpty()) {
            RoleSpan first = s.lanes().leaderships().get(0);
            return "One leader for the whole run: n" + first.member() + ", elected at " + seconds(first.startNanos())
                    + "; no leader changes.";
        }
        int n = changes.size();
        StringBuilder text = new StringBuilder().append(n).append(n == 1 ? " leader change" : " leader changes");
        List<LeaderChange> slow = changes.stream().filter(c -> c.fsyncMaxNanos() > s.electionTimeoutNanos()).toList();
        long crashes = changes.stream().filter(LeaderChange::previousCrashed).count();
        if (!slow.isEmpty()) {
            text.append("; ").append(quantifier(slow.size(), n)).append(" followed a WAL fdatasync longer than ")
                    .append(timeout).append(" on the leader");
            String disk = diskClause(slow);
            if (disk != null) {
                text.append("; ").append(disk);
            }
        }
        if (crashes > 0) {
            text.append("; ").append(quantifier((int) crashes, n)).append(" followed a crash of the leader");
        }
        long removals = changes.stream().filter(LeaderChange::previousRemoved).count();
        if (removals > 0) {
            text.append("; ").append(quantifier((int) removals, n)).append(" followed the leader's stop after its own removal");
        }
        long transfers = changes.stream().filter(LeaderChange::transferred).count();
        if (transfers > 0) {
            text.append("; ").append(quantifier((int) transfers, n)).append(" followed an operator's move-leader");
        }
        SortedMap<String, Integer> bursts = new TreeMap<>();
        changes.forEach(c -> c.activities().forEach(a -> bursts.merge(a, 1, Integer::sum)));
        if (!bursts.isEmpty()) {
            text.append("; ").append(quantifier((int) changes.stream().filter(c -> !c.activities().isEmpty()).count(), n))
                    .append(" fell in a neighbour burst (").append(counts(bursts)).append(")");
        }
        long unexplained = changes.stream().filter(c -> c.fsyncMaxNanos() <= s.electionTimeoutNanos()
                && !c.previousCrashed() && !c.previousRemoved() && !c.transferred() && c.faults().isEmpty()).count();
        if (unexplained > 0) {
            String recorded = " slow fdatasync, crash, fault or operator action recorded on the leader";
            text.append("; ").append(unexplained == n ? "none had a" + recorded
                    : unexplained + " of them had no" + recorded);
        }
        return text.append('.').toString();
    }

    /** "the leader's disk was at 100 % utilisation, 97 % of it from prometheus" over the changes that have disk data. */
    private static String diskClause(List<LeaderChange> changes) {
        List<LeaderChange> withDisk = changes.stream().filter(c -> !Double.isNaN(c.utilisationMax())).toList();
        if (withDisk.isEmpty()) {
            return null;
        }
        double lo = withDisk.stream().mapToDouble(LeaderChange::utilisationMax).min().orElse(0);
        double hi = withDisk.stream().mapToDouble(LeaderChange::utilisationMax).max().orElse(0);
        String util = Durations.percent(lo).equals(Durations.percent(hi))
                ? Durations.percent(hi) : Durations.percent(lo).replace(" %", "") + "–" + Durations.percent(hi);
        StringBuilder text = new StringBuilder("the leader's disk was at ").append(util).append(" utilisation");
        SortedMap<String, Integer> tops = new TreeMap<>();
        withDisk.forEach(c -> {
            if (c.topIssuer() != null) {
                tops.merge(c.topIssuer(), 1, Integer::sum);
            }
        });
        String top = null;
        for (var e : tops.entrySet()) {
            if (top == null || e.getValue() > tops.get(top)) {
                top = e.getKey();
            }
        }
        if (top != null) {
            String issuer = top;
            double share = withDisk.stream().mapToDouble(c -> c.busyShareByIssuer().getOrDefault(issuer, 0.0))
                    .average().orElse(0);
            text.append(", ").append(Durations.percent(share)).append(" of it from ").append(issuer);
        }
        return text.toString();
    }

    private static String changeLine(LeaderChange c, long timeoutNanos) {
        StringBuilder text = new StringBuilder().append("At ").append(seconds(c.atNanos())).append(": ")
                .append(c.previousLeader() == 0 ? "none" : "n" + c.previousLeader()).append(" → n")
                .append(c.newLeader()).append(" (term ").append(c.term()).append(")");
        List<String> why = new ArrayList<>();
        if (c.previousCrashed()) {
            why.add("n" + c.previousLeader() + " crashed");
        }
        if (c.fsyncMaxNanos() > 0) {
            why.add("n" + c.previousLeader() + "'s WAL fdatasync took up to " + Durations.human(c.fsyncMaxNanos())
                    + (c.fsyncMaxNanos() > timeoutNanos ? " (longer than the election timeout)" : ""));
        }
        if (c.device() != null && !Double.isNaN(c.utilisationMax())) {
            String top = c.topIssuer();
            why.add("disk " + c.device() + " at " + Durations.percent(c.utilisationMax()) + " utilisation"
                    + (top == null ? "" : ", " + Durations.percent(c.busyShareByIssuer().get(top)) + " from " + top));
        }
        c.activities().forEach(a -> why.add("during " + a));
        c.faults().forEach(f -> why.add("fault " + f));
        if (why.isEmpty()) {
            why.add("no slow fdatasync, crash, disk saturation or fault recorded on the old leader");
        }
        return text.append(": ").append(String.join("; ", why)).append('.').toString();
    }

    private static String availabilitySentence(Availability a) {
        if (a.unavailableNanos() == 0) {
            return "A leader was known to a majority for the whole run.";
        }
        StringBuilder text = new StringBuilder("No leader was known to a majority for ")
                .append(Durations.human(a.unavailableNanos())).append(" in total (")
                .append(Durations.human(a.initialNanos())).append(" of it the initial election)");
        Availability.Gap longest = a.longest();
        if (longest != null && a.gaps().size() > 1) {
            text.append("; the longest gap lasted ").append(Durations.human(longest.lengthNanos()))
                    .append(" from ").append(seconds(longest.startNanos()));
        }
        return text.append('.').toString();
    }

    private static String fsyncSentence(SortedMap<String, LatencyStats> fsync) {
        List<String> parts = new ArrayList<>();
        fsync.forEach((member, st) -> {
            if (st.count() == 0) {
                return;
            }
            String verdict = st.p99Nanos() < HEALTHY_FSYNC_P99_NANOS ? "healthy"
                    : st.p99Nanos() <= RISKY_FSYNC_P99_NANOS ? "above etcd's 10 ms guidance" : "risky, over 50 ms";
            parts.add(member + " " + Durations.human(st.p99Nanos()) + " (" + verdict + ")");
        });
        return parts.isEmpty() ? null : "WAL fdatasync p99 by member: " + String.join(", ", parts)
                + "; etcd wants p99 below 10 ms.";
    }

    private static String warningSentence(SortedMap<String, SortedMap<String, Long>> warnings) {
        List<String> parts = new ArrayList<>();
        warnings.forEach((message, byMember) -> {
            long total = byMember.values().stream().mapToLong(Long::longValue).sum();
            parts.add("\"" + message + "\" ×" + total + " (" + counts(byMember) + ")");
        });
        return "etcd warnings: " + String.join("; ", parts) + ".";
    }

    private static String errorSentence(RunSummary s, RecordingView view) {
        long total = s.clientErrors().values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return s.requests().isEmpty() ? null : "No client errors.";
        }
        StringBuilder text = new StringBuilder().append(total).append(" client errors (")
                .append(counts(s.clientErrors())).append(")");
        if (!s.changes().isEmpty()) {
            boolean[] near = windowsNearChanges(view, s);
            long count = 0;
            for (Counter c : view.counters(Metric.CLIENT_ERRORS).values()) {
                for (int w = 0; w < near.length; w++) {
                    count += near[w] ? RecordingView.value(c, w) : 0;
                }
            }
            text.append("; ").append(Durations.percent(count / (double) total))
                    .append(" of them within one election timeout before to 10 s after a leader change");
        }
        return text.append('.').toString();
    }

    /** Windows that meet {@code [change - election timeout, change + 10 s]} for some leader change. */
    private static boolean[] windowsNearChanges(RecordingView view, RunSummary s) {
        boolean[] near = new boolean[view.windows()];
        for (LeaderChange c : s.changes()) {
            int first = view.windowAt(c.atNanos() - s.electionTimeoutNanos());
            int last = view.windowAt(c.atNanos() + ERROR_FOLLOW_NANOS);
            for (int w = Math.max(0, first); w >= 0 && w <= last; w++) {
                near[w] = true;
            }
        }
        return near;
    }

    private static String quantifier(int k, int n) {
        return k == n ? (n == 1 ? "it" : "each") : k + " of " + n;
    }

    /** {@code a ×3, b ×1} in key order. */
    public static <N extends Number> String counts(SortedMap<String, N> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + " ×" + v));
        return String.join(", ", parts);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
