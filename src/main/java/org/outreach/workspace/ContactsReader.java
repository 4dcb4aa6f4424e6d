package org.outreach.workspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.outreach.campaign.Contact;
import org.outreach.campaign.EmailAddress;
import org.outreach.campaign.Location;
import org.outreach.campaign.Problems;

/**
 * Reads a contacts CSV: a header row naming the columns, {@code email} among them, then one contact per row.
 * UTF-8 with or without a byte-order mark; fields separated by commas, or by semicolons or tabs when the header
 * is (see {@link Separator}); quoted fields may hold separators and line breaks. A row with a bad or repeated
 * address is reported with its line and left out; the others are kept.
 */
public final class ContactsReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(false).setTrim(true).get();
    private static final Set<String> ADDRESS_HEADERS = Set.of("email", "emailaddress");
    /** How far ahead the header line is looked at to find its separator. */
    private static final int HEADER_PEEK = 64 * 1024;

    private final Workspace workspace;

    public ContactsReader(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The contacts and the names of the columns, in file order. */
    public record ContactsFile(List<String> columns, List<Contact> contacts) {
    }

    public Optional<ContactsFile> read(Path file, Problems problems) {
        String shown = workspace.display(file);
        try (InputStream in = Files.newInputStream(file); BufferedReader reader = utf8(in)) {
            Optional<Separator> separator = separator(headerLine(reader), shown, problems);
            if (separator.isEmpty()) {
                return Optional.empty();
            }
            CSVParser parser = CSVParser.builder().setReader(reader)
                    .setFormat(FORMAT.builder().setDelimiter(separator.get().character()).get()).get();
            List<String> columns = columns(parser.getHeaderNames());
            long addressColumns = columns.stream().filter(Contact.EMAIL::equals).count();
            if (addressColumns != 1) {
                problems.error(Location.of(shown, 1), addressColumns == 0
                        ? "the header row has no \"email\" column (it has: " + String.join(", ", parser.getHeaderNames()) + ")"
                        : "the header row has " + addressColumns + " email columns (" + String.join(", ", parser.getHeaderNames())
                        + "); keep one");
                return Optional.empty();
            }
            return Optional.of(new ContactsFile(columns, contacts(parser, shown, columns, separator.get(), problems)));
        } catch (java.nio.file.NoSuchFileException e) {
            problems.error(Location.of(shown), "no such contacts file");
        } catch (UncheckedIOException | IOException | IllegalArgumentException | IllegalStateException e) {
            problems.error(Location.of(shown), "not a readable CSV file: " + rootMessage(e));
        }
        return Optional.empty();
    }

    private static Optional<Separator> separator(String header, String shown, Problems problems) {
        try {
            return Optional.of(Separator.of(header));
        } catch (IllegalArgumentException e) {
            problems.error(Location.of(shown, 1), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The column names as written, except the address column: {@code Email}, {@code E-mail}, {@code EMAIL} or
     * {@code E-mail Address} is the {@code email} column, as spreadsheets and address-book exports name it.
     */
    private static List<String> columns(List<String> header) {
        return header.stream().map(name -> ADDRESS_HEADERS.contains(name.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", ""))
                ? Contact.EMAIL : name.strip()).toList();
    }

    /** The first line, read ahead and given back, so its separator is known before the file is parsed. */
    private static String headerLine(BufferedReader reader) throws IOException {
        reader.mark(HEADER_PEEK);
        StringBuilder line = new StringBuilder();
        for (int c = reader.read(); c >= 0 && c != '\n' && c != '\r' && line.length() < HEADER_PEEK - 1; c = reader.read()) {
            line.append((char) c);
        }
        reader.reset();
        return line.toString();
    }

    private static List<Contact> contacts(CSVParser parser, String shown, List<String> columns, Separator separator,
                                          Problems problems) {
        List<Contact> contacts = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        long line = parser.getCurrentLineNumber() + 1;
        for (CSVRecord record : parser) {
            Location row = Location.of(shown, (int) line);
            line = parser.getCurrentLineNumber() + 1;
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue; // a blank line; read as a record so that line numbers stay exact
            }
            if (record.size() != columns.size()) {
                problems.error(row, "this row has " + record.size() + " fields but the header has " + columns.size()
                        + "; a " + separator.word() + " inside a value needs the value in double quotes");
                continue;
            }
            String email = record.get(columns.indexOf(Contact.EMAIL));
            Optional<EmailAddress> address = EmailAddress.parse(email);
            if (address.isEmpty()) {
                problems.error(row, email.isEmpty() ? "the email is empty" : "\"" + email + "\" is not a valid email address");
                continue;
            }
            Integer first = seen.putIfAbsent(address.get().key(), row.line());
            if (first != null) {
                problems.error(row, address.get() + " is already on line " + first + "; this row is left out");
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                fields.put(columns.get(i), record.get(i));
            }
            contacts.add(new Contact(address.get(), fields, row));
        }
        return contacts;
    }

    /** Strict UTF-8, so a file saved in another encoding is reported instead of read as garbled names. */
    private static BufferedReader utf8(InputStream in) throws IOException {
        in = in.markSupported() ? in : new java.io.BufferedInputStream(in);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CharacterCodingException) {
            return "it is not UTF-8 text; save it as UTF-8";
        }
        return String.valueOf(cause.getMessage());
    }
}
