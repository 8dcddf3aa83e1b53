package io.stormglass.engine.metrics;

/** The label keys of Stormglass's metrics, declared once; {@link #key()} is the text in exports. */
public enum Label {
    /** A member, as {@code n<id>}. */
    MEMBER("member"),
    /** A block device, by its scenario name. */
    DEVICE("device"),
    /** Who issued an I/O: {@code n<id>/wal}, {@code n<id>/backend}, a neighbour's name. */
    ISSUER("issuer"),
    /** A kind of request or I/O: {@code put}, {@code get_linearizable}, {@code write}, {@code flush}. */
    OP("op"),
    /** A client-visible error text, as etcd's client prints it. */
    ERROR("error"),
    /** The sending node of a link, as {@code n<id>}. */
    FROM("from"),
    /** The receiving node of a link, as {@code n<id>}. */
    TO("to"),
    /** A traffic class on a link: {@code raft}, {@code snapshot}, {@code client}. */
    TRAFFIC_CLASS("class"),
    /** Why a message was dropped: {@code partition}, {@code loss}, {@code down}. */
    REASON("reason"),
    /** A member's simulated thread: {@code node}, {@code raft}, {@code apply}, {@code backend}. */
    THREAD("thread");

    private final String key;

    Label(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
