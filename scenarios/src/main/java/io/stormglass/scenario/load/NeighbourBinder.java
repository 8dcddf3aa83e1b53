package io.stormglass.scenario.load;

import io.stormglass.disk.InputFormatException;
import io.stormglass.disk.neighbour.NeighbourSpec;
import io.stormglass.disk.neighbour.PeriodicBurstNeighbour;
import io.stormglass.disk.neighbour.PoissonNeighbour;
import io.stormglass.disk.neighbour.PrometheusNeighbour;
import io.stormglass.disk.neighbour.TraceNeighbour;
import io.stormglass.scenario.input.InputKind;
import io.stormglass.scenario.model.DeviceSpec;
import io.stormglass.scenario.units.Quote;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.MapReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Binds a device's {@code neighbours:} list: background workloads sharing the device. */
final class NeighbourBinder {
    /** Neighbour kinds as written in scenarios. */
    static final Map<String, String> KINDS = Fields.words("prometheus", "periodic-burst", "poisson", "trace");

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
            String name = n.string("name", spec.kind());
            if (!name.matches("[a-z0-9][a-z0-9-]*")) {
                n.problem("name", "expected lower-case letters, digits and '-', got " + Quote.of(name));
            } else if (!names.add(name)) {
                n.problem("name", "two neighbours of this device are called '" + name + "'; give each a name:");
            }
            n.finish();
            out.add(new DeviceSpec.NamedNeighbour(name, spec));
        }
        return out;
    }

    private static NeighbourSpec one(MapReader n, long runNanos) {
        String kind = Fields.kind(n, "kind", KINDS);
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
        n.require("series", "the number of active series");
        long series = n.integer("series", 1, 1, 1_000_000_000L);
        long scrape = Fields.atLeast(n, "scrape-interval", Fields.seconds(n, "scrape-interval", 15), 1, "1s", 15);
        PrometheusNeighbour.Options d = PrometheusNeighbour.Options.defaults(series, scrape);
        return new PrometheusNeighbour.Options(series, scrape, n.number("bytes-per-sample", d.bytesPerSample(), 0.1, 16),
                n.sizeBytes("index-bytes-per-series", d.indexBytesPerSeries()),
                n.number("wal-bytes-per-sample", d.walBytesPerSample(), 0.1, 64),
                Fields.atLeast(n, "wal-segment-size", Fields.mib(n, "wal-segment-size", d.walSegmentMiB()), 1, "1MiB", d.walSegmentMiB()),
                Fields.atLeast(n, "writeback-interval", Fields.seconds(n, "writeback-interval", d.writebackIntervalSeconds()), 1, "1s",
                        d.writebackIntervalSeconds()),
                Fields.atLeast(n, "writeback-io-size", Fields.kib(n, "writeback-io-size", d.writebackIoKiB()), 4, "4KiB",
                        d.writebackIoKiB()),
                (int) n.integer("writeback-in-flight", d.writebackInFlight(), 1, 65536),
                startEpochSeconds(n), Fields.seconds(n, "head-block-offset", d.headBlockOffsetSeconds()),
                n.bool("compactions", d.compactionsEnabled()),
                n.sizeBytes("region-offset", d.regionOffsetBytes()), Fields.positiveSize(n, "region-size", d.regionBytes()));
    }

    /** {@code start-time: 2024-03-01T00:00:00Z}: the UTC instant at simulated time zero. */
    private static long startEpochSeconds(MapReader n) {
        String text = n.string("start-time", null);
        if (text == null) {
            return 0;
        }
        try {
            return Instant.parse(text).getEpochSecond();
        } catch (DateTimeParseException e) {
            n.problem("start-time", "expected a UTC time such as 2024-03-01T00:00:00Z, got " + Quote.of(text));
            return 0;
        }
    }

    private static PeriodicBurstNeighbour.Options periodicBurst(MapReader n) {
        long period = Fields.seconds(n, "period", 0);
        if (period <= 0) {
            required(n, "period", "a period of at least 1s between bursts");
        }
        long burstMiB = Fields.mib(n, "size", 0);
        if (burstMiB <= 0) {
            required(n, "size", "the data moved per burst, at least 1MiB");
        }
        PeriodicBurstNeighbour.Options d = PeriodicBurstNeighbour.Options.writes(Math.max(1, period), Math.max(1, burstMiB));
        return new PeriodicBurstNeighbour.Options(d.periodSeconds(), Fields.seconds(n, "phase", d.phaseSeconds()),
                d.burstMiB(), Fields.atLeast(n, "io-size", Fields.kib(n, "io-size", d.ioKiB()), 4, "4KiB", d.ioKiB()),
                (int) n.integer("max-in-flight", d.maxInFlight(), 1, 65536),
                n.choice("op", Fields.choices("write", true, "read", false), true),
                n.bool("flush-at-end", d.flushAtEnd()),
                n.sizeBytes("region-offset", d.regionOffsetBytes()), Fields.positiveSize(n, "region-size", d.regionBytes()));
    }

    /** A key that must be given with a value of {@code what}: reported at the value if written, else at the mapping. */
    private static void required(MapReader n, String key, String what) {
        if (n.has(key)) {
            n.problem(key, "expected " + what);
        } else {
            n.problemHere(key, "required: " + what);
        }
    }

    private static PoissonNeighbour.Options poisson(MapReader n) {
        double rate = n.ratePerSecond("rate", 0);
        if (!(rate > 0)) {
            required(n, "rate", "an arrival rate above 0/s, such as 200/s");
        }
        PoissonNeighbour.Options d = PoissonNeighbour.Options.writes(Math.max(rate, 1e-9), 4);
        return new PoissonNeighbour.Options(d.iosPerSecond(), Fields.atLeast(n, "io-size", Fields.kib(n, "io-size", d.ioKiB()), 1, "1KiB",
                d.ioKiB()),
                (int) Math.round(n.fraction("writes", d.writePercent() / 100.0) * 100),
                (int) n.integer("flush-every", d.flushEveryWrites(), 0, 1_000_000),
                n.sizeBytes("region-offset", d.regionOffsetBytes()), Fields.positiveSize(n, "region-size", d.regionBytes()));
    }

    /**
     * A trace from {@code file:} (relative to the scenario) or given inline as {@code csv:}, whose
     * I/Os must all be issued between {@code start} and the end of the run.
     */
    private static TraceNeighbour.Options trace(MapReader n, long runNanos) {
        long start = Fields.seconds(n, "start", 0);
        if (start * 1_000_000_000L >= runNanos) {
            n.problem("start", "must be before the end of the run (" + Units.formatDuration(runNanos) + ")");
            return null;
        }
        boolean inline = n.has("csv");
        if (inline == n.has("file")) {
            n.problemHere("file", "a trace needs exactly one of file: (a CSV file) or csv: (the CSV inline)");
            return null;
        }
        long lastMicros = (runNanos - start * 1_000_000_000L - 1) / 1000;
        if (inline) {
            String csv = n.string("csv", "");
            try {
                TraceNeighbour.parse(csv, lastMicros);
            } catch (InputFormatException e) {
                n.problem("csv", (e.line() == 0 ? "" : "line " + e.line() + ": ") + (e.field().isEmpty() ? "" : e.field() + ": ")
                        + e.getMessage());
                return null;
            }
            return new TraceNeighbour.Options(csv, start);
        }
        return NamedFiles.read(n, "file", InputKind.TRACE).map(file -> {
            try {
                TraceNeighbour.parse(file.text(), lastMicros);
                return new TraceNeighbour.Options(file.text(), start);
            } catch (InputFormatException e) {
                NamedFiles.report(n, "file", file.shown(), e);
                return null;
            }
        }).orElse(null);
    }
}
