package io.stormglass.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.report.internal.analysis.RecordingView;
import io.stormglass.report.internal.analysis.RunSummary;
import io.stormglass.report.internal.chart.ChartContext;
import io.stormglass.report.internal.chart.ChartFiles;
import io.stormglass.report.internal.chart.ChartSpec;
import io.stormglass.report.internal.chart.Charts;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ChartRenderingTest {
    /** Text each chart's SVG must contain: its series, lanes and axis units. */
    private static final Map<String, List<String>> EXPECTED = Map.of(
            "leader-timeline", List.of("Leader timeline", "n1", "n2", "n3", "leader", "pre-candidate", "down",
                    "term 3", "neighbour burst", "Simulated time (s)"),
            "wal-fsync", List.of("WAL fdatasync latency per member", "n1 p50", "n2 p99", "n3 max",
                    "10 ms: etcd", "slow fdatasync"),
            "client-latency", List.of("put p99", "get_linearizable p50", "requests/s", "latency (log scale)"),
            "latency-cdf", List.of("put (n=", "get_linearizable (n=", "fraction of requests at or below"),
            "disk", List.of("ceph-n1 prometheus", "ceph-n2 wal/n2", "ceph-n3 utilisation", "queue ceph-n1", "queue depth"),
            "client-errors", List.of(SyntheticRun.LEADER_CHANGED, SyntheticRun.DEADLINE, "errors per 1 s window"),
            "heartbeats-elections", List.of("heartbeat failures n1", "pre-vote campaigns", "elections per 1 s window"));

    private static RunRecord run;

    @BeforeAll
    static void record() {
        run = SyntheticRun.incident().build();
    }

    private static List<ChartSpec> charts(RunRecord r) {
        RecordingView view = new RecordingView(r.recorder(), r.simulatedDurationNanos());
        return Charts.all(ChartContext.of(view, RunSummary.of(r), r.recorder().timeline().events()));
    }

    @Test
    void everyChartRendersAsPngAtTwiceItsSizeAndAsSvgWithItsSeries(@TempDir Path dir) throws Exception {
        List<ChartSpec> charts = charts(run);
        assertEquals(EXPECTED.keySet(), charts.stream().map(ChartSpec::fileStem).collect(Collectors.toSet()));
        for (ChartSpec c : charts) {
            assertTrue(c.hasData(), c.fileStem() + " should have data");
            Path png = dir.resolve(c.pngName());
            Path svg = dir.resolve(c.svgName());
            ChartFiles.writePng(c, png);
            ChartFiles.writeSvg(c, svg);

            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, c.pngName() + " decodes");
            assertEquals(2 * c.widthPx(), image.getWidth(), c.pngName());
            assertEquals(2 * c.heightPx(), image.getHeight(), c.pngName());
            assertTrue(distinctColours(image) > 8, c.pngName() + " is not blank");

            Document doc = Xml.parse(svg);
            assertEquals("svg", doc.getDocumentElement().getLocalName());
            assertEquals("0 0 " + c.widthPx() + " " + c.heightPx(), doc.getDocumentElement().getAttribute("viewBox"));
            String text = doc.getDocumentElement().getTextContent();
            for (String expected : EXPECTED.get(c.fileStem())) {
                assertTrue(text.contains(expected), c.svgName() + " lacks \"" + expected + "\"");
            }
        }
    }

    @Test
    void aRecordingWithoutDataGivesNoDataPanelsNotFailures(@TempDir Path dir) throws Exception {
        RunRecord empty = new SyntheticRun(3, 10.5, 1).withoutClients().build();
        List<ChartSpec> charts = charts(empty);
        Set<String> withoutData = charts.stream().filter(c -> !c.hasData()).map(ChartSpec::fileStem)
                .collect(Collectors.toSet());
        // fsyncs and disk activity are steady background; client traffic and elections are absent
        assertEquals(Set.of("client-latency", "latency-cdf", "client-errors", "heartbeats-elections"), withoutData);
        for (ChartSpec c : charts) {
            if (c.hasData()) {
                continue;
            }
            ChartFiles.writePng(c, dir.resolve(c.pngName()));
            ChartFiles.writeSvg(c, dir.resolve(c.svgName()));
            assertEquals(2 * c.widthPx(), ImageIO.read(dir.resolve(c.pngName()).toFile()).getWidth());
            String svg = Xml.parse(dir.resolve(c.svgName())).getDocumentElement().getTextContent();
            assertTrue(svg.contains("No data:"), c.svgName() + " says there is no data");
            assertFalse(c.caption().isEmpty());
        }
    }

    @Test
    void svgOutputIsByteStable(@TempDir Path dir) throws Exception {
        ChartSpec first = charts(run).get(0);
        ChartSpec again = charts(run).get(0);
        ChartFiles.writeSvg(first, dir.resolve("a.svg"));
        ChartFiles.writeSvg(again, dir.resolve("b.svg"));
        assertEquals(Files.readString(dir.resolve("a.svg"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("b.svg"), StandardCharsets.UTF_8));
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
