package io.stormglass.engine.storage;

/**
 * A block device as its timing model sees it: requests go in, completions come out at virtual
 * times the model decides (queues, throttles, rotation, replication). Contents are not kept
 * here; {@link SimFileSystem} keeps them and asks the device only how long things take and
 * whether they fail.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #submit} never blocks and never throws for a well-formed request; the callback
 *       runs exactly once, later, on the simulation loop (never inline within {@code submit});</li>
 *   <li>a WRITE that completed OK is durable once a FLUSH submitted after its completion has
 *       completed OK;</li>
 *   <li>errors are reported as {@link IoStatus} values.</li>
 * </ul>
 * Several issuers may share one device; their requests delay each other as the model decides.
 */
public interface BlockDevice {
    /** Name for metrics and traces, such as {@code "ceph-rbd/vm1"}. */
    String name();

    /** Submits one request; {@code callback} receives its completion. */
    void submit(IoRequest request, IoCallback callback);
}
