package org.outreach.mail;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.outreach.workspace.Secret;
import org.outreach.workspace.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a copy of each message sent into the sender's Sent folder over IMAP, so the organizer sees it in their mail
 * client as if they had written it there. The copy is a courtesy: when it fails, the failure is logged and the
 * message stays sent.
 */
public final class SentFolderCopy implements Copies {

    private static final Logger LOG = LoggerFactory.getLogger(SentFolderCopy.class);

    private final Settings.Server imap;
    private final String folder;
    private Store store;

    private SentFolderCopy(Settings.Server imap, String folder) {
        this.imap = imap;
        this.folder = folder;
    }

    /** {@code mailer}, with a copy of each message it sends appended to {@code folder} of the IMAP mailbox. */
    public static Mailer around(Mailer mailer, Settings.Server imap, String folder) {
        return Copies.keptBy(mailer, () -> new SentFolderCopy(imap, folder));
    }

    @Override
    public void keep(MimeMessage message) {
        try {
            if (store == null) {
                store = Session.getInstance(MailCheck.imapProperties(imap))
                        .getStore(imap.security() == Settings.Security.SSL ? "imaps" : "imap");
                store.connect(imap.host(), imap.port(), imap.username().orElse(null),
                        imap.password().map(Secret::reveal).orElse(null));
            }
            Folder sent = store.getFolder(folder);
            if (!sent.exists()) {
                sent.create(Folder.HOLDS_MESSAGES);
            }
            message.setFlag(jakarta.mail.Flags.Flag.SEEN, true);
            sent.appendMessages(new Message[] {message});
        } catch (MessagingException e) {
            LOG.warn("the message was sent, but its copy to the {} folder failed: {}", folder, SmtpMailer.oneLine(e));
            close();
        }
    }

    @Override
    public void close() {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException e) {
                LOG.debug("closing the IMAP connection failed", e);
            }
            store = null;
        }
    }
}
