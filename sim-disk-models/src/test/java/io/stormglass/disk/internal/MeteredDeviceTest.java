package io.stormglass.disk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stormglass.disk.Rig;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.storage.IoStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request objects a device reuses: each completion reaches its own caller, once. */
class MeteredDeviceTest {
    private static final EventKind DONE = EventKind.named("test.done");

    /** Serves each request after its length in nanoseconds; completes it {@code completions} times. */
    private static final class Fixed extends MeteredDevice {
        private final int completions;

        Fixed(Rig rig, int completions) {
            super(rig.sim, "fixed", rig.env.metricsFor("fixed"));
            this.completions = completions;
        }

        @Override
        protected void serve(Io io) {
            long nanos = io.request().lengthBytes();
            scheduler.schedule(nanos, DONE, 0, () -> {
                for (int i = 0; i < completions; i++) {
                    io.complete(IoStatus.OK);
                }
            });
        }
    }

    @Test
    void reusedRequestObjectsReportEachRequestToItsOwnCaller() {
        Rig rig = new Rig(1);
        Fixed device = new Fixed(rig, 1);
        List<String> seen = new ArrayList<>();
        // chains of requests submitted from completions (the object just freed is reused at once),
        // interleaved with requests outstanding at the same time
        for (int chain = 0; chain < 3; chain++) {
            submitChain(device, rig, "c" + chain, 100 + chain, 5, seen);
        }
        rig.sim.run();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (int chain = 0; chain < 3; chain++) {
                long submittedAt = (long) i * (100 + chain);
                expected.add("c" + chain + "/" + i + " " + submittedAt + "->" + (submittedAt + 100 + chain));
            }
        }
        expected.sort(null);
        List<String> sorted = new ArrayList<>(seen);
        sorted.sort(null);
        assertEquals(expected, sorted);
    }

    private static void submitChain(Fixed device, Rig rig, String name, long nanos, int left, List<String> seen) {
        int index = 5 - left;
        device.submit(IoRequest.write(name, 0, nanos), (IoResult r) -> {
            seen.add(name + "/" + index + " " + r.submittedAtNanos() + "->" + r.completedAtNanos());
            if (left > 1) {
                submitChain(device, rig, name, nanos, left - 1, seen);
            }
        });
    }

    @Test
    void completingTwiceIsRefused() {
        Rig rig = new Rig(1);
        Fixed device = new Fixed(rig, 2);
        device.submit(IoRequest.flush("t"), r -> { });
        Throwable thrown = assertThrows(RuntimeException.class, rig.sim::run);
        while (thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        assertEquals("a request completed twice on fixed", thrown.getMessage());
    }
}
