/**
 * JMH microbenchmarks of the engine's hot path, built only with {@code -Pbench} and never run by
 * {@code mvn verify}. {@link io.stormglass.bench.EventLoopBenchmark} measures schedule-and-dispatch
 * throughput of {@link io.stormglass.engine.event.Simulation} with a steady population of pending
 * events, once plain and once with half of all timers cancelled before they fire, as election timers
 * are; scores are dispatched events per second. DESIGN.md §3 asks for every change to the event queue
 * to be measured here. {@link io.stormglass.bench.MetricsCsvBenchmark} measures writing
 * {@code metrics.csv} (nanoseconds per row), the largest output of every run.
 * {@link io.stormglass.bench.WatchCatchUpBenchmark} measures a watcher's catch-up read of one revision
 * from the key-value store's history on 1 000 and 100 000 keys (nanoseconds per read). Benchmarks use
 * the public API of the engine, the key-value store and reports only; the engine's draw their delays
 * from a fixed linear congruential sequence, so every iteration does the same work; the module sits outside the
 * determinism ban (JMH runs threads and reads the clock), and nothing depends on it.
 */
package io.stormglass.bench;
