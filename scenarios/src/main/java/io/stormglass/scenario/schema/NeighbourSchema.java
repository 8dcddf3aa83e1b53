package io.stormglass.scenario.schema;

import io.stormglass.disk.neighbour.NeighbourSpec;
import io.stormglass.disk.neighbour.PeriodicBurstNeighbour;
import io.stormglass.disk.neighbour.PoissonNeighbour;
import io.stormglass.disk.neighbour.PrometheusNeighbour;
import io.stormglass.disk.neighbour.TraceNeighbour;
import io.stormglass.scenario.model.DeviceSpec.NamedNeighbour;
import io.stormglass.scenario.schema.Variant.Case;

/**
 * An entry of a disk's {@code neighbours:}: a background workload sharing the device, of one
 * kind. Defaults are the neighbour options records' own (their javadoc cites the sources).
 */
public final class NeighbourSchema {
    private static final PrometheusNeighbour.Options PROM_D = PrometheusNeighbour.Options.defaults(1, 15);
    private static final PeriodicBurstNeighbour.Options BURST_D = PeriodicBurstNeighbour.Options.writes(1, 1);
    private static final PoissonNeighbour.Options POISSON_D = PoissonNeighbour.Options.writes(1, 4);
    private static final ValueType<Long> AT_LEAST_1S = Types.atLeast(Types.SECONDS, 1, "1s");
    private static final String REGION_OFFSET_DOC = "where on the device its I/Os start";
    private static final String REGION_SIZE_DOC = "the span of the device its I/Os fall in";

    private static final Section.Builder<PrometheusNeighbour.Options> PR = Section.builder("neighbours.prometheus", PROM_D);
    public static final Key<PrometheusNeighbour.Options, Long> SERIES = PR.key("series", Types.longs(1, 1_000_000_000L),
            PrometheusNeighbour.Options::series, Default.required("the number of active series"), "active series scraped");
    public static final Key<PrometheusNeighbour.Options, Long> SCRAPE_INTERVAL = PR.key("scrape-interval", AT_LEAST_1S,
            PrometheusNeighbour.Options::scrapeIntervalSeconds, "one sample per series this often");
    public static final Key<PrometheusNeighbour.Options, Double> BYTES_PER_SAMPLE = PR.key("bytes-per-sample", Types.number(0.1, 16),
            PrometheusNeighbour.Options::bytesPerSample, "compressed size of a sample in a block");
    public static final Key<PrometheusNeighbour.Options, Long> INDEX_BYTES_PER_SERIES = PR.key("index-bytes-per-series", Types.SIZE,
            PrometheusNeighbour.Options::indexBytesPerSeries, "index size per series in a block");
    public static final Key<PrometheusNeighbour.Options, Double> WAL_BYTES_PER_SAMPLE = PR.key("wal-bytes-per-sample", Types.number(0.1,
            64), PrometheusNeighbour.Options::walBytesPerSample, "size of a sample in the WAL");
    public static final Key<PrometheusNeighbour.Options, Long> WAL_SEGMENT_SIZE = PR.key("wal-segment-size", Types.atLeast(Types.MIB, 1,
            "1MiB"), PrometheusNeighbour.Options::walSegmentMiB, "WAL segment, fsync'd when full");
    public static final Key<PrometheusNeighbour.Options, Long> WRITEBACK_INTERVAL = PR.key("writeback-interval", AT_LEAST_1S,
            PrometheusNeighbour.Options::writebackIntervalSeconds, "the kernel writes dirty pages back this often");
    public static final Key<PrometheusNeighbour.Options, Long> WRITEBACK_IO_SIZE = PR.key("writeback-io-size", Types.atLeast(Types.KIB, 4,
            "4KiB"), PrometheusNeighbour.Options::writebackIoKiB, "size of a writeback I/O");
    public static final Key<PrometheusNeighbour.Options, Integer> WRITEBACK_IN_FLIGHT = PR.key("writeback-in-flight", Types.ints(1, 65536),
            PrometheusNeighbour.Options::writebackInFlight, "writeback I/Os in flight at once");
    public static final Key<PrometheusNeighbour.Options, Long> START_TIME = PR.key("start-time", Types.INSTANT,
            PrometheusNeighbour.Options::startEpochSeconds, Default.fromRecord("the Unix epoch"),
            "UTC time at simulated time zero: head blocks are cut at even hours of it (from the epoch: 1 h, 3 h, 5 h …)");
    public static final Key<PrometheusNeighbour.Options, Long> HEAD_BLOCK_OFFSET = PR.key("head-block-offset", Types.SECONDS,
            PrometheusNeighbour.Options::headBlockOffsetSeconds, "shifts the head block's cut");
    public static final Key<PrometheusNeighbour.Options, Boolean> COMPACTIONS = PR.key("compactions", Types.BOOLEAN,
            PrometheusNeighbour.Options::compactionsEnabled, "6 h and 18 h compactions");
    public static final Key<PrometheusNeighbour.Options, Long> PROM_REGION_OFFSET = PR.key("region-offset", Types.SIZE,
            PrometheusNeighbour.Options::regionOffsetBytes, REGION_OFFSET_DOC);
    public static final Key<PrometheusNeighbour.Options, Long> PROM_REGION_SIZE = PR.key("region-size", Types.POSITIVE_SIZE,
            PrometheusNeighbour.Options::regionBytes, REGION_SIZE_DOC);
    public static final Section<PrometheusNeighbour.Options> PROMETHEUS = PR.build();

