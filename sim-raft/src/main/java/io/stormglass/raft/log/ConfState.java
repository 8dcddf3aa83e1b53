package io.stormglass.raft.log;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The configuration at some log index (etcd-io/raft {@code raftpb.ConfState}): what a snapshot carries
 * (§7 "the latest configuration as of the last included index", thesis §5.1) and what
 * {@code RawNode.applyConfChange} returns. Lists are ascending, distinct and immutable.
 *
 * @param voters         the voters of the (incoming) configuration
 * @param votersOutgoing while joint (thesis §4.3): the voters of the configuration being left; else empty
 * @param learners       members that receive the log but neither vote nor count toward commitment
 *                       (thesis §4.2.1); never voters on either side
 * @param learnersNext   while joint: voters of the outgoing side that become learners when the joint
 *                       configuration is left (a member cannot be voter and learner at once)
 * @param autoLeave      while joint: whether the leader leaves the joint configuration by itself
 */
public record ConfState(List<Long> voters, List<Long> votersOutgoing, List<Long> learners, List<Long> learnersNext,
        boolean autoLeave) {
    /** No members at all (a member created to join an existing cluster starts with this). */
    public static final ConfState EMPTY = new ConfState(List.of(), List.of(), List.of(), List.of(), false);

    public ConfState {
        voters = sorted(voters);
        votersOutgoing = sorted(votersOutgoing);
        learners = sorted(learners);
        learnersNext = sorted(learnersNext);
    }

    /** A plain configuration of {@code voters} (what a new cluster bootstraps with). */
    public static ConfState ofVoters(List<Long> voters) {
        return new ConfState(voters, List.of(), List.of(), List.of(), false);
    }

    private static List<Long> sorted(List<Long> ids) {
        return List.copyOf(new TreeSet<>(ids));
    }

    /** Whether this is a joint configuration (thesis §4.3). */
    public boolean isJoint() {
        return !votersOutgoing.isEmpty();
    }

    /** Whether {@code id} is a voter on either side or a learner. */
    public boolean contains(long id) {
        return voters.contains(id) || votersOutgoing.contains(id) || learners.contains(id);
    }

    /** Every member named, ascending (learners-next are outgoing voters, so they are included once). */
    public List<Long> members() {
        TreeSet<Long> all = new TreeSet<>(voters);
        all.addAll(votersOutgoing);
        all.addAll(learners);
        return List.copyOf(all);
    }

    /** How many ids the four lists hold together (a size estimate for the wire). */
    public int idCount() {
        return voters.size() + votersOutgoing.size() + learners.size() + learnersNext.size();
    }

    /** etcd-io/raft's rendering: {@code Voters:[1 2 3] VotersOutgoing:[] Learners:[4] LearnersNext:[] AutoLeave:false}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add("Voters:" + ids(voters));
        parts.add("VotersOutgoing:" + ids(votersOutgoing));
        parts.add("Learners:" + ids(learners));
        parts.add("LearnersNext:" + ids(learnersNext));
        parts.add("AutoLeave:" + autoLeave);
        return String.join(" ", parts);
    }

    private static String ids(List<Long> ids) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "" : " ").append(ids.get(i));
        }
        return sb.append(']').toString();
    }
}
