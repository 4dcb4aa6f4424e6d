package org.outreach.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The send references of bench/run (figure 1): the same ~5 KB message the daemon sends, to the same recipients,
 * into the same smtp-sink, with nothing but Jakarta Mail (no database, no rendering engine, no state):
 * <ul>
 * <li>{@code loop}: one {@link Transport} connected once, {@code sendMessage} per message — the best a Java
 * program on Jakarta Mail does over one connection;</li>
 * <li>{@code naive}: the static {@link Transport#send(jakarta.mail.Message)} per message, which opens, greets and
 * closes a connection for every message — the easy way that the daemon must beat.</li>
 * </ul>
 * Each message is a new {@link MimeMessage} built for its recipient (the template's text with the contact's first
 * name put in, a Subject, From, To, Date, Message-ID, List-Unsubscribe), as a real loop would. The time runs from
 * the first connection to the last message accepted, inside this JVM: the JVM's start is not in it, its warm-up is.
 * <p>
 * Usage: {@code SmtpLoopBench loop|naive HOST PORT MESSAGES TEMPLATE.ftl LIMIT_SECONDS}. Stops early, after the
 * message in flight, once {@code LIMIT_SECONDS} have passed. Prints
 * {@code per_s=… seconds=… sent=… bytes=…} (bytes: the first message's size).
 */
public final class SmtpLoopBench {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        int messages = Integer.parseInt(args[3]);
        String[] template = template(Path.of(args[4]));
        double limit = Double.parseDouble(args[5]);
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", host);
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "10000");
        properties.setProperty("mail.smtp.localhost", "localhost");
        Session session = Session.getInstance(properties);
        InternetAddress from = new InternetAddress("bench@example.org", "Bench Sender", "UTF-8");
        long bytes = 0;
        int sent = 0;
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (limit * 1e9);
        if (mode.equals("loop")) {
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (int i = 1; i <= messages && System.nanoTime() < deadline; i++) {
                    MimeMessage message = message(session, from, template, i);
                    transport.sendMessage(message, message.getAllRecipients());
                    bytes = bytes == 0 ? size(message) : bytes;
                    sent++;
                }
            }
        } else if (mode.equals("naive")) {
            for (int i = 1; i <= messages && System.nanoTime() < deadline; i++) {
                MimeMessage message = message(session, from, template, i);
                Transport.send(message);
                bytes = bytes == 0 ? size(message) : bytes;
                sent++;
            }
        } else {
            throw new IllegalArgumentException("mode: loop or naive, not " + mode);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("per_s=%.0f seconds=%.2f sent=%d bytes=%d%n", sent / seconds, seconds, sent, bytes);
    }

    /** The size of a message as it goes on the wire, headers included. */
    private static long size(MimeMessage message) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.size();
    }

    /** The subject line (after "Subject: ") and the body of the bench's template, as written by bench/run. */
    private static String[] template(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int blank = text.indexOf("\n\n");
        String subject = text.substring(0, blank).replaceFirst("^Subject: ", "");
        return new String[] {subject, text.substring(blank + 2)};
    }

    private static MimeMessage message(Session session, InternetAddress from, String[] template, int i) throws Exception {
        String name = "Name" + i;
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("contact" + i + "@example.net"));
        message.setSubject(template[0].replace("${contact.first_name}", name), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("List-Unsubscribe", "<mailto:bench@example.org?subject=unsubscribe>");
        message.setText(template[1].replace("${contact.first_name}", name), "UTF-8");
        message.saveChanges();
        return message;
    }
}
