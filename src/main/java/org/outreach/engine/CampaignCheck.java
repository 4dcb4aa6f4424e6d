package org.outreach.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.outreach.campaign.BadInputException;
import org.outreach.campaign.Campaign;
import org.outreach.campaign.Location;
import org.outreach.campaign.Problem;
import org.outreach.campaign.Problems;
import org.outreach.store.Campaigns;
import org.outreach.store.Database;
import org.outreach.store.Suppressions;
import org.outreach.workspace.CampaignReader;
import org.outreach.workspace.Workspace;

/**
 * A campaign checked once, the same way for {@code validate}, {@code preview}, {@code launch} and the review
 * page: what validation found, and every warning a reviewer should see. An organizer working alone sees on the
 * command line what a reviewer would have seen on the page.
 *
 * @param warnings validation's warnings, then those about the content and the definition
 * @param known    what the database said when it was checked
 */
public record CampaignCheck(Validation validation, List<Problem> warnings, Known known) {

    /**
     * What the database knows that changes the warnings: who must not be written to, whether it was launched.
     *
     * @param done the keys of launched campaigns that no longer hold their mailbox to their limits
     *             ({@link MailboxLimits#imposesLimits}), so their files are no one's peers
     */
    public record Known(Map<String, String> suppressed, boolean launched, Set<String> done) {

        /** A workspace with no database yet: nobody suppressed, nothing launched. */
        public static Known nothing() {
            return new Known(Map.of(), false, Set.of());
        }

        public static Known in(Database database, Path campaignFile) {
            return database.transaction(store -> new Known(
                    store.suppressions().all().stream().collect(Collectors.toMap(Suppressions.Suppression::emailKey,
                            s -> s.source() + (s.reason() == null ? "" : ": " + s.reason()))),
                    store.campaigns().find(CampaignReader.key(campaignFile)).isPresent(),
                    store.campaigns().all().stream().filter(c -> !MailboxLimits.imposesLimits(store, c))
                            .map(Campaigns.Launched::campaignKey).collect(Collectors.toSet())));
        }
    }

    public static CampaignCheck of(Workspace workspace, Path campaignFile, Database database, Clock clock) {
        return of(workspace, campaignFile, Known.in(database, campaignFile), clock);
    }

    public static CampaignCheck of(Workspace workspace, Path campaignFile, Known known, Clock clock) {
        Validation validation = new Validator(workspace).validate(campaignFile);
        Problems warnings = new Problems();
        ReviewWarnings.of(validation, known.suppressed()).forEach(warnings::add);
        validation.campaign().ifPresent(campaign -> {
            Location file = Location.of(workspace.display(campaign.file()));
            DefinitionWarnings.startInThePast(campaign, file, known.launched(), clock, warnings);
            DefinitionWarnings.catchAllNotLast(campaign, warnings);
            SharedMailbox.disagreements(workspace, campaign, file, known.done(), warnings);
        });
        return new CampaignCheck(validation, warnings.list(), known);
    }

    /** Whether the campaign file asks for warnings to count as errors ({@code strict: true}). */
    public boolean strictFile() {
        return validation.campaign().map(Campaign::strict).orElse(false);
    }

    /**
     * The validation, when the campaign may be used: no error, and with {@code strict} (or {@code strict: true}
     * in the file) no warning either. Otherwise stops the command with every problem.
     *
     * @param strict asked for on the command line ({@code validate --strict})
     */
    public Validation orThrow(boolean strict) {
        List<Problem> errors = validation.problems().stream().filter(Problem::isError).toList();
        // A contact on the do-not-contact list is the database's news, not a fault of the files: a strict
        // campaign must still relaunch after a bounce.
        List<Problem> doNotContact = ReviewWarnings.doNotContact(validation, known.suppressed());
        boolean warningsAreErrors = (strict || strictFile()) && warnings.stream().anyMatch(w -> !doNotContact.contains(w));
        if (errors.isEmpty() && !warningsAreErrors) {
            return validation;
        }
        List<Problem> all = new ArrayList<>(errors);
        String why = strict ? "--strict" : "strict: true";
        warnings.forEach(w -> all.add(warningsAreErrors && !doNotContact.contains(w)
                ? Problem.error(w.where(), w.message() + " (an error under " + why + ")") : w));
        throw new BadInputException(all);
    }
}
