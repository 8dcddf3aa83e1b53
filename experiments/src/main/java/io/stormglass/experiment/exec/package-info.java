/**
 * Running many independent simulations: the engine seam. An experiment cuts its work into units
 * (a sweep point × seed, a fuzz seed, a capacity profile, a batch of failover trials) and hands a
 * serializable {@link io.stormglass.experiment.exec.UnitJob} to a
 * {@link io.stormglass.experiment.exec.RunEngine}, which runs every unit and hands each small row
 * back to the caller's sink, one at a time. {@link io.stormglass.experiment.exec.LocalEngine} runs
 * units on threads of this JVM (one simulation per thread: this is the only place threads are made
 * for simulations, and a single simulation never spans threads); the {@code spark-runner} module
 * provides a Spark engine through {@link io.stormglass.experiment.exec.RunEngines}. A unit that
 * throws gives its job's error row, on every engine.
 */
package io.stormglass.experiment.exec;
