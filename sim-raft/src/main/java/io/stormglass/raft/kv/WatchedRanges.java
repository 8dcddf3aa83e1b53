package io.stormglass.raft.kv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which watchers a key concerns, without visiting the others: etcd keeps its synced watchers in a
 * {@code watcherGroup} (a map of single keys and an interval tree of ranges) for the same reason, as a
 * revision's events are usually a key or two and the watchers thousands (issue 23: checking every
 * watcher on every revision was most of {@code watch-storm.yaml}'s time).
 *
 * <p>A watcher of one key is found by that key. The ranges are held as elementary segments: every
 * range's start and end is a boundary, and each boundary lists the watchers whose range covers the
 * segment from it to the next boundary, so a key's watchers are the list of the greatest boundary at
 * or below it. Ranges and keys compare as {@link String#compareTo} does, as
 * {@link WatchableStore}'s watchers match. Boundaries stay once made (at most two per distinct range
 * ever watched); a range whose end is not after its start holds nothing, as it matches nothing.
 *
 * @param <W> the watcher; compared by identity
 */
final class WatchedRanges<W> {
    private final Comparator<W> order;
    /** Watchers of single keys, by key; only looked up, never iterated. */
    private final Map<String, List<W>> keys = new HashMap<>();
    /** Boundary → the watchers whose range covers [boundary, next boundary). */
    private final TreeMap<String, List<W>> segments = new TreeMap<>();

    /** @param order the order {@link #matching} gives its watchers in (the store's: by id) */
    WatchedRanges(Comparator<W> order) {
        this.order = order;
    }

    /** Adds {@code w}, watching {@code [key, rangeEnd)}, or just {@code key} when {@code rangeEnd} is empty. */
    void add(W w, String key, String rangeEnd) {
        if (rangeEnd.isEmpty()) {
            keys.computeIfAbsent(key, k -> new ArrayList<>()).add(w);
        } else if (rangeEnd.compareTo(key) > 0) {
            split(key);
            split(rangeEnd);
            for (List<W> covering : segments.subMap(key, true, rangeEnd, false).values()) {
                covering.add(w);
            }
        }
    }

    /** Removes {@code w}, added with the same key and range end. */
    void remove(W w, String key, String rangeEnd) {
        if (rangeEnd.isEmpty()) {
            List<W> watching = keys.get(key);
            if (watching != null && watching.remove(w) && watching.isEmpty()) {
                keys.remove(key);
            }
        } else if (rangeEnd.compareTo(key) > 0) {
            for (List<W> covering : segments.subMap(key, true, rangeEnd, false).values()) {
                covering.remove(w);
            }
        }
    }

    /** The watchers that {@code changed} keys concern, each once, in the order given at construction. */
    List<W> matching(List<String> changed) {
        List<W> found = new ArrayList<>();
        for (String k : changed) {
            List<W> watching = keys.get(k);
            if (watching != null) {
                found.addAll(watching);
            }
            Map.Entry<String, List<W>> segment = segments.floorEntry(k);
            if (segment != null) {
                found.addAll(segment.getValue());
            }
        }
        if (found.size() > 1) {
            found.sort(order);
            int kept = 1;
            for (int i = 1; i < found.size(); i++) {
                if (found.get(i) != found.get(kept - 1)) {
                    found.set(kept++, found.get(i));
                }
            }
            found.subList(kept, found.size()).clear();
        }
        return found;
    }

    /** Makes {@code at} a boundary: its segment starts with the watchers of the segment it splits. */
    private void split(String at) {
        if (!segments.containsKey(at)) {
            Map.Entry<String, List<W>> below = segments.lowerEntry(at);
            segments.put(at, below == null ? new ArrayList<>() : new ArrayList<>(below.getValue()));
        }
    }
}
