package io.stormglass.engine.event;

import java.nio.charset.StandardCharsets;

/** Stable, platform-independent hash functions used for fingerprints and seed derivation. */
public final class Hashing {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashing() {
    }

    /** 64-bit FNV-1a over the bytes. */
    public static long fnv1a64(byte[] bytes) {
        long h = FNV_OFFSET;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }

    /**
     * 64-bit FNV-1a over the UTF-8 encoding of the text. ASCII text (names of images, executors,
     * kinds) is hashed char by char, as its UTF-8 bytes are those chars: no byte array per call on
     * paths that hash a name per I/O (issue 23).
     */
    public static long fnv1a64(String text) {
        long h = FNV_OFFSET;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return fnv1a64(text.getBytes(StandardCharsets.UTF_8));
            }
            h ^= c;
            h *= FNV_PRIME;
        }
        return h;
    }

    /** The SplitMix64 finaliser: a bijective mixer with good avalanche. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
