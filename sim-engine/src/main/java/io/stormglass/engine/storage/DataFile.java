package io.stormglass.engine.storage;

/**
 * An open file with explicit durability: what the WAL and the backend are written against.
 *
 * <p>Contract (that of {@code write(2)} plus {@code fdatasync(2)} on a preallocated file):
 * <ul>
 *   <li>{@link #write} and {@link #truncate} take effect at once for readers of this file and
 *       cost no device time (they land in the page cache), but they are volatile: a crash may
 *       lose or tear them;</li>
 *   <li>{@link #sync} makes every write and truncate issued before the call durable; when its
 *       callback reports OK, that data survives any crash. The device decides how long it
 *       takes;</li>
 *   <li>errors are values; nothing here throws for an I/O failure.</li>
 * </ul>
 * A real implementation over {@code FileChannel.write}/{@code force(false)} satisfies the same
 * contract.
 */
public interface DataFile {
    String path();

    /** Current size in bytes, unsynced writes included. */
    long sizeBytes();

    /**
     * Writes {@code length} bytes of {@code source} from {@code sourceOffset} at file offset
     * {@code offsetBytes}. The bytes are copied, as {@code write(2)} copies them: the caller may
     * reuse {@code source} once the call returns.
     */
    IoStatus write(long offsetBytes, byte[] source, int sourceOffset, int length);

    /** Appends at the current end of the file. */
    default IoStatus append(byte[] source, int sourceOffset, int length) {
        return write(sizeBytes(), source, sourceOffset, length);
    }

    /**
     * Reads {@code length} bytes at {@code offsetBytes} into {@code target}; the range must lie
     * within {@link #sizeBytes()}.
     */
    IoStatus read(long offsetBytes, byte[] target, int targetOffset, int length);

    /**
     * A read that misses the page cache: the device reads {@code lengthBytes} at file offset
     * {@code offsetBytes} and {@code callback} hears when (an error is a value). It returns no bytes
     * ({@link #read} gives the contents) and only spends the device's time. The range may lie beyond
     * {@link #sizeBytes()}, in a file whose pages a caller accounts without the simulator holding them
     * (a multi-GB database): the device reads where those pages would lie. Abandoned, with its callback,
     * by a crash.
     */
    void readFromDevice(long offsetBytes, long lengthBytes, IoCallback callback);

    /** Cuts the file to {@code sizeBytes} (volatile until the next sync). */
    IoStatus truncate(long sizeBytes);

    /** {@code fdatasync}: makes everything written so far durable; {@code callback} gets the outcome. */
    void sync(IoCallback callback);
}
