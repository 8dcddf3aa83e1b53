package io.stormglass.disk.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stormglass.disk.Rig;
import io.stormglass.disk.model.EmpiricalDisk;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmpiricalFitTest {
    private static String fixture(String name) throws IOException {
        try (InputStream in = EmpiricalFitTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Long> flushes(EmpiricalDisk.Options options, int n) {
        Rig rig = new Rig(31);
        BlockDevice disk = rig.device("fitted", options);
        return rig.loop(disk, n, i -> IoRequest.flush("fio"));
    }

    @Test
    void fioJsonSyncPercentilesAreReproducedWithinFivePercent() throws IOException {
        FioJsonFit.Fit fit = FioJsonFit.parse(fixture("fio-etcd-recipe.json"));
        List<Long> lat = flushes(new EmpiricalDisk.Options(fit.write(), fit.sync(), fit.write(), 1), 40_000);
        assertEquals(2_179_072, Rig.percentile(lat, 50), 2_179_072 * 0.05);
        assertEquals(4_014_080, Rig.percentile(lat, 99), 4_014_080 * 0.05);
        // the curve is bounded by fio's min and max
        assertEquals(1_183_744, fit.sync().quantileNanos(0.0));
        assertEquals(18_219_008, fit.sync().quantileNanos(1.0));
        assertEquals(7_328, fit.write().quantileNanos(0.5));
    }

    @Test
    void prometheusWalFsyncHistogramIsReproducedAsHistogramQuantileWouldReportIt() throws IOException {
        QuantileCurve curve = PrometheusHistogramFit.parse(fixture("etcd-wal-fsync.prom"),
                "etcd_disk_wal_fsync_duration_seconds");
        // histogram_quantile(0.5): rank 5000 in (0.002, 0.004] holding 2600..7900 -> 0.002 + 2400/5300 * 0.002
        double p50 = (0.002 + 2400.0 / 5300 * 0.002) * 1e9;
        // histogram_quantile(0.99): rank 9900 in (0.016, 0.032] holding 9880..9950 -> 0.016 + 20/70 * 0.016
        double p99 = (0.016 + 20.0 / 70 * 0.016) * 1e9;
        assertEquals(p50, curve.quantileNanos(0.5), 1000);
        assertEquals(p99, curve.quantileNanos(0.99), 1000);
        List<Long> lat = flushes(EmpiricalDisk.Options.fromFsyncCurve(curve, 10), 40_000);
        assertEquals(p50, Rig.percentile(lat, 50), p50 * 0.05);
        assertEquals(p99, Rig.percentile(lat, 99), p99 * 0.05);
    }

    @Test
    void fioJobWithoutSyncHasNoSyncCurveAndGarbageIsRejected() {
        String noSync = "{\"jobs\":[{\"write\":{\"clat_ns\":{\"min\":1,\"max\":9,\"percentile\":{\"50.000000\":5}}},"
                + "\"sync\":{\"lat_ns\":{\"N\":0}}}]}";
        assertNull(FioJsonFit.parse(noSync).sync());
        assertThrows(IllegalArgumentException.class, () -> FioJsonFit.parse("not json"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusHistogramFit.parse("x_bucket 1", "y"));
    }
}
