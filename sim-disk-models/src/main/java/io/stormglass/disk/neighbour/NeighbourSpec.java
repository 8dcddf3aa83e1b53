package io.stormglass.disk.neighbour;

/** The configuration of one neighbour: a closed family of flat options records. */
public sealed interface NeighbourSpec permits PrometheusNeighbour.Options, PeriodicBurstNeighbour.Options,
        PoissonNeighbour.Options, TraceNeighbour.Options {
    /** Short kind name as written in scenarios ({@code "prometheus"}, {@code "poisson"}). */
    String kind();
}
