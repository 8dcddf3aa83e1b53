package io.stormglass.net.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.net.MessageTraits;
import io.stormglass.engine.net.TrafficClass;
import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.net.LinkSpec;
import io.stormglass.net.Network;
import io.stormglass.net.NetworkOptions;
import io.stormglass.net.Topology;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartitionTest {
    private static final long MS = 1_000_000L;
    private static final EventKind SEND = EventKind.named("test.send");
    private static final MessageTraits<String> TRAITS = new MessageTraits<>() {
        @Override
        public long sizeBytes(String message) {
            return 100;
        }

        @Override
        public TrafficClass trafficClass(String message) {
            return TrafficClass.HEARTBEAT;
        }
    };

    private Simulation sim;
    private Recorder recorder;
    private Network<String> network;
    private final List<String> received = new ArrayList<>();

    @BeforeEach
    void setUp() {
        sim = new Simulation();
        recorder = new Recorder(sim);
        Topology.Builder topology = Topology.builder();
        for (int a = 1; a <= 3; a++) {
            for (int b = 1; b <= 3; b++) {
                topology.link(a, b, LinkSpec.constantMs(1));
            }
        }
        network = Network.builder(sim, new RandomStreams(5), recorder, TRAITS)
                .topology(topology.build()).options(NetworkOptions.defaults()).build();
        for (int n = 1; n <= 3; n++) {
            int node = n;
            network.register(node, (from, m) -> received.add(from + ">" + node + ":" + m));
        }
    }

    private void sendAll(String tag) {
        for (int a = 1; a <= 3; a++) {
            for (int b = 1; b <= 3; b++) {
                if (a != b) {
                    network.send(a, b, tag);
                }
            }
        }
    }

    private long dropped(int from, int to, String reason) {
        var c = recorder.counters().get(MetricId.of("net_messages_dropped_total",
                "from", "n" + from, "to", "n" + to, "reason", reason));
        return c == null ? 0 : c.total();
    }

    @Test
    void oneWayPartitionLetsTheOtherDirectionThrough() {
        network.faultSchedule().start(NetworkFault.OneWay.of(1, 2));
        sendAll("x");
        sim.run();
        assertFalse(received.contains("1>2:x"), "2 no longer hears 1");
        assertTrue(received.contains("2>1:x"), "1 still hears 2");
        assertEquals(5, received.size());
        assertEquals(1, dropped(1, 2, "partition"));
        assertEquals(0, dropped(2, 1, "partition"));
    }

    @Test
    void isolateAndSplitCutTheRightPaths() {
        long id = network.faultSchedule().start(new NetworkFault.Isolate(3));
        sendAll("iso");
        sim.run();
        assertEquals(List.of("1>2:iso", "2>1:iso"), received.stream().sorted().toList());
        network.faultSchedule().heal(id, new NetworkFault.Isolate(3));
        received.clear();
        NetworkFault.Split split = NetworkFault.Split.of(List.of(1), List.of(2, 3));
        network.faultSchedule().start(split);
        sendAll("split");
        sim.run();
        assertEquals(List.of("2>3:split", "3>2:split"), received.stream().sorted().toList());
        assertEquals(2, dropped(1, 3, "partition"), "one during the isolation, one during the split");
    }

    @Test
    void messagesInFlightWhenThePartitionStartsAreLostEvenIfItHealsFirst() {
        network.send(1, 2, "early");
        // cut 1 → 2 at 0.5 ms, heal at 0.7 ms; the message would have arrived at 1 ms
        network.faultSchedule().during(500_000, 200_000, new NetworkFault.Isolate(2));
        sim.schedule(800_000, SEND, 0, () -> network.send(1, 2, "after"));
        sim.run();
        assertEquals(List.of("1>2:after"), received);
        assertEquals(1, dropped(1, 2, "partition"));
        var faults = recorder.timeline().eventsOf(TimelineEvent.FaultChanged.class);
        assertEquals(2, faults.size());
        assertEquals(new TimelineEvent.FaultChanged(500_000, "net", "isolate n2", true), faults.get(0));
        assertEquals(new TimelineEvent.FaultChanged(700_000, "net", "isolate n2", false), faults.get(1));
    }

    @Test
    void flappingPartitionTogglesAtItsPeriod() {
        long period = 300 * MS;
        network.faultSchedule().flapping(1000 * MS, 2800 * MS, period, new NetworkFault.Isolate(1));
        // a heartbeat 1 → 2 every 10 ms for 3 s; each takes 1 ms plus 80 ns
        for (int i = 0; i < 300; i++) {
            long at = i * 10 * MS;
            sim.scheduleAt(at, SEND, 0, () -> network.send(1, 2, Long.toString(at / MS)));
        }
        sim.run();
        var faults = recorder.timeline().eventsOf(TimelineEvent.FaultChanged.class);
        List<Long> switches = faults.stream().map(TimelineEvent.FaultChanged::timeNanos).toList();
        // the next switch-on would be at 2800 ms, the end: it is left healed
        assertEquals(List.of(1000 * MS, 1300 * MS, 1600 * MS, 1900 * MS, 2200 * MS, 2500 * MS), switches);
        for (int i = 0; i < faults.size(); i++) {
            assertEquals(i % 2 == 0, faults.get(i).active(), "switch " + i);
        }
        // heartbeats sent in [1000, 1300], [1600, 1900], [2200, 2500] ms are lost: the switch-on at
        // 1000 ms was scheduled before the send, the switch-off at 1300 ms after it (same-instant
        // events run in scheduling order); each phase thus swallows 31 sends
        assertEquals(300 - 3 * 31, received.size());
        assertFalse(received.contains("1>2:1100"));
        assertFalse(received.contains("1>2:1300"));
        assertTrue(received.contains("1>2:1310"));
        assertTrue(received.contains("1>2:2800"));
        assertEquals(93, dropped(1, 2, "partition"));
    }

    @Test
    void clogDelaysEveryMessageUntilCleared() {
        NetworkFault.Clog clog = new NetworkFault.Clog(1, 2, 250);
        long id = network.faultSchedule().start(clog);
        network.send(1, 2, "clogged");
        network.send(2, 1, "free");
        sim.run();
        network.faultSchedule().heal(id, clog);
        network.send(1, 2, "cleared");
        long sentAt = sim.nowNanos();
        List<Long> times = new ArrayList<>();
        network.register(2, (from, m) -> times.add(sim.nowNanos()));
        sim.run();
        assertEquals(List.of("2>1:free", "1>2:clogged"), received);
        // 100 bytes at 10 Gbit/s take 80 ns to serialize
        assertEquals(251 * MS + 80, sentAt, "clogged message arrived after 1 + 250 ms");
        assertEquals(List.of(sentAt + MS + 80), times);
        assertEquals(0, dropped(1, 2, "partition"), "a clog loses nothing");
    }

    @Test
    void aBrokenConnectionDoesNotHoldUpTheNextOne() {
        NetworkFault.Clog clog = new NetworkFault.Clog(1, 2, 1000);
        long clogId = network.faultSchedule().start(clog);
        network.send(1, 2, "slow");
        network.faultSchedule().heal(clogId, clog);
        network.faultSchedule().during(10 * MS, 10 * MS, NetworkFault.OneWay.of(1, 2));
        sim.schedule(30 * MS, SEND, 0, () -> network.send(1, 2, "fresh"));
        List<Long> times = new ArrayList<>();
        network.register(2, (from, m) -> times.add(sim.nowNanos()));
        sim.run();
        // "slow" (due at 1001 ms) died with its connection; "fresh" rides a new one and is not
        // kept behind it
        assertEquals(List.of(31 * MS + 80), times);
        assertEquals(1, dropped(1, 2, "partition"));
    }

    @Test
    void degradeLosesDuplicatesAndReordersOnlyAmongItsNodes() {
        NetworkFault.Degrade degrade = new NetworkFault.Degrade(new java.util.TreeSet<>(List.of(1, 2)), 200_000, 200_000, 50 * MS);
        network.faultSchedule().start(degrade);
        List<Integer> order = new ArrayList<>();
        network.register(2, (from, m) -> order.add(Integer.parseInt(m)));
        int sends = 2_000;
        for (int i = 0; i < sends; i++) {
            network.send(1, 2, Integer.toString(i));
            network.send(3, 1, "spared");
        }
        sim.run();
        long lost = dropped(1, 2, "loss");
        // 20 % loss of 2000 sends: 400 expected, sd 18
        assertTrue(lost > 330 && lost < 470, "lost " + lost);
        // of the survivors, 20 % arrive twice
        int copies = order.size() - (int) (sends - lost);
        assertTrue(copies > 250 && copies < 390, "duplicates " + copies);
        int inversions = 0;
        for (int i = 1; i < order.size(); i++) {
            inversions += order.get(i) < order.get(i - 1) ? 1 : 0;
        }
        assertTrue(inversions > 100, "a 50 ms reordering window over 1 ms sends reorders: " + inversions + " inversions");
        assertEquals(sends, received.stream().filter(r -> r.equals("3>1:spared")).count(), "3 -> 1 is outside the set");
        assertEquals(0, dropped(3, 1, "loss"));
    }

    @Test
    void degradeNeverDuplicatesClientTraffic() {
        MessageTraits<String> clientTraits = new MessageTraits<>() {
            @Override
            public long sizeBytes(String message) {
                return 100;
            }

            @Override
            public TrafficClass trafficClass(String message) {
                return message.startsWith("prop") ? TrafficClass.CLIENT : TrafficClass.APPEND;
            }
        };
        Topology.Builder topology = Topology.builder().link(1, 2, LinkSpec.constantMs(1));
        Network<String> net = Network.builder(sim, new RandomStreams(6), recorder, clientTraits).topology(topology.build())
                .options(NetworkOptions.defaults()).build();
        List<String> got = new ArrayList<>();
        net.register(2, (from, m) -> got.add(m));
        net.faultSchedule().start(new NetworkFault.Degrade(new java.util.TreeSet<>(List.of(1, 2)), 0, 1_000_000, 0));
        net.send(1, 2, "prop");
        net.send(1, 2, "app");
        sim.run();
        assertEquals(List.of("prop", "app", "app"), got, "a forwarded proposal is never delivered twice (etcd does not deduplicate it)");
    }

    @Test
    void aScopedSplitSparesNodesOutsideTheScope() {
        // node 3 stands for a client: the split cuts 1 from 2 but not the client from anyone
        NetworkFault scoped = new NetworkFault.Scoped(NetworkFault.Split.of(List.of(1), List.of(2)),
                new java.util.TreeSet<>(List.of(1, 2)));
        network.faultSchedule().start(scoped);
        sendAll("s");
        sim.run();
        assertEquals(List.of("1>3:s", "2>3:s", "3>1:s", "3>2:s"), received.stream().sorted().toList());
        assertTrue(scoped.describe().endsWith("among [1, 2]"), scoped.describe());
    }

    @Test
    void healAllEndsActiveFaultsAndCancelsPendingSwitches() {
        network.faultSchedule().during(0, 10_000 * MS, new NetworkFault.Isolate(1));
        network.faultSchedule().flapping(0, 10_000 * MS, 100 * MS, new NetworkFault.Isolate(2));
        network.faultSchedule().during(5_000 * MS, 100 * MS, new NetworkFault.Isolate(3));
        sim.runUntil(1_050 * MS);
        assertEquals(2, network.faults().active().size(), "isolate n1 and the flapping n2 (on at 1000 ms)");
        network.faultSchedule().healAll();
        assertTrue(network.faults().isEmpty());
        sendAll("after");
        sim.run();
        assertEquals(6, received.size(), "nothing is cut after healAll, nor later");
        assertEquals(0, dropped(3, 1, "partition") + dropped(1, 3, "partition"));
    }
}