    private static final Section.Builder<PeriodicBurstNeighbour.Options> PB = Section.builder("neighbours.periodic-burst", BURST_D);
    public static final Key<PeriodicBurstNeighbour.Options, Long> PERIOD = PB.key("period", Types.SECONDS,
            PeriodicBurstNeighbour.Options::periodSeconds, Default.required("a period of at least 1s between bursts"),
            "time between bursts");
    public static final Key<PeriodicBurstNeighbour.Options, Long> PHASE = PB.key("phase", Types.SECONDS,
            PeriodicBurstNeighbour.Options::phaseSeconds, Default.text("the period"), "time of the first burst");
    public static final Key<PeriodicBurstNeighbour.Options, Long> BURST_SIZE = PB.key("size", Types.MIB,
            PeriodicBurstNeighbour.Options::burstMiB, Default.required("the data moved per burst, at least 1MiB"), "data per burst");
    public static final Key<PeriodicBurstNeighbour.Options, Long> BURST_IO_SIZE = PB.key("io-size", Types.atLeast(Types.KIB, 4, "4KiB"),
            PeriodicBurstNeighbour.Options::ioKiB, "size of one I/O");
    public static final Key<PeriodicBurstNeighbour.Options, Integer> MAX_IN_FLIGHT = PB.key("max-in-flight", Types.ints(1, 65536),
            PeriodicBurstNeighbour.Options::maxInFlight, "I/Os in flight at once");
    public static final Key<PeriodicBurstNeighbour.Options, Boolean> OP = PB.key("op", Types.choiceOf("write", true, "read", false),
            PeriodicBurstNeighbour.Options::write, "what a burst does");
    public static final Key<PeriodicBurstNeighbour.Options, Boolean> FLUSH_AT_END = PB.key("flush-at-end", Types.BOOLEAN,
            PeriodicBurstNeighbour.Options::flushAtEnd, "a flush after each burst");
    public static final Key<PeriodicBurstNeighbour.Options, Long> BURST_REGION_OFFSET = PB.key("region-offset", Types.SIZE,
            PeriodicBurstNeighbour.Options::regionOffsetBytes, REGION_OFFSET_DOC);
    public static final Key<PeriodicBurstNeighbour.Options, Long> BURST_REGION_SIZE = PB.key("region-size", Types.POSITIVE_SIZE,
            PeriodicBurstNeighbour.Options::regionBytes, REGION_SIZE_DOC);
    public static final Section<PeriodicBurstNeighbour.Options> PERIODIC_BURST = PB.build();

