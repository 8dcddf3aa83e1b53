package io.stormglass.scenario.load;

import static io.stormglass.scenario.schema.DiskSchema.*;

import io.stormglass.disk.InputFormatException;
import io.stormglass.disk.fit.FioJsonFit;
import io.stormglass.disk.fit.PrometheusHistogramFit;
import io.stormglass.disk.fit.QuantileCurve;
import io.stormglass.disk.model.EmpiricalDisk;
import io.stormglass.scenario.input.InputKind;
import io.stormglass.scenario.yaml.MapReader;

/**
 * Binds {@code model: empirical}: service times measured elsewhere, from exactly one source —
 * {@code fio: run.json} (fio's JSON report of an fdatasync job), {@code prometheus: metrics.txt}
 * (a scrape holding the {@code metric} histogram, by default {@code etcd_disk_wal_fsync_duration_seconds})
 * or inline quantiles ({@code flush-latency: {p50: 2ms, p99: 8ms, p100: 30ms}}). Files are named
 * relative to the scenario file that names them.
 */
final class EmpiricalSources {
    private EmpiricalSources() {
    }

    static EmpiricalSources create() {
        return new EmpiricalSources();
    }

    EmpiricalDisk.Options bind(MapReader m) {
        int channels = EMPIRICAL_CHANNELS.read(m);
        boolean fio = EMPIRICAL_FIO.in(m);
        boolean prometheus = EMPIRICAL_PROMETHEUS.in(m);
        boolean inline = EMPIRICAL_FLUSH.in(m);
        int sources = (fio ? 1 : 0) + (prometheus ? 1 : 0) + (inline ? 1 : 0);
        if (sources != 1) {
            m.problems().add(m.location(), m.path(), "an empirical disk needs exactly one of fio:, prometheus: or "
                    + "flush-latency:, got " + sources);
            return null;
        }
        if (fio) {
            return NamedFiles.read(m, EMPIRICAL_FIO.name(), InputKind.DATA).map(file -> {
                try {
                    FioJsonFit.Fit fit = FioJsonFit.parse(file.text());
                    if (fit.sync() == null) {
                        EMPIRICAL_FIO.problem(m, "the fio job has no sync latencies; run fio with --fdatasync=1");
                        return null;
                    }
                    return new EmpiricalDisk.Options(fit.write(), fit.sync(), fit.write(), channels);
                } catch (InputFormatException e) {
                    NamedFiles.report(m, EMPIRICAL_FIO.name(), file.shown(), e);
                    return null;
                }
            }).orElse(null);
        }
        if (prometheus) {
            String metric = EMPIRICAL_METRIC.read(m);
            long otherMicros = EMPIRICAL_OTHER_LATENCY.read(m);
            return NamedFiles.read(m, EMPIRICAL_PROMETHEUS.name(), InputKind.DATA).map(file -> {
                try {
                    return EmpiricalDisk.Options.fromFsyncCurve(PrometheusHistogramFit.parse(file.text(), metric), otherMicros);
                } catch (InputFormatException e) {
                    NamedFiles.report(m, EMPIRICAL_PROMETHEUS.name(), file.shown(), e);
                    return null;
                }
            }).orElse(null);
        }
        QuantileCurve flush = EMPIRICAL_FLUSH.read(m);
        QuantileCurve write = EMPIRICAL_WRITE.read(m);
        QuantileCurve read = EMPIRICAL_READ.read(m);
        return flush == null || write == null || read == null ? null : new EmpiricalDisk.Options(write, flush, read, channels);
    }
}
