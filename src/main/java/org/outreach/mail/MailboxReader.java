package org.outreach.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.outreach.campaign.FailureException;
import org.outreach.engine.CampaignContent;
import org.outreach.engine.InboundMail;
import org.outreach.engine.Mailbox;
import org.outreach.inbound.Classifier;
import org.outreach.inbound.NewText;
import org.outreach.inbound.Texts;
import org.outreach.workspace.Secret;
import org.outreach.workspace.Settings;

/**
 * Reads new messages from one IMAP folder, read-only: it never marks a message read, never deletes or moves
 * anything. Incremental: given the folder's UIDVALIDITY and the last UID read, it fetches only what came after,
 * so a poll costs what is new, not what the mailbox holds.
 */
public final class MailboxReader implements Mailbox {

    /** At most this many messages per poll; the next poll goes on from there. */
    static final int BATCH = 500;

    private final Settings.Server imap;
    private final Classifier classifier = new Classifier();

    public MailboxReader(Settings.Server imap) {
        this.imap = imap;
    }

    @Override
    public String describe() {
        return imap.describe();
    }

    @Override
    public String folderKey() {
        return imap.username().orElse("") + "@" + imap.host() + "/" + imap.folder();
    }

    @Override
    public Fetched fetchAfter(long uidValidity, long lastUid) {
        Properties properties = MailCheck.imapProperties(imap);
        properties.setProperty("mail.imap.peek", "true");
        properties.setProperty("mail.imaps.peek", "true");
        try (Store store = Session.getInstance(properties).getStore(imap.security() == Settings.Security.SSL ? "imaps" : "imap")) {
            store.connect(imap.host(), imap.port(), imap.username().orElse(null), imap.password().map(Secret::reveal).orElse(null));
            Folder folder = store.getFolder(imap.folder());
            folder.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) folder;
                long validity = uids.getUIDValidity();
                boolean resync = validity != uidValidity;
                long after = resync ? 0 : lastUid;
                List<Mailbox.Item> items = new ArrayList<>();
                for (Message m : uids.getMessagesByUID(after + 1, UIDFolder.MAXUID)) {
                    long uid = uids.getUID(m);
                    // "n:*" always includes the highest UID, even when it is below n.
                    if (uid > after && items.size() < BATCH) {
                        items.add(read(uid, m));
                    }
                }
                return new Fetched(validity, items, resync && uidValidity != 0);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new FailureException("cannot read " + imap.folder() + " on the IMAP server " + imap.host() + ":"
                    + imap.port() + ": " + MailCheck.explain(e, imap), e);
        }
    }

    /** One message, parsed and classified; one that cannot be read is said, and never stops the poll. */
    private Mailbox.Item read(long uid, Message fetched) {
        try {
            MimeMessage message = new MimeMessage((MimeMessage) fetched);
            return new InboundMail(uid, key(message), from(message), subject(message), sentAt(message),
                    header(message, "In-Reply-To"), header(message, "References"),
                    NewText.start(Texts.body(message), 4), classifier.classify(message));
        } catch (MessagingException | RuntimeException e) {
            return new Mailbox.Unreadable(uid, String.valueOf(e.getMessage()));
        }
    }

    /** The Message-ID, or for a message without one a digest of its text: what makes a message the same message. */
    private static String key(MimeMessage message) throws MessagingException {
        String id = message.getMessageID();
        if (id != null && !id.isBlank()) {
            return id.strip().length() <= 998 ? id.strip() : id.strip().substring(0, 998);
        }
        return "sha256:" + CampaignContent.sha256(MessageComposer.text(message).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> from(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            return from == null || from.length == 0 || !(from[0] instanceof InternetAddress address) || address.getAddress() == null
                    ? Optional.empty() : Optional.of(address.getAddress().toLowerCase(Locale.ROOT));
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    /** The Date header; some scripts and gateways send none. */
    private static Optional<Instant> sentAt(MimeMessage message) {
        try {
            return Optional.ofNullable(message.getSentDate()).map(java.util.Date::toInstant);
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, " ");
            return value == null ? "" : value;
        } catch (MessagingException e) {
            return "";
        }
    }
}
