package io.stormglass.raft.harness;

import io.stormglass.engine.random.SimRandom;
import io.stormglass.raft.ProposalDroppedException;
import io.stormglass.raft.RaftConfig;
import io.stormglass.raft.RawNode;
import io.stormglass.raft.Ready;
import io.stormglass.raft.StateRole;
import io.stormglass.raft.log.ByteString;
import io.stormglass.raft.log.Bytes;
import io.stormglass.raft.log.ConfChangeRequest;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgSnap;
import io.stormglass.raft.storage.MemoryStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.LongStream;

/**
 * A deterministic in-test network of Raft members: messages wait in one queue until delivered,
 * dropped, duplicated or reordered; links can be cut (partitions); members crash (losing everything
 * not in their {@link MemoryStorage}) and restart. Every effect is reported to a trace sink.
 */
public final class RaftCluster {
    private final TreeMap<Long, SimNode> nodes = new TreeMap<>();
    private final List<Message> inflight = new ArrayList<>();
    private final Links links = new Links();
    private final StaleReadCheck reads = new StaleReadCheck();
    private final long seed;
    private final RaftConfig base;
    private Consumer<String> trace = s -> { };
    private final List<SafetyChecker> checkers = new ArrayList<>();

    public RaftCluster(int size, RaftConfig base, long seed) {
        this.seed = seed;
        this.base = base;
        List<Long> voters = LongStream.rangeClosed(1, size).boxed().toList();
        for (long id : voters) {
            SimNode n = new SimNode(id, base.withId(id), new MemoryStorage(voters));
            n.node = new RawNode(n.config, n.storage, new SimRandom(seed * 31 + id));
            nodes.put(id, n);
        }
    }

    /** A config suitable for tests: 10/1 ticks, PreVote and CheckQuorum as given, small messages. */
    public static RaftConfig testConfig(boolean preVote, boolean checkQuorum) {
        return RaftConfig.etcdDefaults(1).withPreVote(preVote).withCheckQuorum(checkQuorum)
                .withFlowControl(RaftConfig.ETCD_MAX_SIZE_PER_MSG, 256);
    }

    public void setTrace(Consumer<String> sink) {
        trace = sink;
    }

    public void addChecker(SafetyChecker c) {
        checkers.add(c);
    }

    public SimNode get(long id) {
        SimNode n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return n;
    }

    public RawNode node(long id) {
        return get(id).node;
    }

    public List<Long> ids() {
        return List.copyOf(nodes.keySet());
    }

    public List<SimNode> members() {
        return List.copyOf(nodes.values());
    }

    public List<Message> inflight() {
        return inflight;
    }

    private void check() {
        for (SafetyChecker c : checkers) {
            c.check(this);
        }
    }

    // ---- local operations ----

    public void tick(long id, int times) {
        SimNode n = get(id);
        if (!n.up) {
            return;
        }
        for (int i = 0; i < times; i++) {
            n.node.tick();
        }
        check();
    }

    public void campaign(long id) {
        if (get(id).up) {
            node(id).campaign();
            check();
        }
    }

    /**
     * Starts member {@code id}, which joins the cluster, with an empty log and the configuration
     * {@code initial}: the cluster's initial configuration (the member then learns every change from the
     * log, as an etcd member learns the bootstrap changes at the head of the log) or
     * {@link ConfState#EMPTY} (it must then receive a snapshot). It is not a member until a change adds it.
     */
    public void addMember(long id, ConfState initial) {
        if (nodes.containsKey(id)) {
            throw new IllegalArgumentException("node " + id + " exists");
        }
        SimNode n = new SimNode(id, base.withId(id), new MemoryStorage(initial));
        n.node = new RawNode(n.config, n.storage, new SimRandom(seed * 31 + id));
        nodes.put(id, n);
        check();
    }

    /** Proposes a configuration change; returns the error text if the core dropped it, else null. */
    public String proposeConfChange(long id, ConfChangeRequest cc) {
        if (!get(id).up) {
            return "node " + id + " is down";
        }
        try {
            node(id).proposeConfChange(cc);
            return null;
        } catch (ProposalDroppedException e) {
            return e.getMessage();
        } finally {
            check();
        }
    }

    /** Proposes {@code data}; returns the error text if the core dropped it, else null. */
    public String propose(long id, String data) {
        if (!get(id).up) {
            return "node " + id + " is down";
        }
        try {
            node(id).propose(Bytes.utf8(data));
            return null;
        } catch (ProposalDroppedException e) {
            return e.getMessage();
        } finally {
            check();
        }
    }

