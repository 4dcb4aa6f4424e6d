package org.outreach.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.outreach.inbound.Classification;
import org.outreach.inbound.Kind;
import org.outreach.store.Database;
import org.outreach.store.Inbound;
import org.outreach.store.MailboxCursors;
import org.outreach.store.Store;
import org.outreach.workspace.Workspace;

/**
 * Reads what arrived in the organizer's mailbox since the last poll, tells replies from auto-replies, bounces,
 * complaints and unsubscribe requests, and records each with its effects in one transaction: a reply stops that
 * contact's follow-ups, a bounce or a request to be left alone suppresses the address everywhere.
 */
public final class ReplyTracker {

    /** Kinds as the database and the reports name them. */
    public static final String OWN = "own";
    public static final String UNRELATED = "unrelated";

    /**
     * What one poll read; {@code received} the messages that changed something, {@code problems} names the
     * messages that could not be recorded (they are skipped).
     */
    public record Report(int read, Map<String, Integer> byKind, List<Received> received, boolean resync,
                         List<String> problems) {
    }

    /** One mailbox's poll, named as people say it ("INBOX of maya@example.org"). */
    public record Polled(String mailbox, Report report) {
    }

    /** A poll of several mailboxes: what each read, and the mailboxes that could not be read. */
    public record Polls(List<Polled> polled, List<String> problems) {
    }

    private final Database database;
    private final Workspace workspace;
    private final Clock clock;

    public ReplyTracker(Database database, Workspace workspace, Clock clock) {
        this.database = database;
        this.workspace = workspace;
        this.clock = clock;
    }

