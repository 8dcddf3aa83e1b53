package io.stormglass.net.partition;

import io.stormglass.engine.net.TrafficClass;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A fault on the paths between nodes, switched on and off by a {@link FaultSchedule}. A closed
 * family: a partition blocks directed paths ({@link #blocks}); a clog delays them
 * ({@link #clogNanos}); a degradation loses, duplicates and reorders messages on them
 * ({@link #lossPpm}, {@link #duplicatePpm}, {@link #reorderDelayMaxNanos}); a withholding drops
 * only messages of some traffic classes ({@link #drops}); {@link Scoped} limits any of them to the
 * paths among some nodes.
 *
 * <p>What happens to a message depends on when its path is blocked (see {@code Network}): sent
 * while blocked, it is dropped at once; in flight (queued at the sender's NIC or on the wire) when
 * a block starts, it is dropped too, as a TCP connection that breaks loses what it had not yet
 * delivered and etcd's rafthttp does not resend it.
 */
public sealed interface NetworkFault {
    /** True if messages from {@code from} to {@code to} cannot pass while this fault is active. */
    boolean blocks(int from, int to);

    /** Extra delay in nanoseconds for a message sent from {@code from} to {@code to} while this fault is active. */
    default long clogNanos(int from, int to) {
        return 0;
    }

    /** Chance, in parts per million, that a message on the path is lost while this fault is active. */
    default long lossPpm(int from, int to) {
        return 0;
    }

    /** Chance, in parts per million, that a message on the path is delivered twice while this fault is active. */
    default long duplicatePpm(int from, int to) {
        return 0;
    }

    /**
     * The most extra delay, in nanoseconds, a message on the path gets while this fault is active:
     * each message draws a uniform delay below it after its connection's ordering was applied, so
     * messages overtake each other even on one connection.
     */
    default long reorderDelayMaxNanos(int from, int to) {
        return 0;
    }

    /**
     * True if a message of {@code trafficClass} sent from {@code from} to {@code to} while this fault is
     * active is dropped at the sender (messages of other classes pass). Checked at send only: what is
     * already in flight when the fault starts is delivered.
     */
    default boolean drops(int from, int to, TrafficClass trafficClass) {
        return false;
    }

    /** A short text for the timeline, such as {@code isolate n1}. */
    String describe();

    /**
     * Drops every message of {@code classes} sent to {@code receivers} (by anyone), and nothing else: a
     * follower kept from replicating while it still hears heartbeats and votes. The Raft paper's failover
     * experiment (§9.3) needs survivors whose logs are shorter, "so two of the four servers were not
     * eligible to become leader" (Ongaro's thesis §9.4); withholding {@code APPEND} from them while the
     * others replicate gives exactly that, with their election timers still reset by heartbeats.
     */
    record Withhold(SortedSet<Integer> receivers, Set<TrafficClass> classes) implements NetworkFault {
        public Withhold {
            receivers = Collections.unmodifiableSortedSet(new TreeSet<>(receivers));
            if (classes.isEmpty()) {
                throw new IllegalArgumentException("a withholding names at least one traffic class");
            }
            classes = Collections.unmodifiableSet(EnumSet.copyOf(classes));
        }

        @Override
        public boolean blocks(int from, int to) {
            return false;
        }

        @Override
        public boolean drops(int from, int to, TrafficClass trafficClass) {
            return from != to && receivers.contains(to) && classes.contains(trafficClass);
        }

        @Override
        public String describe() {
            return "withhold " + String.join("+", classes.stream().map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList())
                    + " from " + receivers;
        }
    }

    /** Cuts {@code node} off from every other node, in both directions. */
    record Isolate(int node) implements NetworkFault {
        @Override
        public boolean blocks(int from, int to) {
            return from != to && (from == node || to == node);
        }

        @Override
        public String describe() {
            return "isolate n" + node;
        }
    }

    /**
     * Splits the cluster into groups that cannot reach each other (in both directions). Nodes
     * named in no group form one more group of their own.
     */
    record Split(List<SortedSet<Integer>> groups) implements NetworkFault {
        public Split {
            List<SortedSet<Integer>> copy = new java.util.ArrayList<>();
            SortedSet<Integer> seen = new TreeSet<>();
            for (Collection<Integer> g : groups) {
                SortedSet<Integer> group = Collections.unmodifiableSortedSet(new TreeSet<>(g));
                for (int n : group) {
                    if (!seen.add(n)) {
                        throw new IllegalArgumentException("node " + n + " is in two groups of a split");
                    }
                }
                copy.add(group);
            }
            groups = Collections.unmodifiableList(copy);
        }

        /** A split from groups written as lists, such as {@code of(List.of(1), List.of(2, 3))}. */
        @SafeVarargs
        public static Split of(Collection<Integer>... groups) {
            List<SortedSet<Integer>> list = new java.util.ArrayList<>();
            for (Collection<Integer> g : groups) {
                list.add(new TreeSet<>(g));
            }
            return new Split(list);
        }

        @Override
        public boolean blocks(int from, int to) {
            return from != to && groupOf(from) != groupOf(to);
        }

        private int groupOf(int node) {
            for (int i = 0; i < groups.size(); i++) {
                if (groups.get(i).contains(node)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public String describe() {
            StringBuilder text = new StringBuilder("split");
            for (SortedSet<Integer> g : groups) {
                text.append(' ').append(g);
            }
            return text.toString();
        }
    }

    /**
     * Blocks only the direction from {@code senders} to {@code receivers}: with senders {A} and
     * receivers {B}, A still hears B but B no longer hears A (a broken route or a one-sided
     * firewall rule). The reverse direction keeps working.
     */
    record OneWay(SortedSet<Integer> senders, SortedSet<Integer> receivers) implements NetworkFault {
        public OneWay {
            senders = Collections.unmodifiableSortedSet(new TreeSet<>(senders));
            receivers = Collections.unmodifiableSortedSet(new TreeSet<>(receivers));
        }

        /** Messages from {@code from} to {@code to} are lost; {@code to} can still reach {@code from}. */
        public static OneWay of(int from, int to) {
            return new OneWay(new TreeSet<>(List.of(from)), new TreeSet<>(List.of(to)));
        }

        @Override
        public boolean blocks(int from, int to) {
            return from != to && senders.contains(from) && receivers.contains(to);
        }

        @Override
        public String describe() {
            return "one-way " + senders + " -/-> " + receivers;
        }
    }

    /**
     * Clogs the directed path from {@code from} to {@code to}: every message sent on it while the
     * clog is active arrives {@code delayMs} later than it otherwise would (FoundationDB's
     * {@code clogPair}). Nothing is lost, and per-connection order is kept.
     */
    record Clog(int from, int to, double delayMs) implements NetworkFault {
        public Clog {
            if (!(delayMs >= 0) || Double.isInfinite(delayMs)) {
                throw new IllegalArgumentException("delayMs must be a finite non-negative number: " + delayMs);
            }
        }

        @Override
        public boolean blocks(int fromNode, int toNode) {
            return false;
        }

        @Override
        public long clogNanos(int fromNode, int toNode) {
            return fromNode == from && toNode == to ? Math.round(delayMs * 1_000_000.0) : 0;
        }

        @Override
        public String describe() {
            return "clog n" + from + "->n" + to + " +" + delayMs + "ms";
        }
    }

    /**
     * Loses, duplicates and delays messages among {@code nodes} (every path whose two ends are in
     * the set): a lossy switch, a retransmitting middlebox, a congested path that reorders. The
     * reordering delay is applied after a connection's FIFO order, so it reorders messages that TCP
     * would keep in order: a harsher fault than a real network's, which Raft must survive anyway
     * (it assumes nothing about order), used by the safety suite as Jepsen and etcd-raft's own
     * tests do.
     *
     * @param nodes                the nodes whose mutual paths are degraded
     * @param lossPpm              loss chance per message, parts per million
     * @param duplicatePpm         duplication chance per message, parts per million (never of
     *                             {@code CLIENT}-class messages: a TCP stream delivers a request once)
     * @param reorderDelayMaxNanos extra uniform delay below this bound per message, nanoseconds
     */
    record Degrade(SortedSet<Integer> nodes, long lossPpm, long duplicatePpm, long reorderDelayMaxNanos) implements NetworkFault {
        public Degrade {
            nodes = Collections.unmodifiableSortedSet(new TreeSet<>(nodes));
            if (lossPpm < 0 || lossPpm > 1_000_000 || duplicatePpm < 0 || duplicatePpm > 1_000_000 || reorderDelayMaxNanos < 0) {
                throw new IllegalArgumentException("loss and duplication must be 0..1000000 ppm and the delay non-negative");
            }
        }

        private boolean covers(int from, int to) {
            return from != to && nodes.contains(from) && nodes.contains(to);
        }

        @Override
        public boolean blocks(int from, int to) {
            return false;
        }

        @Override
        public long lossPpm(int from, int to) {
            return covers(from, to) ? lossPpm : 0;
        }

        @Override
        public long duplicatePpm(int from, int to) {
            return covers(from, to) ? duplicatePpm : 0;
        }

        @Override
        public long reorderDelayMaxNanos(int from, int to) {
            return covers(from, to) ? reorderDelayMaxNanos : 0;
        }

        @Override
        public String describe() {
            StringBuilder text = new StringBuilder("degrade ").append(nodes);
            if (lossPpm > 0) {
                text.append(" loss ").append(lossPpm).append("ppm");
            }
            if (duplicatePpm > 0) {
                text.append(" duplicate ").append(duplicatePpm).append("ppm");
            }
            if (reorderDelayMaxNanos > 0) {
                text.append(" reorder <").append(reorderDelayMaxNanos / 1_000_000.0).append("ms");
            }
            return text.toString();
        }
    }

    /**
     * {@code fault} on the paths among {@code nodes} only: a partition between members that
     * leaves clients able to reach every member (Jepsen's partitions cut the database's own
     * links, not the clients'), since with a bare {@link Split} or {@link Isolate} clients are
     * nodes like any other and are cut too.
     */
    record Scoped(NetworkFault fault, SortedSet<Integer> nodes) implements NetworkFault {
        public Scoped {
            nodes = Collections.unmodifiableSortedSet(new TreeSet<>(nodes));
        }

        private boolean covers(int from, int to) {
            return nodes.contains(from) && nodes.contains(to);
        }

        @Override
        public boolean blocks(int from, int to) {
            return covers(from, to) && fault.blocks(from, to);
        }

        @Override
        public long clogNanos(int from, int to) {
            return covers(from, to) ? fault.clogNanos(from, to) : 0;
        }

        @Override
        public boolean drops(int from, int to, TrafficClass trafficClass) {
            return covers(from, to) && fault.drops(from, to, trafficClass);
        }

        @Override
        public long lossPpm(int from, int to) {
            return covers(from, to) ? fault.lossPpm(from, to) : 0;
        }

        @Override
        public long duplicatePpm(int from, int to) {
            return covers(from, to) ? fault.duplicatePpm(from, to) : 0;
        }

        @Override
        public long reorderDelayMaxNanos(int from, int to) {
            return covers(from, to) ? fault.reorderDelayMaxNanos(from, to) : 0;
        }

        @Override
        public String describe() {
            return fault.describe() + " among " + nodes;
        }
    }
}
