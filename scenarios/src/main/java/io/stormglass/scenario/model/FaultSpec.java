package io.stormglass.scenario.model;

import io.stormglass.disk.fault.DeviceFault;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.net.partition.NetworkFault;

/** One entry of the fault timeline. A closed family: the runner schedules each kind. */
public sealed interface FaultSpec {
    Timing timing();

    /** A one-line description for the timeline and the report. */
    String describe();

    /** The same fault at another time (a shrinker moves and shortens faults). */
    FaultSpec withTiming(Timing timing);

    /**
     * When a fault happens.
     *
     * @param atNanos    first occurrence
     * @param forNanos   how long each occurrence lasts (0: instant, or until the end of the run)
     * @param everyNanos repeat period (0: once)
     * @param untilNanos no occurrence starts after this (0: the end of the run)
     */
    record Timing(long atNanos, long forNanos, long everyNanos, long untilNanos) {
        public static Timing once(long atNanos, long forNanos) {
            return new Timing(atNanos, forNanos, 0, 0);
        }
    }

    /** Kill a member (with a power loss of its disks in {@code crashMode}); it restarts after {@code for}, or stays down if 0. */
    record MemberCrash(Timing timing, int member, CrashMode crashMode) implements FaultSpec {
        @Override
        public FaultSpec withTiming(Timing t) {
            return new MemberCrash(t, member, crashMode);
        }

        @Override
        public String describe() {
            return "crash n" + member + " (" + crashMode.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
    }

    /**
     * An operator action rather than a fault: {@code member} starts an election at once (etcd's
     * {@code raft.Node.Campaign}). The failover experiment uses it to have a first leader without
     * depending on the first election, which a constant timeout (the paper's 150–150 ms) may never
     * settle; a scenario may use it to choose its first leader.
     */
    record Campaign(Timing timing, int member) implements FaultSpec {
        @Override
        public FaultSpec withTiming(Timing t) {
            return new Campaign(t, member);
        }

        @Override
        public String describe() {
            return "n" + member + " campaigns";
        }
    }

    /**
     * An operator's maintenance call, instant: {@code defrag} (etcd's {@code Maintenance.Defragment}: the
     * targets one after another in id order, each once the previous finished, as
     * {@code etcdctl defrag --cluster} does), {@code compact} (at the target's current revision) or
     * {@code alarm-disarm} (every NOSPACE alarm).
     *
     * @param target a member id, {@code leader} (whoever leads then), {@code followers} or {@code all}
     */
    record Maintenance(Timing timing, Op op, String target) implements FaultSpec {
        /** What the operator runs. */
        public enum Op {
            DEFRAG("defrag"), COMPACT("compact"), ALARM_DISARM("alarm-disarm");

            private final String word;

            Op(String word) {
                this.word = word;
            }

            /** The action's key in a scenario. */
            public String word() {
                return word;
            }
        }

        @Override
        public FaultSpec withTiming(Timing t) {
            return new Maintenance(t, op, target);
        }

        @Override
        public String describe() {
            return op.word() + " " + (target.matches("[0-9]+") ? "n" + target : target);
        }
    }

    /** Crash whichever member leads at that moment (the Raft paper's failover experiment). */
    record LeaderCrash(Timing timing, CrashMode crashMode) implements FaultSpec {
        @Override
        public FaultSpec withTiming(Timing t) {
            return new LeaderCrash(t, crashMode);
        }

        @Override
        public String describe() {
            return "crash the leader";
        }
    }

    /**
     * A network fault active for {@code for} (the rest of the run if 0), toggling every
     * {@code flapPeriodNanos} if positive. With {@code sparesClients} it cuts only the links
     * between members (clients still reach every member, as in Jepsen's partitions); without, a
     * client is a node like any other and is cut from the members on the other side.
     */
    record Partition(Timing timing, NetworkFault fault, long flapPeriodNanos, boolean sparesClients) implements FaultSpec {
        @Override
        public FaultSpec withTiming(Timing t) {
            return new Partition(t, fault, flapPeriodNanos, sparesClients);
        }

        public Partition(Timing timing, NetworkFault fault, long flapPeriodNanos) {
            this(timing, fault, flapPeriodNanos, false);
        }

        @Override
        public String describe() {
            return fault.describe() + (flapPeriodNanos > 0 ? " (flapping)" : "") + (sparesClients ? " (clients spared)" : "");
        }
    }

    /**
     * Message loss, duplication and reordering among all members for {@code for} (clients'
     * links are spared): {@code packet-loss}, {@code duplicate} and {@code reorder} in a scenario.
     *
     * @param lossPpm              chance a message is lost, ppm
     * @param duplicatePpm         chance a message arrives twice, ppm
     * @param reorderDelayMaxNanos extra uniform delay below this per message, which reorders
     */
    record Degrade(Timing timing, long lossPpm, long duplicatePpm, long reorderDelayMaxNanos) implements FaultSpec {
        @Override
        public FaultSpec withTiming(Timing t) {
            return new Degrade(t, lossPpm, duplicatePpm, reorderDelayMaxNanos);
        }

        @Override
        public String describe() {
            if (lossPpm > 0) {
                return "packet loss " + lossPpm / 10_000.0 + "%";
            }
            return duplicatePpm > 0 ? "duplicate " + duplicatePpm / 10_000.0 + "%"
                    : "reorder within " + reorderDelayMaxNanos / 1_000_000.0 + " ms";
        }
    }

