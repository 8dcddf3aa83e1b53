package io.stormglass.scenario.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    private static ScenarioProblem problemOf(String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> YamlReader.read("s.yaml", text));
        return e.problems().get(0);
    }

    @Test
    void nodesKnowWhereTheyStand() {
        YamlNode root = YamlReader.read("s.yaml", "name: x\ncluster:\n  size: 3\n  heartbeat-interval: 100ms\n");
        YamlNode.YamlMap map = assertInstanceOf(YamlNode.YamlMap.class, root);
        YamlNode.YamlMap cluster = assertInstanceOf(YamlNode.YamlMap.class, map.entries().get("cluster").value());
        YamlNode.Entry hb = cluster.entries().get("heartbeat-interval");
        assertEquals(new Location("s.yaml", 4, 3), hb.keyLocation());
        YamlNode.YamlScalar v = assertInstanceOf(YamlNode.YamlScalar.class, hb.value());
        assertEquals("100ms", v.text());
        assertEquals(4, v.location().line());
    }

    @Test
    void syntaxErrorsHaveALocation() {
        ScenarioProblem p = problemOf("a: 1\nb: [1, 2\nc: 3\n");
        assertTrue(p.oneLine().startsWith("s.yaml:"), p.oneLine());
        assertTrue(p.message().startsWith("not valid YAML"), p.message());
    }

    @Test
    void emptyFilesAreRefused() {
        assertTrue(problemOf("").message().contains("empty"));
        assertTrue(problemOf("# only a comment\n").message().contains("empty"));
    }

    @Test
    void aliasBombsAreRefusedWithoutExpanding() {
        String bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n";
        ScenarioProblem p = problemOf(bomb);
        assertTrue(p.message().contains("aliases"), p.message());
        assertEquals(1, p.location().line());
    }

    @Test
    void duplicateKeysAreErrors() {
        ScenarioProblem p = problemOf("a: 1\nb: 2\na: 3\n");
        assertTrue(p.message().toLowerCase(java.util.Locale.ROOT).contains("duplicate"), p.message());
        assertEquals(3, p.location().line(), "points at the second occurrence");
    }

    @Test
    void quotedNumbersStayDistinguishable() {
        YamlNode.YamlMap m = (YamlNode.YamlMap) YamlReader.read("s.yaml", "a: \"100\"\nb: 100\nc: 100ms\n");
        assertTrue(((YamlNode.YamlScalar) m.entries().get("a").value()).quoted());
        assertTrue(!((YamlNode.YamlScalar) m.entries().get("b").value()).quoted());
        assertTrue(!((YamlNode.YamlScalar) m.entries().get("c").value()).quoted());
    }

    @Test
    void overlaysMergeMappingsAndSetCreatesPaths() {
        YamlNode base = YamlReader.read("base.yaml", "cluster:\n  size: 3\n  heartbeat-interval: 100ms\nseed: 1\n");
        YamlNode over = YamlReader.read("over.yaml", "cluster:\n  size: 5\n");
        YamlNode merged = YamlTrees.set(YamlTrees.overlay(base, over), "cluster.election-timeout", "2s",
                new Location("--set", 1, 1));
        Problems problems = new Problems();
        MapReader root = MapReader.root(merged, problems);
        MapReader cluster = root.requireMap("cluster");
        assertEquals(5, cluster.integer("size", 0, 1, 9));
        assertEquals(100_000_000L, cluster.durationNanos("heartbeat-interval", 0));
        assertEquals(2_000_000_000L, cluster.durationNanos("election-timeout", 0));
        assertEquals("over.yaml", cluster.locationOf("size").file());
        assertEquals(1, root.integer("seed", 0, 0, 10));
        cluster.finish();
        root.finish();
        assertTrue(problems.isEmpty(), problems.all().toString());
    }

    @Test
    void mapReaderReportsEveryMistakeWithPathAndSuggestion() {
        YamlNode doc = YamlReader.read("s.yaml",
                "cluster:\n  size: three\n  heartbeat-intervl: 100ms\n  election-timeout: 1000\n  mode: fsat\n");
        Problems problems = new Problems();
        MapReader cluster = MapReader.root(doc, problems).requireMap("cluster");
        cluster.integer("size", 3, 1, 7);
        cluster.durationNanos("heartbeat-interval", 100_000_000L);
        cluster.durationNanos("election-timeout", 1_000_000_000L);
        cluster.choice("mode", Map.of("fast", 1, "slow", 2), 1);
        cluster.finish();
        var lines = problems.all().stream().map(ScenarioProblem::oneLine).toList();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("s.yaml:2:9: cluster.size: expected an integer"), lines.get(0));
        assertTrue(lines.get(1).startsWith("s.yaml:4:21: cluster.election-timeout: expected a duration"), lines.get(1));
        assertTrue(lines.get(1).contains("a unit is required"), lines.get(1));
        assertTrue(lines.get(2).contains("did you mean fast?"), lines.get(2));
        assertTrue(lines.get(3).startsWith("s.yaml:3:3: cluster.heartbeat-intervl: unknown key (did you mean 'heartbeat-interval'?)"),
                lines.get(3));
    }
}
