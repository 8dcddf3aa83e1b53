package io.stormglass.experiment.calibration;

import io.stormglass.report.sweep.SweepPage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code calibration-report.html}: the table per reference, with each figure's source. */
public final class CalibrationPage {
    /** The page's file name. */
    public static final String PAGE = "calibration-report.html";

    private CalibrationPage() {
    }

    public static void write(List<ReferenceResult> results, boolean full, Path dir) throws IOException {
        SweepPage page = new SweepPage("Stormglass calibration");
        long total = results.stream().mapToLong(r -> r.rows().size()).sum();
        long bad = results.stream().mapToLong(ReferenceResult::outOfTolerance).sum();
        page.paragraph("Published measurements expressed as scenarios and simulated (" + (full ? "full" : "quick")
                + " budget: " + (full ? "the published trial and request counts" : "reduced counts; --full for the published ones")
                + "). " + (total - bad) + " of " + total + " figures within tolerance. Data: calibration.json.");
        page.advice(bad == 0 ? "Every figure is within its tolerance."
                : bad + " figure(s) outside their tolerance: marked NO below.");
        for (ReferenceResult r : results) {
            page.heading(r.title());
            List<List<String>> cells = CalibrationTable.cells(List.of(r)).stream()
                    .map(c -> c.subList(1, c.size())).toList();
            page.table(CalibrationTable.HEADER.subList(1, CalibrationTable.HEADER.size()), cells);
            List<String> sources = r.rows().stream().map(CalibrationRow::source).distinct().toList();
            page.paragraph("Sources: " + String.join("; ", sources) + ".");
        }
        page.write(dir.resolve(PAGE));
    }
}
