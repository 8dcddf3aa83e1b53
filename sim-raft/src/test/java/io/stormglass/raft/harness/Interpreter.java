package io.stormglass.raft.harness;

import io.stormglass.raft.RaftConfig;
import io.stormglass.raft.ReadOnlyOption;
import io.stormglass.raft.ReadState;
import io.stormglass.raft.log.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs the commands of golden interaction scripts against a {@link RaftCluster}, returning what each
 * printed. Commands: {@code add-nodes N [pre-vote=B] [check-quorum=B] [election=T] [heartbeat=T]
 * [read-only=safe|lease] [max-inflight=N] [max-size=BYTES] [seed=S]}, {@code campaign ID},
 * {@code tick ID|all N}, {@code deliver [ID]}, {@code drop A->B}, {@code cut A->B},
 * {@code partition 1 | 2 3}, {@code heal}, {@code propose ID DATA}, {@code process-ready [ID...]},
 * {@code stabilize}, {@code elapse TICKS}, {@code status [ID...]}, {@code log ID...}, {@code crash ID}, {@code restart ID},
 * {@code compact ID INDEX}, {@code read-index ID CTX}, {@code read-states ID}, {@code transfer ID TO}.
 * The cluster's safety checker runs after every step.
 */
public final class Interpreter {
    private RaftCluster cluster;
    private final List<String> out = new ArrayList<>();

    public RaftCluster cluster() {
        return cluster;
    }

    /** Executes one command line and returns its output (never empty: "ok" when silent). */
    public String run(String line) {
        out.clear();
        String[] w = line.trim().split("\\s+");
        String[] args = Arrays.copyOfRange(w, 1, w.length);
        switch (w[0]) {
            case "add-nodes" -> addNodes(args);
            case "campaign" -> cluster.campaign(id(args[0]));
            case "tick" -> tick(args);
            case "deliver" -> cluster.deliverAll(args.length > 0 ? id(args[0]) : 0);
            case "drop" -> {
                long[] l = link(args[0]);
                cluster.drop(l[0], l[1]);
            }
            case "cut" -> {
                long[] l = link(args[0]);
                cluster.cut(l[0], l[1]);
            }
            case "partition" -> partition(args);
            case "heal" -> cluster.heal();
            case "propose" -> {
                String err = cluster.propose(id(args[0]), args[1]);
                if (err != null) {
                    out.add("error: " + err);
                }
            }
            case "process-ready" -> {
                for (long id : ids(args)) {
                    cluster.processReady(id);
                }
            }
            case "stabilize" -> cluster.stabilize();
            case "elapse" -> elapse(Integer.parseInt(args[0]));
            case "status" -> ids(args).forEach(id -> out.add(cluster.status(id)));
            case "log" -> ids(args).forEach(id -> out.add(cluster.logOf(id)));
            case "crash" -> cluster.crash(id(args[0]));
            case "restart" -> cluster.restart(id(args[0]));
            case "compact" -> {
                if (!cluster.compact(id(args[0]), Long.parseLong(args[1]))) {
                    out.add("error: cannot compact " + args[0] + " at " + args[1]);
                }
            }
            case "read-index" -> cluster.readIndex(id(args[0]), args[1]);
            case "read-states" -> readStates(id(args[0]));
            case "transfer" -> cluster.transfer(id(args[0]), id(args[1]));
            default -> throw new IllegalArgumentException("unknown command: " + line);
        }
        return out.isEmpty() ? "ok" : String.join("\n", out);
    }

    private void addNodes(String[] args) {
        int n = Integer.parseInt(args[0]);
        RaftConfig cfg = RaftCluster.testConfig(true, true);
        long seed = 1;
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            switch (kv[0]) {
                case "pre-vote" -> cfg = cfg.withPreVote(Boolean.parseBoolean(kv[1]));
                case "check-quorum" -> cfg = cfg.withCheckQuorum(Boolean.parseBoolean(kv[1]));
                case "election" -> cfg = cfg.withTicks(Integer.parseInt(kv[1]), cfg.heartbeatTick());
                case "heartbeat" -> cfg = cfg.withTicks(cfg.electionTick(), Integer.parseInt(kv[1]));
                case "read-only" -> cfg = cfg.withReadOnlyOption(
                        kv[1].toLowerCase(Locale.ROOT).startsWith("lease") ? ReadOnlyOption.LEASE_BASED : ReadOnlyOption.SAFE);
                case "max-inflight" -> cfg = cfg.withFlowControl(cfg.maxSizePerMsg(), Integer.parseInt(kv[1]));
                case "max-size" -> cfg = cfg.withFlowControl(Long.parseLong(kv[1]), cfg.maxInflightMsgs());
                case "forwarding" -> cfg = cfg.withDisableProposalForwarding(!Boolean.parseBoolean(kv[1]));
                case "seed" -> seed = Long.parseLong(kv[1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        cluster = new RaftCluster(n, cfg, seed);
        cluster.setTrace(out::add);
        cluster.addChecker(new SafetyChecker());
        for (long id : cluster.ids()) {
            out.add(id + ": randomized election timeout " + cluster.node(id).core().randomizedElectionTimeout());
        }
    }

    private void tick(String[] args) {
        int times = Integer.parseInt(args[1]);
        for (long id : args[0].equals("all") ? cluster.ids() : List.of(id(args[0]))) {
            cluster.tick(id, times);
        }
    }

    /**
     * Lets {@code ticks} ticks pass on every live member, stabilizing the network after each, and
     * prints only role and term changes (the full trace would drown the point).
     */
    private void elapse(int ticks) {
        cluster.setTrace(s -> { });
        try {
            java.util.TreeMap<Long, String> before = roles();
            for (int t = 1; t <= ticks; t++) {
                for (long id : cluster.ids()) {
                    cluster.tick(id, 1);
                }
                cluster.stabilize();
                java.util.TreeMap<Long, String> now = roles();
                for (long id : cluster.ids()) {
                    if (!now.get(id).equals(before.get(id))) {
                        out.add("tick " + t + ": " + id + " " + now.get(id));
                    }
                }
                before = now;
            }
        } finally {
            cluster.setTrace(out::add);
        }
    }

    private java.util.TreeMap<Long, String> roles() {
        java.util.TreeMap<Long, String> m = new java.util.TreeMap<>();
        for (long id : cluster.ids()) {
            SimNode n = cluster.get(id);
            m.put(id, !n.isUp() ? "DOWN" : n.node().core().state() + " term=" + n.node().core().term());
        }
        return m;
    }

    private void partition(String[] args) {
        List<List<Long>> groups = new ArrayList<>();
        List<Long> current = new ArrayList<>();
        for (String a : args) {
            if (a.equals("|")) {
                groups.add(current);
                current = new ArrayList<>();
            } else {
                current.add(id(a));
            }
        }
        groups.add(current);
        cluster.partition(groups);
    }

    private void readStates(long id) {
        SimNode n = cluster.get(id);
        for (ReadState rs : n.readStates()) {
            out.add("ReadState Index:" + rs.index() + " Ctx:" + Bytes.show(rs.requestContext()));
        }
        n.readStates().clear();
    }

    private List<Long> ids(String[] args) {
        if (args.length == 0) {
            return cluster.ids();
        }
        return Arrays.stream(args).map(Interpreter::id).toList();
    }

    private static long id(String s) {
        return Long.parseLong(s);
    }

    private static long[] link(String s) {
        String[] p = s.split("->");
        return new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])};
    }
}
