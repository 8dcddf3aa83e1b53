package io.stormglass.raft.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PackedValueTest {
    @Test
    void aPaddedWorkloadValueKeepsOnlyItsTag() {
        String value = "v42-" + "x".repeat(600);
        PackedValue packed = PackedValue.of(value);
        assertEquals("v42-", packed.head());
        assertEquals(600, packed.fillCount());
        assertEquals(value, packed.unpack());
        assertEquals(value.length(), packed.length());
    }

    @Test
    void shortRunsStayInTheHead() {
        String value = "config=" + "y".repeat(PackedValue.MIN_RUN - 1);
        PackedValue packed = PackedValue.of(value);
        assertEquals(value, packed.head());
        assertEquals(0, packed.fillCount());
    }

    @Test
    void aValueThatIsAllOneCharacterPacksWhole() {
        PackedValue packed = PackedValue.of("z".repeat(100));
        assertEquals("", packed.head());
        assertEquals(100, packed.fillCount());
        assertEquals("z".repeat(100), packed.unpack());
    }

    @Property(tries = 300)
    void everyStringRoundTrips(@ForAll @StringLength(max = 80) String head, @ForAll char fill,
            @ForAll @IntRange(max = 200) int run) {
        String value = head + String.valueOf(fill).repeat(run);
        PackedValue packed = PackedValue.of(value);
        assertEquals(value, packed.unpack());
        assertEquals(value.length(), packed.length());
    }

    /** The run found is the longest one, as a char-by-char scan finds it, whatever the chars (beyond Latin-1, '?'). */
    @Property(tries = 1000)
    void theRunIsTheLongestFinalRun(@ForAll @StringLength(max = 40) String head, @ForAll("fills") char fill,
            @ForAll @IntRange(max = 100) int run, @ForAll("fills") char before) {
        String value = head + before + String.valueOf(fill).repeat(run) + fill;
        int expected = value.length() - 1;
        while (expected > 0 && value.charAt(expected - 1) == fill) {
            expected--;
        }
        assertEquals(expected, PackedValue.runStart(value, fill), value);
    }

    @Test
    void aSurrogatePairBeforeTheRunDoesNotShiftIt() {
        String value = "v1-\ud83d\ude00" + "x".repeat(50);
        assertEquals(5, PackedValue.runStart(value, 'x'));
        assertEquals(value, PackedValue.of(value).unpack());
        assertEquals("v1-\ud83d\ude00", PackedValue.of(value).head());
    }

    @Provide
    Arbitrary<Character> fills() {
        return Arbitraries.oneOf(Arbitraries.of('x', '?', '\u00ff', '\u0100', '\u20ac', '\0'), Arbitraries.chars());
    }
}
