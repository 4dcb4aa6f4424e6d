package org.outreach.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message saved as an .eml file: the bytes a mail server would hold, with CRLF line ends throughout (RFC 5322).
 * Jakarta Mail writes CRLF after headers but leaves a body's bare LFs as the text had them, and some mail clients
 * and tools then misread the file; so every line end is made CRLF here, byte by byte, whatever the charset.
 */
public final class EmlFile {

    private static final Session SESSION = Session.getInstance(new Properties());

    private EmlFile() {
    }

    /** Writes {@code message} to {@code file} whole or not at all: a crash never leaves half a message behind. */
    public static void write(Path file, MimeMessage message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            message.writeTo(bytes);
        } catch (MessagingException e) {
            throw new IOException("cannot write the message: " + e.getMessage(), e);
        }
        WholeFile.write(file, crlf(bytes.toByteArray()));
    }

    public static MimeMessage read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(SESSION, in);
        } catch (MessagingException e) {
            throw new IOException(file + " is not a message: " + e.getMessage(), e);
        }
    }

    /** Every CR, LF or CRLF made one CRLF. */
    static byte[] crlf(byte[] text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + text.length / 32 + 2);
        for (int i = 0; i < text.length; i++) {
            byte b = text[i];
            if (b == '\r' || b == '\n') {
                out.write('\r');
                out.write('\n');
                if (b == '\r' && i + 1 < text.length && text[i + 1] == '\n') {
                    i++;
                }
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
