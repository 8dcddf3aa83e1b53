package io.stormglass.engine.timeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The typed timeline of a run. Listeners see every event as it is appended (to stream it to
 * {@code events.jsonl}); at most {@code maxRetained} events are kept in memory, later ones are
 * only counted, so memory stays bounded for any run length.
 */
public final class Timeline {
    private final int maxRetained;
    private final List<TimelineEvent> retained = new ArrayList<>();
    private final List<Consumer<TimelineEvent>> listeners = new ArrayList<>();
    private long appended;

    public Timeline(int maxRetained) {
        if (maxRetained < 0) {
            throw new IllegalArgumentException("maxRetained must not be negative");
        }
        this.maxRetained = maxRetained;
    }

    public void append(TimelineEvent event) {
        appended++;
        if (retained.size() < maxRetained) {
            retained.add(event);
        }
        for (Consumer<TimelineEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    public void addListener(Consumer<TimelineEvent> listener) {
        listeners.add(listener);
    }

    /** Events kept in memory, in order of appending. */
    public List<TimelineEvent> events() {
        return Collections.unmodifiableList(retained);
    }

    /** Retained events of one type. */
    public <T extends TimelineEvent> List<T> eventsOf(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (TimelineEvent e : retained) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    /** Events appended over the run, retained or not. */
    public long appendedCount() {
        return appended;
    }

    /** Events appended but not retained. */
    public long droppedCount() {
        return appended - retained.size();
    }
}
