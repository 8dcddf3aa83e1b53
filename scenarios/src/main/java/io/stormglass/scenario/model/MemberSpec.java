package io.stormglass.scenario.model;

import io.stormglass.net.Placement;
import io.stormglass.net.clock.ClockOptions;

/**
 * One member.
 *
 * @param id         1..n
 * @param walDevice  name of the device holding {@code wal-dir}
 * @param dataDevice name of the device holding {@code data-dir} (may equal {@code walDevice})
 * @param placement  region, zone and rack (decides link latencies)
 * @param clock      the member's clock drift and offset
 */
public record MemberSpec(int id, String walDevice, String dataDevice, Placement placement, ClockOptions clock) {
}
