/**
 * The scenario schema, declared once: every key of every section of a scenario file — its name,
 * its {@link io.stormglass.scenario.schema.ValueType} (unit, bounds, how the docs name it), its
 * {@link io.stormglass.scenario.schema.Default}, one line of documentation, and where its value
 * sits in the record that holds it. Three things derive from these declarations: loading (the
 * binders of {@code scenario.load} read every value through its
 * {@link io.stormglass.scenario.schema.Key}), {@code --print-config} (a
 * {@link io.stormglass.scenario.schema.Section} prints its keys in declaration order) and the key
 * tables of {@code docs/scenarios.md} ({@link io.stormglass.scenario.schema.SchemaDoc}; a test
 * fails when the committed doc differs from what the schema generates). One class per part of a
 * scenario: {@code ScenarioSchema} (top level, outputs, checks, and the root
 * {@code ScenarioSchema.SCENARIO}), {@code ClusterSchema}, {@code DiskSchema} (each disk model and
 * Ceph clusters), {@code NeighbourSchema}, {@code NetworkSchema} (links and latencies),
 * {@code WorkloadSchema} (workload and client), {@code FaultSchema}. Defaults of model options are
 * read from the options records ({@code NvmeDisk.Options.defaults()}), whose javadoc cites their
 * sources; they are not repeated here.
 *
 * <p><b>How to add a key.</b> (1) Add the field to its record ({@code RaftSpec},
 * {@code NvmeDisk.Options}, ...) with its unit in its name and, for a model parameter, its source
 * in the record's javadoc. (2) Declare the key with one call in the section's class, at the place
 * where it should print and appear in the docs, for instance in {@code ClusterSchema}:
 * <pre>{@code
 * public static final Key<ClusterSpec, Long> TICK_INTERVAL = B.key("tick-interval", Types.POSITIVE_DURATION,
 *         c -> c.raft().tickIntervalNanos(), Default.of(100 * MS), "how often Raft ticks");
 * }</pre>
 * — the builder ({@code B}) appends it to its section; in a section built with a defaults record
 * ({@code Section.builder("disks.hdd", HddDisk.Options.defaults())}) leave the {@code Default} out
 * (or write {@code Default.fromRecord("note")}): the key defaults to its value in that record. The
 * type carries unit and bounds
 * ({@code Types.ints(1, 9)}, {@code Types.atLeast(Types.KIB, 4, "4KiB")}, {@code Types.choiceOf("a", A, "b", B)});
 * the function gives the value to print (null leaves the key out of the printout; use
 * {@code readOnly(...)} for a key that is read but never printed); the {@link
 * io.stormglass.scenario.schema.Default} is {@code Default.of(value)}, {@code Default.of(value, note)},
 * {@code Default.text("`lease-ttl` / 3")} when the binder computes it, or
 * {@code Default.required("what is expected")}. A new kind of value is one
 * {@code ValueType.of(docText, reader, formatter)} (a reader built on {@code MapReader}'s
 * accessors, so that its messages read like every other key's). (3) In the binder, pass {@code TICK_INTERVAL.read(c)}
 * (or {@code read(c, computedDefault)}) to the record's constructor; checks between keys stay in
 * the binder and report through {@code TICK_INTERVAL.problem(c, "...")}. A preset (a key whose
 * word picks the defaults of the others, as {@code cloud-block}'s {@code preset}) reads the other
 * keys with {@code KEY.read(m, preset.field())}. (4) Regenerate the doc:
 * {@code mvn -B -o -pl scenarios -am test -Dtest=ScenarioDocTest -Dschema.regenerate=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. A new disk model or neighbour kind is a new section
 * built the same way plus one {@code Case.of(word, Options.class, SECTION)} in the variant that
 * lists the words ({@code DiskSchema.MODEL}) and one {@code case} in the binder's switch; its
 * table appears in the doc once a {@code <!-- schema:ID --><!-- /schema -->} marker names it
 * (the doc test lists the sections no table shows).
 */
package io.stormglass.scenario.schema;
