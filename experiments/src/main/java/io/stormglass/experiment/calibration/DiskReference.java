package io.stormglass.experiment.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The disk models against published figures: etcd's fio recipe (and a pg_test_fsync-like loop)
 * on each disk class whose published runs we could find ({@link DiskFioRows}), and seed 000's WAL
 * fdatasync on RAID5 under its neighbour and on NVMe, with the heartbeat warnings that go with
 * them ({@link Seed000Rows}). Deterministic: the same budget gives the same rows.
 */
public final class DiskReference implements Reference {
    /** The reference's id on the command line and in the JSON. */
    public static final String ID = "disks";

    private final Path scenarioFolder;

    /** @param scenarioFolder the scenario library, holding {@code incident-raid5.yaml} and {@code incident-raid5-nvme.yaml} */
    public DiskReference(Path scenarioFolder) {
        this.scenarioFolder = scenarioFolder;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Disk models: etcd's fio recipe per disk class (published fio and pg_test_fsync runs, etcd's "
                + "hardware guide) and seed 000's WAL fdatasync on RAID5 under load and on NVMe";
    }

    @Override
    public List<CalibrationRow> run(CalibrationBudget budget, Consumer<String> progress) throws InterruptedException {
        List<CalibrationRow> rows = new ArrayList<>(DiskFioRows.rows(progress));
        rows.addAll(Seed000Rows.rows(scenarioFolder, budget, progress));
        return rows;
    }
}
