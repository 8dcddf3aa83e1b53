package io.stormglass.engine.storage;

import java.util.List;
import java.util.Optional;

/**
 * A flat namespace of files on one device. Metadata operations (create, delete, rename) are
 * durable when they return, as on a journaling file system with the directory synced; file
 * contents follow {@link DataFile}'s durability contract.
 */
public interface FileSystem {
    /** Opens a file, creating it empty if it does not exist. */
    DataFile open(String path);

    /** Opens an existing file. */
    Optional<DataFile> openExisting(String path);

    boolean exists(String path);

    /** Paths that start with {@code prefix}, in lexicographic order. */
    List<String> list(String prefix);

    /** Deletes a file; returns false if it did not exist. */
    boolean delete(String path);

    /** Renames a file, replacing any file at {@code to}; returns false if {@code from} did not exist. */
    boolean rename(String from, String to);
}
