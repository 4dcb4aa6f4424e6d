package org.outreach.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Contact;
import org.outreach.campaign.Location;
import org.outreach.campaign.Problems;
import org.outreach.campaign.Segment;
import org.outreach.campaign.Step;
import org.outreach.render.MailTemplates;
import org.outreach.campaign.RenderException;
import org.outreach.render.StepTemplate;
import org.outreach.workspace.CampaignReader;
import org.outreach.workspace.ContactsReader;
import org.outreach.workspace.ContactsReader.ContactsFile;
import org.outreach.workspace.Workspace;

/**
 * Checks a campaign the way sending will use it: the definition, the contacts file, a template for every
 * segment × step, and every template rendered for every contact of its segment. What passes here renders
 * when it is sent.
 */
public final class Validator {

    private final Workspace workspace;

    public Validator(Workspace workspace) {
        this.workspace = workspace;
    }

    public Validation validate(Path campaignFile) {
        Problems problems = new Problems();
        MailTemplates templates = templates(problems);
        Optional<Campaign> campaign = new CampaignReader(workspace).read(campaignFile, problems);
        Optional<ContactsFile> contacts = campaign.flatMap(c -> new ContactsReader(workspace).read(c.contacts(), problems));
        Map<Segment, List<Contact>> bySegment = new LinkedHashMap<>();
        List<Contact> unmatched = new ArrayList<>();
        Map<Validation.SegmentStep, StepTemplate> compiled = new LinkedHashMap<>();
        java.util.Set<Path> attachments = new java.util.TreeSet<>();
        if (campaign.isPresent() && contacts.isPresent()) {
            checkSegments(campaign.get(), contacts.get(), problems);
            group(campaign.get(), contacts.get(), bySegment, unmatched, problems);
            for (Segment segment : campaign.get().segments()) {
                for (Step step : campaign.get().steps()) {
                    templates.compile(campaign.get(), segment, step, problems).ifPresent(template -> {
                        compiled.put(Validation.SegmentStep.of(segment, step), template);
                        renderAll(templates, template, bySegment.get(segment), contacts.get().columns(),
                                workspace.display(campaign.get().contacts()), problems, attachments);
                    });
                }
            }
        }
        return new Validation(campaign, contacts, bySegment, unmatched, templates, compiled, attachments, problems.list());
    }

    private MailTemplates templates(Problems problems) {
        if (Files.isDirectory(workspace.templates())) {
            return MailTemplates.inDirectory(workspace.templates(), "templates", workspace.root());
        }
        problems.error(Location.of("templates"), "the workspace " + workspace.root() + " has no templates folder");
        return MailTemplates.ofSources(Map.of(), "templates", workspace.root());
    }

    private void checkSegments(Campaign campaign, ContactsFile contacts, Problems problems) {
        for (Segment segment : campaign.segments()) {
            if (!Files.isDirectory(workspace.templates().resolve(segment.templates()))) {
                problems.error(segment.at(), "segment " + segment.name() + ": the template folder templates/"
                        + segment.templates() + " does not exist");
            }
            for (String column : segment.match().keySet()) {
                if (!contacts.columns().contains(column)) {
                    problems.error(segment.at(), "segment " + segment.name() + " matches on the column \"" + column
                            + "\", which " + workspace.display(campaign.contacts()) + " does not have");
                }
            }
        }
    }

    private static void group(Campaign campaign, ContactsFile contacts, Map<Segment, List<Contact>> bySegment,
                              List<Contact> unmatched, Problems problems) {
        campaign.segments().forEach(s -> bySegment.put(s, new ArrayList<>()));
        for (Contact contact : contacts.contacts()) {
            Optional<Segment> segment = Segment.of(contact, campaign.segments());
            if (segment.isPresent()) {
                bySegment.get(segment.get()).add(contact);
            } else {
                unmatched.add(contact);
                problems.warning(contact.row(), contact.email() + " matches no segment and will not be enrolled");
            }
        }
        bySegment.forEach((segment, members) -> {
            if (members.isEmpty()) {
                problems.warning(segment.at(), "segment " + segment.name() + " has no contacts");
            }
        });
    }

    /** Renders for every contact; a failure shared by many contacts becomes one problem that lists them. */
    private static void renderAll(MailTemplates templates, StepTemplate template, List<Contact> contacts, List<String> columns,
                                  String contactsFile, Problems problems, java.util.Set<Path> attachments) {
        Map<Failure, List<Contact>> failures = new LinkedHashMap<>();
        for (Contact contact : contacts) {
            try {
                attachments.addAll(templates.render(template, contact).attachments());
            } catch (RenderException e) {
                Failure failure = new Failure(e.where(), ColumnHint.message(e, columns, contactsFile), e.isCampaignMistake());
                failures.computeIfAbsent(failure, k -> new ArrayList<>()).add(contact);
            }
        }
        failures.forEach((failure, failed) -> problems.error(failure.where(), failure.campaignMistake() ? failure.message()
                : failure.message() + " (" + ContactList.describe(failed, contacts.size(), template.segment()) + ")"));
    }

    /** @param campaignMistake no contact's data is to blame, so the contacts are not named */
    private record Failure(Location where, String message, boolean campaignMistake) {
    }
}
