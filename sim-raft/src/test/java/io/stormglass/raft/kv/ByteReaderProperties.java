package io.stormglass.raft.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** {@link ByteReader} reads back what {@link ExactBytes} wrote, as a {@link DataInputStream} does, and refuses to read past the end. */
class ByteReaderProperties {
    @Property(tries = 300)
    void readsWhatADataInputStreamReads(@ForAll List<Long> numbers, @ForAll String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ExactBytes counter = ExactBytes.counting();
        writeAll(counter, numbers, utf8);
        byte[] bytes = new byte[counter.size()];
        writeAll(ExactBytes.into(bytes), numbers, utf8);

        ByteReader reader = new ByteReader(bytes);
        DataInputStream stream = new DataInputStream(new ByteArrayInputStream(bytes));
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(stream.readInt(), reader.readInt());
            assertEquals(stream.readLong(), reader.readLong());
            assertEquals(stream.readByte(), reader.readByte());
            assertEquals(stream.readUnsignedByte(), reader.readUnsignedByte());
            assertEquals(stream.readBoolean(), reader.readBoolean());
        }
        int length = stream.readInt();
        assertEquals(length, reader.readInt());
        byte[] raw = new byte[length];
        stream.readFully(raw);
        assertEquals(new String(raw, StandardCharsets.UTF_8), reader.readUtf8(length));
        assertEquals(text, new String(raw, StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, reader::readByte, "nothing is left");
    }

    @Property(tries = 100)
    void aTruncatedEncodingIsMalformed(@ForAll long n, @ForAll @IntRange(min = 0, max = 7) int kept) {
        byte[] whole = new byte[Long.BYTES];
        ExactBytes.into(whole).writeLong(n);
        byte[] truncated = java.util.Arrays.copyOf(whole, kept);
        assertThrows(IllegalArgumentException.class, () -> new ByteReader(truncated).readLong());
        assertThrows(IllegalArgumentException.class, () -> new ByteReader(truncated).readUtf8(kept + 1));
        assertThrows(IllegalArgumentException.class, () -> new ByteReader(truncated).readUtf8(-1));
    }

    private static void writeAll(ExactBytes out, List<Long> numbers, byte[] utf8) {
        for (long n : numbers) {
            out.writeInt((int) (n >>> 7));
            out.writeLong(n);
            out.writeByte((int) n);
            out.writeByte((int) (n >>> 8));
            out.writeBoolean(n % 3 == 0);
        }
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
