package org.outreach.mail;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Properties;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.outreach.campaign.FailureException;
import org.outreach.campaign.Plural;
import org.outreach.workspace.Secret;
import org.outreach.workspace.Settings;

/** Connects to the configured servers and says in plain words what works and what does not. Sends nothing. */
public final class MailCheck {

    /** One server's verdict. */
    public record Verdict(String server, boolean ok, String words) {
    }

    private MailCheck() {
    }

    public static Verdict smtp(Settings.Server server, String heloName) {
        String name = "SMTP " + server.host() + ":" + server.port() + " (" + security(server) + ")";
        try (Mailer.Connection connection = new SmtpMailer(server, heloName).connect()) {
            return new Verdict(name, true, server.username().map(u -> "connected and logged in as " + u)
                    .orElse("connected (no login configured)"));
        } catch (FailureException e) {
            return new Verdict(name, false, explain(e.getCause(), server));
        }
    }

    public static Verdict imap(Settings.Server server) {
        String name = "IMAP " + server.host() + ":" + server.port() + " (" + security(server) + ")";
        Session session = Session.getInstance(imapProperties(server));
        try (Store store = session.getStore(server.security() == Settings.Security.SSL ? "imaps" : "imap")) {
            store.connect(server.host(), server.port(), server.username().orElse(null),
                    server.password().map(Secret::reveal).orElse(null));
            Folder folder = store.getFolder(server.folder());
            if (!folder.exists()) {
                return new Verdict(name, false, "logged in, but there is no folder \"" + server.folder() + "\"");
            }
            folder.open(Folder.READ_ONLY);
            int count = folder.getMessageCount();
            folder.close(false);
            return new Verdict(name, true, "logged in" + server.username().map(u -> " as " + u).orElse("")
                    + "; folder " + server.folder() + " has " + Plural.of(count, "message") + " (opened read-only)");
        } catch (MessagingException e) {
            return new Verdict(name, false, explain(e, server));
        }
    }

    /** IMAP settings with timeouts always set; the same for reply tracking. */
    public static Properties imapProperties(Settings.Server server) {
        Properties p = new Properties();
        String timeout = Long.toString(server.timeout().toMillis());
        for (String protocol : new String[] {"imap", "imaps"}) {
            p.setProperty("mail." + protocol + ".connectiontimeout", timeout);
            p.setProperty("mail." + protocol + ".timeout", timeout);
            p.setProperty("mail." + protocol + ".writetimeout", timeout);
            p.setProperty("mail." + protocol + ".ssl.checkserveridentity", Boolean.toString(!server.trust()));
            if (server.trust()) {
                p.setProperty("mail." + protocol + ".ssl.trust", server.host());
            }
        }
        if (server.security() == Settings.Security.STARTTLS) {
            p.setProperty("mail.imap.starttls.enable", "true");
            p.setProperty("mail.imap.starttls.required", "true");
        }
        return p;
    }

    private static String security(Settings.Server server) {
        return server.security().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The cause of a failure, as a person setting up their mail would want it said. */
    static String explain(Throwable failure, Settings.Server server) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof AuthenticationFailedException) {
                return "the server refused the login: check the user name and the password"
                        + " (many providers need an app password, not your usual one)";
            }
            if (e instanceof UnknownHostException) {
                return "there is no host named " + server.host() + ": check the host name";
            }
            if (e instanceof ConnectException) {
                return "nothing answers on port " + server.port() + " of " + server.host() + ": check the port"
                        + " (usually 587 with starttls or 465 with ssl for SMTP, 993 with ssl for IMAP)";
            }
            if (e instanceof SocketTimeoutException) {
                return "no answer within " + server.timeout().toSeconds() + "s: a firewall, or the wrong port";
            }
            if (e instanceof SSLException) {
                return "the secure connection failed (" + e.getMessage() + "): check the security setting for this"
                        + " port (ssl for 465 and 993, starttls for 587 and 143), or set trust: true for a"
                        + " self-signed certificate you know";
            }
        }
        return failure == null ? "failed" : SmtpMailer.oneLine(failure);
    }
}
