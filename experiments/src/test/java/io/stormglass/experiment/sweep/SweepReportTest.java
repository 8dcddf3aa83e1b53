package io.stormglass.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class SweepReportTest {
    @TempDir
    Path dir;

    @Test
    void writesHeatmapsParetoCdfAndAWellFormedPage() throws Exception {
        SweepSpec spec = SweepFileLoader.load(SweepFiles.write(dir, SweepFiles.GRID));
        List<PointResult> points = List.of(
                RecommenderTest.point(100, 500, 2, 600, 700),
                RecommenderTest.point(100, 1000, 0, 1100, 700),
                new PointResult(spec.points().get(2).id(), 200, 500, RunStatus.INVALID, 0, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        new io.stormglass.experiment.failover.FailoverDistribution(new long[0]), "must be at least 5 × <heartbeat> & co"),
                RecommenderTest.point(200, 1000, 0, 1200, 700));
        Recommendation rec = Recommender.recommend(points, 0);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Path page = SweepReport.write(spec, points, rec, out);

        for (SweepMetric m : SweepMetric.values()) {
            assertPng(out.resolve("heatmap-" + m.key() + ".png"));
            assertSvg(out.resolve("heatmap-" + m.key() + ".svg"));
        }
        assertPng(out.resolve("heatmap-failover-p50.png"));
        assertSvg(out.resolve("heatmap-failover-p50.svg"));
        assertPng(out.resolve("pareto.png"));
        assertSvg(out.resolve("pareto.svg"));
        assertPng(out.resolve("failover-cdf.png"));
        assertSvg(out.resolve("failover-cdf.svg"));

        Document html = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(page.toFile());
        assertEquals("html", html.getDocumentElement().getLocalName() == null ? html.getDocumentElement().getNodeName()
                : html.getDocumentElement().getLocalName());
        String text = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(text.contains("Recommended: heartbeat-interval 100ms, election-timeout 1s"), "recommendation shown");
        assertTrue(text.contains("&lt;heartbeat&gt; &amp; co"), "errors escaped");
        assertEquals(SweepMetric.values().length + 3, text.split("data:image/png;base64,", -1).length - 1, "every chart embedded");
    }

    @Test
    void heatmapPlacesEachPointInItsCellAndLeavesRefusedOnesEmpty() {
        List<PointResult> points = List.of(RecommenderTest.point(100, 500, 2, 600, 700),
                RecommenderTest.point(100, 1000, 0, 1100, 700), RecommenderTest.point(200, 1000, 0.5, 1200, 700));
        var d = SweepReport.heatmap(points, SweepMetric.SPURIOUS_CHANGES);
        assertEquals(List.of("100ms", "200ms"), d.xLabels());
        assertEquals(List.of("500ms", "1s"), d.yLabels());
        assertArrayEquals(new double[] {2, Double.NaN}, d.values()[0]);
        assertArrayEquals(new double[] {0, 0.5}, d.values()[1]);
        var pareto = SweepReport.pareto(points, Recommender.recommend(points, 0));
        assertEquals(List.of(true, true, false), pareto.stream().map(p -> p.onFront()).toList(), pareto.toString());
        assertEquals(List.of(false, true, false), pareto.stream().map(p -> p.recommended()).toList());
    }

    private static void assertPng(Path file) throws Exception {
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, file.toString());
        var image = ImageIO.read(file.toFile());
        assertTrue(image.getWidth() >= 1000 && image.getHeight() >= 700, "2x pixels: " + image.getWidth() + "x" + image.getHeight());
    }

    private static void assertSvg(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = f.newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", svg.getDocumentElement().getLocalName(), file.toString());
        assertTrue(svg.getDocumentElement().getAttribute("viewBox").startsWith("0 0 "), file.toString());
        assertTrue(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text").getLength() > 3, "text stays text");
    }
}
