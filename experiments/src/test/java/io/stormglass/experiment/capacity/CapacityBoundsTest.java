package io.stormglass.experiment.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A capacity file's ramp is bounded and its baselines lead somewhere (issue 16). */
class CapacityBoundsTest {
    private static List<String> refusal(String yaml) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> CapacityLoader.parse("t.yaml", yaml, "t.yaml"));
        return e.problems().stream().map(ScenarioProblem::oneLine).toList();
    }

    @Test
    void aBaselineNamingItselfOrACycleOfBaselinesIsRefused() {
        assertEquals(List.of("t.yaml:5:32: profiles.a.baseline: names the profile itself; a baseline is another profile to compare with"),
                refusal(CapacityLoaderTest.HEAD + """
                        profiles:
                          a: {builtin: nvme, baseline: a}
                        """));
        assertEquals(List.of("t.yaml:5:32: profiles.a.baseline: baselines form a cycle: a -> b -> c -> a; one profile of a "
                + "comparison has no baseline"), refusal(CapacityLoaderTest.HEAD + """
                        profiles:
                          a: {builtin: nvme, baseline: b}
                          b: {builtin: nvme, baseline: c}
                          c: {builtin: nvme, baseline: a}
                          d: {builtin: nvme, baseline: a}
                        """));
    }

    @Test
    void theRampIsBoundedInRateStepsAndTime() {
        String profiles = "slo: {put-p99: 25ms}\nprofiles: {a: {builtin: nvme}}\n";
        assertEquals(List.of("t.yaml:2:37: ramp.max: must be at most 10000000/s (the highest rate Stormglass accepts), got \"1e400/s\""),
                refusal("description: x\nramp: {start: 10/s, factor: 2, max: 1e400/s}\n" + profiles));
        assertEquals(List.of("t.yaml:2:7: ramp: more than 200 steps from start to max; raise step or factor, or lower max"),
                refusal("description: x\nramp: {start: 10/s, step: 10/s, max: 1000000/s}\n" + profiles));
        assertEquals(List.of("t.yaml:2:38: ramp.max: must be at least start (100/s)"),
                refusal("description: x\nramp: {start: 100/s, step: 1/s, max: 20/s}\n" + profiles));
        assertEquals(List.of("t.yaml:2:7: ramp: warmup + settle + step-duration must be at most 400d (each step is one simulation "
                + "of that length)"), refusal("description: x\nramp: {start: 1/s, step: 1/s, max: 2/s, step-duration: 300d, "
                + "warmup: 200d}\n" + profiles));
    }

    @Test
    void aRequestOverEtcdsLimitIsRefusedInTheSharedWorkload() {
        List<String> lines = refusal(CapacityLoaderTest.HEAD + "workload: {value-size: {min: 1KiB, max: 2MiB}}\n"
                + "profiles: {a: {builtin: nvme}}\n");
        assertEquals(List.of("t.yaml:4:41: workload.value-size.max: must be at most 1.5MiB (etcd refuses larger requests: "
                + "--max-request-bytes defaults to 1572864), got 2MiB"), lines);
    }
}
