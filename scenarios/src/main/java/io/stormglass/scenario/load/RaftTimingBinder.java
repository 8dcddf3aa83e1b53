package io.stormglass.scenario.load;

import io.stormglass.raft.server.Flavour;
import io.stormglass.scenario.schema.ClusterSchema;
import io.stormglass.scenario.schema.Types;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.YamlNode;

/**
 * Binds the timing keys of {@code cluster:} ({@code flavour}, {@code tick-interval},
 * {@code heartbeat-interval}, {@code election-timeout} as a duration or {@code {min, max}}) and
 * applies each flavour's rules: etcd's start-up checks for {@code etcd}; for {@code plain-raft}
 * only what the Raft core needs (heartbeat below the minimum timeout, bounds in order). Both
 * flavours need the heartbeat and both bounds to be multiples of the tick.
 */
final class RaftTimingBinder {
    static final long MS = 1_000_000L;
    /** etcd's {@code maxElectionMs}: a longer election timeout is refused at start-up. */
    static final long MAX_ELECTION_TIMEOUT_NANOS = 50_000 * MS;
    /** The plain-Raft default: the Raft paper's recommended 150–300 ms (§9.3). */
    static final long PLAIN_RAFT_ELECTION_NANOS = 150 * MS;
    /** Plain-Raft default ticks, coarsest first: LogCabin's millisecond timers, then finer. */
    private static final long[] PLAIN_RAFT_TICKS = {MS, 100_000L, 10_000L, 1_000L};

    /** The timing of a cluster as bound. */
    record Timing(Flavour flavour, long tickNanos, long heartbeatNanos, long electionMinNanos, long electionMaxNanos) {
    }

    private RaftTimingBinder() {
    }

    static Flavour flavour(MapReader c) {
        return ClusterSchema.FLAVOUR.read(c);
    }

    static Timing bind(MapReader c, Flavour flavour) {
        int before = c.problems().count();
        boolean etcd = flavour == Flavour.ETCD;
        long[] range = electionRange(c, etcd ? 1000 * MS : PLAIN_RAFT_ELECTION_NANOS);
        long min = range[0];
        long heartbeat = ClusterSchema.HEARTBEAT_INTERVAL.read(c, etcd ? 100 * MS : Math.max(1, min / 2));
        long tick = ClusterSchema.TICK_INTERVAL.in(c) ? ClusterSchema.TICK_INTERVAL.read(c, heartbeat)
                : etcd ? heartbeat : plainRaftTick(heartbeat, min, range[1]);
        long max = range[1] > 0 ? range[1] : io.stormglass.scenario.model.RaftSpec.defaultElectionTimeoutMaxNanos(flavour, min, tick);
        if (c.problems().count() == before) { // every value read: compare them
            if (etcd) {
                checkEtcd(c, heartbeat, min);
            }
            if (c.problems().count() == before) {
                checkTicks(c, tick, heartbeat, min, max);
            }
        }
        return new Timing(flavour, tick, heartbeat, min, max);
    }

    /** {min, max} of {@code election-timeout}; max 0 when a scalar leaves it to the flavour. */
    private static long[] electionRange(MapReader c, long defaultMin) {
        if (!(c.nodeOf("election-timeout") instanceof YamlNode.YamlMap)) {
            return new long[] {Types.POSITIVE_DURATION.read(c, "election-timeout", defaultMin), 0};
        }
        MapReader r = c.optionalMap("election-timeout").orElseThrow();
        long min = r.has("min") ? Types.POSITIVE_DURATION.read(r, "min", defaultMin) : missing(r, "min");
        long max = r.has("max") ? Types.POSITIVE_DURATION.read(r, "max", min) : missing(r, "max");
        r.finish();
        if (min > 0 && max > 0 && max < min) {
            r.problem("max", "must be at least min (" + Units.formatDuration(min) + "), got " + Units.formatDuration(max));
        }
        return new long[] {min, Math.max(max, min)};
    }

    private static long missing(MapReader r, String key) {
        r.require(key, "a duration such as 150ms");
        return 0;
    }

    /** The coarsest of 1 ms, 100 µs, 10 µs, 1 µs dividing all three (1 µs if none does). */
    private static long plainRaftTick(long heartbeat, long min, long max) {
        for (long t : PLAIN_RAFT_TICKS) {
            if (heartbeat % t == 0 && min % t == 0 && max % t == 0) {
                return t;
            }
        }
        return PLAIN_RAFT_TICKS[PLAIN_RAFT_TICKS.length - 1];
    }

    /** etcd's start-up rules (server/embed/config.go), plus the tick rule of a simulator that ticks at the heartbeat. */
    private static void checkEtcd(MapReader c, long heartbeat, long min) {
        String et = Units.formatDuration(min);
        if (heartbeat % MS != 0) {
            c.problem("heartbeat-interval", "must be a whole number of milliseconds (etcd's flag is in ms), got "
                    + Units.formatDuration(heartbeat) + "; for a finer heartbeat declare flavour: plain-raft");
        } else if (min < 5 * heartbeat) {
            c.problem("election-timeout", "must be at least 5 × heartbeat-interval (" + Units.formatDuration(5 * heartbeat)
                    + "), got " + et + "; etcd refuses to start: election-timeout should be at least as 5 times as heartbeat-interval");
        } else if (min > MAX_ELECTION_TIMEOUT_NANOS) {
            c.problem("election-timeout", "must be at most 50s (etcd's maximum, 50000ms), got " + et);
        }
    }

    private static void checkTicks(MapReader c, long tick, long heartbeat, long min, long max) {
        String t = Units.formatDuration(tick);
        boolean tickIsHeartbeat = tick == heartbeat && !c.has("tick-interval");
        if (heartbeat % tick != 0) {
            c.problem("heartbeat-interval", "must be a multiple of tick-interval (" + t + "), got " + Units.formatDuration(heartbeat));
        } else if (min % tick != 0 || max % tick != 0) {
            long bad = min % tick != 0 ? min : max;
            long below = bad / tick * tick;
            c.problem("election-timeout", "must be a multiple of " + (tickIsHeartbeat ? "heartbeat-interval" : "tick-interval")
                    + " (" + t + "), got " + Units.formatDuration(bad) + "; Raft counts it in " + (tickIsHeartbeat ? "heartbeat " : "")
                    + "ticks: use " + Units.formatDuration(below) + " or " + Units.formatDuration(below + tick));
        } else if (min <= heartbeat) {
            c.problem("election-timeout", "must be longer than heartbeat-interval (" + Units.formatDuration(heartbeat) + "), got "
                    + Units.formatDuration(min));
        }
    }
}
