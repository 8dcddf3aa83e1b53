package io.stormglass.run;

import io.stormglass.scenario.model.WorkloadSpec;
import java.util.Locale;

/**
 * The load's key names and which numbers it may use: {@code key-000042}, or with
 * {@code workload.key-size} the number zero-padded to exactly that many bytes (etcd's benchmark
 * writes fixed-size keys). Reads choose among the preloaded keys when there are any.
 */
final class Keys {
    private final WorkloadSpec.KeySpace space;
    private final int keySizeBytes;
    private final int preloaded;

    Keys(WorkloadSpec.KeySpace space, WorkloadSpec.Shape shape) {
        this.space = space;
        this.keySizeBytes = shape.keySizeBytes();
        this.preloaded = shape.preloadKeys();
    }

    String name(int number) {
        if (keySizeBytes == 0) {
            // key-%06d, without a Formatter per request
            return number < 0 ? String.format(Locale.ROOT, "key-%06d", number) : padded("key-", number, 6);
        }
        return padded("", number, keySizeBytes);
    }

    /** {@code prefix}, then {@code number} zero-padded to {@code width} digits (wider numbers stay whole). */
    private static String padded(String prefix, int number, int width) {
        String digits = Integer.toString(number);
        StringBuilder b = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    boolean sequential() {
        return space.sequential();
    }

    /** Request {@code n}'s key when keys are taken in turn. */
    int inTurn(long n) {
        return (int) (n % space.count());
    }

    /** How many key numbers a read may use: the preloaded ones, else the whole space. */
    int readable() {
        return preloaded > 0 ? preloaded : space.count();
    }
}
