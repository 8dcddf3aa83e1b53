package io.stormglass.report.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.w3c.dom.Document;

class HtmlEscapeProperties {
    @Property(tries = 500)
    void escapedTextParsesAsXmlAndReadsBack(@ForAll String text) throws Exception {
        String escaped = Html.escape(text);
        assertFalse(escaped.contains("<"));
        String xml = "<p title=\"" + escaped + "\">" + escaped + "</p>";
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        String expected = xmlSafe(text);
        assertEquals(expected, doc.getDocumentElement().getTextContent());
    }

    @Example
    void controlCharactersBecomeReplacementCharacters() {
        assertEquals("a\uFFFDb\tc\n&lt;&amp;&gt;&quot;&#39;", Html.escape("a\u0001b\tc\n<&>\"'"));
    }

    /** The text an XML parser gives back: characters XML cannot carry replaced, CR LF and lone CR as LF. */
    private static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c)
                    || c == '\uFFFE' || c == '\uFFFF') {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString().replace("\r\n", "\n").replace('\r', '\n');
    }
}
