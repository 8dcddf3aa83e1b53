package io.stormglass.scenario.load;

import static io.stormglass.scenario.schema.NeighbourSchema.*;

import io.stormglass.disk.InputFormatException;
import io.stormglass.disk.neighbour.NeighbourSpec;
import io.stormglass.disk.neighbour.PeriodicBurstNeighbour;
import io.stormglass.disk.neighbour.PoissonNeighbour;
import io.stormglass.disk.neighbour.PrometheusNeighbour;
import io.stormglass.disk.neighbour.TraceNeighbour;
import io.stormglass.scenario.input.InputKind;
import io.stormglass.scenario.model.DeviceSpec;
import io.stormglass.scenario.schema.Key;
import io.stormglass.scenario.units.Quote;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.MapReader;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Binds a device's {@code neighbours:} list: background workloads sharing the device. */
final class NeighbourBinder {
    private NeighbourBinder() {
    }

    /** @param runNanos how long the run lasts: a trace's I/Os must all be issued within it */
    static List<DeviceSpec.NamedNeighbour> bind(MapReader device, long runNanos) {
        List<DeviceSpec.NamedNeighbour> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        for (MapReader n : device.listOfMaps("neighbours")) {
            NeighbourSpec spec = one(n, runNanos);
            if (spec == null) {
                continue;
            }
            String name = NAME.read(n, spec.kind());
            if (!name.matches("[a-z0-9][a-z0-9-]*")) {
                NAME.problem(n, "expected lower-case letters, digits and '-', got " + Quote.of(name));
            } else if (!names.add(name)) {
                NAME.problem(n, "two neighbours of this device are called '" + name + "'; give each a name:");
            }
            n.finish();
            out.add(new DeviceSpec.NamedNeighbour(name, spec));
        }
        return out;
    }

    private static NeighbourSpec one(MapReader n, long runNanos) {
        String kind = Fields.kind(n, KIND.name(), KIND.words());
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "prometheus" -> prometheus(n);
            case "periodic-burst" -> periodicBurst(n);
            case "poisson" -> poisson(n);
            default -> trace(n, runNanos);
        };
    }

    private static PrometheusNeighbour.Options prometheus(MapReader n) {
        long series = SERIES.require(n, 1L);
        long scrape = SCRAPE_INTERVAL.read(n);
        return new PrometheusNeighbour.Options(series, scrape, BYTES_PER_SAMPLE.read(n), INDEX_BYTES_PER_SERIES.read(n),
                WAL_BYTES_PER_SAMPLE.read(n), WAL_SEGMENT_SIZE.read(n), WRITEBACK_INTERVAL.read(n), WRITEBACK_IO_SIZE.read(n),
                WRITEBACK_IN_FLIGHT.read(n), START_TIME.read(n), HEAD_BLOCK_OFFSET.read(n), COMPACTIONS.read(n),
                PROM_REGION_OFFSET.read(n), PROM_REGION_SIZE.read(n));
    }

    private static PeriodicBurstNeighbour.Options periodicBurst(MapReader n) {
        long period = PERIOD.read(n, 0L);
        if (period <= 0) {
            required(n, PERIOD);
        }
        long burstMiB = BURST_SIZE.read(n, 0L);
        if (burstMiB <= 0) {
            required(n, BURST_SIZE);
        }
        return new PeriodicBurstNeighbour.Options(Math.max(1, period), PHASE.read(n, Math.max(1, period)), Math.max(1, burstMiB),
                BURST_IO_SIZE.read(n), MAX_IN_FLIGHT.read(n), OP.read(n), FLUSH_AT_END.read(n), BURST_REGION_OFFSET.read(n),
                BURST_REGION_SIZE.read(n));
    }

    /** A key that must be given: "expected ..." at its value if written, "required: ..." at the mapping if not. */
    private static void required(MapReader n, Key<?, ?> key) {
        if (key.in(n)) {
            key.problem(n, "expected " + key.expected());
        } else {
            n.problemHere(key.name(), "required: " + key.expected());
        }
    }

    private static PoissonNeighbour.Options poisson(MapReader n) {
        double rate = RATE.read(n, 0.0);
        if (!(rate > 0)) {
            required(n, RATE);
        }
        return new PoissonNeighbour.Options(Math.max(rate, 1e-9), POISSON_IO_SIZE.read(n), WRITES.read(n), FLUSH_EVERY.read(n),
                POISSON_REGION_OFFSET.read(n), POISSON_REGION_SIZE.read(n));
    }

    /**
     * A trace from {@code file:} (relative to the scenario) or given inline as {@code csv:}, whose
     * I/Os must all be issued between {@code start} and the end of the run.
     */
    private static TraceNeighbour.Options trace(MapReader n, long runNanos) {
        long start = TRACE_START.read(n);
        if (start * 1_000_000_000L >= runNanos) {
            TRACE_START.problem(n, "must be before the end of the run (" + Units.formatDuration(runNanos) + ")");
            return null;
        }
        boolean inline = TRACE_CSV.in(n);
        if (inline == TRACE_FILE.in(n)) {
            n.problemHere(TRACE_FILE.name(), "a trace needs exactly one of file: (a CSV file) or csv: (the CSV inline)");
            return null;
        }
        long lastMicros = (runNanos - start * 1_000_000_000L - 1) / 1000;
        if (inline) {
            String csv = TRACE_CSV.read(n, "");
            try {
                TraceNeighbour.parse(csv, lastMicros);
            } catch (InputFormatException e) {
                TRACE_CSV.problem(n, (e.line() == 0 ? "" : "line " + e.line() + ": ") + (e.field().isEmpty() ? "" : e.field() + ": ")
                        + e.getMessage());
                return null;
            }
            return new TraceNeighbour.Options(csv, start);
        }
        return NamedFiles.read(n, TRACE_FILE.name(), InputKind.TRACE).map(file -> {
            try {
                TraceNeighbour.parse(file.text(), lastMicros);
                return new TraceNeighbour.Options(file.text(), start);
            } catch (InputFormatException e) {
                NamedFiles.report(n, TRACE_FILE.name(), file.shown(), e);
                return null;
            }
        }).orElse(null);
    }
}
