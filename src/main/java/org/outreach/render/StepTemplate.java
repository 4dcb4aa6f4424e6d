package org.outreach.render;

import java.util.List;
import java.util.Optional;

import freemarker.template.Template;
import org.outreach.campaign.Campaign;
import org.outreach.campaign.Segment;
import org.outreach.campaign.Step;

/**
 * One segment's template for one step, parsed once and rendered for each of the segment's contacts.
 *
 * @param headers each header's value as its own template, so rendered data stays inside its header line
 */
public record StepTemplate(
        Campaign campaign,
        Segment segment,
        Step step,
        String textName,
        List<CompiledHeader> headers,
        Template text,
        int textPadding,
        Optional<Template> html) {

    record CompiledHeader(TemplateFile.Header header, Template value) {
    }

    public boolean hasOwnSubject() {
        return headers.stream().anyMatch(h -> h.header().name().equals(TemplateFile.SUBJECT));
    }
}