    /**
     * Requests a read. Records the highest commit index any member knows now: a linearizable answer
     * must not be older (thesis §6.4), which {@link #finishReady} checks when the answer arrives.
     */
    public void readIndex(long id, String context) {
        if (get(id).up) {
            reads.requested(ByteString.utf8(context), nodes.values());
            node(id).readIndex(Bytes.utf8(context));
        }
    }

    public void transfer(long id, long transferee) {
        if (get(id).up) {
            node(id).transferLeadership(transferee);
            check();
        }
    }

    /** Campaigns {@code id} and stabilizes; returns the leader afterwards (0 if none). */
    public long elect(long id) {
        campaign(id);
        stabilize();
        List<Long> l = leaders();
        return l.size() == 1 ? l.get(0) : 0;
    }

    /** Proposes and stabilizes; fails the test if the proposal is dropped. */
    public void commit(long id, String data) {
        String err = propose(id, data);
        if (err != null) {
            throw new AssertionError(err);
        }
        stabilize();
    }

    /** Lets {@code ticks} ticks pass on every live member, stabilizing after each. */
    public void elapse(int ticks) {
        for (int t = 0; t < ticks; t++) {
            for (long id : ids()) {
                tick(id, 1);
            }
            stabilize();
        }
    }

    // ---- Ready processing ----

    /** Persists, sends, applies and advances one Ready of {@code id}; returns whether there was one. */
    public boolean processReady(long id) {
        return beginReady(id) && finishReady(id);
    }

    /**
     * Takes a Ready and sends its {@code messages} before persisting anything (thesis §10.2.1): until
     * {@link #finishReady} a crash loses the Ready's state while its messages are already out.
     */
    public boolean beginReady(long id) {
        SimNode n = get(id);
        if (!n.up || n.pending != null || !n.node.hasReady()) {
            return false;
        }
        Ready rd = n.node.ready();
        trace.accept("> " + id + " handling Ready");
        Describe.ready(rd).forEach(trace);
        n.pending = rd;
        for (Message m : rd.messages()) {
            inflight.add(m instanceof MsgSnap snap ? SimApplication.snapshotNaming(n, snap, trace) : m);
        }
        return true;
    }

    /** Persists the pending Ready of {@code id}, sends its acknowledgements, applies and advances. */
    public boolean finishReady(long id) {
        SimNode n = get(id);
        Ready rd = n.pending;
        if (!n.up || rd == null) {
            return false;
        }
        n.pending = null;
        if (rd.snapshot() != null) {
            n.storage.applySnapshot(rd.snapshot());
            restoreApplied(n, rd.snapshot().index());
            n.resetConfStates(rd.snapshot().index(), rd.snapshot().metadata().confState());
        }
        n.storage.append(rd.entries());
        if (rd.hardState() != null) {
            n.storage.setHardState(rd.hardState());
        }
        inflight.addAll(rd.messagesAfterPersist());
        SimApplication.applyCommitted(n, rd, trace);
        rd.readStates().forEach(rs -> reads.answered(id, rs));
        n.readStates.addAll(rd.readStates());
        n.node.advance(rd);
        check();
        return true;
    }

    /** The application's state after installing a snapshot at {@code index}: the committed prefix. */
    private void restoreApplied(SimNode n, long index) {
        List<Entry> committed = committedPrefix(index);
        n.applied.clear();
        n.applied.addAll(committed);
    }

    /** Entries 0..index as some live member that committed them holds (index 0 is a placeholder). */
    private List<Entry> committedPrefix(long index) {
        for (SimNode other : nodes.values()) {
            if (other.applied.size() > index) {
                return new ArrayList<>(other.applied.subList(0, (int) index + 1));
            }
        }
        throw new AssertionError("no member has applied up to snapshot index " + index);
    }

    public void processReadyAll() {
        for (long id : nodes.keySet()) {
            processReady(id);
        }
    }

    // ---- network ----

    public void cut(long from, long to) {
        links.cut(from, to);
    }

    /** Cuts every link between the groups (each group stays connected inside). */
    public void partition(List<List<Long>> groups) {
        links.partition(groups);
    }

    public void heal() {
        links.heal();
    }

    public boolean isCut(long from, long to) {
        return links.isCut(from, to);
    }

    /** Delivers one queued message (by queue position), or drops it if its link is cut or the receiver is down. */
    public void deliverAt(int position) {
        Message m = inflight.remove(position);
        SimNode to = nodes.get(m.to());
        boolean lost = isCut(m.from(), m.to()) || to == null || !to.up;
        if (lost) {
            trace.accept("  dropped " + Describe.message(m));
        } else {
            trace.accept("  deliver " + Describe.message(m));
            to.node.step(m);
        }
        reportSnapshot(m, lost);
        check();
    }

