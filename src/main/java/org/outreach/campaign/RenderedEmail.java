package org.outreach.campaign;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One step's email rendered for one contact, before it gets the headers of an actual sending (Message-ID, Date,
 * threading).
 *
 * @param subject empty for a follow-up that replies in the thread of the first step
 */
public record RenderedEmail(
        Sender from,
        Contact to,
        Segment segment,
        Step step,
        Optional<String> subject,
        String text,
        Optional<String> html,
        List<Path> attachments) {
}
