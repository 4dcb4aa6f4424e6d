package org.outreach.inbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Reading the parts of an inbound message without trusting it: notices from old or exotic servers carry wrong
 * content types, odd charsets and broken multiparts, and nothing here throws because of that.
 */
final class MailParts {

    private MailParts() {
    }

    /** Every leaf part, depth first; an attached message counts as one leaf (its content is not entered). */
    static List<Part> leaves(Part part) {
        List<Part> leaves = new ArrayList<>();
        collect(part, leaves);
        return leaves;
    }

    private static void collect(Part part, List<Part> leaves) {
        try {
            if (part.isMimeType("multipart/*")) {
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        BodyPart child = multipart.getBodyPart(i);
                        collect(child, leaves);
                    }
                    return;
                }
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            // a broken multipart: keep the part itself, read as text
        }
        leaves.add(part);
    }

    /** The lower-cased base type, e.g. {@code message/delivery-status}. */
    static String type(Part part) {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "text/plain";
        }
    }

    static Optional<String> parameter(Part part, String name) {
        try {
            return Optional.ofNullable(new ContentType(part.getContentType()).getParameter(name));
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A part's text, decoded; raw bytes as Latin-1 when its charset or encoding is broken. */
    static String text(Part part) {
        byte[] bytes = bytes(part);
        Charset charset = parameter(part, "charset").flatMap(MailParts::charset).orElse(StandardCharsets.UTF_8);
        String text = new String(bytes, charset);
        if (text.indexOf('\uFFFD') >= 0 && charset.equals(StandardCharsets.UTF_8)) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return text;
    }

    private static byte[] bytes(Part part) {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (MessagingException | IOException | RuntimeException e) {
            try {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                part.writeTo(raw);
                return raw.toByteArray();
            } catch (MessagingException | IOException | RuntimeException e2) {
                return new byte[0];
            }
        }
    }

    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(MimeUtility.javaCharset(name.strip())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The text parts of the message (plain first, then HTML with tags removed), not counting attached messages. */
    static String bodyText(MimeMessage message) {
        StringBuilder text = new StringBuilder();
        List<Part> leaves = leaves(message);
        for (Part p : leaves) {
            if (type(p).equals("text/plain")) {
                text.append(text(p)).append('\n');
            }
        }
        if (text.length() == 0) {
            for (Part p : leaves) {
                if (type(p).equals("text/html")) {
                    text.append(text(p).replaceAll("(?is)<(script|style).*?</\\1>", " ").replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n")
                            .replaceAll("<[^>]+>", " ").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                            .replace("&amp;", "&")).append('\n');
                }
            }
        }
        return text.toString();
    }

    static String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? "" : MimeUtility.unfold(values[0]).strip();
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    static String decodedHeader(Part part, String name) {
        String raw = header(part, name);
        try {
            return MimeUtility.decodeText(raw);
        } catch (IOException | RuntimeException e) {
            return raw;
        }
    }
}
