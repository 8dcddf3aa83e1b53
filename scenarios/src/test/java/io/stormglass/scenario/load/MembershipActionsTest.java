package io.stormglass.scenario.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.print.ScenarioPrinter;
import io.stormglass.scenario.yaml.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spare members and the operator's membership actions on the fault timeline (issue 19). */
class MembershipActionsTest {
    private static final String HEAD = "description: x\ncluster:\n  size: 3\n  spare-members: 2\nfaults:\n";

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, HEAD + text, StandardCharsets.UTF_8);
        return file;
    }

    private List<String> refusal(String faults) throws IOException {
        Path file = write(faults);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        return e.problems().stream().map(p -> p.oneLine().replace(dir + "/", "")).toList();
    }

    @Test
    void sparesGetDisksAndTheActionsBindAndPrintBack() throws IOException {
        Scenario s = ScenarioLoader.load(write("  - {at: 1s, member-add: 4, learner: true}\n  - {at: 2s, member-promote: 4}\n"
                + "  - {at: 3s, member-replace: {member: 1, with: 5}}\n  - {at: 4s, member-remove: 2}\n  - {at: 5s, move-leader: auto}\n"
                + "  - {at: 6s, rolling-restart: {down: 2s, move-leader: true}}\n"));
        assertEquals(3, s.cluster().size());
        assertEquals(List.of(4, 5), s.cluster().spares().stream().map(m -> m.id()).toList());
        assertEquals("disk-n5", s.cluster().spares().get(1).walDevice());
        assertEquals(new FaultSpec.MemberChange(FaultSpec.Timing.once(3_000_000_000L, 0), FaultSpec.MemberChange.Action.REPLACE, 1, 5),
                s.faults().get(2));
        assertEquals(new FaultSpec.RollingRestart(FaultSpec.Timing.once(6_000_000_000L, 0), 2_000_000_000L, true), s.faults().get(5));
        Path printed = dir.resolve("printed.yaml");
        Files.writeString(printed, ScenarioPrinter.print(s), StandardCharsets.UTF_8);
        assertEquals(s.faults(), ScenarioLoader.load(printed).faults());
        assertEquals(s.cluster(), ScenarioLoader.load(printed).cluster());
    }

    @Test
    void eachActionIsCheckedAgainstTheMembershipItFindsThen() throws IOException {
        assertEquals(List.of("s.yaml:6:26: faults[0].member-add: member 2 is in the initial cluster; member-add takes a spare member "
                + "(spares are 4..5)"), refusal("  - {at: 1s, member-add: 2}\n"));
        assertEquals(List.of("s.yaml:6:30: faults[0].member-promote: member 3 is a voter; member-promote takes a learner added by "
                + "member-add with learner: true"), refusal("  - {at: 1s, member-promote: 3}\n"));
        assertEquals(List.of("s.yaml:7:29: faults[1].member-remove: member 4 is not a member then (removed, or a spare not added)"),
                refusal("  - {at: 5s, member-add: 4}\n  - {at: 1s, member-remove: 4}\n"));
        assertEquals(List.of("s.yaml:6:29: faults[0].member-remove: member 9 does not exist: cluster.size is 5"),
                refusal("  - {at: 1s, member-remove: 9}\n"));
        assertEquals(List.of("s.yaml:6:19: faults[0].for: member-add is an instant operator action; leave for and every out"),
                refusal("  - {at: 1s, for: 2s, member-add: 4}\n"));
    }
}
