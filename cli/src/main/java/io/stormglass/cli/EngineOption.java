package io.stormglass.cli;

import io.stormglass.experiment.exec.RunEngine;
import io.stormglass.experiment.exec.RunEngines;
import picocli.CommandLine.Option;

/**
 * {@code --engine local|spark} and {@code --master URL}, shared by sweep, fuzz, capacity and
 * failover: where the units of work run. {@code local} is {@code --jobs} threads of this JVM;
 * {@code spark} is a Spark application (docs/distributed.md), {@code local[*]} unless
 * {@code --master} or spark-submit says otherwise. The rows do not depend on the engine.
 */
final class EngineOption {
    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "where the simulations run: local (threads, the default) or spark (docs/distributed.md)")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master for --engine spark: local[N], spark://host:7077, k8s://... (default: spark-submit's, else local[*])")
    String master;

    /** The engine chosen; a user mistake (exit 2) for an unknown name, a --master without spark, or a missing Spark runner. */
    RunEngine start(int threads) {
        if (master != null && !engine.equals("spark")) {
            throw new UserInputException("--master: only with --engine spark, found --engine " + engine);
        }
        try {
            return RunEngines.start(engine, threads, master);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--engine: " + e.getMessage());
        } catch (RunEngines.MissingEngineException e) {
            throw new UserInputException("--engine spark: " + e.getMessage());
        }
    }
}
