package io.stormglass.report.output;

import io.stormglass.report.AtomicFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An output folder built beside its destination and published in one rename: a hidden
 * {@code .NAME.partial-PID-*} folder that names its owner ({@link ProcessOwner}), is registered
 * for removal on interrupt or failure ({@link StagingRegistry}), receives the
 * {@link OutputMarker} when published, and replaces the destination atomically
 * ({@link AtomicFolder#replace}). Creating one first removes what killed runs left beside the same
 * destination ({@link StaleStaging}). The caller decides beforehand, with
 * {@link OutputDestination}, that the destination may be replaced.
 */
public final class StagingFolder implements AutoCloseable {
    private final Path target;
    private final Path dir;
    private boolean published;

    private StagingFolder(Path target, Path dir) {
        this.target = target;
        this.dir = dir;
    }

    /** Creates the staging folder of {@code target} (and its parent folders if missing). */
    public static StagingFolder create(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        StaleStaging.cleanFor(abs);
        ProcessOwner owner = ProcessOwner.current();
        Path dir = HiddenSibling.folder(parent, abs.getFileName().toString(), "partial");
        try {
            StagingRegistry.register(dir);
            owner.writeInto(dir);
        } catch (IOException | RuntimeException e) {
            StagingRegistry.discard(dir);
            throw e;
        }
        return new StagingFolder(abs, dir);
    }

    /** Where to write the folder's files until it is published. */
    public Path dir() {
        return dir;
    }

    /** Where the folder will be. */
    public Path target() {
        return target;
    }

    /** Marks the folder as {@code kind} written by {@code command} and moves it to its destination; returns it. */
    public Path publish(OutputKind kind, String command) throws IOException {
        OutputMarker.write(dir, kind, command);
        Files.deleteIfExists(dir.resolve(ProcessOwner.FILE));
        StagingRegistry.publish(dir, () -> AtomicFolder.replace(dir, target));
        published = true;
        return target;
    }

    /** Removes the staging folder unless it was published. */
    @Override
    public void close() throws IOException {
        if (!published) {
            StagingRegistry.discard(dir);
        }
    }
}
