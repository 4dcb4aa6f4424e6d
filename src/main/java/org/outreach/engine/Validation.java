package org.outreach.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.outreach.campaign.BadInputException;
import org.outreach.campaign.Campaign;
import org.outreach.campaign.Contact;
import org.outreach.campaign.Problem;
import org.outreach.campaign.Segment;
import org.outreach.campaign.Step;
import org.outreach.render.MailTemplates;
import org.outreach.render.StepTemplate;
import org.outreach.workspace.ContactsReader.ContactsFile;

/**
 * Everything a check of a campaign found: the parts it could read, the attachments its emails carry, and every
 * problem, warnings included.
 * The parts are only complete when {@link #hasErrors()} is false; {@link #orThrow()} enforces that.
 */
public record Validation(
        Optional<Campaign> campaign,
        Optional<ContactsFile> contacts,
        Map<Segment, List<Contact>> bySegment,
        List<Contact> unmatched,
        MailTemplates templates,
        Map<SegmentStep, StepTemplate> compiled,
        java.util.Set<java.nio.file.Path> attachments,
        List<Problem> problems) {

    /** A segment's template for one step. */
    public record SegmentStep(String segment, String step) {

        public static SegmentStep of(Segment segment, Step step) {
            return new SegmentStep(segment.name(), step.name());
        }
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** This validation, when it found no error; otherwise stops the command with every problem. */
    public Validation orThrow() {
        if (hasErrors()) {
            throw new BadInputException(problems);
        }
        return this;
    }

    public Campaign definition() {
        return orThrow().campaign.orElseThrow();
    }

    public Optional<Segment> segmentOf(Contact contact) {
        return campaign.flatMap(c -> Segment.of(contact, c.segments()));
    }
}
