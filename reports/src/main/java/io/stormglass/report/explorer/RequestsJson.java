package io.stormglass.report.explorer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormglass.report.explorer.ExplorerTrace.RequestSpan;
import io.stormglass.report.explorer.ExplorerTrace.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * Sampled request spans as the explorer page reads them: {@code stages} names each stage once and
 * {@code spans} holds {@code [member, requestId, write (0/1), [[stage index, seconds], ...]]}.
 */
final class RequestsJson {
    private RequestsJson() {
    }

    static ObjectNode of(List<RequestSpan> requests) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        List<String> names = new ArrayList<>();
        ArrayNode spans = JsonNodeFactory.instance.arrayNode();
        for (RequestSpan r : requests) {
            ArrayNode stages = JsonNodeFactory.instance.arrayNode();
            for (Stage st : r.stages()) {
                int i = names.indexOf(st.name());
                if (i < 0) {
                    names.add(st.name());
                    i = names.size() - 1;
                }
                stages.addArray().add(i).add(SimTime.seconds(st.timeNanos()));
            }
            spans.addArray().add(r.member()).add(r.requestId()).add(r.write() ? 1 : 0).add(stages);
        }
        ArrayNode n = o.putArray("stages");
        names.forEach(n::add);
        o.set("spans", spans);
        return o;
    }
}
