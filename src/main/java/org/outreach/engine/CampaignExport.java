package org.outreach.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.outreach.campaign.Contact;
import org.outreach.store.Campaigns;
import org.outreach.store.Enrollments;
import org.outreach.store.Store;

/** One row per contact of a campaign with its outcome, for a spreadsheet. */
public final class CampaignExport {

    private static final String[] HEADER = {"email", "first_name", "last_name", "organization", "segment", "outcome",
            "messages_sent", "last_sent_at", "replied_at", "auto_replies", "stop_reason"};

    private CampaignExport() {
    }

    /** Writes the rows; returns how many. */
    public static int write(Store store, String campaign, Writer out) {
        Campaigns.Launched launched = CampaignControl.find(store, campaign);
        List<Enrollments.Outcome> outcomes = store.enrollments().outcomes(launched.id());
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (Enrollments.Outcome o : outcomes) {
                Contact contact = store.contacts().byId(o.contactId());
                csv.printRecord(o.email(), contact.field("first_name").orElse(""), contact.field("last_name").orElse(""),
                        contact.field("organization").orElse(""), o.segment(), outcome(o), o.sent(),
                        o.lastSentAt() == null ? "" : o.lastSentAt(), o.repliedAt() == null ? "" : o.repliedAt(),
                        o.autoReplies(), o.stopReason() == null ? "" : o.stopReason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return outcomes.size();
    }

    /**
     * In one word or two, what became of this contact in the campaign: what happened last. An address put on
     * the do-not-contact list after a reply, or after the last step went out, ends the story there, whatever
     * the sequence's state says (a finished sequence is not stopped again).
     */
    static String outcome(Enrollments.Outcome o) {
        boolean suppressedLast = o.suppressedAt() != null
                && (o.lastReplyAt() == null || o.suppressedAt().isAfter(o.lastReplyAt()));
        if (suppressedLast) {
            return SUPPRESSED_AS.getOrDefault(o.suppressedAs(), "suppressed");
        }
        if (o.repliedAt() != null) {
            return "replied";
        }
        String reason = o.stopReason() == null ? "" : o.stopReason();
        if (reason.startsWith("failed")) {
            return "failed";
        }
        return switch (o.state()) {
            case COMPLETED -> "no reply";
            case ACTIVE -> "in progress";
            case STOPPED -> reason.isEmpty() ? o.state().toString() : reason;
        };
    }

    /** The outcome for each source of a suppression; {@code manual} and any other is "suppressed". */
    private static final Map<String, String> SUPPRESSED_AS = Map.of(
            "unsubscribe", "unsubscribed", "complaint", "complained", "bounce", "bounced");
}
