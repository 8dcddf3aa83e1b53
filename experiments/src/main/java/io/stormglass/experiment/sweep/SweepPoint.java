package io.stormglass.experiment.sweep;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One combination of the varied keys. Its id ({@code key=value,key=value} in the sweep file's key
 * order) identifies it in {@code sweep.csv}, so that a resumed sweep recognises finished runs.
 */
public record SweepPoint(List<Setting> settings) {
    public SweepPoint {
        settings = List.copyOf(settings);
    }

    public String id() {
        return settings.stream().map(Setting::asSet).collect(Collectors.joining(","));
    }

    /** The value of {@code key} at this point, or null if it is not varied. */
    public String value(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).map(Setting::value).findFirst().orElse(null);
    }
}
