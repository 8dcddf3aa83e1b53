/**
 * Coverage probes (as FoundationDB's {@code CODE_PROBE}): named marks on rare paths of the system under
 * test, counted per run, so that a campaign can show which rare paths its schedules reached and which
 * they never did. A probe is a counter, not an event: hitting one schedules nothing, draws no random
 * number and changes no fingerprint. With no {@link io.stormglass.engine.probe.ProbeRecorder} active on
 * the thread (the default: every run outside a campaign) a hit is one thread-local read.
 */
package io.stormglass.engine.probe;
