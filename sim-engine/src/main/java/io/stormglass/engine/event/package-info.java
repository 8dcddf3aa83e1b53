/**
 * Virtual time and the discrete-event loop (DESIGN.md §3). Simulated code reads time only through
 * {@link io.stormglass.engine.event.Clock} (a {@code long} of nanoseconds since the start of the run,
 * never going backwards, the same throughout one event) and makes something happen later only
 * through {@link io.stormglass.engine.event.Scheduler}: events run in order of (time, scheduling
 * order), each exactly once unless cancelled before it fires, never inline within the call that
 * scheduled it; cancellation is lazy. {@link io.stormglass.engine.event.Simulation} is the loop:
 * single-threaded by design (run simulations in parallel, never one simulation on several threads),
 * it folds the time, {@link io.stormglass.engine.event.EventKind} and key of every dispatched event
 * into the run's {@link io.stormglass.engine.event.Fingerprint}, so the same scenario and seed give
 * the same fingerprint in any JVM, and an action that throws ends the run with a
 * {@link io.stormglass.engine.event.SimulationException} naming the event, its time and its key. A
 * {@link io.stormglass.engine.event.DispatchListener} sees the same fields as the fingerprint, event by
 * event, and {@link io.stormglass.engine.event.Lockstep} compares two runs advanced slice by slice to
 * locate the first event where they differ (self-reconciliation). Only
 * stable values go into fingerprints and derived seeds ({@link io.stormglass.engine.event.Hashing}:
 * FNV-1a and SplitMix64), never identity hash codes. The package depends on nothing but the JDK, and
 * the wall clock never enters it.
 */
package io.stormglass.engine.event;
