package io.stormglass.net;

import io.stormglass.net.latency.Constant;
import io.stormglass.net.latency.LatencyDistribution;

/**
 * Everything about one directed link ({@code from → to}): a flat options record, faults
 * defaulting to zero. A link from A to B and the one from B to A are separate specs, so links
 * may be asymmetric.
 *
 * @param latency                one-way propagation latency, drawn per message after it left the sender's NIC
 * @param bandwidthBitsPerSecond the link's own rate cap, shared by its connections; 0 = limited only by the sender's NIC
 * @param ordering               per-connection FIFO (TCP, the default) or datagram
 * @param lossPpm                messages lost, parts per million (after using the bandwidth). On a FIFO
 *                               link this is a lost <em>message</em>, as when etcd drops raft messages
 *                               on a full or reset peer stream, not TCP packet loss (which TCP turns
 *                               into delay: model that with a {@code TailMixture} whose tail starts at
 *                               Linux's 200 ms minimum retransmission timeout)
 * @param duplicatePpm           messages delivered twice, parts per million (the copy draws its own latency)
 * @param corruptPpm             messages whose bytes arrive damaged, parts per million; the receiver detects
 *                               it (checksum) and drops them
 * @param reorderPpm             datagram mode only: messages held back an extra uniform {@code [0, reorderDelayMs)}
 * @param reorderDelayMs         the most a reordered message is held back
 */
public record LinkSpec(
        LatencyDistribution latency,
        long bandwidthBitsPerSecond,
        Ordering ordering,
        long lossPpm,
        long duplicatePpm,
        long corruptPpm,
        long reorderPpm,
        double reorderDelayMs) {

    public LinkSpec {
        if (latency == null || ordering == null) {
            throw new IllegalArgumentException("a link needs a latency distribution and an ordering");
        }
        if (bandwidthBitsPerSecond < 0) {
            throw new IllegalArgumentException("bandwidthBitsPerSecond must not be negative: " + bandwidthBitsPerSecond);
        }
        requirePpm("lossPpm", lossPpm);
        requirePpm("duplicatePpm", duplicatePpm);
        requirePpm("corruptPpm", corruptPpm);
        requirePpm("reorderPpm", reorderPpm);
        if (!(reorderDelayMs >= 0) || Double.isInfinite(reorderDelayMs)) {
            throw new IllegalArgumentException("reorderDelayMs must be finite and non-negative: " + reorderDelayMs);
        }
    }

    /** A fault-free FIFO link with the given latency and no bandwidth cap of its own. */
    public static LinkSpec of(LatencyDistribution latency) {
        return new LinkSpec(latency, 0, Ordering.FIFO, 0, 0, 0, 0, 0);
    }

    /** A fault-free FIFO link with constant latency. */
    public static LinkSpec constantMs(double latencyMs) {
        return of(new Constant(latencyMs));
    }

    public LinkSpec withLatency(LatencyDistribution newLatency) {
        return new LinkSpec(newLatency, bandwidthBitsPerSecond, ordering, lossPpm, duplicatePpm, corruptPpm, reorderPpm, reorderDelayMs);
    }

    public LinkSpec withBandwidthBitsPerSecond(long bitsPerSecond) {
        return new LinkSpec(latency, bitsPerSecond, ordering, lossPpm, duplicatePpm, corruptPpm, reorderPpm, reorderDelayMs);
    }

    public LinkSpec withOrdering(Ordering newOrdering) {
        return new LinkSpec(latency, bandwidthBitsPerSecond, newOrdering, lossPpm, duplicatePpm, corruptPpm, reorderPpm, reorderDelayMs);
    }

    public LinkSpec withLossPpm(long ppm) {
        return new LinkSpec(latency, bandwidthBitsPerSecond, ordering, ppm, duplicatePpm, corruptPpm, reorderPpm, reorderDelayMs);
    }

    public LinkSpec withDuplicatePpm(long ppm) {
        return new LinkSpec(latency, bandwidthBitsPerSecond, ordering, lossPpm, ppm, corruptPpm, reorderPpm, reorderDelayMs);
    }

    public LinkSpec withCorruptPpm(long ppm) {
        return new LinkSpec(latency, bandwidthBitsPerSecond, ordering, lossPpm, duplicatePpm, ppm, reorderPpm, reorderDelayMs);
    }

    public LinkSpec withReorder(long ppm, double delayMs) {
        return new LinkSpec(latency, bandwidthBitsPerSecond, ordering, lossPpm, duplicatePpm, corruptPpm, ppm, delayMs);
    }

    private static void requirePpm(String field, long ppm) {
        if (ppm < 0 || ppm > 1_000_000) {
            throw new IllegalArgumentException(field + " must be within 0..1000000: " + ppm);
        }
    }
}
