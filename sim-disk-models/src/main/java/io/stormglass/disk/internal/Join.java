package io.stormglass.disk.internal;

import io.stormglass.engine.storage.IoCallback;
import io.stormglass.engine.storage.IoStatus;
import java.util.function.Consumer;

/**
 * Waits for a fixed number of sub-I/Os and reports once, with the first error seen (or OK). As a
 * consumer it takes one part's status, so it can be passed on as every part's callback.
 */
public final class Join implements Consumer<IoStatus> {
    private final Consumer<IoStatus> onDone;
    private int remaining;
    private IoStatus status = IoStatus.OK;

    public Join(int parts, Consumer<IoStatus> onDone) {
        if (parts < 1) {
            throw new IllegalArgumentException("a join needs at least one part");
        }
        this.remaining = parts;
        this.onDone = onDone;
    }

    /** Marks one part done. */
    public void partDone(IoStatus partStatus) {
        if (!partStatus.isOk() && status.isOk()) {
            status = partStatus;
        }
        if (--remaining == 0) {
            onDone.accept(status);
        }
    }

    /** Marks one part done: {@link #partDone}. */
    @Override
    public void accept(IoStatus partStatus) {
        partDone(partStatus);
    }

    /** A callback that marks one part done with the I/O's status. */
    public IoCallback part() {
        return result -> partDone(result.status());
    }
}
