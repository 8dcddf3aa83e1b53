package io.stormglass.engine.event;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/** The text hash is the byte hash of the text's UTF-8 encoding, whether the text is ASCII or not. */
class HashingProperties {
    @Property(tries = 2000)
    void aTextHashesAsItsUtf8Bytes(@ForAll String text) {
        Assertions.assertEquals(Hashing.fnv1a64(text.getBytes(StandardCharsets.UTF_8)), Hashing.fnv1a64(text), text);
    }

    @Property(tries = 500)
    void anAsciiTextWithOneLaterNonAsciiCharHashesAsItsBytes(@ForAll("ascii") String prefix, @ForAll char c) {
        String text = prefix + c;
        Assertions.assertEquals(Hashing.fnv1a64(text.getBytes(StandardCharsets.UTF_8)), Hashing.fnv1a64(text), text);
    }

    @Provide
    Arbitrary<String> ascii() {
        return Arbitraries.strings().ascii().ofMaxLength(40);
    }
}