    /**
     * Like etcd's transport, tells the sender of a snapshot whether it arrived: without the report the
     * leader would wait in SNAPSHOT state forever.
     */
    private void reportSnapshot(Message m, boolean failed) {
        if (m instanceof MsgSnap) {
            SimNode from = nodes.get(m.from());
            if (from != null && from.up) {
                from.node.reportSnapshot(m.to(), failed);
            }
        }
    }

    /** Delivers every message queued now (to {@code onlyTo} only, if non-zero), in order. */
    public int deliverAll(long onlyTo) {
        List<Message> batch = new ArrayList<>();
        List<Message> keep = new ArrayList<>();
        for (Message m : inflight) {
            (onlyTo == 0 || m.to() == onlyTo ? batch : keep).add(m);
        }
        inflight.clear();
        inflight.addAll(batch);
        int n = batch.size();
        for (int i = 0; i < n; i++) {
            deliverAt(0);
        }
        inflight.addAll(keep);
        return n;
    }

    /** Drops every queued message from {@code from} to {@code to}; returns how many. */
    public int drop(long from, long to) {
        int before = inflight.size();
        List<Message> lost = new ArrayList<>();
        inflight.removeIf(m -> {
            boolean match = m.from() == from && m.to() == to;
            if (match) {
                lost.add(m);
            }
            if (match) {
                trace.accept("  dropped " + Describe.message(m));
            }
            return match;
        });
        lost.forEach(m -> reportSnapshot(m, true));
        return before - inflight.size();
    }

    public void dropAt(int position) {
        Message m = inflight.remove(position);
        trace.accept("  dropped " + Describe.message(m));
        reportSnapshot(m, true);
    }

    public void duplicateAt(int position) {
        inflight.add(inflight.get(position));
    }

    /** Repeats Ready processing and delivery until nothing is left (no ticks). */
    public void stabilize() {
        for (int round = 0; round < 10_000; round++) {
            boolean any = false;
            for (long id : nodes.keySet()) {
                any |= processReady(id);
            }
            if (!inflight.isEmpty()) {
                deliverAll(0);
                any = true;
            }
            if (!any) {
                return;
            }
        }
        throw new AssertionError("cluster did not stabilize; one more round: " + traceOfOneRound());
    }

    /** What one more round of Ready processing and delivery does (for the report of a livelock). */
    private List<String> traceOfOneRound() {
        Consumer<String> saved = trace;
        List<String> lines = new ArrayList<>();
        trace = lines::add;
        try {
            for (int i = 0; i < 3; i++) {
                nodes.keySet().forEach(this::processReady);
                deliverAll(0);
            }
            nodes.values().forEach(n -> lines.add(Describe.status(n) + (n.up ? " " + n.node.status().config() : "")));
        } finally {
            trace = saved;
        }
        return lines;
    }

    // ---- crashes ----

    /** Crashes a member: unpersisted state, pending Ready and messages addressed to it are lost. */
    public void crash(long id) {
        SimNode n = get(id);
        n.up = false;
        n.pending = null;
        n.node = null;
        n.readStates.clear();
        List<Message> lost = inflight.stream().filter(m -> m.to() == id).toList();
        inflight.removeAll(lost);
        lost.forEach(m -> reportSnapshot(m, true));
        check();
    }

    /** Restarts a crashed member from its stable storage (HardState, snapshot, stable log). */
    public void restart(long id) {
        SimNode n = get(id);
        if (n.up) {
            return;
        }
        n.up = true;
        n.node = new RawNode(n.config, n.storage, new SimRandom(seed * 31 + id + 1_000_003L * n.applied.size()));
        restoreApplied(n, n.storage.snapshot().index());
        n.resetConfStates(n.storage.snapshot().index(), n.storage.snapshot().metadata().confState());
        check();
    }

    /**
     * The application snapshots its applied state at {@code index} and compacts the log there (§7).
     * Returns false if that is not possible (not yet applied, already compacted).
     */
    public boolean compact(long id, long index) {
        SimNode n = get(id);
        if (!n.up || index >= n.applied.size() || index <= n.storage.snapshot().index()
                || index > n.storage.lastIndex()) {
            return false;
        }
        n.storage.createSnapshot(index, n.confStateAt(index), Bytes.utf8("applied@" + index));
        n.storage.compact(index);
        return true;
    }

    // ---- observation ----

    public List<Long> leaders() {
        List<Long> out = new ArrayList<>();
        for (SimNode n : nodes.values()) {
            if (n.up && n.node.status().softState().role() == StateRole.LEADER) {
                out.add(n.id);
            }
        }
        return out;
    }

    public String status(long id) {
        return Describe.status(get(id));
    }

    public String logOf(long id) {
        return Describe.log(get(id));
    }
}
