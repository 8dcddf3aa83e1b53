package io.stormglass.raft.kv;

/**
 * One guard of a transaction, as etcd's {@code Compare}: the target attribute of {@code key}
 * compared with a constant. A missing key has value "", version 0 and revisions 0.
 *
 * @param key      the key compared
 * @param target   which attribute
 * @param op       the comparison
 * @param value    the constant for {@link Target#VALUE}
 * @param number   the constant for the numeric targets
 */
public record Compare(String key, Target target, Op op, String value, long number) {
    public enum Target { VALUE, VERSION, CREATE_REVISION, MOD_REVISION }

    public enum Op { EQUAL, NOT_EQUAL, GREATER, LESS }

    public static Compare valueEquals(String key, String value) {
        return new Compare(key, Target.VALUE, Op.EQUAL, value, 0);
    }

    public static Compare versionEquals(String key, long version) {
        return new Compare(key, Target.VERSION, Op.EQUAL, "", version);
    }

    public static Compare modRevisionEquals(String key, long revision) {
        return new Compare(key, Target.MOD_REVISION, Op.EQUAL, "", revision);
    }

    /** Whether the guard holds for the key's current state ({@code null} if absent). */
    public boolean holds(KeyValue current) {
        int c = switch (target) {
            case VALUE -> (current == null ? "" : current.value()).compareTo(value);
            case VERSION -> Long.compare(current == null ? 0 : current.version(), number);
            case CREATE_REVISION -> Long.compare(current == null ? 0 : current.createRevision(), number);
            case MOD_REVISION -> Long.compare(current == null ? 0 : current.modRevision(), number);
        };
        return switch (op) {
            case EQUAL -> c == 0;
            case NOT_EQUAL -> c != 0;
            case GREATER -> c > 0;
            case LESS -> c < 0;
        };
    }
}
