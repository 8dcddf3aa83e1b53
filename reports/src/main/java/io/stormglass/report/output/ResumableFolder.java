package io.stormglass.report.output;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An output folder that a command appends to and resumes (a sweep's): an earlier output of the
 * same kind is kept as it is, minus the temporary files killed processes left in it; anything
 * else allowed at the destination (nothing, an empty folder, something replaced with
 * {@code --force}) is replaced atomically by a new, empty, marked folder.
 */
public final class ResumableFolder {
    private ResumableFolder() {
    }

    /** Makes {@code destination} ready to be appended to and returns its path. */
    public static Path open(OutputDestination destination, String command) throws IOException {
        Path target = destination.target();
        if (destination.holdsEarlierOutput()) {
            StaleStaging.cleanInside(target);
            return target;
        }
        try (StagingFolder fresh = StagingFolder.create(target)) {
            return fresh.publish(destination.kind(), command);
        }
    }
}
