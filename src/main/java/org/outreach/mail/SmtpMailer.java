package org.outreach.mail;

import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.outreach.campaign.FailureException;
import org.outreach.engine.Delivery;
import org.outreach.workspace.Settings;

/**
 * Sends over SMTP with Jakarta Mail (Eclipse Angus): STARTTLS, SSL or plain; login when a user name is set;
 * timeouts always set, since the library's defaults wait forever on a server that stops answering.
 */
public final class SmtpMailer implements Mailer {

    private final Settings.Server server;
    private final Session session;

    /**
     * @param heloName the name this side gives in EHLO; set so Jakarta Mail never looks up the local host name,
     *                 which can take seconds on a machine without reverse DNS
     */
    public SmtpMailer(Settings.Server server, String heloName) {
        this.server = server;
        this.session = Session.getInstance(properties(server, heloName));
    }

    static Properties properties(Settings.Server server, String heloName) {
        String timeout = Long.toString(server.timeout().toMillis());
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", server.host());
        p.setProperty("mail.smtp.port", Integer.toString(server.port()));
        p.setProperty("mail.smtp.localhost", heloName);
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        p.setProperty("mail.smtp.auth", Boolean.toString(server.username().isPresent()));
        // trust: the user vouches for this server's certificate, self-signed and whatever name it carries.
        p.setProperty("mail.smtp.ssl.checkserveridentity", Boolean.toString(!server.trust()));
        switch (server.security()) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
            }
            case SSL -> p.setProperty("mail.smtp.ssl.enable", "true");
            case NONE -> { }
            default -> throw new IllegalStateException("bug: security " + server.security());
        }
        if (server.trust()) {
            p.setProperty("mail.smtp.ssl.trust", server.host());
        }
        return p;
    }

    @Override
    public Connection connect() {
        HandoverTrackingTransport transport = new HandoverTrackingTransport(session,
                new URLName("smtp", server.host(), server.port(), null, null, null));
        try {
            transport.connect(server.host(), server.port(), server.username().orElse(null),
                    server.password().map(org.outreach.workspace.Secret::reveal).orElse(null));
        } catch (AuthenticationFailedException e) {
            throw new FailureException("the SMTP server " + address() + " refused the login of "
                    + server.username().orElse("(no user)") + ": " + oneLine(e), e);
        } catch (MessagingException e) {
            throw new FailureException("cannot connect to the SMTP server " + address() + ": " + oneLine(e), e);
        }
        return new SmtpConnection(transport);
    }

    private String address() {
        return server.host() + ":" + server.port();
    }

    static String oneLine(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()).strip());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(": ").append(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip());
        }
        return text.toString().replaceAll("\\s+", " ");
    }

    private static final class SmtpConnection implements Connection {

        private final HandoverTrackingTransport transport;

        SmtpConnection(HandoverTrackingTransport transport) {
            this.transport = transport;
        }

        @Override
        public Delivery send(MimeMessage message) {
            transport.startMessage();
            try {
                transport.sendMessage(message, message.getAllRecipients());
                return new Delivery(Delivery.Outcome.ACCEPTED, reply(), false);
            } catch (SMTPSendFailedException e) {
                if (e.getReturnCode() < 200) {
                    // Angus reports a connection that closed instead of answering as a reply with code -1.
                    return noAnswer(e);
                }
                boolean sender = e.getCommand() != null && e.getCommand().toUpperCase(java.util.Locale.ROOT).startsWith("MAIL");
                return byCode(e.getReturnCode(), oneLine(e), sender ? Delivery.Outcome.REFUSED : Delivery.Outcome.REJECTED);
            } catch (SendFailedException e) {
                for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
                    if (next instanceof SMTPAddressFailedException rejected) {
                        String reply = oneLine(rejected);
                        return byCode(rejected.getReturnCode(), reply,
                                RecipientReply.isAboutTheAddress(reply) ? Delivery.Outcome.RECIPIENT_REJECTED : Delivery.Outcome.REFUSED);
                    }
                }
                return new Delivery(Delivery.Outcome.TRANSIENT, oneLine(e), !transport.isConnected());
            } catch (MessagingException e) {
                return noAnswer(e);
            }
        }

        /** The connection broke or timed out: whether the server has the message depends on how far we got. */
        private Delivery noAnswer(MessagingException e) {
            return new Delivery(transport.handedOver() ? Delivery.Outcome.UNKNOWN : Delivery.Outcome.TRANSIENT,
                    "no answer from the server: " + oneLine(e), true);
        }

        private Delivery byCode(int code, String reply, Delivery.Outcome permanent) {
            boolean lost = code == 421 || !transport.isConnected();
            return new Delivery(code >= 500 ? permanent : Delivery.Outcome.TRANSIENT, reply, lost);
        }

        private String reply() {
            String last = transport.getLastServerResponse();
            return last == null ? "" : last.strip();
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // The messages are recorded already; a failing QUIT changes nothing.
            }
        }
    }
}
