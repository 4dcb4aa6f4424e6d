package org.outreach.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.outreach.campaign.BadInputException;
import org.outreach.campaign.Campaign;
import org.outreach.campaign.Contact;
import org.outreach.campaign.EmailAddress;
import org.outreach.campaign.Problems;
import org.outreach.campaign.RenderedEmail;
import org.outreach.campaign.Segment;
import org.outreach.campaign.Step;
import org.outreach.campaign.RenderException;
import org.outreach.render.StepTemplate;
import org.outreach.workspace.Workspace;

/**
 * Renders chosen messages of a campaign exactly as they would be sent: by default the first contact of each
 * segment, every step, each follow-up threaded under the earlier ones.
 *
 * <p>It still composes through {@code mail} itself, unlike the sending, which goes through {@link Transport}: its
 * previews hand the composed MIME to {@code test-send} and to the review pages. Moving it behind a small port
 * is left for later; the layering test lists it as not yet moved.
 */
public final class Previewer {

    private final Workspace workspace;
    private final Clock clock;

    public Previewer(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /** Which messages to show; an empty part means all (or, for the contact, the first of each segment). */
    public record Selection(Optional<String> contact, Optional<String> segment, Optional<String> step) {
    }

    /**
     * One previewed message: the rendered email and the headers it would be sent with, threaded after the earlier
     * steps of the preview. The shell that shows it composes the MIME (the mail adapter), as sending does.
     */
    public record Preview(RenderedEmail email, Envelope envelope) {

        public String subject() {
            return envelope.subject();
        }
    }

    public List<Preview> preview(Path campaignFile, Selection selection) {
        return preview(new Validator(workspace).validate(campaignFile), selection);
    }

    /** Previews from a validation already made (the review page has one per page load; no need to read it all again). */
    public List<Preview> preview(Validation validation, Selection selection) {
        if (validation.campaign().isEmpty() || validation.contacts().isEmpty()) {
            validation.orThrow();
        }
        Campaign campaign = validation.campaign().orElseThrow();
        Optional<Step> onlyStep = selection.step().map(name -> campaign.step(name).orElseThrow(() ->
                new BadInputException("no step named \"" + name + "\" in " + workspace.display(campaign.file()))));
        List<Preview> previews = new ArrayList<>();
        Problems problems = new Problems();
        for (Contact contact : contacts(validation, campaign, selection)) {
            Segment segment = validation.segmentOf(contact).orElseThrow();
            previews.addAll(thread(validation, campaign, segment, contact, onlyStep, problems));
        }
        problems.throwIfErrors();
        return previews;
    }

    private List<Contact> contacts(Validation validation, Campaign campaign, Selection selection) {
        Optional<Segment> segment = selection.segment().map(name -> campaign.segment(name).orElseThrow(() ->
                new BadInputException("no segment named \"" + name + "\" in " + workspace.display(campaign.file()))));
        if (selection.contact().isPresent()) {
            String wanted = selection.contact().get();
            String key = EmailAddress.parse(wanted).map(EmailAddress::key)
                    .orElseThrow(() -> new BadInputException("\"" + wanted + "\" is not a valid email address"));
            Contact contact = validation.contacts().orElseThrow().contacts().stream()
                    .filter(c -> c.email().key().equals(key)).findFirst()
                    .orElseThrow(() -> new BadInputException(wanted + " is not in "
                            + workspace.display(campaign.contacts())));
            Segment of = validation.segmentOf(contact).orElseThrow(() ->
                    new BadInputException(contact.describe() + " matches no segment, so no email would be sent"));
            if (segment.isPresent() && !segment.get().equals(of)) {
                throw new BadInputException(contact.email() + " is in segment " + of.name() + ", not " + segment.get().name());
            }
            return List.of(contact);
        }
        return validation.bySegment().entrySet().stream()
                .filter(e -> segment.isEmpty() || e.getKey().equals(segment.get()))
                .flatMap(e -> e.getValue().stream().limit(1))
                .toList();
    }

    /** Every step for one contact, each follow-up referring to the messages before it. */
    private List<Preview> thread(Validation validation, Campaign campaign, Segment segment, Contact contact,
                                 Optional<Step> onlyStep, Problems problems) {
        List<Preview> previews = new ArrayList<>();
        List<String> references = new ArrayList<>();
        String firstSubject = null;
        for (Step step : campaign.steps()) {
            StepTemplate template = validation.compiled().get(Validation.SegmentStep.of(segment, step));
            if (template == null) {
                validation.problems().stream().filter(p -> p.isError()).forEach(problems::add);
                return previews;
            }
            RenderedEmail email;
            try {
                email = validation.templates().render(template, contact);
            } catch (RenderException e) {
                String message = ColumnHint.message(e, validation.contacts().map(c -> c.columns()).orElse(List.of()),
                        workspace.display(campaign.contacts()));
                problems.error(e.where(), e.isCampaignMistake() ? message : message + " (for " + contact.describe() + ")");
                return previews;
            }
            String subject = step.isFirst() ? email.subject().orElseThrow() : Threading.subject(email, firstSubject);
            firstSubject = step.isFirst() ? subject : firstSubject;
            String messageId = Envelope.newMessageId(campaign.sender().email());
            Envelope envelope = new Envelope(messageId, clock.instant(), subject, List.copyOf(references));
            references.add(messageId);
            if (onlyStep.isEmpty() || onlyStep.get().equals(step)) {
                previews.add(new Preview(email, envelope));
            }
        }
        return previews;
    }
}
