package io.stormglass.report.internal.analysis;

import java.util.List;
import java.util.SortedMap;

/**
 * One change of leader and what the recording shows about the previous leader around it.
 *
 * @param atNanos              when the new leader took office
 * @param term                 the new leader's term
 * @param previousLeader       the member that led before (0 if none)
 * @param newLeader            the member that leads now
 * @param previousCrashed      the previous leader crashed between taking office and the change (a stop after
 *                             its own removal does not count: see {@code previousRemoved})
 * @param previousRemoved      the previous leader stopped after applying its own removal from the cluster
 * @param fsyncMaxNanos        longest WAL fdatasync of the previous leader that may have been in
 *                             progress during the election timeout before the change (0 if none known)
 * @param device               the previous leader's WAL device, or null if unknown
 * @param utilisationMax       the device's highest utilisation (0..1) in that timeout, NaN if not recorded
 * @param busyShareByIssuer    each issuer's share (0..1) of the device's busy time in that timeout
 * @param activities           neighbour activity spans ({@code source: label}) overlapping that timeout
 * @param faults               faults active during that timeout ({@code target: description})
 * @param operatorActions      the operator's membership actions in that timeout (a {@code move-leader}, a
 *                             member removed...), as marked on the timeline
 */
public record LeaderChange(long atNanos, long term, int previousLeader, int newLeader, boolean previousCrashed,
                           boolean previousRemoved, long fsyncMaxNanos, String device, double utilisationMax,
                           SortedMap<String, Double> busyShareByIssuer, List<String> activities,
                           List<String> faults, List<String> operatorActions) {

    /** Whether an operator's {@code move-leader} handed leadership over in the timeout before the change. */
    public boolean transferred() {
        return operatorActions.stream().anyMatch(a -> a.startsWith("move-leader"));
    }

    /** The issuer with the largest busy share, or null. Ties go to the name that sorts first. */
    public String topIssuer() {
        String best = null;
        for (var e : busyShareByIssuer.entrySet()) {
            if (best == null || e.getValue() > busyShareByIssuer.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }
}
