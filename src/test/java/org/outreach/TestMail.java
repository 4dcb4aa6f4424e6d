package org.outreach;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Mail as tests write and read it: a message from its text, the address a message went to. */
public final class TestMail {

    private TestMail() {
    }

    /** A message from RFC 5322 text written with \n line ends, as a server would hand it over (CRLF). */
    public static MimeMessage parse(String text) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        } catch (MessagingException e) {
            throw new AssertionError("not a message: " + e.getMessage(), e);
        }
    }

    /** The first recipient's address. */
    public static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
