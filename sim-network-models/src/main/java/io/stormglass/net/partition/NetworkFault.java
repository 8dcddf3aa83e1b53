package io.stormglass.net.partition;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A fault on the paths between nodes, switched on and off by a {@link FaultSchedule}. A closed
 * family: a partition blocks directed paths ({@link #blocks}); a clog delays them
 * ({@link #clogNanos}).
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

    /** A short text for the timeline, such as {@code isolate n1}. */
    String describe();

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
}
