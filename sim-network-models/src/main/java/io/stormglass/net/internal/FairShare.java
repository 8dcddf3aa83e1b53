package io.stormglass.net.internal;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Max-min fair rates for the busy connections of one NIC: links by ascending capacity (ties in
 * ascending link key) each take min(capacity, an equal share of what the links before them left),
 * then split it equally among their busy connections.
 *
 * <p>The arithmetic is that of grouping the connections in a {@code TreeMap} by link key and
 * stable-sorting the groups by capacity: the same divisions and subtractions in the same order,
 * so the same doubles to the last bit. Scratch arrays are reused, so a call allocates nothing once
 * they have grown to the NIC's largest number of busy links.
 */
final class FairShare {
    private Link[] groupLink = new Link[8];
    private double[] groupCapacity = new double[8];
    private int[] groupMembers = new int[8];
    private int[] order = new int[8];
    private int[] groupOf = new int[8];

    /**
     * Sets {@link Connection#rateBitsPerSecond} of every connection in {@code busy}.
     *
     * @param nicBitsPerSecond the NIC rate, {@link Double#POSITIVE_INFINITY} if unlimited
     * @param capacity         the rate a link can use alone, in bits per second
     */
    <M> void assign(BusyConnections<M> busy, double nicBitsPerSecond, ToDoubleFunction<Link> capacity) {
        int groups = group(busy, capacity);
        sortGroups(groups);
        double left = nicBitsPerSecond;
        int remaining = groups;
        double[] linkRate = groupCapacity; // each group's capacity is read once, just before its rate replaces it
        for (int k = 0; k < groups; k++) {
            int g = order[k];
            double share = left / remaining;
            double rate = Math.min(groupCapacity[g], share);
            if (!Double.isInfinite(left)) {
                left -= rate;
            }
            remaining--;
            linkRate[g] = rate;
        }
        for (int i = 0; i < busy.size(); i++) {
            int g = groupOf[i];
            busy.get(i).rateBitsPerSecond = linkRate[g] / groupMembers[g];
        }
        Arrays.fill(groupLink, 0, groups, null);
    }

    /** Numbers the links of {@code busy} in order of first appearance; returns how many there are. */
    private <M> int group(BusyConnections<M> busy, ToDoubleFunction<Link> capacity) {
        int n = busy.size();
        if (groupOf.length < n) {
            grow(n);
        }
        int groups = 0;
        for (int i = 0; i < n; i++) {
            Link link = busy.get(i).link;
            int g = 0;
            while (g < groups && groupLink[g] != link) {
                g++;
            }
            if (g == groups) {
                groupLink[g] = link;
                groupCapacity[g] = capacity.applyAsDouble(link);
                groupMembers[g] = 0;
                groups++;
            }
            groupMembers[g]++;
            groupOf[i] = g;
        }
        return groups;
    }

    /** Fills {@code order} with the groups by ascending capacity, then ascending link key (insertion sort: few links). */
    private void sortGroups(int groups) {
        for (int k = 0; k < groups; k++) {
            int g = k;
            int j = k - 1;
            while (j >= 0 && before(g, order[j])) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = g;
        }
    }

    private boolean before(int a, int b) {
        int byCapacity = Double.compare(groupCapacity[a], groupCapacity[b]);
        return byCapacity != 0 ? byCapacity < 0 : groupLink[a].key().compareTo(groupLink[b].key()) < 0;
    }

    private void grow(int n) {
        int length = Math.max(n, groupOf.length * 2);
        groupLink = Arrays.copyOf(groupLink, length);
        groupCapacity = Arrays.copyOf(groupCapacity, length);
        groupMembers = Arrays.copyOf(groupMembers, length);
        order = Arrays.copyOf(order, length);
        groupOf = Arrays.copyOf(groupOf, length);
    }
}
