package org.outreach.render;

import java.util.LinkedHashMap;
import java.util.Map;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Contact;
import org.outreach.campaign.Segment;
import org.outreach.campaign.Step;

/**
 * What a template can read: {@code contact} (every non-empty column), {@code sender}, {@code campaign},
 * {@code segment}, {@code step} and the campaign's {@code vars}. Plain maps of strings only, nothing with methods.
 */
public final class TemplateData {

    private TemplateData() {
    }

    public static Map<String, Object> of(Campaign campaign, Segment segment, Step step, Contact contact) {
        Map<String, Object> sender = new LinkedHashMap<>();
        sender.put("name", campaign.sender().name());
        sender.put("email", campaign.sender().email().value());
        campaign.sender().replyTo().ifPresent(r -> sender.put("reply_to", r.value()));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("contact", contact.fields());
        model.put("sender", sender);
        model.put("campaign", Map.of("name", campaign.name(), "key", campaign.key()));
        model.put("segment", Map.of("name", segment.name()));
        model.put("step", Map.of("name", step.name(), "number", step.number()));
        model.put("vars", campaign.vars());
        return model;
    }
}
