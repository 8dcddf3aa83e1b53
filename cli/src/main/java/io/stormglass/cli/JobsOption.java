package io.stormglass.cli;

import picocli.CommandLine.Option;

/**
 * {@code --jobs K}, shared by every command that runs many simulations: how many run at once, one
 * per thread (parallelism lives only between runs, never inside one). The default is the number
 * of cores; the results never depend on it.
 */
final class JobsOption {
    @Option(names = "--jobs", paramLabel = "K",
            description = "simulations run at once, one per thread (default: the number of cores); results do not depend on it")
    Integer jobs;

    /** The number of threads to use; a user mistake (exit 2) if it is below 1. */
    int threads() {
        int k = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (k < 1) {
            throw new UserInputException("--jobs: expected at least 1, found " + k);
        }
        return k;
    }
}
