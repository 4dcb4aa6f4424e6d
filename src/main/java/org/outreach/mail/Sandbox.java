package org.outreach.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.outreach.workspace.Settings;

/**
 * The built-in mail server: GreenMail's SMTP and IMAP in this process, on the loopback interface only. Mail sent
 * to it never leaves the machine; each message is also saved as an .eml file so it can be opened in a mail client.
 */
public final class Sandbox implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    /** Only this process can reach the sandbox; its mailboxes need a password all the same. */
    private static final String SANDBOX_PASSWORD = "sandbox";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final GreenMail server;
    private final Path copies;
    private final Clock clock;

    private Sandbox(GreenMail server, Path copies, Clock clock) {
        this.server = server;
        this.copies = copies;
        this.clock = clock;
    }

    /** Starts the servers on free ports; copies of sent messages go to {@code copies}. */
    public static Sandbox start(Path copies, Clock clock) {
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_IMAP)});
        server.start();
        return new Sandbox(server, copies, clock);
    }

    public Path copies() {
        return copies;
    }

    public Settings.Server smtp() {
        return new Settings.Server(LOOPBACK, server.getSmtp().getPort(), Settings.Security.NONE, Optional.empty(),
                Optional.empty(), false, "INBOX",
                Optional.empty(), Settings.Server.DEFAULT_TIMEOUT);
    }

    /** Sends through the sandbox's SMTP server, exactly as to a real one, and keeps a copy of each message. */
    public Mailer mailer() {
        return Copies.keptBy(new SmtpMailer(smtp(), "localhost"), () -> this::save);
    }

    /**
     * The IMAP mailbox of {@code address} in the sandbox, where replies to it arrive; made on first use.
     */
    public Settings.Server mailbox(String address) {
        if (server.getUserManager().getUser(address) == null) {
            server.setUser(address, address, SANDBOX_PASSWORD);
        }
        return new Settings.Server(LOOPBACK, server.getImap().getPort(), Settings.Security.NONE, Optional.of(address),
                Optional.of(new org.outreach.workspace.Secret(SANDBOX_PASSWORD)), false, "INBOX", Optional.empty(),
                Settings.Server.DEFAULT_TIMEOUT);
    }

    /** The messages the sandbox received, as a test or a curious user would read them. */
    public MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Saves a message as an .eml file named after the time and its Message-ID. */
    private void save(MimeMessage message) {
        try {
            String id = message.getMessageID().replaceAll("[<>]", "").replaceAll("[^A-Za-z0-9@._-]", "_");
            Files.createDirectories(copies);
            Files.writeString(copies.resolve(FILE_TIME.format(clock.instant()) + "-" + id + ".eml"),
                    MessageComposer.text(message), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a copy of a sandbox message in " + copies, e);
        } catch (MessagingException e) {
            throw new IllegalStateException("bug: a composed message has no Message-ID", e);
        }
    }
}
