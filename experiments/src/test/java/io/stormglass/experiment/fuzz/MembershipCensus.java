package io.stormglass.experiment.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.run.ProgressListener;
import io.stormglass.run.RunResult;
import io.stormglass.run.Runner;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.Scenario;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Where a membership campaign's clusters go: for seeds 1..N of {@code stormglass fuzz scenarios/safety-fuzz.yaml
 * --set cluster.spare-members=4 --faults KINDS --max-faults M [--set duration=D]} (the same schedules the campaign
 * draws), the membership changes each schedule holds and the voter counts the runs reach: the voters of each
 * configuration as the first member applies it (refused promotions and changes that never committed do not
 * count). Opt-in; it prints what it found. The campaign of docs/safety-testing.md:
 * <pre>{@code
 * mvn -B -o -q -pl experiments -am test -Dtest=MembershipCensus -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dmembership.census=1000 -Dcensus.faults=partition,disk-stall,packet-loss,member-change -Dcensus.max-faults=80 \
 *     -Dcensus.duration=40s
 * }</pre>
 */
@EnabledIfSystemProperty(named = "membership.census", matches = "[0-9]+")
class MembershipCensus {
    private static FaultSpace space() {
        EnumSet<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
        for (String k : System.getProperty("census.faults", "crash,partition,disk-stall,packet-loss,clock-drift,member-change").split(",")) {
            kinds.add(FaultKind.valueOf(k.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        }
        return new FaultSpace(kinds, Integer.getInteger("census.max-faults", 20), 3_000_000_000L);
    }

    private static List<String> sets() {
        String duration = System.getProperty("census.duration");
        return duration == null ? List.of("cluster.spare-members=4") : List.of("cluster.spare-members=4", "duration=" + duration);
    }

    /** Voter counts of the configurations one run applied, in index order (the first member to apply each counts). */
    private static final class Sizes implements MemberObserver {
        final TreeMap<Long, Integer> votersByIndex = new TreeMap<>();

        @Override
        public synchronized void configurationApplied(int member, long index, ConfState confState) {
            votersByIndex.putIfAbsent(index, confState.voters().size());
        }
    }

    @Test
    void census() throws Exception {
        int seeds = Integer.getInteger("membership.census");
        Scenario base = ScenarioLoader.load(Path.of("../scenarios/safety-fuzz.yaml"), sets());
        FuzzCampaign campaign = new FuzzCampaign(base, new FuzzCampaign.Options(1, seeds, 1, space(), Path.of("target/census"), 0));
        Map<FaultSpec.MemberChange.Action, Integer> actions = new TreeMap<>();
        Map<Integer, Integer> maxReached = new TreeMap<>();
        Map<Integer, Integer> minReached = new TreeMap<>();
        int ops = 0;
        int faults = 0;
        Map<String, Integer> outcomes = new TreeMap<>();
        int upAndBack = 0;
        int downAndUp = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            Scenario s = campaign.scenarioFor(seed);
            faults += s.faults().size();
            for (FaultSpec f : s.faults()) {
                if (f instanceof FaultSpec.MemberChange c) {
                    actions.merge(c.action(), 1, Integer::sum);
                    ops++;
                }
            }
            Sizes sizes = new Sizes();
            RunResult run = Runner.run(s, new Runner.Options(null, "", "", sizes, ProgressListener.NONE));
            for (TimelineEvent.FaultChanged m : run.recorder().timeline().eventsOf(TimelineEvent.FaultChanged.class)) {
                int colon = m.description().indexOf(": ");
                if (m.target().equals(TimelineEvent.FaultChanged.MEMBERSHIP) && colon > 0) {
                    outcomes.merge(m.description().substring(colon + 2).replaceAll(" in [0-9]+ ms$", ""), 1, Integer::sum);
                }
            }
            List<Integer> walk = new java.util.ArrayList<>(List.of(base.cluster().size()));
            walk.addAll(sizes.votersByIndex.values());
            int max = walk.stream().max(Integer::compare).orElseThrow();
            int min = walk.stream().min(Integer::compare).orElseThrow();
            maxReached.merge(max, 1, Integer::sum);
            minReached.merge(min, 1, Integer::sum);
            int peak = walk.indexOf(max);
            upAndBack += max >= 5 && walk.subList(peak, walk.size()).stream().anyMatch(v -> v <= 2) ? 1 : 0;
            int trough = walk.indexOf(min);
            downAndUp += min == 1 && walk.subList(trough, walk.size()).stream().anyMatch(v -> v >= 4) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "seeds %d: %d faults (%.1f per run), %d membership changes (%.2f per run) %s%n", seeds, faults,
                faults / (double) seeds, ops, ops / (double) seeds, actions);
        System.out.println("outcomes of the operator's commands: " + outcomes);
        System.out.println("runs by the most voters a configuration reached: " + maxReached);
        System.out.println("runs by the fewest voters a configuration reached: " + minReached);
        System.out.println("runs that reached 5+ voters and then came back to 2 or fewer: " + upAndBack);
        System.out.println("runs that reached 1 voter and then grew to 4 or more: " + downAndUp);
        assertTrue(maxReached.keySet().stream().anyMatch(v -> v >= 5) && minReached.containsKey(1), maxReached + " " + minReached);
    }
}
