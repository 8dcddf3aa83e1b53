package io.stormglass.experiment.exec;

import java.util.ServiceLoader;

/**
 * The engines by name: {@code local} is always here; {@code spark} is provided by the
 * {@code spark-runner} module when its jar and Spark's are on the class path (the launcher adds
 * them for {@code --engine spark}; {@code spark-submit} runs its shaded jar).
 */
public final class RunEngines {
    /** A distributed engine found on the class path through {@link java.util.ServiceLoader}. */
    public interface Provider {
        /** The {@code --engine} name it answers to. */
        String name();

        /**
         * Starts the engine.
         *
         * @param master where to run (Spark's master URL); null for the provider's default
         */
        RunEngine start(String master);
    }

    /** The engine named {@code name} is not on the class path. */
    public static final class MissingEngineException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingEngineException(String message) {
            super(message);
        }
    }

    private RunEngines() {
    }

    /**
     * @param jobs   threads of the local engine
     * @param master the distributed engine's master (null: its default); ignored by {@code local}
     * @throws IllegalArgumentException for an unknown name
     * @throws MissingEngineException  if a known engine's module is not on the class path
     */
    public static RunEngine start(String name, int jobs, String master) {
        if (name.equals("local")) {
            return new LocalEngine(jobs);
        }
        if (!name.equals("spark")) {
            throw new IllegalArgumentException("expected local or spark, found '" + name + "'");
        }
        for (Provider p : ServiceLoader.load(Provider.class)) {
            if (p.name().equals(name)) {
                return p.start(master);
            }
        }
        throw new MissingEngineException("the Spark engine is not on the class path: run through ./stormglass (which builds"
                + " spark-runner and adds Spark's jars) or spark-submit spark-runner/target/stormglass-spark.jar");
    }
}
