package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.exec.Completion;
import io.stormglass.engine.exec.SerialExecutor;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.engine.storage.DataFile;
import io.stormglass.engine.storage.FileSystem;
import io.stormglass.engine.storage.IoStatus;
import java.util.function.Consumer;

/**
 * The timing of etcd's bbolt backend: applied changes accumulate in a batch transaction that is
 * committed every {@code batchIntervalNanos} or as soon as {@code batchLimit} operations are
 * pending; a commit writes the dirty B+tree pages of the database file and fdatasyncs it, and
 * holds the batch lock meanwhile, so applies wait for it (this is how a slow data disk makes
 * {@code apply request took too long}).
 *
 * <p>Only timing is modelled here: the state machine's contents are rebuilt on restart from the
 * last snapshot and the WAL, which hold everything a restart needs.
 *
 * <p>Dirty pages: each 2 KiB of changed key-value data dirties one 4 KiB page, plus the two meta
 * pages; pages are written at pseudo-random page offsets within a {@value #DB_REGION_BYTES}-byte
 * database file, as bbolt's copy-on-write allocation scatters them (which matters on a disk
 * that seeks). The file's contents are not meaningful; its size is fixed to bound memory.
 */
public final class Backend {
    private static final EventKind TIMER = EventKind.named("backend.batch-timer");
    private static final int PAGE_BYTES = 4096;
    static final int DB_REGION_BYTES = 4 << 20;

    private final Scheduler scheduler;
    private final SerialExecutor executor;
    private final DataFile db;
    private final SimRandom random;
    private final long batchIntervalNanos;
    private final int batchLimit;
    private final long commitKeyNanos;
    private final Consumer<Long> commitDurationNanos;
    private final Consumer<IoStatus> onFatal;
    private final long key;
    private long pendingOps;
    private long pendingBytes;
    private Completion<IoStatus> commitInProgress;
    private boolean stopped;
    private boolean timerArmed;
    private long startNanos;

    /** @param commitKeyNanos CPU of a commit per change in its batch (bbolt's spill and page encoding) */
    public Backend(Scheduler scheduler, SerialExecutor executor, FileSystem fs, SimRandom random, long batchIntervalNanos,
            int batchLimit, long commitKeyNanos, Consumer<Long> commitDurationNanos, Consumer<IoStatus> onFatal, int member) {
        this.commitKeyNanos = commitKeyNanos;
        this.scheduler = scheduler;
        this.executor = executor;
        this.db = fs.open("member/snap/db");
        this.random = random;
        this.batchIntervalNanos = batchIntervalNanos;
        this.batchLimit = batchLimit;
        this.commitDurationNanos = commitDurationNanos;
        this.onFatal = onFatal;
        this.key = member;
    }

    /**
     * Starts committing. etcd's batch timer ticks every interval from start; here it is armed only
     * while changes are pending (an idle backend schedules nothing), and always fires on that same
     * grid of instants, so commits happen when etcd's would.
     */
    public void start() {
        stopped = false;
        startNanos = scheduler.nowNanos();
    }

    /** Stops committing (the member crashed). */
    public void stop() {
        stopped = true;
    }

    /** The commit that holds the batch lock now, or null: an apply must wait for it. */
    public Completion<IoStatus> commitInProgress() {
        return commitInProgress;
    }

    /** Records one applied change of {@code bytes} bytes; commits at once past the batch limit. */
    public void recordChange(long bytes) {
        pendingOps++;
        pendingBytes += bytes;
        if (pendingOps >= batchLimit && commitInProgress == null) {
            commit();
        } else if (!timerArmed && !stopped) {
            armTimer();
        }
    }

    private void armTimer() {
        timerArmed = true;
        long elapsed = scheduler.nowNanos() - startNanos;
        long next = startNanos + (elapsed / batchIntervalNanos + 1) * batchIntervalNanos;
        scheduler.scheduleAt(next, TIMER, key, this::onTimer);
    }

    private void onTimer() {
        timerArmed = false;
        if (stopped || pendingOps == 0) {
            return;
        }
        if (commitInProgress == null) {
            commit();
        } else {
            armTimer(); // a commit holds the lock: try again at the next tick
        }
    }

    private void commit() {
        Completion<IoStatus> done = new Completion<>();
        commitInProgress = done;
        long pages = 2 + (pendingBytes + 2047) / 2048;
        long cpuNanos = pendingOps * commitKeyNanos;
        pendingOps = 0;
        pendingBytes = 0;
        executor.execute(ctx -> {
            long start = ctx.nowNanos();
            ctx.chargeCpu(cpuNanos);
            IoStatus status = IoStatus.OK;
            if (db.sizeBytes() < DB_REGION_BYTES) {
                status = db.write(db.sizeBytes(), new byte[DB_REGION_BYTES - (int) db.sizeBytes()], 0,
                        DB_REGION_BYTES - (int) db.sizeBytes());
            }
            byte[] page = new byte[PAGE_BYTES];
            for (long p = 0; p < Math.min(pages, DB_REGION_BYTES / PAGE_BYTES) && status.isOk(); p++) {
                long offset = random.nextLong(DB_REGION_BYTES / PAGE_BYTES) * PAGE_BYTES;
                status = db.write(offset, page, 0, PAGE_BYTES);
            }
            Completion<IoStatus> synced = new Completion<>();
            if (status.isOk()) {
                db.sync(r -> synced.complete(r.status()));
            } else {
                synced.complete(status);
            }
            ctx.await(synced, (c, s) -> {
                commitDurationNanos.accept(c.nowNanos() - start);
                commitInProgress = null;
                done.complete(s);
                if (!s.isOk()) {
                    onFatal.accept(s);
                }
            });
        });
    }
}
