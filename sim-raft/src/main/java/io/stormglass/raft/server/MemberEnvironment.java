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
 * @param localClock       this member's own clock (drift, steps), used for lease expiry
 * @param tickIntervalNanos true-time period of the raft ticker: the heartbeat interval as this
 *                         member's clock measures it
 * @param recorder         metrics and timeline
 * @param transport        the network; members and clients are nodes on it
 * @param walFs            the file system holding {@code wal-dir}
 * @param dataFs           the file system holding {@code data-dir} (the backend and snapshots); may be {@code walFs}
 * @param random           the run's random streams (the member uses {@code raft/n<id>})
 * @param logSink          receives each etcd-style JSON log line
 * @param observer         sees what the member persists and applies (safety checkers)
 */
public record MemberEnvironment(Scheduler scheduler, Clock localClock, long tickIntervalNanos, Recorder recorder,
        Transport<Wire> transport, FileSystem walFs, FileSystem dataFs, RandomStreams random,
        Consumer<String> logSink, MemberObserver observer) {
}
