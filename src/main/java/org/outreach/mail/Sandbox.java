package org.outreach.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.outreach.workspace.Settings;

/**
 * The built-in mail server: GreenMail's SMTP and IMAP in this process, on the loopback interface only. Mail sent
 * to it never leaves the machine; each message sent is also saved as an .eml file so it can be opened in a mail
 * client. Its mailboxes are kept on disk under {@code mailboxes/} and loaded at start, with the same UIDs, so a
 * reply delivered between two runs is read by the next one.
 */
public final class Sandbox implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    /** Only this process can reach the sandbox; its mailboxes need a password all the same. */
    private static final String SANDBOX_PASSWORD = "sandbox";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final GreenMail server;
    private final Path copies;
    private final KeptMailboxes kept;
    private final Clock clock;
    /** The mailboxes whose deliveries are kept on disk already. */
    private final Set<String> watched = ConcurrentHashMap.newKeySet();

    private Sandbox(GreenMail server, Path copies, Clock clock) {
        this.server = server;
        this.copies = copies;
        this.kept = new KeptMailboxes(copies.resolve("mailboxes"));
        this.clock = clock;
    }

    /**
     * Loads the mailboxes kept in {@code dir} and starts the servers on free ports; copies of sent messages go to
     * {@code dir} too.
     */
    public static Sandbox start(Path dir, Clock clock) {
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_IMAP)});
        Sandbox sandbox = new Sandbox(server, dir, clock);
        sandbox.load();
        UserManager users = server.getUserManager();
        MessageDeliveryHandler recipients = users.getMessageDeliveryHandler();
        // Mail over SMTP to an address with no mailbox yet makes one; it is kept like the others.
        users.setMessageDeliveryHandler((message, address) -> sandbox.watched(recipients.handle(message, address)));
        server.start();
        return sandbox;
    }

    public Path copies() {
        return copies;
    }

    public Settings.Server smtp() {
        return new Settings.Server(LOOPBACK, server.getSmtp().getPort(), Settings.Security.NONE, Optional.empty(),
                Optional.empty(), false, "INBOX",
                Optional.empty(), Settings.Server.DEFAULT_TIMEOUT, 1);
    }

    /** Sends through the sandbox's SMTP server, exactly as to a real one, and keeps a copy of each message. */
    public Mailer mailer() {
        return Copies.keptBy(new SmtpMailer(smtp(), "localhost"), () -> this::save);
    }

    /**
     * The IMAP mailbox of {@code address} in the sandbox, where replies to it arrive; made on first use.
     */
    public Settings.Server mailbox(String address) {
        user(address);
        return new Settings.Server(LOOPBACK, server.getImap().getPort(), Settings.Security.NONE, Optional.of(address),
                Optional.of(new org.outreach.workspace.Secret(SANDBOX_PASSWORD)), false, "INBOX", Optional.empty(),
                Settings.Server.DEFAULT_TIMEOUT, 1);
    }

    /**
     * Delivers {@code message} into the mailbox of {@code address}, as a correspondent's mail server would: a
     * reply, an out-of-office, a bounce. It is kept on disk before this returns, so the next run reads it too.
     */
    public void deliver(String address, MimeMessage message) {
        user(address).deliver(message);
    }

    /** Delivers a message written as RFC 5322 text (headers, a blank line, the body), as {@link #deliver(String, MimeMessage)}. */
    public void deliver(String address, String rfc5322) {
        try {
            deliver(address, new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(rfc5322.getBytes(StandardCharsets.UTF_8))));
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a message: " + e.getMessage(), e);
        }
    }

    /** The messages the sandbox received, as a test or a curious user would read them. */
    public MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    @Override
    public void close() {
        server.stop();
    }

    private void load() {
        for (String address : kept.addresses()) {
            GreenMailUser user = server.setUser(address, address, SANDBOX_PASSWORD);
            MailFolder inbox = inbox(user);
            kept.uidValidity(address).ifPresent(validity -> StableUids.uidValidity(inbox, validity));
            for (KeptMailboxes.Kept message : kept.messages(address)) {
                StableUids.nextUid(inbox, message.uid());
                inbox.appendMessage(message.message(), new Flags(), Date.from(message.arrived()));
            }
            watched(user);
        }
    }

    /** The user of {@code address}, made with the sandbox password if new, its deliveries kept. */
    private GreenMailUser user(String address) {
        GreenMailUser user = server.getUserManager().getUserByEmail(address);
        if (user == null) {
            user = server.setUser(address, address, SANDBOX_PASSWORD);
        }
        // Made by an SMTP delivery, the user has GreenMail's default password; the reader logs in with this one.
        user.setPassword(SANDBOX_PASSWORD);
        return watched(user);
    }

    /** From now on, each message delivered to the user's inbox is written to disk as it arrives. */
    private GreenMailUser watched(GreenMailUser user) {
        String address = user.getEmail().toLowerCase(Locale.ROOT);
        if (watched.add(address)) {
            MailFolder inbox = inbox(user);
            if (kept.uidValidity(address).isEmpty()) {
                kept.saveUidValidity(address, inbox.getUidValidity());
            }
            inbox.addListener(new Keeper(address, inbox));
        }
        return user;
    }

    private MailFolder inbox(GreenMailUser user) {
        try {
            return server.getManagers().getImapHostManager().getInbox(user);
        } catch (FolderException e) {
            throw new IllegalStateException("bug: the sandbox has no inbox for " + user.getEmail(), e);
        }
    }

    /** Saves a message as an .eml file named after the time and its Message-ID. */
    private void save(MimeMessage message) {
        try {
            String id = message.getMessageID().replaceAll("[<>]", "").replaceAll("[^A-Za-z0-9@._-]", "_");
            Files.createDirectories(copies);
            EmlFile.write(copies.resolve(FILE_TIME.format(clock.instant()) + "-" + id + ".eml"), message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a copy of a sandbox message in " + copies, e);
        } catch (MessagingException e) {
            throw new IllegalStateException("bug: a composed message has no Message-ID", e);
        }
    }

    /** Writes each message added to one inbox to disk, under its UID. */
    private final class Keeper implements FolderListener {

        private final String address;
        private final MailFolder inbox;

        Keeper(String address, MailFolder inbox) {
            this.address = address;
            this.inbox = inbox;
        }

        @Override
        public void added(int msn) {
            StoredMessage message = inbox.getMessages().get(msn - 1);
            kept.write(address, message.getUid(), message.getMimeMessage());
        }

        @Override
        public void expunged(int msn) {
            // Nothing in outreach deletes sandbox mail: the reader opens folders read-only.
        }

        @Override
        public void flagsUpdated(int msn, Flags flags, Long uid) {
            // Flags are not kept: reading never depends on them.
        }

        @Override
        public void mailboxDeleted() {
            // Never happens: nothing in outreach deletes a mailbox.
        }
    }
}
