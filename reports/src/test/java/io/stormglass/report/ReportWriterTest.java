package io.stormglass.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportWriterTest {
    /** The synthetic incident's report stays here after the build, for a look in a browser. */
    static final Path KEPT = Path.of("target", "synthetic-report");

    @Test
    void reportIsWellFormedAndLinksOnlyFilesThatExist() throws Exception {
        Path html = ReportWriter.write(SyntheticRun.incident().build(), KEPT);
        assertEquals(KEPT.toAbsolutePath().normalize().resolve("report.html"), html);
        Document doc = Xml.parse(html);
        assertEquals("html", doc.getDocumentElement().getLocalName());
        List<String> links = new ArrayList<>();
        links.addAll(attributes(doc, "a", "href"));
        links.addAll(attributes(doc, "img", "src"));
        assertTrue(links.size() >= 2 * 7 + 7 + 3, "charts, their PNG/SVG links and the exports are linked: " + links);
        for (String link : links) {
            if (link.startsWith("#")) {
                assertTrue(hasId(doc, link.substring(1)), "anchor " + link + " exists");
                continue;
            }
            assertFalse(link.contains(":") || link.startsWith("/") || link.contains(".."), "local link " + link);
            assertTrue(Files.isRegularFile(html.getParent().resolve(link)), link + " exists");
        }
        assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength());
        assertEquals(0, doc.getElementsByTagNameNS("*", "link").getLength(), "no external stylesheets");
        JsonNode summary = new ObjectMapper().readTree(html.getParent().resolve("summary.json").toFile());
        assertEquals(3, summary.get("leader_changes").asInt());
        assertEquals("2.02", summary.get("unavailable_s").asText());
        assertEquals(2.14, summary.get("leader_change_details").get(0).get("previous_leader_fsync_max_s").asDouble(),
                1e-9);
        try (Stream<Path> files = Files.list(html.getParent())) {
            assertEquals(2 * 7 + 5, files.count(),
                    "7 charts as PNG and SVG, report.html, metrics.csv, events.jsonl, summary.json and the output marker");
        }
    }

    @Test
    void aRunWithoutLeadersOrClientsStillGivesACompleteReport(@TempDir Path dir) throws Exception {
        Path html = ReportWriter.write(new SyntheticRun(3, 5, 1).withoutClients().build(), dir.resolve("quiet"));
        String text = Xml.parse(html).getDocumentElement().getTextContent();
        assertTrue(text.contains("No member became leader during the run"), "findings say so");
        assertTrue(text.contains("No client requests recorded."));
        for (String chart : List.of("client-latency", "latency-cdf", "client-errors", "heartbeats-elections")) {
            assertTrue(Files.size(html.getParent().resolve(chart + ".png")) > 0, chart + " no-data panel written");
        }
    }

    @Test
    void scenarioTextIsEscaped(@TempDir Path dir) throws Exception {
        String yaml = "name: evil\ndescription: \"<script>alert('x')</script> & <b>bold</b>\"\n";
        Path html = ReportWriter.write(SyntheticRun.incident().yaml(yaml).build(), dir.resolve("run"));
        String text = Files.readString(html, StandardCharsets.UTF_8);
        assertFalse(text.contains("<script>"));
        assertFalse(text.contains("<b>bold"));
        assertTrue(text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"));
        Document doc = Xml.parse(html);
        assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength());
        assertTrue(doc.getDocumentElement().getTextContent().contains("<script>alert('x')</script>"),
                "the text reads as written once parsed");
        assertTrue(text.contains("A synthetic leader-flapping run &lt;for tests&gt;."), "description escaped");
    }

    @Test
    void writingAgainReplacesTheFolderAtomicallyAndByteForByte(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        ReportWriter.write(SyntheticRun.incident().build(), out);
        List<byte[]> first = contents(out);
        Files.writeString(out.resolve("stale.txt"), "from an earlier run");
        ReportWriter.write(SyntheticRun.incident().build(), out);
        assertFalse(Files.exists(out.resolve("stale.txt")), "the old folder was replaced, not merged");
        List<byte[]> second = contents(out);
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i), second.get(i), "file " + i + " is byte-stable");
        }
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of(out), siblings.toList(), "no temporary folders left behind");
        }
    }

    private static List<byte[]> contents(Path dir) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static List<String> attributes(Document doc, String tag, String attribute) {
        List<String> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return out;
    }

    private static boolean hasId(Document doc, String id) {
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            if (id.equals(((Element) all.item(i)).getAttribute("id"))) {
                return true;
            }
        }
        return false;
    }
}
