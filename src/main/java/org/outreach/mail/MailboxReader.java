package org.outreach.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import org.outreach.campaign.FailureException;
import org.outreach.workspace.Secret;
import org.outreach.workspace.Settings;

/**
 * Reads new messages from one IMAP folder, read-only: it never marks a message read, never deletes or moves
 * anything. Incremental: given the folder's UIDVALIDITY and the last UID read, it fetches only what came after,
 * so a poll costs what is new, not what the mailbox holds.
 */
public final class MailboxReader {

    /** At most this many messages per poll; the next poll goes on from there. */
    static final int BATCH = 500;

    /** A message and its UID in the folder. */
    public record Item(long uid, MimeMessage message) {
    }

    /**
     * What a poll read.
     *
     * @param resync the folder's UIDVALIDITY changed: UIDs start over and everything was read again
     */
    public record Fetched(long uidValidity, List<Item> items, boolean resync) {
    }

    private final Settings.Server imap;

    public MailboxReader(Settings.Server imap) {
        this.imap = imap;
    }

    /** The folder as people say it: "INBOX of maya@example.org". */
    public String describe() {
        return imap.folder() + imap.username().map(u -> " of " + u).orElse(" on " + imap.host());
    }

    /** The folder's name in the cursor table: the same mailbox read through another port is the same mailbox. */
    public String folderKey() {
        return imap.username().orElse("") + "@" + imap.host() + "/" + imap.folder();
    }

    /**
     * The messages after {@code lastUid}, when the folder's UIDVALIDITY is still {@code uidValidity}; all of them
     * (up to the batch size) otherwise.
     *
     * @throws FailureException when the server cannot be reached or read
     */
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
                List<Item> items = new ArrayList<>();
                for (Message m : uids.getMessagesByUID(after + 1, UIDFolder.MAXUID)) {
                    long uid = uids.getUID(m);
                    // "n:*" always includes the highest UID, even when it is below n.
                    if (uid > after && items.size() < BATCH) {
                        items.add(new Item(uid, new MimeMessage((MimeMessage) m)));
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
}
