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
 * <p>Dirty pages: etcd's key bucket is keyed by revision, so every change appends at the right
 * edge of the B+tree, and etcd fills those leaves to 90 % ({@code UnsafeSeqPut}: "it is useful to
 * increase fill percent when the workloads are mostly append-only", mvcc/backend/batch_tx.go). A
 * commit therefore writes its new leaf pages (one per 90 % of a 4 KiB page of changed data) as one
 * contiguous run at the file's allocation frontier (bbolt writes dirty pages in page order and the
 * kernel merges adjacent ones), then {@value #SCATTERED_PAGES} pages elsewhere (the right-edge
 * branch page and the freelist, reallocated from freed pages) and the meta page, then fdatasyncs.
 * The file grows with the frontier up to {@value #DB_REGION_BYTES} bytes, then the frontier wraps
 * round in it (its contents are not meaningful; its size is bounded to bound memory). bbolt's second fdatasync after
 * the meta page is not modelled.
 */
public final class Backend {
    private static final EventKind TIMER = EventKind.named("backend.batch-timer");
    private static final int PAGE_BYTES = 4096;
    static final int DB_REGION_BYTES = 4 << 20;
    /** Pages a commit writes away from the frontier besides the meta page: a branch page and the freelist. */
    static final int SCATTERED_PAGES = 2;
    /** Changed bytes one leaf page holds at etcd's 90 % fill. */
    private static final long LEAF_BYTES = PAGE_BYTES * 9 / 10;

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
    private Completion<IoStatus> defragInProgress;
    private boolean stopped;
    private boolean timerArmed;
    private long startNanos;
    /** Next page of the contiguous allocation frontier (page 0 and 1 are the meta pages). */
    private long frontierPage = 2;
    /** What a commit writes (the pages' contents are not modelled): zeros, read by the file's write, which copies. */
    private byte[] zeros = new byte[2 * PAGE_BYTES];
    private long commits;

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

    /** The commit (or defragmentation) that holds the batch lock now, or null: an apply must wait for it. */
    public Completion<IoStatus> commitInProgress() {
        return commitInProgress;
    }

    /** The defragmentation that holds the read lock now, or null: a range must wait for it (etcd 3.5). */
    public Completion<IoStatus> readsBlockedBy() {
        return defragInProgress;
    }

    /**
     * Runs {@code job} on the backend thread with the batch and read locks held, as etcd's
     * {@code backend.defrag} does: first the pending batch is folded in (etcd commits it), then
     * applies and ranges wait until {@code job} completes the lock it is given.
     */
    void runExclusive(java.util.function.BiConsumer<io.stormglass.engine.exec.TaskContext, Completion<IoStatus>> job) {
        executor.execute(ctx -> {
            Completion<IoStatus> lock = new Completion<>();
            commitInProgress = lock;
            defragInProgress = lock;
            pendingOps = 0;
            pendingBytes = 0;
            lock.whenDone(s -> {
                commitInProgress = null;
                defragInProgress = null;
            });
            job.accept(ctx, lock);
        });
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
        long leafPages = Math.max(1, (pendingBytes + LEAF_BYTES - 1) / LEAF_BYTES);
        long cpuNanos = pendingOps * commitKeyNanos;
        long metaPage = commits++ % 2;
        pendingOps = 0;
        pendingBytes = 0;
        executor.execute(ctx -> {
            long start = ctx.nowNanos();
            ctx.chargeCpu(cpuNanos);
            IoStatus status = IoStatus.OK;
            if (db.sizeBytes() < 2 * PAGE_BYTES) {
                status = db.write(0, zeros(2 * PAGE_BYTES), 0, 2 * PAGE_BYTES); // the two meta pages
            }
            status = writeRun(leafPages, status);
            byte[] page = zeros(PAGE_BYTES);
            long filePages = db.sizeBytes() / PAGE_BYTES;
            for (int p = 0; p < SCATTERED_PAGES && status.isOk() && filePages > 2; p++) {
                long offset = (2 + random.nextLong(filePages - 2)) * PAGE_BYTES;
                status = db.write(offset, page, 0, PAGE_BYTES);
            }
            if (status.isOk()) {
                status = db.write(metaPage * PAGE_BYTES, page, 0, PAGE_BYTES);
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

    /**
     * Writes {@code pages} new leaf pages contiguously at the frontier: the file grows (as bbolt's does)
     * up to {@value #DB_REGION_BYTES} bytes, then the frontier wraps round to its start.
     */
    private IoStatus writeRun(long pages, IoStatus status) {
        long regionPages = DB_REGION_BYTES / PAGE_BYTES;
        long left = Math.min(pages, regionPages - 2);
        while (left > 0 && status.isOk()) {
            if (frontierPage >= regionPages) {
                frontierPage = 2;
            }
            int run = (int) Math.min(left, regionPages - frontierPage);
            status = db.write(frontierPage * PAGE_BYTES, zeros(run * PAGE_BYTES), 0, run * PAGE_BYTES);
            frontierPage += run;
            left -= run;
        }
        return status;
    }

    /** At least {@code length} zeros. */
    private byte[] zeros(int length) {
        if (zeros.length < length) {
            zeros = new byte[length];
        }
        return zeros;
    }
}