    private static final Section.Builder<PoissonNeighbour.Options> PO = Section.builder("neighbours.poisson", POISSON_D);
    public static final Key<PoissonNeighbour.Options, Double> RATE = PO.key("rate", Types.RATE, PoissonNeighbour.Options::iosPerSecond,
            Default.required("an arrival rate above 0/s, such as 200/s"), "I/Os per second, Poisson arrivals");
    public static final Key<PoissonNeighbour.Options, Long> POISSON_IO_SIZE = PO.key("io-size", Types.atLeast(Types.KIB, 1, "1KiB"),
            PoissonNeighbour.Options::ioKiB, "size of one I/O");
    public static final Key<PoissonNeighbour.Options, Integer> WRITES = PO.key("writes", Types.PERCENT,
            PoissonNeighbour.Options::writePercent, "fraction of I/Os that write");
    public static final Key<PoissonNeighbour.Options, Integer> FLUSH_EVERY = PO.key("flush-every", Types.ints(0, 1_000_000),
            PoissonNeighbour.Options::flushEveryWrites, Default.fromRecord("none"), "a flush after every n-th write");
    public static final Key<PoissonNeighbour.Options, Long> POISSON_REGION_OFFSET = PO.key("region-offset", Types.SIZE,
            PoissonNeighbour.Options::regionOffsetBytes, REGION_OFFSET_DOC);
    public static final Key<PoissonNeighbour.Options, Long> POISSON_REGION_SIZE = PO.key("region-size", Types.POSITIVE_SIZE,
            PoissonNeighbour.Options::regionBytes, REGION_SIZE_DOC);
    public static final Section<PoissonNeighbour.Options> POISSON = PO.build();

    private static final Section.Builder<TraceNeighbour.Options> TR = Section.builder("neighbours.trace");
    public static final Key<TraceNeighbour.Options, Long> TRACE_START = TR.key("start", Types.SECONDS, TraceNeighbour.Options::startSeconds,
            Default.of(0L), "when the trace's time zero falls; before the end of the run");
    public static final Key<TraceNeighbour.Options, String> TRACE_FILE = TR.readOnly("file", Types.TEXT.describedAs("file name"),
            Default.text("none"), "CSV `timestamp_micros,op,offset_bytes,length_bytes`, relative to the scenario");
    public static final Key<TraceNeighbour.Options, String> TRACE_CSV = TR.key("csv",
            Types.TEXT.describedAs("text (CSV)").printedBy(YamlWriter::block), TraceNeighbour.Options::csv, Default.text("none"),
            "the same CSV inline (as `--print-config` prints it); exactly one of `file` and `csv`");
    public static final Section<TraceNeighbour.Options> TRACE = TR.build();

    private static final Section.Builder<NamedNeighbour> NB = Section.builder("neighbours");
    public static final Key<NamedNeighbour, String> NAME = NB.key("name", Types.TEXT, NamedNeighbour::name, Default.text("the kind"),
            "names the neighbour in metrics and the timeline; unique per disk");
    public static final Variant<NamedNeighbour, NeighbourSpec> KIND = NB.variant("neighbours.kinds", "kind", NamedNeighbour::spec,
            Default.required("one of the kinds"), "the workload; its options follow in the same mapping", Case.of("prometheus",
            PrometheusNeighbour.Options.class, PROMETHEUS), Case.of("periodic-burst", PeriodicBurstNeighbour.Options.class, PERIODIC_BURST),
            Case.of("poisson", PoissonNeighbour.Options.class, POISSON), Case.of("trace", TraceNeighbour.Options.class, TRACE));
    public static final Section<NamedNeighbour> NEIGHBOUR = NB.build();

    private NeighbourSchema() {
    }
}
