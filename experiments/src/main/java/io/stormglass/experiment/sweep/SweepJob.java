package io.stormglass.experiment.sweep;

import io.stormglass.experiment.exec.UnitJob;
import io.stormglass.scenario.yaml.Location;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep's unit of work for any engine: one (point, seed) run, its {@code sweep.csv} row back.
 * The sweep travels as its parsed values (settings with their locations in the sweep file, the base
 * scenario's absolute path), so an executor loads only the base scenario, from the same path, and
 * an invalid point's message names the same file, line and column as on the driver.
 */
final class SweepJob implements UnitJob<SweepJob.Unit, RunRow> {
    @Serial
    private static final long serialVersionUID = 1L;

    /** One run: the point's index in {@link SweepSpec#points()} and the seed. */
    record Unit(int point, long seed) implements Serializable {
    }

    private transient SweepSpec spec;
    private final SweepRunner.Measure measure;

    SweepJob(SweepSpec spec, SweepRunner.Measure measure) {
        this.spec = spec;
        this.measure = measure;
    }

    @Override
    public RunRow run(Unit unit) {
        return SweepRunner.runOne(spec, spec.points().get(unit.point()), unit.seed(), measure);
    }

    @Override
    public RunRow internalError(Unit unit, String error) {
        SweepPoint p = spec.points().get(unit.point());
        return new RunRow(p.id(), unit.seed(), RunStatus.ERROR, SweepRunner.pointMs(p, SweepSpec.HEARTBEAT_KEY),
                SweepRunner.pointMs(p, SweepSpec.ELECTION_KEY), null, error);
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeUTF(spec.name());
        out.writeUTF(spec.description());
        out.writeUTF(spec.file());
        out.writeUTF(spec.base().toAbsolutePath().toString());
        out.writeObject(wire(spec.fixed()));
        out.writeObject(new ArrayList<>(spec.variedKeys()));
        List<List<String[]>> points = new ArrayList<>();
        spec.points().forEach(p -> points.add(wire(p.settings())));
        out.writeObject(points);
        out.writeObject(new ArrayList<>(spec.seeds()));
        out.writeObject(new ArrayList<>(spec.metrics()));
        out.writeInt(spec.failoverTrials());
        out.writeDouble(spec.spuriousBudgetPerHour());
    }

    @Serial
    @SuppressWarnings("unchecked") // written by writeObject above, as these types
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        String name = in.readUTF();
        String description = in.readUTF();
        String file = in.readUTF();
        Path base = Path.of(in.readUTF());
        List<Setting> fixed = settings((List<String[]>) in.readObject());
        List<String> varied = (List<String>) in.readObject();
        List<SweepPoint> points = new ArrayList<>();
        for (List<String[]> p : (List<List<String[]>>) in.readObject()) {
            points.add(new SweepPoint(settings(p)));
        }
        List<Long> seeds = (List<Long>) in.readObject();
        List<SweepMetric> metrics = (List<SweepMetric>) in.readObject();
        spec = new SweepSpec(name, description, file, base, fixed, varied, points, seeds, metrics, in.readInt(), in.readDouble());
    }

    private static ArrayList<String[]> wire(List<Setting> settings) {
        ArrayList<String[]> out = new ArrayList<>();
        for (Setting s : settings) {
            out.add(new String[] {s.key(), s.value(), s.at().file(), Integer.toString(s.at().line()), Integer.toString(s.at().column())});
        }
        return out;
    }

    private static List<Setting> settings(List<String[]> wire) {
        List<Setting> out = new ArrayList<>();
        for (String[] w : wire) {
            out.add(new Setting(w[0], w[1], new Location(w[2], Integer.parseInt(w[3]), Integer.parseInt(w[4]))));
        }
        return out;
    }
}
