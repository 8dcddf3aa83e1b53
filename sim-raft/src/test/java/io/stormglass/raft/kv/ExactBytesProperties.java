package io.stormglass.raft.kv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class ExactBytesProperties {
    /** Counted, then written into an array of that size, the bytes are DataOutputStream's, varints as LEB128. */
    @Property(tries = 300)
    void writesWhatADataOutputStreamWrites(@ForAll List<Long> numbers, @ForAll byte[] raw) throws IOException {
        ExactBytes counter = ExactBytes.counting();
        writeAll(counter, numbers, raw);
        byte[] exact = new byte[counter.size()];
        ExactBytes out = ExactBytes.into(exact);
        writeAll(out, numbers, raw);
        assertTrue(out.isFull());

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(expected);
        for (long n : numbers) {
            data.writeInt((int) n);
            data.writeLong(n);
            data.writeByte((int) n);
            data.writeBoolean(n % 2 == 0);
            long rest = n;
            while ((rest & ~0x7FL) != 0) {
                data.writeByte((int) ((rest & 0x7F) | 0x80));
                rest >>>= 7;
            }
            data.writeByte((int) rest);
        }
        data.write(raw);
        assertArrayEquals(expected.toByteArray(), exact);
    }

    @Property(tries = 50)
    void aVarLongTakesOneByteForEachSevenBitsItNeeds(@ForAll long n) {
        ExactBytes counter = ExactBytes.counting();
        counter.writeVarLong(n);
        int bits = 64 - Long.numberOfLeadingZeros(n);
        assertEquals(Math.max(1, (bits + 6) / 7), counter.size());
    }

    @Property(tries = 20)
    void anArrayLeftShortIsNotFull(@ForAll byte[] raw) {
        ExactBytes out = ExactBytes.into(new byte[raw.length + 1]);
        out.write(raw);
        assertFalse(out.isFull());
    }

    private static void writeAll(ExactBytes out, List<Long> numbers, byte[] raw) {
        for (long n : numbers) {
            out.writeInt((int) n);
            out.writeLong(n);
            out.writeByte((int) n);
            out.writeBoolean(n % 2 == 0);
            out.writeVarLong(n);
        }
        out.write(raw);
    }
}
