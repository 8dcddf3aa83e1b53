package io.stormglass.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MetricTest {
    @Test
    void anIdCarriesTheExportedNameAndTheLabelsInDeclaredOrder() {
        MetricId id = Metric.DISK_IO_DURATION.id("vm-n1", "n1/wal", "flush");
        assertEquals(MetricId.of("disk_io_duration_seconds", "device", "vm-n1", "issuer", "n1/wal", "op", "flush"), id);
        assertTrue(Metric.DISK_IO_DURATION.is(id));
        assertFalse(Metric.DISK_IOS.is(id));
        assertEquals("n1/wal", Metric.label(id, Label.ISSUER));
    }

    @Test
    void aWrongNumberOfLabelValuesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Metric.WAL_FSYNC_DURATION.id());
        assertThrows(IllegalArgumentException.class, () -> Metric.WAL_FSYNC_DURATION.id("n1", "extra"));
    }

    @Test
    void exportedNamesAndLabelKeysAreDeclaredOnce() {
        Set<String> names = Arrays.stream(Metric.values()).map(Metric::exportedName).collect(Collectors.toSet());
        assertEquals(Metric.values().length, names.size());
        Set<String> keys = Arrays.stream(Label.values()).map(Label::key).collect(Collectors.toSet());
        assertEquals(Label.values().length, keys.size());
    }
}
