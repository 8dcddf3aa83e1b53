package io.stormglass.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stormglass.scenario.yaml.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed sweep.csv is read strictly: damage is a located error, a row cut by a kill is redone. */
class SweepCsvReaderTest {
    private static final List<String> KEYS = List.of("cluster.election-timeout");
    private static final String HEADER = String.join(",", SweepCsv.header(KEYS));
    private static final String ROW = "cluster.election-timeout=1s,1s,1,ok,100,1000,2,0.14,433,2ac67ade471fc6d2,0,0,0,0,0,0,0,0,0,0,"
            + "2.74,0.19,2,1200,1300,1200 1300,";

    @TempDir
    Path dir;

    private Path csv(String... lines) throws IOException {
        Path file = dir.resolve("sweep.csv");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private String refusal(Path file) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepCsv.read(file, KEYS));
        assertEquals(1, e.problems().size());
        return e.problems().get(0).oneLine().replace(dir + "/", "");
    }

    @Test
    void aGoodFileReadsBackAndARowCutByAKillIsSkippedThenDroppedOnAppend() throws IOException {
        Path file = csv(HEADER, ROW, ROW.replace("=1s,1s,1,", "=1s,1s,2,"));
        Files.writeString(file, ROW.substring(0, 40), java.nio.file.StandardOpenOption.APPEND); // a kill mid-row
        List<RunRow> rows = SweepCsv.read(file, KEYS);
        assertEquals(List.of(1L, 2L), rows.stream().map(RunRow::seed).toList());
        assertEquals(2, rows.get(0).measured().failoverMs().length);
        SweepCsv.append(file, KEYS).close();
        assertEquals(List.of(HEADER, ROW, ROW.replace("=1s,1s,1,", "=1s,1s,2,")), Files.readAllLines(file),
                "appending cuts the unfinished row off, so that no short row is left inside the file");
    }

    @Test
    void aShortRowThatIsNotAnUnfinishedLastLineIsDamage() throws IOException {
        assertEquals("sweep.csv:2: expected 27 cells as in the header, got fewer; delete the row to run it again",
                refusal(csv(HEADER, ROW.substring(0, 40), ROW)));
        assertEquals("sweep.csv:2: expected 27 cells as in the header, got fewer; delete the row to run it again",
                refusal(csv(HEADER, ROW.substring(0, 40))));
    }

    @Test
    void damagedCellsAreLocatedByRowAndColumn() throws IOException {
        assertEquals("sweep.csv:2: column seed: expected a whole number from 0 to 9223372036854775807 (2^63-1), got \"one\"",
                refusal(csv(HEADER, ROW.replace(",1,ok,", ",one,ok,"))));
        assertEquals("sweep.csv:2: column status: expected ok, invalid or error, got \"done\"",
                refusal(csv(HEADER, ROW.replace(",ok,", ",done,"))));
        assertEquals("sweep.csv:2: column events: expected a whole number from 0 to 9223372036854775807, got \"1e400\"",
                refusal(csv(HEADER, ROW.replace(",433,", ",1e400,"))));
        assertEquals("sweep.csv:2: column failover_ms: expected a number (as sweep writes them: 12.5, inf or empty), got \"fast\"",
                refusal(csv(HEADER, ROW.replace("1200 1300,", "1200 fast,"))));
        assertEquals("sweep.csv:2: expected 27 cells as in the header, got 28", refusal(csv(HEADER, ROW + ",x")));
    }

    @Test
    void anotherSweepsHeaderAndBytesThatAreNotUtf8AreRefused() throws IOException {
        assertEquals("sweep.csv:1: the columns differ from this sweep's (\"point,cluster.election-timeout\", ...): it holds another "
                + "sweep's results; use another --out", refusal(csv("point,cluster.heartbeat-interval,seed", ROW)));
        Path file = csv(HEADER, ROW);
        Files.write(file, new byte[] {(byte) 0xff, '\n'}, java.nio.file.StandardOpenOption.APPEND);
        assertEquals("sweep.csv:3:1: not UTF-8 text (byte 0xff)", refusal(file));
    }

    @Test
    void aQuotedCellLeftOpenIsDamageInsideTheFileAndAKillOnTheLastLine() throws IOException {
        String open = ROW.replace(",2ac67ade471fc6d2,", ",\"2ac67ade471fc6d2,");
        assertEquals("sweep.csv:2: a quoted cell is not closed (its closing \" is missing); mend the row, or delete it to run it "
                + "again", refusal(csv(HEADER, open, ROW)));
        assertEquals("sweep.csv:3: a quoted cell's closing \" is followed by more text instead of a comma or the end of the line; "
                + "mend the row, or delete it to run it again", refusal(csv(HEADER, ROW, ROW.replace(",ok,", ",\"ok\"x,"))));
        assertEquals("sweep.csv:2: a quoted cell is not closed (its closing \" is missing); mend the row, or delete it to run it "
                + "again", refusal(csv(HEADER, open)), "a finished last line was written so, not cut by a kill");

        Path cut = csv(HEADER, ROW);
        Files.writeString(cut, "cluster.election-timeout=1s,1s,2,error,100,1000,,,,,,,,,,,,,,,,,,,,\"died, with a", // killed mid-cell
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(1L), SweepCsv.read(cut, KEYS).stream().map(RunRow::seed).toList());
    }

    @Test
    void cellsWithCommasAndQuotesAreQuotedAndReadBack() throws IOException {
        List<String> keys = List.of("cluster.election-timeout", "name");
        Path file = dir.resolve("two.csv");
        SweepPoint point = new SweepPoint(List.of(
                new Setting("cluster.election-timeout", "1s", io.stormglass.scenario.yaml.Location.line("s.yaml", 1)),
                new Setting("name", "a \"b\", c", io.stormglass.scenario.yaml.Location.line("s.yaml", 2))));
        try (SweepCsv csv = SweepCsv.append(file, keys)) {
            csv.write(new RunRow(point.id(), 7, RunStatus.ERROR, 100, 1000, null, "boom, \"bad\"\n  at line 2"), point);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), "one line per row: the error's line break is flattened");
        assertEquals("\"cluster.election-timeout=1s,name=a \"\"b\"\", c\",1s,\"a \"\"b\"\", c\",7,error,100,1000,"
                + ",,,,,,,,,,,,,,,,,,,,\"boom, \"\"bad\"\" | at line 2\"", lines.get(1));
        RunRow back = SweepCsv.read(file, keys).get(0);
        assertEquals(point.id(), back.pointId());
        assertEquals("boom, \"bad\" | at line 2", back.error());
    }
}
