package org.outreach.inbound;

import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A classification as one line of JSON, what {@code outreach classify} prints for each file. */
public final class ClassificationJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassificationJson() {
    }

    public static String of(String file, Classification c) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", file);
        node.put("kind", c.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        ArrayNode recipients = node.putArray("recipients");
        c.recipients().forEach(r -> recipients.add(r.address()));
        if (c.status().isEmpty()) {
            node.putNull("status");
        } else {
            node.put("status", c.status());
        }
        node.put("permanent", c.permanent());
        c.originalMessageId().ifPresentOrElse(id -> node.put("matched_message_id", id), () -> node.putNull("matched_message_id"));
        c.returnDate().ifPresent(d -> node.put("return_date", d.toString()));
        node.put("why", c.why());
        return node.toString();
    }
}
