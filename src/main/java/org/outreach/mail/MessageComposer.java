package org.outreach.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Date;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import org.outreach.campaign.Contact;
import org.outreach.campaign.EmailAddress;
import org.outreach.campaign.RenderedEmail;
import org.outreach.engine.Envelope;

/**
 * Turns a rendered email into the MIME message that is sent: plain text first, an HTML alternative when the
 * step has one, attachments after. Every header value goes through Jakarta Mail's encoders, and contact data
 * reached the headers only as single lines (see the render package), so data cannot add headers.
 */
public final class MessageComposer {

    /** The longest line SMTP carries (RFC 5321), not counting the line break. */
    private static final int MAX_LINE = 998;

    private final Session session = Session.getInstance(new Properties());

    public MimeMessage compose(RenderedEmail email, Envelope envelope) {
        try {
            MimeMessage message = new FixedIdMessage(session, envelope.messageId());
            message.setFrom(address(email.from().email(), email.from().name()));
            message.setRecipient(MimeMessage.RecipientType.TO, recipient(email.to()));
            if (email.from().replyTo().isPresent()) {
                message.setReplyTo(new InternetAddress[] {address(email.from().replyTo().get(), email.from().name())});
            }
            message.setSubject(envelope.subject(), "UTF-8");
            message.setSentDate(Date.from(envelope.date()));
            if (!envelope.references().isEmpty()) {
                message.setHeader("In-Reply-To", envelope.references().get(envelope.references().size() - 1));
                message.setHeader("References", String.join(" ", envelope.references()));
            }
            message.setHeader("List-Unsubscribe", "<mailto:" + email.from().email() + "?subject=unsubscribe>");
            body(message, email);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("bug: composing a message from checked parts failed: " + e.getMessage(), e);
        }
    }

    /** The message exactly as it would go over SMTP, with CRLF line ends. */
    public static String text(MimeMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("bug: writing a composed message failed: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void body(MimeMessage message, RenderedEmail email) throws MessagingException {
        MimeMultipart alternative = null;
        if (email.html().isPresent()) {
            MimeBodyPart text = new MimeBodyPart();
            setText(text, email.text(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            setText(html, email.html().get(), "html");
            alternative = new MimeMultipart("alternative", text, html);
        }
        if (email.attachments().isEmpty()) {
            if (alternative == null) {
                setText(message, email.text(), "plain");
            } else {
                message.setContent(alternative);
            }
            return;
        }
        MimeBodyPart first = new MimeBodyPart();
        if (alternative == null) {
            setText(first, email.text(), "plain");
        } else {
            first.setContent(alternative);
        }
        MimeMultipart mixed = new MimeMultipart("mixed", first);
        for (Path file : email.attachments()) {
            MimeBodyPart attachment = new MimeBodyPart();
            try {
                attachment.attachFile(file.toFile(), AttachmentType.of(file), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            mixed.addBodyPart(attachment);
        }
        message.setContent(mixed);
    }

    /**
     * UTF-8 text sent as it is written (8bit, which every current mail server accepts) rather than
     * quoted-printable, so the message stays readable in a preview and in any mail source view. Only a line
     * too long for SMTP (over 998 bytes) falls back to quoted-printable.
     */
    private static void setText(MimePart part, String text, String subtype) throws MessagingException {
        part.setText(text, "UTF-8", subtype);
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(text);
        boolean shortLines = text.lines().allMatch(line -> line.getBytes(StandardCharsets.UTF_8).length <= MAX_LINE);
        part.setHeader("Content-Transfer-Encoding", !shortLines ? "quoted-printable" : ascii ? "7bit" : "8bit");
    }

    private static InternetAddress recipient(Contact contact) {
        return address(contact.email(), contact.displayName());
    }

    private static InternetAddress address(EmailAddress email, String name) {
        try {
            return name.isBlank() ? new InternetAddress(email.value()) : new InternetAddress(email.value(), name, "UTF-8");
        } catch (UnsupportedEncodingException | jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException("bug: a checked address was refused: " + email, e);
        }
    }

    /** Jakarta Mail makes up a Message-ID on every save; ours is recorded before sending, so it must stay. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
