package io.stormglass.net;

import io.stormglass.engine.net.MessageTraits;
import io.stormglass.engine.net.TrafficClass;

/** A message for network tests: a sequence number, a wire size and a traffic class. */
record TestMessage(long seq, int sizeBytes, TrafficClass trafficClass) {
    static final MessageTraits<TestMessage> TRAITS = new MessageTraits<>() {
        @Override
        public long sizeBytes(TestMessage message) {
            return message.sizeBytes();
        }

        @Override
        public TrafficClass trafficClass(TestMessage message) {
            return message.trafficClass();
        }
    };

    static TestMessage heartbeat(long seq) {
        return new TestMessage(seq, 100, TrafficClass.HEARTBEAT);
    }
}