    /**
     * Withhold the leader's log appends ({@code MsgApp}; heartbeats, votes and everything else pass)
     * from some members for {@code for} (the rest of the run if 0), so that their logs fall behind and
     * they cannot win an election (§5.4.1): the Raft paper's failover experiment, in which "the servers
     * in each trial had different log lengths, so some candidates were not eligible to become leader"
     * (§9.3; Ongaro's thesis §9.4). The members are named ({@code members}) or chosen when the fault
     * starts ({@code followers}: that many followers of whoever leads then, highest ids first, skipping
     * those already withheld from, so that withholdings started one after another leave logs of
     * different lengths), exactly one of the two.
     *
     * @param members   the members to withhold from, ascending; empty when {@code followers} chooses
     * @param followers how many of the then leader's followers to withhold from; 0 when {@code members} names them
     */
    record WithholdAppends(Timing timing, java.util.List<Integer> members, int followers) implements FaultSpec {
        public WithholdAppends {
            members = java.util.List.copyOf(new java.util.TreeSet<>(members));
            if (members.isEmpty() == (followers <= 0)) {
                throw new IllegalArgumentException("withhold appends from named members or from a number of followers, exactly one");
            }
        }

        @Override
        public FaultSpec withTiming(Timing t) {
            return new WithholdAppends(t, members, followers);
        }

        @Override
        public String describe() {
            return "withhold appends from " + (followers > 0 ? followers + " followers"
                    : String.join(", ", members.stream().map(m -> "n" + m).toList()));
        }
    }

    /** A device fault (stall, slow, EIO, ENOSPC) on a named device for {@code for}. */
    record DiskFault(Timing timing, String device, DeviceFault fault) implements FaultSpec {
        @Override
        public FaultSpec withTiming(Timing t) {
            return new DiskFault(t, device, fault);
        }

        @Override
        public String describe() {
            return fault.describe() + " on " + device;
        }
    }

    /** Step a member's clock by {@code stepNanos} (may be negative). */
    record ClockStep(Timing timing, int member, long stepNanos) implements FaultSpec {
        @Override
        public FaultSpec withTiming(Timing t) {
            return new ClockStep(t, member, stepNanos);
        }

        @Override
        public String describe() {
            return "clock step n" + member + " by " + stepNanos + " ns";
        }
    }

    /**
     * Set a member's clock drift; with a {@code for}, only that long (then back to the rate it had
     * when the fault was injected, normally its configured drift).
     */
    record ClockDrift(Timing timing, int member, long driftPpm) implements FaultSpec {
        @Override
        public FaultSpec withTiming(Timing t) {
            return new ClockDrift(t, member, driftPpm);
        }

        @Override
        public String describe() {
            return "clock drift n" + member + " " + driftPpm + " ppm";
        }
    }

    /**
     * An operator's membership command, sent to whoever leads then (retried every 100 ms while no member
     * leads, for etcdctl's 5 s {@code --command-timeout}): {@code ADD} and {@code ADD_LEARNER} add
     * {@code member} (a spare) and start it with an empty data dir; {@code PROMOTE} and {@code REMOVE} act on
     * {@code member}; {@code REPLACE} crashes {@code member} (power loss), removes it, adds the spare
     * {@code with} as a voter and starts it, which catches up by snapshot.
     *
     * @param with the spare that replaces {@code member} ({@code REPLACE} only; 0 otherwise)
     */
    record MemberChange(Timing timing, Action action, int member, int with) implements FaultSpec {
        /** The commands. */
        public enum Action {
            ADD("member add"), ADD_LEARNER("member add --learner"), PROMOTE("member promote"), REMOVE("member remove"),
            REPLACE("member replace");

            private final String text;

            Action(String text) {
                this.text = text;
            }

            public String text() {
                return text;
            }
        }

        public MemberChange {
            if ((action == Action.REPLACE) != (with > 0)) {
                throw new IllegalArgumentException("a replacement names the member that replaces, and only a replacement does");
            }
        }

        @Override
        public FaultSpec withTiming(Timing t) {
            return new MemberChange(t, action, member, with);
        }

        @Override
        public String describe() {
            return action.text() + " n" + member + (with > 0 ? " with n" + with : "");
        }
    }

    /**
     * etcd's {@code move-leader}: the leader hands leadership to {@code member} (thesis §3.10), or, with 0, to the
     * voter etcd picks before a graceful stop: the one connected to the leader the longest ({@code longestConnected}).
     */
    record MoveLeader(Timing timing, int member) implements FaultSpec {
        @Override
        public FaultSpec withTiming(Timing t) {
            return new MoveLeader(t, member);
        }

        @Override
        public String describe() {
            return "move leader to " + (member > 0 ? "n" + member : "the longest-connected voter");
        }
    }

    /**
     * Restart every voter, one at a time in id order: stop the process (no power loss: an orderly restart), start
     * it again {@code downNanos} later, and wait until it is healthy (its applied index reaches the leader's as
     * it was at the restart) before the next. With {@code moveLeader}, a leader first hands leadership to
     * another member (etcd's {@code move-leader} before maintenance).
     */
    record RollingRestart(Timing timing, long downNanos, boolean moveLeader) implements FaultSpec {
        @Override
        public FaultSpec withTiming(Timing t) {
            return new RollingRestart(t, downNanos, moveLeader);
        }

        @Override
        public String describe() {
            return "rolling restart" + (moveLeader ? " moving leadership first" : "");
        }
    }
}
