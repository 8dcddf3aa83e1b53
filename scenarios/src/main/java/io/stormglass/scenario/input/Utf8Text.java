package io.stormglass.scenario.input;

import io.stormglass.scenario.yaml.Location;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Strict UTF-8 decoding that says where it failed: the line and column of the first byte that
 * is not UTF-8 text, and the byte itself.
 */
final class Utf8Text {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Utf8Text() {
    }

    /**
     * Decodes {@code bytes[from, to)}, the text of {@code shown} starting at line {@code firstLine}.
     *
     * @param dropMark whether a leading byte-order mark is dropped (at the start of a file)
     * @throws ScenarioException {@code FILE:LINE:COLUMN: not UTF-8 text (byte 0x..)}
     */
    static String decode(byte[] bytes, int from, int to, String shown, int firstLine, boolean dropMark) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notUtf8(bytes, from, in.position(), shown, firstLine);
        }
        out.flip();
        String text = out.toString();
        return dropMark && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    private static ScenarioException notUtf8(byte[] bytes, int from, int bad, String shown, int firstLine) {
        int line = firstLine;
        int lineStart = from;
        for (int i = from; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // the part of the line before the bad byte is valid UTF-8: its characters give the column
        String before = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        return new ScenarioException(new ScenarioProblem(new Location(shown, line, column), "",
                String.format(Locale.ROOT, "not UTF-8 text (byte 0x%02x)", bytes[bad] & 0xff)));
    }
}
