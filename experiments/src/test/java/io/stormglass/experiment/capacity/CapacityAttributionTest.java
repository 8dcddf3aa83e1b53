package io.stormglass.experiment.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.report.capacity.CapacityReport;
import io.stormglass.report.capacity.CapacityStep;
import io.stormglass.report.capacity.CapacityStudy;
import io.stormglass.report.capacity.ProfileOutcome;
import io.stormglass.report.capacity.Resource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Profiles starved of one resource each (src/test/resources/capacity/attribution.yaml): a Ceph
 * RBD image capped at 60 IOPS, a core 50 times slower than the reference, 8 Mbit/s links. The
 * attribution must name the starved resource, and the report must carry it.
 */
class CapacityAttributionTest {
    static CapacityStudy study;
    static Map<String, ProfileOutcome> byName = new TreeMap<>();

    @BeforeAll
    static void run() throws InterruptedException {
        CapacityPlan plan = CapacityLoader.load(Path.of("src/test/resources/capacity/attribution.yaml"));
        study = CapacityRunner.run(plan, 2, "test", CapacityRunner.Progress.NONE);
        study.profiles().forEach(p -> byName.put(p.name(), p));
    }

    @Test
    void aTinyIopsLimitIsAttributedToTheThrottle() {
        ProfileOutcome p = byName.get("tiny-iops");
        assertEquals(Resource.THROTTLE, p.bottleneck(), p.bottleneckDetail());
        // 60 IOPS, one fdatasync per batch of entries: tens of requests per second, not hundreds
        assertTrue(p.maxSustainablePerSecond() > 20 && p.maxSustainablePerSecond() < 150, "max " + p.maxSustainablePerSecond());
        CapacityStep failing = RampAnalysis.attributionStep(p.steps());
        assertTrue(failing.utilisationOf(Resource.THROTTLE) > 0.5, "throttle share " + failing.utilisationOf(Resource.THROTTLE));
    }

    @Test
    void aTinyCpuBudgetIsAttributedToTheLeaderCpu() {
        ProfileOutcome p = byName.get("tiny-cpu");
        assertEquals(Resource.LEADER_CPU, p.bottleneck(), p.bottleneckDetail());
        CapacityStep failing = RampAnalysis.attributionStep(p.steps());
        assertTrue(failing.utilisationOf(Resource.LEADER_CPU) > 0.9, "cpu " + failing.utilisationOf(Resource.LEADER_CPU));
        assertTrue(failing.utilisationOf(Resource.WAL_DEVICE) < 0.5, "the NVMe drive is not the limit");
    }

    @Test
    void aSlowNetworkIsAttributedToTheNetwork() {
        ProfileOutcome p = byName.get("slow-network");
        assertEquals(Resource.NETWORK, p.bottleneck(), p.bottleneckDetail());
        // 8 Mbit/s carries ~490 puts of 2 KiB per second to each follower; half the requests are puts
        assertTrue(p.maxSustainablePerSecond() > 200 && p.maxSustainablePerSecond() < 1000, "max " + p.maxSustainablePerSecond());
    }

    @Test
    void stepsMeetTheSloBelowTheMaximumAndAchieveTheOfferedLoad() {
        for (ProfileOutcome p : study.profiles()) {
            assertTrue(p.steps().get(0).meetsSlo(), p.name() + " meets the SLO at the lowest load");
            for (CapacityStep s : p.steps()) {
                if (s.meetsSlo()) {
                    assertTrue(s.achievedPerSecond() >= 0.95 * s.offeredPerSecond(), p.name() + " achieved " + s.achievedPerSecond());
                    assertEquals(0, s.leaderChanges(), p.name() + " leader changes");
                }
            }
            assertFalse(p.rampExhausted(), p.name() + " saturates within the ramp");
        }
    }

    @Test
    void theReportIsWellFormedAndNamesEachBottleneck(@TempDir Path dir) throws Exception {
        Path html = CapacityReport.write(study, dir);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(html.toFile());
        assertEquals("html", doc.getDocumentElement().getLocalName());
        assertEquals(7, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength(),
                "a comparison chart and two charts per profile, inline");
        String text = Files.readString(html, StandardCharsets.UTF_8);
        for (String expected : List.of("I/O throttle", "leader CPU", "network", "Profile tiny-iops", "SLO missed in month")) {
            assertTrue(text.contains(expected), expected);
        }
        assertFalse(text.contains("src=\"http"), "self-contained");
        assertTrue(Files.readString(dir.resolve(CapacityReport.JSON)).contains("\"bottleneck\" : \"throttle\""));
    }
}
