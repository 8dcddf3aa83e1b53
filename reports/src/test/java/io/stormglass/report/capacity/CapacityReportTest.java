package io.stormglass.report.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacityReportTest {
    static ProfileOutcome profile(String name, double max, Resource bottleneck, boolean diskPasses, String baseline) {
        List<CapacityStep> steps = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Map<Resource, Double> use = new EnumMap<>(Resource.class);
            use.put(bottleneck == Resource.NONE ? Resource.WAL_DEVICE : bottleneck, Math.min(1, i * max / 500.0 / 5));
            double offered = i * max / 4;
            boolean meets = offered <= max;
            steps.add(new CapacityStep(offered, offered * (meets ? 1 : 0.8), 1 + i, 2 + i * i, 0.5 + i, 1 + i * i, 0, 0,
                    1.5, use, meets ? List.of() : List.of("put p99 " + (2 + i * i) + " ms > 25 ms")));
        }
        return new ProfileOutcome(name, "profile <" + name + "> & co", steps, max, false, max, bottleneck, "because",
                new DiskVerdict(diskPasses ? 2 : 15, diskPasses ? 600 : 40, diskPasses, diskPasses, diskPasses ? "passes" : "fails"),
                baseline);
    }

    static CapacityStudy study() {
        return new CapacityStudy("study", "two disks", "open loop", List.of("put p99 ≤ 25 ms"), 25, 10, 300, 0.1, "cmd",
                List.of(profile("fast", 2000, Resource.LEADER_CPU, true, null),
                        profile("shared", 400, Resource.NEIGHBOUR, false, "fast")));
    }

    @Test
    void thePageIsWellFormedSelfContainedAndSaysWhatToDo(@TempDir Path dir) throws Exception {
        Path html = CapacityReport.write(study(), dir);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.newDocumentBuilder().parse(html.toFile());
        String text = Files.readString(html);
        assertTrue(text.contains("profile &lt;fast&gt; &amp; co"), "descriptions are escaped");
        assertTrue(text.contains("Compared with fast, shared changes the sustainable load from 2000 requests/s to 400 requests/s"));
        assertTrue(text.contains("move it (for example Prometheus) off etcd"), "neighbour advice");
        assertTrue(text.contains("fails etcd") || text.contains("not fit for production"), "disk verdict advice");
        // 300/s growing 10 % a month exceeds 400/s in month 4 (399.3/s after 3 months)
        assertTrue(text.contains("the SLO is missed in month 4"), "growth projection");
        assertEquals(0, count(text, "<img"), "charts are inline SVG, not images");
        assertEquals(5, count(text, "<svg"), "comparison + two per profile");
    }

    @Test
    void aVariantThatSustainsWhatItsBaselineDoesIsNotSaidToChangeIt(@TempDir Path dir) throws Exception {
        CapacityStudy same = new CapacityStudy("study", "two disks", "open loop", List.of("put p99 ≤ 25 ms"), 25, 10, 300,
                0.1, "cmd", List.of(profile("fast", 859, Resource.WAL_DEVICE, true, null),
                        profile("shared", 859, Resource.WAL_DEVICE, true, "fast")));
        String text = Files.readString(CapacityReport.write(same, dir));
        assertTrue(text.contains("Compared with fast, shared sustains the same load, 859 requests/s, to within one step"), text);
        assertTrue(!text.contains("changes the sustainable load"));
    }

    @Test
    void theSameStudyGivesTheSameBytes(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        CapacityReport.write(study(), a);
        CapacityReport.write(study(), b);
        assertEquals(Files.readString(a.resolve(CapacityReport.HTML)), Files.readString(b.resolve(CapacityReport.HTML)));
        assertEquals(Files.readString(a.resolve(CapacityReport.JSON)), Files.readString(b.resolve(CapacityReport.JSON)));
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
