package io.stormglass.raft.harness;

import io.stormglass.raft.RaftConfig;
import io.stormglass.raft.ReadOnlyOption;
import io.stormglass.raft.ReadState;
import io.stormglass.raft.log.ConfChange;
import io.stormglass.raft.log.ConfChangeRequest;
import io.stormglass.raft.log.ConfChangeSingle;
import io.stormglass.raft.log.ConfChangeTransition;
import io.stormglass.raft.log.ConfChangeV2;
import io.stormglass.raft.log.ConfState;
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
 * {@code stabilize [silent]}, {@code elapse TICKS}, {@code status [ID...]}, {@code log ID...}, {@code crash ID}, {@code restart ID},
 * {@code compact ID INDEX}, {@code read-index ID CTX}, {@code read-states ID}, {@code transfer ID TO};
 * membership: {@code add-member ID [empty]} (a new member with the initial configuration, or none),
 * {@code propose-conf-change ID [v1=true] [transition=auto|implicit|explicit] OPS...} (OPS as
 * {@code v4 l5 r1}; none with the auto transition leaves a joint configuration), {@code conf [ID...]};
 * {@code add-nodes} also takes {@code step-down-on-removal=B}.
 * The cluster's safety checker runs after every step.
 */
public final class Interpreter {
    private RaftCluster cluster;
    private List<Long> initialVoters = List.of();
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
            case "stabilize" -> stabilize(args.length > 0 && args[0].equals("silent"));
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
            case "add-member" -> cluster.addMember(id(args[0]), args.length > 1 && args[1].equals("empty")
                    ? ConfState.EMPTY : ConfState.ofVoters(initialVoters));
            case "propose-conf-change" -> proposeConfChange(args);
            case "conf" -> ids(args).forEach(id -> out.add(id + ": " + (cluster.get(id).isUp()
                    ? cluster.node(id).status().config().toString() : "DOWN")));
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
                case "step-down-on-removal" -> cfg = cfg.withStepDownOnRemoval(Boolean.parseBoolean(kv[1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        cluster = new RaftCluster(n, cfg, seed);
        initialVoters = cluster.ids();
        cluster.setTrace(out::add);
        cluster.addChecker(new SafetyChecker());
        for (long id : cluster.ids()) {
            out.add(id + ": randomized election timeout " + cluster.node(id).core().randomizedElectionTimeout());
        }
    }

    /** Stabilizes the cluster; {@code silent} hides the trace (for set-up steps the script is not about). */
    private void stabilize(boolean silent) {
        if (!silent) {
            cluster.stabilize();
            return;
        }
        cluster.setTrace(s -> { });
        try {
            cluster.stabilize();
        } finally {
            cluster.setTrace(out::add);
        }
    }

    private void proposeConfChange(String[] args) {
        boolean v1 = false;
        ConfChangeTransition transition = ConfChangeTransition.AUTO;
        List<String> ops = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("v1=")) {
                v1 = Boolean.parseBoolean(args[i].substring(3));
            } else if (args[i].startsWith("transition=")) {
                transition = switch (args[i].substring("transition=".length())) {
                    case "auto" -> ConfChangeTransition.AUTO;
                    case "implicit" -> ConfChangeTransition.JOINT_IMPLICIT;
                    case "explicit" -> ConfChangeTransition.JOINT_EXPLICIT;
                    default -> throw new IllegalArgumentException("unknown transition " + args[i]);
                };
            } else {
                ops.add(args[i]);
            }
        }
        List<ConfChangeSingle> changes = ConfChangeOps.parse(ops);
        ConfChangeRequest cc;
        if (v1) {
            if (changes.size() != 1) {
                throw new IllegalArgumentException("a v1 change has exactly one operation");
            }
            cc = new ConfChange(changes.get(0).type(), changes.get(0).nodeId());
        } else {
            cc = new ConfChangeV2(transition, changes);
        }
        String err = cluster.proposeConfChange(id(args[0]), cc);
        if (err != null) {
            out.add("error: " + err);
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
            out.add("ReadState Index:" + rs.index() + " Ctx:" + rs.requestContext());
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
