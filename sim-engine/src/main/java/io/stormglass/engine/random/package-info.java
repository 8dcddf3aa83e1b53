/**
 * The randomness of a run, all of it derived from one root seed (DESIGN.md §3).
 * {@link io.stormglass.engine.random.RandomStreams} gives each component its own named stream
 * ({@code "disk/n1"}, {@code "net"}, {@code "raft/n2"}) seeded by hashing (root seed, name), so adding
 * draws in one model never shifts another; asking twice for a name returns the same stream, not a
 * copy. {@link io.stormglass.engine.random.SimRandom} is xoshiro256** with every derived draw (bounded
 * integers, doubles, Gaussians, exponentials) implemented here instead of inherited from the JDK, whose
 * algorithms may change, so a seed gives the same values in any JVM; commons-math3 distributions draw
 * from it too. Decisions about faults use exact integer probabilities
 * ({@link io.stormglass.engine.random.SimRandom#chancePpm(long)}, parts per million), never
 * comparisons of accumulated doubles. Not thread-safe: a stream belongs to one simulation. Unseeded
 * randomness ({@code new Random()}, {@code Math.random}) is banned from every simulation module by the
 * build.
 */
package io.stormglass.engine.random;
