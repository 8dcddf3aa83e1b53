package io.stormglass.engine.storage;

/**
 * One request to a block device.
 *
 * @param issuer      who issued it ({@code "n1/wal"}, {@code "prometheus"}); devices report
 *                    latency per issuer
 * @param op          the operation
 * @param offsetBytes device offset in bytes (ignored for FLUSH)
 * @param lengthBytes length in bytes (zero for FLUSH)
 */
public record IoRequest(String issuer, IoOp op, long offsetBytes, long lengthBytes) {
    public IoRequest {
        if (issuer == null || op == null) {
            throw new IllegalArgumentException("issuer and op are required");
        }
        if (offsetBytes < 0 || lengthBytes < 0) {
            throw new IllegalArgumentException("negative offset or length: " + offsetBytes + ", " + lengthBytes);
        }
    }

    public static IoRequest write(String issuer, long offsetBytes, long lengthBytes) {
        return new IoRequest(issuer, IoOp.WRITE, offsetBytes, lengthBytes);
    }

    public static IoRequest read(String issuer, long offsetBytes, long lengthBytes) {
        return new IoRequest(issuer, IoOp.READ, offsetBytes, lengthBytes);
    }

    public static IoRequest flush(String issuer) {
        return new IoRequest(issuer, IoOp.FLUSH, 0, 0);
    }
}
