package io.stormglass.engine.net;

/** Receives messages for one node, on the simulation loop, at the delivery instant. */
@FunctionalInterface
public interface MessageHandler<M> {
    void onMessage(int fromNode, M message);
}
