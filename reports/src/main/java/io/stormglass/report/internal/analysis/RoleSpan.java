package io.stormglass.report.internal.analysis;

import io.stormglass.engine.timeline.NodeRole;

/** A member played {@code role} in {@code term} over {@code [startNanos, endNanos)}. */
public record RoleSpan(int member, long startNanos, long endNanos, NodeRole role, long term) {
}
