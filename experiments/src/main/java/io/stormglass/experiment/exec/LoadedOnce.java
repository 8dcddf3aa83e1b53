package io.stormglass.experiment.exec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Inputs a job loads where it runs, once per JVM and key: an executor that runs many units of one
 * sweep parses the sweep file once. Keys name the inputs completely (file, overrides, options), so
 * two jobs never share a wrongly loaded value. Values are immutable.
 */
public final class LoadedOnce {
    private static final Map<String, Object> LOADED = new ConcurrentHashMap<>();

    private LoadedOnce() {
    }

    /** The value loaded for {@code key}, loading it with {@code load} the first time. */
    @SuppressWarnings("unchecked") // a key is always loaded by the same job class, as the same type
    public static <T> T get(String key, Function<String, T> load) {
        return (T) LOADED.computeIfAbsent(key, load);
    }
}
