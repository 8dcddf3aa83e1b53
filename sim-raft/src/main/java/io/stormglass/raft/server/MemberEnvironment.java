package io.stormglass.raft.server;

import io.stormglass.engine.event.Clock;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.net.Transport;
import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.storage.FileSystem;
import java.util.function.Consumer;

/**
 * What a member is plugged into. Only engine interfaces: the same member runs over any disk or
 * network model.
 *
 * @param scheduler        the simulation (true time)
 * @param localClock       this member's own wall clock (drift, steps), used for KV lease expiry
 * @param localScheduler   this member's monotonic clock as a scheduler: {@code nowNanos()} reads local time
 *                         and an event set for local time {@code t} fires when that clock reaches {@code t}.
 *                         The raft ticker runs on it (one tick per {@code heartbeat-interval} of local time),
 *                         so a drift that changes mid-run changes the pace of every tick armed after it, and
 *                         the raft clock (elections, heartbeats, read leases) runs at the member's own rate.
 *                         Pass {@code scheduler} for a perfect clock
 * @param recorder         metrics and timeline
 * @param transport        the network; members and clients are nodes on it
 * @param walFs            the file system holding {@code wal-dir}
 * @param dataFs           the file system holding {@code data-dir} (the backend and snapshots); may be {@code walFs}
 * @param random           the run's random streams (the member uses {@code raft/n<id>})
 * @param logSink          receives each etcd-style JSON log line
 * @param observer         sees what the member persists and applies (safety checkers)
 */
public record MemberEnvironment(Scheduler scheduler, Clock localClock, Scheduler localScheduler, Recorder recorder,
        Transport<Wire> transport, FileSystem walFs, FileSystem dataFs, RandomStreams random,
        Consumer<String> logSink, MemberObserver observer) {
}
