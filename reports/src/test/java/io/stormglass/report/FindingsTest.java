package io.stormglass.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.report.internal.analysis.Availability;
import io.stormglass.report.internal.analysis.Findings;
import io.stormglass.report.internal.analysis.LeaderChange;
import io.stormglass.report.internal.analysis.RecordingView;
import io.stormglass.report.internal.analysis.RunSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsTest {
    private static Findings findings(RunRecord run, RunSummary s) {
        return Findings.of(s, new RecordingView(run.recorder(), run.simulatedDurationNanos()));
    }

    @Test
    void leaderChangesAfterSlowFsyncAreTiedToTheLeadersDiskAndTheNeighbour() {
        RunRecord run = new SyntheticRun(3, 200, 7)
                .electFirst(1, 0.7)
                .slowFsyncChange(1, 2, 30.2, 2.14, 31.35)
                .slowFsyncChange(2, 3, 70.2, 1.8, 71.3)
                .slowFsyncChange(3, 1, 110.2, 2.5, 111.3)
                .slowFsyncChange(1, 2, 150.2, 1.5, 151.3)
                .build();
        RunSummary s = RunSummary.of(run);
        assertEquals(4, s.changes().size());
        assertEquals(List.of(2.14, 1.8, 2.5, 1.5),
                s.changes().stream().map(c -> c.fsyncMaxNanos() / 1e9).toList());
        Findings f = findings(run, s);
        assertEquals("4 leader changes; each followed a WAL fdatasync longer than the election timeout (1 s) on the "
                + "leader; the leader's disk was at 100 % utilisation, 97 % of it from prometheus; each fell in a "
                + "neighbour burst (prometheus: head-block write ×4).", f.statements().get(0));
        assertEquals("At 31.350 s: n1 → n2 (term 3): n1's WAL fdatasync took up to 2.14 s (longer than the election "
                + "timeout); disk ceph-n1 at 100 % utilisation, 97 % from prometheus; during prometheus: "
                + "head-block write.", f.changes().get(0));
        assertTrue(f.statements().stream().anyMatch(t -> t.startsWith("etcd warnings: \"leader failed to send out "
                + "heartbeat on time; took too long, leader is overloaded likely from slow disk\" ×4")), f.toString());
    }

    @Test
    void incidentSummaryCountsCausesCrashesAndUnavailability() {
        RunRecord run = SyntheticRun.incident().build();
        RunSummary s = RunSummary.of(run);
        List<LeaderChange> changes = s.changes();
        assertEquals(4, s.leaderships());
        assertEquals(3, changes.size());
        assertTrue(changes.get(2).previousCrashed());
        assertEquals(List.of("disk/n2: slow x10"), changes.get(1).faults());
        assertEquals(0.97, changes.get(0).busyShareByIssuer().get("prometheus"), 1e-9);

        // 0.71 s initial election, 2 × 0.05 s while a candidate held a vote, 1.21 s after the leader crashed
        Availability a = s.availability();
        assertEquals(710_000_000L, a.initialNanos());
        assertEquals(2_020_000_000L, a.unavailableNanos());
        assertEquals(4, a.gaps().size());
        assertEquals(1_210_000_000L, a.longest().lengthNanos());

        assertEquals(2.14e9, s.fsync().get("n1").maxNanos(), 2.14e9 * 1e-3);
        assertTrue(s.fsync().get("n1").p99Nanos() < 10_000_000L, "one slow fsync among thousands");
        assertEquals(2, s.warnings().get(SyntheticRun.SLOW_FDATASYNC).size());
        assertEquals(60L, s.clientErrors().get(SyntheticRun.LEADER_CHANGED));

        Findings f = findings(run, s);
        assertEquals("3 leader changes; 2 of 3 followed a WAL fdatasync longer than the election timeout (1 s) on the "
                + "leader; the leader's disk was at 100 % utilisation, 97 % of it from prometheus; 1 of 3 followed a "
                + "crash of the leader; 2 of 3 fell in a neighbour burst (prometheus: head-block write ×2).",
                f.statements().get(0));
        assertEquals("No leader was known to a majority for 2.02 s in total (710 ms of it the initial election); "
                + "the longest gap lasted 1.21 s from 110.000 s.", f.statements().get(1));
        assertTrue(f.statements().contains("75 client errors (context deadline exceeded ×15, etcdserver: leader "
                + "changed ×60); 100 % of them within one election timeout before to 10 s after a leader change."),
                f.statements().toString());
    }

    @Test
    void defragmentationsAreListedWithTheSlowestRequestTheyCaused() {
        RunRecord run = new SyntheticRun(3, 100, 5).electFirst(1, 0.7).defrag(2, 20, 23.5, 3.4).defrag(1, 60, 62, 1.9).build();
        Findings f = findings(run, RunSummary.of(run));
        assertTrue(f.statements().contains("Defragmentation held n2 for 3.5 s from 20.000 s, n1 for 2 s from 60.000 s (its "
                + "backend: applies and reads wait on the member); the slowest client request in the windows it touched "
                + "took 3.4 s."), f.statements().toString());
        RunRecord quiet = new SyntheticRun(3, 100, 5).electFirst(1, 0.7).build();
        assertTrue(findings(quiet, RunSummary.of(quiet)).statements().stream().noneMatch(t -> t.startsWith("Defrag")));
    }

    @Test
    void snapshotsSentAreListedByPairWithTheLongestAndTheFailures() {
        RunRecord run = new SyntheticRun(3, 100, 5).electFirst(1, 0.7).snapshot(1, 3, 20, 1.2).snapshot(1, 3, 50, 2.5)
                .snapshot(1, 2, 60, 0.8).snapshot(1, 2, 70, 0).build();
        Findings f = findings(run, RunSummary.of(run));
        assertTrue(f.statements().contains("Database snapshots sent, from the send to the receiver's answer: n1 → n2 "
                + "(800 ms), n1 → n3 ×2 (longest 2.5 s); failed: n1 → n2 ×1."), f.statements().toString());
        RunRecord quiet = new SyntheticRun(3, 100, 5).electFirst(1, 0.7).build();
        assertTrue(findings(quiet, RunSummary.of(quiet)).statements().stream().noneMatch(t -> t.startsWith("Database")));
    }

    @Test
    void operatorActionsExplainTheirLeaderChanges() {
        RunRecord run = new SyntheticRun(3, 100, 3).electFirst(1, 0.7).moveLeader(1, 2, 30).removalChange(2, 3, 60, 61.2).build();
        RunSummary s = RunSummary.of(run);
        assertEquals(2, s.changes().size());
        assertTrue(s.changes().get(0).transferred());
        assertTrue(s.changes().get(1).previousRemoved());
        assertTrue(!s.changes().get(1).previousCrashed(), "a stop after a removal is no crash");
        assertEquals("2 leader changes; 1 of 2 followed the leader's stop after its own removal; 1 of 2 followed an "
                + "operator's move-leader.", findings(run, s).statements().get(0));
    }

    @Test
    void aQuietRunSaysSo() {
        RunRecord run = new SyntheticRun(3, 30, 3).electFirst(2, 1.0).build();
        Findings f = findings(run, RunSummary.of(run));
        assertEquals("One leader for the whole run: n2, elected at 1.000 s; no leader changes.", f.statements().get(0));
        assertTrue(f.statements().contains("No client errors."));
        RunRecord none = new SyntheticRun(3, 5, 3).build();
        assertEquals("No member became leader during the run: the cluster never accepted writes.",
                findings(none, RunSummary.of(none)).statements().get(0));
    }
}
