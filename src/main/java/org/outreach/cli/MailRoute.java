package org.outreach.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.outreach.engine.Transport;
import org.outreach.mail.ComposingTransport;
import org.outreach.mail.MailboxReader;
import org.outreach.mail.Mailer;
import org.outreach.mail.Sandbox;
import org.outreach.mail.SentFolderCopy;
import org.outreach.mail.SmtpMailer;
import org.outreach.workspace.Settings;

/** Where sending goes, as the settings say: the built-in sandbox, or a real SMTP server. */
final class MailRoute implements AutoCloseable {

    private final Mailer mailer;
    private final String description;
    private final Optional<Sandbox> sandbox;
    /** The configured mailboxes replies arrive in: the sender's, and reply_to's when it has its own. */
    private final List<Settings.Server> imap;
    /** How many SMTP connections a mailbox may use at once. */
    private final int connections;

    private MailRoute(Mailer mailer, String description, Optional<Sandbox> sandbox, List<Settings.Server> imap,
                      int connections) {
        this.mailer = mailer;
        this.connections = connections;
        this.description = description;
        this.sandbox = sandbox;
        this.imap = imap;
    }

    static MailRoute of(Settings.Mail settings, Path stateDir, String shownStateDir, Clock clock) {
        if (settings.mode() == Settings.Mail.Mode.SANDBOX) {
            Sandbox sandbox = Sandbox.start(stateDir.resolve("sandbox"), clock);
            return new MailRoute(sandbox.mailer(), "Sandbox mode: mail stays on this machine. It goes to the built-in"
                    + " mail server, and a copy of each message to " + shownStateDir + "/sandbox/.", Optional.of(sandbox),
                    List.of(), 1);
        }
        Settings.Server smtp = settings.smtp().orElseThrow(() -> new IllegalStateException("bug: smtp mode without smtp settings"));
        Mailer mailer = new SmtpMailer(smtp, heloName(smtp));
        Optional<Settings.Server> copies = settings.imap().filter(imap -> imap.sentFolder().isPresent());
        if (copies.isPresent()) {
            mailer = SentFolderCopy.around(mailer, copies.get(), copies.get().sentFolder().get());
        }
        return new MailRoute(mailer, "Sending through " + smtp.host() + ":" + smtp.port() + " ("
                + smtp.security().name().toLowerCase(java.util.Locale.ROOT) + smtp.username().map(u -> ", as " + u).orElse("")
                + (smtp.connections() > 1 ? ", up to " + smtp.connections() + " connections at once" : "")
                + ")" + copies.map(imap -> ", with a copy of each message in the " + imap.sentFolder().get() + " folder")
                .orElse("") + ".", Optional.empty(),
                Stream.of(settings.imap(), settings.replyToImap()).flatMap(Optional::stream).toList(), smtp.connections());
    }

    /** The name given in EHLO: the domain of the login, as mail clients do; no local host name lookup. */
    static String heloName(Settings.Server smtp) {
        return smtp.username().filter(u -> u.contains("@")).map(u -> u.substring(u.indexOf('@') + 1)).orElse("localhost");
    }

    /**
     * The mailboxes where replies arrive: the configured IMAP folders (the sender's, reply_to's), or in the
     * sandbox the mailbox of each of these addresses (see {@link org.outreach.engine.ReplyAddresses}).
     */
    List<MailboxReader> mailboxes(List<String> addresses) {
        if (sandbox.isPresent()) {
            return addresses.stream().map(a -> new MailboxReader(sandbox.get().mailbox(a))).toList();
        }
        return imap.stream().map(MailboxReader::new).toList();
    }

    /** The built-in server, when mail goes there: the demo's correspondents deliver their answers into it. */
    Optional<Sandbox> sandbox() {
        return sandbox;
    }

    /** For sending composed messages as they are (test-send). */
    Mailer mailer() {
        return mailer;
    }

    /** For the engine: it hands over rendered emails, composed here by the mail package. */
    Transport transport() {
        return new ComposingTransport(mailer, connections);
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        sandbox.ifPresent(Sandbox::close);
    }
}
