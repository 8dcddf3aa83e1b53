package io.stormglass.engine.net;

/**
 * Moves messages between nodes.
 *
 * <p>Contract: {@link #send} never blocks and never throws; whether, when, how often and in what
 * order a message arrives is the network model's business (a model may drop, delay, duplicate
 * or reorder, and delivers nothing to a node without a handler). Delivery always happens later,
 * on the simulation loop, never inline within {@code send}. Node ids are small positive ints.
 */
public interface Transport<M> {
    void send(int fromNode, int toNode, M message);

    /** Installs the handler for messages to {@code node}, replacing any earlier one. */
    void register(int node, MessageHandler<M> handler);

    /** Removes the handler: messages to {@code node} are dropped until one is registered again. */
    void unregister(int node);
}
