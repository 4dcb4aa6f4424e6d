package org.outreach.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

/**
 * The sandbox's mailboxes on disk, so that what was delivered in one run is there in the next: one folder per
 * address, holding its UIDVALIDITY and one {@code UID.eml} per message. Numbering the files by UID keeps each
 * message's UID the same across runs, which the reply reader's cursor relies on.
 */
final class KeptMailboxes {

    private static final String UID_VALIDITY = "UIDVALIDITY";
    private static final String EML = ".eml";

    /** A message as it was delivered: its UID in the mailbox, and when it arrived. */
    record Kept(long uid, Path file, Instant arrived) {

        MimeMessage message() {
            try {
                return EmlFile.read(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sandbox message " + file, e);
            }
        }
    }

    private final Path root;

    KeptMailboxes(Path root) {
        this.root = root;
    }

    /** The addresses that have a mailbox on disk. */
    List<String> addresses() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).map(f -> URLDecoder.decode(f.getFileName().toString(), StandardCharsets.UTF_8))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sandbox mailboxes in " + root, e);
        }
    }

    /**
     * The mailbox's UIDVALIDITY; empty when none was saved, or when the file does not hold a number (written by an
     * older version in place and cut short by a crash). Then the mailbox gets a new one and the reply reader reads
     * it again from the start, which is harmless: it recognises the messages it has already recorded by Message-ID.
     */
    Optional<Long> uidValidity(String address) {
        Path file = folder(address).resolve(UID_VALIDITY);
        try {
            String text = Files.exists(file) ? Files.readString(file).strip() : "";
            return text.matches("\\d{1,18}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Saves the UIDVALIDITY whole or not at all, as the messages are saved: a crash never leaves it empty. */
    void saveUidValidity(String address, long uidValidity) {
        try {
            Files.createDirectories(folder(address));
            WholeFile.write(folder(address).resolve(UID_VALIDITY), (uidValidity + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sandbox mailbox of " + address + " in " + root, e);
        }
    }

    /** The mailbox's messages in UID order. */
    List<Kept> messages(String address) {
        try (Stream<Path> files = Files.list(folder(address))) {
            return files.filter(f -> f.getFileName().toString().matches("\\d+\\" + EML)).map(KeptMailboxes::kept)
                    .sorted(Comparator.comparingLong(Kept::uid)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox mailbox of " + address + " in " + root, e);
        }
    }

    /** Keeps a message just delivered; it is on disk before the delivery counts as done. */
    void write(String address, long uid, MimeMessage message) {
        try {
            EmlFile.write(folder(address).resolve(uid + EML), message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a message for " + address + " in " + root, e);
        }
    }

    /** A folder name for an address, and back: any character a file name cannot hold is %-escaped. */
    private Path folder(String address) {
        return root.resolve(URLEncoder.encode(address, StandardCharsets.UTF_8).replace("%40", "@"));
    }

    private static Kept kept(Path file) {
        String name = file.getFileName().toString();
        try {
            return new Kept(Long.parseLong(name.substring(0, name.length() - EML.length())), file,
                    Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
