package org.outreach.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Problem;
import org.outreach.campaign.Step;
import org.outreach.store.Messages;
import org.outreach.store.Campaigns;
import org.outreach.store.Database;
import org.outreach.store.Store;
import org.outreach.store.Suppressions.Suppression;
import org.outreach.workspace.ContactsReader.ContactsFile;
import org.outreach.workspace.Workspace;

/**
 * Launches a campaign: validates it, imports its contacts, enrolls each into its segment's sequence and plans
 * the first step. All in one transaction, so a failure leaves the database as it was. Launching again is safe:
 * enrolled contacts stay in their segment, new ones are added, and the kept copy of the templates and of each
 * enrolled contact's row is replaced, so changes reach only the messages not sent yet.
 */
public final class Launcher {

    private final Workspace workspace;
    private final Clock clock;

    public Launcher(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /**
     * Launches, or with {@code dryRun} works out the same plan in a transaction that is rolled back. A campaign
     * with {@code strict: true} and a warning is refused, dry run included: the rehearsal says what the launch does.
     */
    public LaunchPlan launch(Path campaignFile, Database database, boolean dryRun) {
        CampaignCheck check = CampaignCheck.of(workspace, campaignFile, database, clock);
        Validation validation = check.orThrow(false);
        CampaignContent content = CampaignContent.of(workspace, validation.definition(), validation.templates().sourcesUsed(),
                validation.attachments());
        return dryRun
                ? database.rehearse(store -> enroll(store, validation, check.warnings(), content, true))
                : database.transaction(store -> enroll(store, validation, check.warnings(), content, false));
    }

    private LaunchPlan enroll(Store store, Validation validation, List<Problem> warnings, CampaignContent content,
                              boolean dryRun) {
        Campaign campaign = validation.definition();
        Optional<String> unapproved = campaign.reviewRequired() ? Review.refusal(store, campaign.key(), content) : Optional.empty();
        if (unapproved.isPresent() && !dryRun) {
            throw new org.outreach.campaign.BadInputException(workspace.display(campaign.file()) + ": " + unapproved.get());
        }
        ContactsFile contacts = validation.contacts().orElseThrow();
        Instant now = clock.instant();
        Instant due = firstDue(campaign, now);
        Optional<Campaigns.Launched> earlier = store.campaigns().find(campaign.key());
        earlier.ifPresent(launched -> checkRelaunch(store, launched, campaign));
        long campaignId = saveCampaign(store, campaign, content, earlier, now);
        String contactsPath = workspace.display(campaign.contacts());
        String contactsDigest = content.contactsDigest(workspace, campaign);
        // The values kept at the last launch are those of the same file when its digest is unchanged: then only
        // new enrollments need theirs, which keeps a relaunch of a large campaign cheap.
        boolean contactsChanged = store.campaigns().contactsFile(campaignId)
                .filter(kept -> kept.path().equals(contactsPath) && kept.digest().equals(contactsDigest)).isEmpty();
        Map<String, Suppression> suppressed = store.suppressions().all().stream()
                .collect(Collectors.toMap(Suppression::emailKey, s -> s));
        Intake intake = new Intake(store, validation, campaignId, due, now, contactsChanged, suppressed);
        intake.take(contacts);
        store.campaigns().keepContactsFile(campaignId, contactsPath, contactsDigest, now);
        Campaigns.Launched launched = store.campaigns().byId(campaignId);
        MailboxLimits mailbox = MailboxLimits.forCampaign(store, workspace, launched, campaign);
        List<Forecast.StepForecast> forecast = StatusReport.forecast(store, launched, campaign, mailbox, now);
        return new LaunchPlan(campaign, dryRun, earlier.isPresent(), due, intake.segments(), intake.excluded(),
                forecast, warnings, unapproved, mailbox);
    }

    /**
     * A launched campaign can grow (contacts, steps at the end) and change its wording, but not lose what its
     * messages refer to: a cancelled campaign stays cancelled, and its steps keep their names and order.
     */
    private void checkRelaunch(Store store, Campaigns.Launched launched, Campaign campaign) {
        String file = workspace.display(campaign.file());
        if (launched.state() == org.outreach.campaign.CampaignState.CANCELLED) {
            throw new org.outreach.campaign.BadInputException(file + ": campaign " + launched.campaignKey()
                    + " was cancelled; to write to these people again, launch a copy of it under another file name");
        }
        for (Messages.StepUse used : store.messages().stepsUsed(launched.id())) {
            Optional<Step> step = campaign.step(used.step());
            if (step.isEmpty() || step.get().number() != used.stepNumber()) {
                throw new org.outreach.campaign.BadInputException(file + ": step " + used.step() + " (number "
                        + used.stepNumber() + ") already has messages; steps of a launched campaign keep their names and"
                        + " order, and new steps go at the end");
            }
        }
    }

    private static long saveCampaign(Store store, Campaign campaign, CampaignContent content,
                                     Optional<Campaigns.Launched> earlier, Instant now) {
        String sender = campaign.sender().email().key();
        long id = earlier.map(c -> {
            store.campaigns().update(c.id(), campaign.name(), sender, content.definitionPath(), content.hash(), now);
            return c.id();
        }).orElseGet(() -> store.campaigns().insert(campaign.key(), campaign.name(), sender, content.definitionPath(),
                content.hash(), now));
        store.campaigns().replaceFiles(id, content.files());
        return id;
    }

    /** The campaign's start time, or now when it has none or it has passed. */
    private static Instant firstDue(Campaign campaign, Instant now) {
        return campaign.start()
                .map(start -> start.atZone(campaign.window().zone()).toInstant())
                .filter(start -> start.isAfter(now))
                .orElse(now);
    }
}