    /**
     * Polls each mailbox in turn. A mailbox that cannot be read is reported and left for the next round; it never
     * keeps the other mailboxes, or the sending after them, from going on.
     */
    public Polls pollAll(List<? extends Mailbox> mailboxes) {
        List<Polled> polled = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Mailbox mailbox : mailboxes) {
            try {
                Report report = poll(mailbox);
                polled.add(new Polled(mailbox.describe(), report));
                problems.addAll(report.problems());
            } catch (org.outreach.campaign.FailureException e) {
                problems.add(e.getMessage());
            } catch (RuntimeException e) {
                problems.add("reading " + mailbox.folderKey() + " failed: " + e);
            }
        }
        return new Polls(List.copyOf(polled), List.copyOf(problems));
    }

    /**
     * Reads and records the folder's new messages.
     *
     * @throws org.outreach.campaign.FailureException when the mailbox cannot be read; nothing else is affected
     */
    public Report poll(Mailbox mailbox) {
        String folder = mailbox.folderKey();
        Optional<MailboxCursors.Cursor> cursor = database.transaction(store -> store.cursors().find(folder));
        Mailbox.Fetched fetched = mailbox.fetchAfter(cursor.map(MailboxCursors.Cursor::uidValidity).orElse(0L),
                cursor.map(MailboxCursors.Cursor::lastUid).orElse(0L));
        Set<String> ours = database.transaction(store -> store.campaigns().all().stream()
                .map(c -> c.senderEmail().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
        Map<String, Integer> byKind = new LinkedHashMap<>();
        List<Received> received = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int read = 0;
        for (Mailbox.Item item : fetched.items()) {
            Instant now = clock.instant();
            if (item instanceof Mailbox.Unreadable unreadable) {
                problems.add("message " + item.uid() + " of " + folder + " could not be read: " + unreadable.why());
                skip(folder, fetched, item, now);
                continue;
            }
            InboundMail mail = (InboundMail) item;
            Optional<Recorded> kind;
            try {
                kind = database.transaction(store -> {
                    Optional<Recorded> recorded = record(store, folder, mail, ours, now);
                    store.cursors().save(folder, fetched.uidValidity(), item.uid(), now);
                    return recorded;
                });
            } catch (RuntimeException e) {
                // One message that cannot be recorded must not stop every poll after it: note it and move on.
                problems.add("message " + item.uid() + " of " + folder + " could not be recorded: " + e.getMessage());
                skip(folder, fetched, item, now);
                continue;
            }
            kind.ifPresent(k -> byKind.merge(k.kind(), 1, Integer::sum));
            kind.flatMap(Recorded::received).ifPresent(received::add);
            read += kind.isPresent() ? 1 : 0;
        }
        if (fetched.items().isEmpty()) {
            long lastUid = fetched.resync() ? 0 : cursor.map(MailboxCursors.Cursor::lastUid).orElse(0L);
            database.transaction(store -> {
                store.cursors().save(folder, fetched.uidValidity(), lastUid, clock.instant());
                return null;
            });
        }
        return new Report(read, byKind, List.copyOf(received), fetched.resync(), problems);
    }

    /** Moves the cursor past a message that was said and skipped, so the next poll does not stop at it again. */
    private void skip(String folder, Mailbox.Fetched fetched, Mailbox.Item item, Instant now) {
        database.transaction(store -> {
            store.cursors().save(folder, fetched.uidValidity(), item.uid(), now);
            return null;
        });
    }

    /** How a message was recorded, and what to tell about it when it changed something. */
    private record Recorded(String kind, Optional<Received> received) {
    }

    /** Records one message and its effects; empty when it was recorded before (a resync reads it again). */
    private Optional<Recorded> record(Store store, String folder, InboundMail mail, Set<String> ours, Instant now) {
        String key = mail.key();
        if (store.inbound().countByKey(key) > 0) {
            return Optional.empty();
        }
        Classification classification = mail.classification();
        Optional<String> from = mail.from();
        boolean own = from.filter(ours::contains).isPresent() && classification.kind() != Kind.BOUNCE
                && classification.kind() != Kind.UNSUBSCRIBE;
        Optional<InboundMatcher.Match> match = own ? Optional.empty()
                : InboundMatcher.match(store, mail);
        String kind = own ? OWN : match.isEmpty() && classification.kind() != Kind.BOUNCE ? UNRELATED : kindName(classification.kind());
        Optional<FollowUpHold> hold = match.flatMap(m -> InboundEffects.apply(store, classification, m, now,
                LaunchedCampaign.load(store, workspace, m.message().campaignId()).campaign().window().zone()));
        if (match.isEmpty() && classification.kind() == Kind.BOUNCE) {
            InboundEffects.unmatchedBounce(store, classification, now);
        }
        // A message without a Date header (some scripts and gateways send them) counts as sent when read.
        store.inbound().insert(new Inbound.Recorded(key, folder, mail.uid(), mail.sentAt().orElse(now), from.orElse(null),
                truncate(mail.subject(), 1000), kind, truncate(classification.why(), 500),
                classification.status().isEmpty() ? null : classification.status(), classification.permanent(),
                match.map(m -> m.message().id()).orElse(null), match.map(m -> m.message().contactId()).orElse(null),
                match.map(m -> m.message().campaignId()).orElse(null), match.flatMap(InboundMatcher.Match::answeredBy).orElse(null),
                truncate(mail.firstLines(), 2000), classification.returnDate().orElse(null), now));
        boolean tells = !own && classification.kind() != Kind.NOTICE && (match.isPresent() || classification.kind() == Kind.BOUNCE);
        return Optional.of(new Recorded(kind, tells ? Optional.of(received(store, classification, from, match, hold)) : Optional.empty()));
    }

    private static Received received(Store store, Classification classification, Optional<String> from,
                                     Optional<InboundMatcher.Match> match, Optional<FollowUpHold> hold) {
        boolean aboutRecipients = classification.kind() == Kind.BOUNCE || classification.kind() == Kind.COMPLAINT;
        String who = aboutRecipients && !classification.recipients().isEmpty()
                ? classification.recipients().stream().map(org.outreach.inbound.Recipient::address).collect(Collectors.joining(", "))
                : match.filter(m -> aboutRecipients)
                        .map(m -> store.contacts().byId(m.message().contactId()).email().value())
                        .or(() -> from).orElse("an unknown sender");
        Optional<String> campaign = match.map(m -> store.campaigns().byId(m.message().campaignId()).campaignKey());
        // Someone who answered for the contact is named as the sender; the contact is named too, as the one it counts for.
        Optional<String> contact = match.filter(m -> !aboutRecipients && m.answeredBy().isPresent())
                .map(m -> store.contacts().byId(m.message().contactId()).email().value());
        return new Received(who, kindName(classification.kind()), campaign, effect(classification, hold), contact);
    }

    /** What the message did, in the words of the README's table of kinds. */
    private static String effect(Classification classification, Optional<FollowUpHold> hold) {
        return switch (classification.kind()) {
            case REPLY -> "follow-ups stopped";
            case AUTO_REPLY -> hold.map(FollowUpHold::effect).orElse("follow-ups go on");
            case UNSUBSCRIBE, COMPLAINT -> "address suppressed";
            case BOUNCE -> classification.permanent() ? "address suppressed" : "delivery delayed, the servers are still trying";
            default -> throw new IllegalStateException("bug: no effect told for " + classification.kind());
        };
    }

    public static String kindName(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
