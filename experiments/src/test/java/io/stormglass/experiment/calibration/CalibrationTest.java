package io.stormglass.experiment.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {
    private record Fixed(String id, List<CalibrationRow> rows) implements Reference {
        @Override
        public String title() {
            return "fixed " + id;
        }

        @Override
        public List<CalibrationRow> run(CalibrationBudget budget, Consumer<String> progress) {
            progress.accept("ran");
            return rows;
        }
    }

    private static CalibrationRow row(double published, double simulated, Tolerance t) {
        return new CalibrationRow("g", "setup", "median", "ms", published, simulated, t, "a paper, Fig. 1");
    }

    @Test
    void toleranceIntervals() {
        assertTrue(Tolerance.relative(287, 0.15).accepts(300));
        assertFalse(Tolerance.relative(287, 0.15).accepts(340));
        assertTrue(Tolerance.atLeast(5000).accepts(12_000));
        assertFalse(Tolerance.atLeast(5000).accepts(4999));
        assertFalse(Tolerance.atMost(250).accepts(Double.NaN));
        assertTrue(Tolerance.between(80, 200).accepts(120));
        assertEquals("±15 %", Tolerance.relative(287, 0.15).text());
        assertThrows(IllegalArgumentException.class, () -> Tolerance.between(3, 2));
    }

    @Test
    void runsTheNamedReferencesInTableOrderAndCountsMisses() throws Exception {
        Calibration c = new Calibration(List.of(
                new Fixed("a", List.of(row(100, 110, Tolerance.relative(100, 0.25)))),
                new Fixed("b", List.of(row(100, 200, Tolerance.relative(100, 0.25)), row(Double.NaN, 300, Tolerance.atMost(250))))));
        List<String> progress = new ArrayList<>();
        List<ReferenceResult> all = c.run(Set.of(), new CalibrationBudget(false, 1), progress::add, () -> 0L);
        assertEquals(List.of("a", "b"), all.stream().map(ReferenceResult::id).toList());
        assertEquals(0, all.get(0).outOfTolerance());
        assertEquals(2, all.get(1).outOfTolerance());
        assertTrue(progress.contains("b: ran"), progress.toString());
        assertEquals(List.of("b"), c.run(Set.of("b"), new CalibrationBudget(false, 1), s -> { }, () -> 0L).stream()
                .map(ReferenceResult::id).toList());
        assertThrows(IllegalArgumentException.class, () -> c.run(Set.of("zzz"), new CalibrationBudget(false, 1), s -> { },
                () -> 0L));
    }

    @Test
    void tableJsonAndPageShowEveryFigure(@TempDir Path dir) throws Exception {
        List<ReferenceResult> results = List.of(new ReferenceResult("raft-fig16", "Raft paper",
                List.of(row(287, 300, Tolerance.relative(287, 0.15)), row(Double.NaN, 260, Tolerance.atMost(250))), 1.5));
        String table = CalibrationTable.render(results);
        assertTrue(table.contains("1.05×"), table);
        assertTrue(table.contains("NO"), table);
        assertTrue(table.lines().anyMatch(l -> l.contains("—") && l.contains("≤ 250")), table);
        StringWriter json = new StringWriter();
        CalibrationJson.write(results, true, json);
        assertTrue(json.toString().contains("\"out_of_tolerance\" : 1"), json.toString());
        assertTrue(json.toString().contains("\"published\" : null"), json.toString());
        CalibrationPage.write(results, true, dir);
        String page = Files.readString(dir.resolve(CalibrationPage.PAGE));
        assertTrue(page.contains("1 of 2 figures within tolerance"), page);
        assertTrue(page.contains("a paper, Fig. 1"), page);
    }

    @Test
    void idsMustBeDistinct() {
        assertThrows(IllegalArgumentException.class, () -> new Calibration(List.of(new Fixed("a", List.of()),
                new Fixed("a", List.of()))));
    }
}
