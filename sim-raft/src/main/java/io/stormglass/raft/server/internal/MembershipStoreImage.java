package io.stormglass.raft.server.internal;

import io.stormglass.raft.log.ConfState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data of a member's snapshot: what etcd 3.6 writes into the {@code .snap} file and the Raft
 * snapshot, a v2 store holding only the cluster membership, marshalled to JSON. etcd 3.6's
 * {@code EtcdServer.snapshot} (server/etcdserver/server.go) passes {@code GetMembershipInfoInV2Format}
 * (server/etcdserver/cluster_util.go): a fresh {@code v2store.New("/0", "/1")} into which
 * {@code RaftCluster.Store} (server/etcdserver/api/membership/cluster.go, storev2.go) creates each
 * member's {@code /0/members/<id>/raftAttributes}, sets its {@code attributes} and the cluster version
 * {@code /0/version}, marshalled by {@code store.SaveNoCopy} ({@code json.Marshal} of the store: the
 * node tree, the watcher hub's event history, a queue of 1 000 slots of which the unused marshal as
 * {@code null}, the stats and the store version). The key space is not in it: it lives in the backend's
 * database file, which the snapshot only commits ({@code KV().Commit()}). So the file is a few KB
 * whatever the history, as etcd's is.
 *
 * <p>What the simulation knows of a member goes in: its id as etcd prints one (16 hex digits; etcd's ids
 * are hashes), its name {@code n<id>}, one peer and one client URL on that host name, learner or not.
 * Members removed earlier ({@code /0/removed_members}) are left out: the configuration does not list them.
 */
final class MembershipStoreImage {
    /** The cluster version the store holds (etcd 3.6 keeps major.minor.patch with patch 0). */
    static final String CLUSTER_VERSION = "3.6.0";
    /** v2store's {@code newWatchHub(1000)}: the event history's capacity. */
    static final int EVENT_HISTORY_CAPACITY = 1000;
    /** v2store's {@code defaultVersion}. */
    private static final int STORE_VERSION = 2;
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    /** One write: a create or a set of a leaf, at its store index. */
    private record Write(String action, String path, String value, long index) {
    }

    /** A node of the tree: a leaf carries a value, a directory its children by name. */
    private static final class Node {
        final String path;
        final long createdIndex;
        String value = "";
        long modifiedIndex;
        final Map<String, Node> children;

        Node(String path, long index, boolean dir) {
            this.path = path;
            this.createdIndex = index;
            this.modifiedIndex = index;
            this.children = dir ? new TreeMap<>() : null;
        }
    }

    private MembershipStoreImage() {
    }

    /** The snapshot data for a cluster whose configuration is {@code confState}. */
    static byte[] of(ConfState confState) {
        List<Write> writes = new ArrayList<>();
        for (long id : confState.members()) {
            String key = "/0/members/" + String.format(Locale.ROOT, "%016x", id);
            boolean learner = confState.learners().contains(id); // learners-next are still voters
            String host = "n" + id;
            writes.add(new Write("create", key + "/raftAttributes",
                    "{\"peerURLs\":[\"http://" + host + ":2380\"]" + (learner ? ",\"isLearner\":true" : "") + "}", writes.size() + 1));
            writes.add(new Write("set", key + "/attributes",
                    "{\"name\":\"" + host + "\",\"clientURLs\":[\"http://" + host + ":2379\"]}", writes.size() + 1));
        }
        writes.add(new Write("set", "/0/version", CLUSTER_VERSION, writes.size() + 1));
        Node root = new Node("/", 0, true);
        root.children.put("0", new Node("/0", 0, true));
        root.children.put("1", new Node("/1", 0, true));
        for (Write w : writes) {
            put(root, w);
        }
        StringBuilder json = new StringBuilder(8192);
        json.append("{\"Root\":");
        node(json, root);
        json.append(",\"WatcherHub\":{\"EventHistory\":");
        events(json, writes);
        json.append("},\"CurrentIndex\":").append(writes.size());
        stats(json, writes);
        json.append(",\"CurrentVersion\":").append(STORE_VERSION).append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Creates the leaf of {@code w} and the directories above it, at the write's index. */
    private static void put(Node root, Write w) {
        Node dir = root;
        String[] parts = w.path().substring(1).split("/");
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            path.append('/').append(parts[i]);
            boolean leaf = i == parts.length - 1;
            dir = dir.children.computeIfAbsent(parts[i], name -> new Node(path.toString(), w.index(), !leaf));
        }
        dir.value = w.value();
    }

    private static void node(StringBuilder json, Node n) {
        json.append("{\"Path\":");
        string(json, n.path);
        json.append(",\"CreatedIndex\":").append(n.createdIndex).append(",\"ModifiedIndex\":").append(n.modifiedIndex)
                .append(",\"ExpireTime\":\"").append(ZERO_TIME).append("\",\"Value\":");
        string(json, n.value);
        json.append(",\"Children\":");
        if (n.children == null) {
            json.append("null");
        } else {
            json.append('{');
            boolean first = true;
            for (Map.Entry<String, Node> c : n.children.entrySet()) {
                json.append(first ? "" : ",");
                first = false;
                string(json, c.getKey());
                json.append(':');
                node(json, c.getValue());
            }
            json.append('}');
        }
        json.append('}');
    }

    /** The event history: one event per write, then the queue's unused slots as {@code null}. */
    private static void events(StringBuilder json, List<Write> writes) {
        json.append("{\"Queue\":{\"Events\":[");
        for (int i = 0; i < EVENT_HISTORY_CAPACITY; i++) {
            json.append(i == 0 ? "" : ",");
            if (i < writes.size()) {
                Write w = writes.get(i);
                json.append("{\"action\":\"").append(w.action()).append("\",\"node\":{\"key\":");
                string(json, w.path());
                json.append(",\"value\":");
                string(json, w.value());
                json.append(",\"modifiedIndex\":").append(w.index()).append(",\"createdIndex\":").append(w.index()).append("}}");
            } else {
                json.append("null");
            }
        }
        json.append("],\"Size\":").append(writes.size()).append(",\"Front\":0,\"Back\":").append(writes.size())
                .append(",\"Capacity\":").append(EVENT_HISTORY_CAPACITY).append("},\"StartIndex\":1,\"LastIndex\":")
                .append(writes.size()).append('}');
    }

    /** v2store's {@code Stats} in its field order: the creates and sets succeeded, nothing else happened. */
    private static void stats(StringBuilder json, List<Write> writes) {
        long creates = writes.stream().filter(w -> w.action().equals("create")).count();
        long sets = writes.size() - creates;
        json.append(",\"Stats\":{\"getsSuccess\":0,\"getsFail\":0,\"setsSuccess\":").append(sets)
                .append(",\"setsFail\":0,\"deleteSuccess\":0,\"deleteFail\":0,\"updateSuccess\":0,\"updateFail\":0,\"createSuccess\":")
                .append(creates).append(",\"createFail\":0,\"compareAndSwapSuccess\":0,\"compareAndSwapFail\":0,")
                .append("\"compareAndDeleteSuccess\":0,\"compareAndDeleteFail\":0,\"expireCount\":0,\"watchers\":0}");
    }

    /** A JSON string as Go's encoder writes these (quotes and backslashes escaped). */
    private static void string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\');
            }
            json.append(c);
        }
        json.append('"');
    }
}
