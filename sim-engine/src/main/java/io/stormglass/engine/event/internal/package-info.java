/**
 * The event queue behind {@link io.stormglass.engine.event.Simulation}, not API.
 * {@link io.stormglass.engine.event.internal.EventQueue} is a timing wheel for the next ~17 ms in
 * front of a 4-ary min-heap ({@link io.stormglass.engine.event.internal.FarHeap}) for later events,
 * both over primitive arrays, ordered by (time, insertion sequence), the sequence packed above a
 * 24-bit payload slot, so ties on time break in insertion order and the order is total. It is the hottest code in the
 * project: no boxing, no allocation per event and no pointer chasing in comparisons; a change is
 * measured with the JMH benchmark in {@code benchmarks} and checked against a sorted reference by
 * {@code EventQueueProperties}. It holds only times and slots; actions, kinds, keys and cancellation
 * belong to the simulation that owns the slots. Single-threaded.
 */
package io.stormglass.engine.event.internal;
