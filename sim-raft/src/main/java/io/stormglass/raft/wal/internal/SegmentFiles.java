package io.stormglass.raft.wal.internal;

import io.stormglass.engine.storage.DataFile;
import io.stormglass.engine.storage.FileSystem;
import java.util.ArrayList;
import java.util.List;

/** Listing and reading the segment files of one WAL directory. */
public final class SegmentFiles {
    private SegmentFiles() {
    }

    /**
     * The segments in {@code dir}, by sequence. Deletes leftover {@code .wal.tmp} files: a
     * segment becomes visible only by rename after its header is synced, so a temporary file is an
     * interrupted cut or create and holds nothing that was acknowledged.
     */
    public static List<SegmentName> listAndCleanUp(FileSystem fs, String dir) {
        String prefix = dir + "/";
        List<SegmentName> names = new ArrayList<>();
        for (String path : fs.list(prefix)) {
            String base = path.substring(prefix.length());
            if (base.indexOf('/') >= 0) {
                continue;
            }
            if (base.endsWith(SegmentName.TMP_SUFFIX)) {
                fs.delete(path);
                continue;
            }
            SegmentName.parse(base).ifPresent(names::add);
        }
        names.sort(null);
        return names;
    }

    /** The whole current contents of a file. */
    public static byte[] readAll(DataFile file) {
        long size = file.sizeBytes();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("segment too large to read: " + file.path() + " (" + size + " bytes)");
        }
        byte[] buf = new byte[(int) size];
        file.read(0, buf, 0, buf.length);
        return buf;
    }
}
