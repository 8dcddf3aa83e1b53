package io.stormglass.raft.server;

/** The operator's membership commands (etcdctl {@code member add [--learner]}, {@code promote}, {@code remove}, {@code update}). */
public enum MemberOperation {
    ADD("member add"),
    ADD_LEARNER("member add --learner"),
    PROMOTE("member promote"),
    REMOVE("member remove"),
    UPDATE("member update");

    private final String command;

    MemberOperation(String command) {
        this.command = command;
    }

    /** The etcdctl command, for logs and the timeline. */
    public String command() {
        return command;
    }
}
