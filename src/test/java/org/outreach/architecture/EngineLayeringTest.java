package org.outreach.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The engine declares the ports it needs and adapters implement them (issue 10, item 1): no engine file names
 * Jakarta Mail or the {@code mail} adapter, except the few not yet moved behind a port, each listed below with
 * exactly what it still names. The list may only shrink: an entry a file no longer needs fails too.
 */
class EngineLayeringTest {

    private static final Path ENGINE = Path.of("src/main/java/org/outreach/engine");

    /** jakarta.* and org.outreach.mail.*, imported or written out in the code. */
    private static final Pattern FORBIDDEN = Pattern.compile("\\b(?:jakarta(?:\\.\\w+)+|org\\.outreach\\.mail(?:\\.\\w+)+)");

    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** What the files not yet behind a port still name; nothing else in engine may name either. */
    private static final Map<String, Set<String>> NOT_YET_MOVED = Map.of(
            // Reply reading: the Mailbox port is a later part of issue 10, item 1.
            "Round.java", Set.of("org.outreach.mail.MailboxReader"),
            "ReplyAddresses.java", Set.of("org.outreach.mail.MailboxReader"),
            "ReplyTracker.java", Set.of("jakarta.mail.Address", "jakarta.mail.MessagingException",
                    "jakarta.mail.internet.InternetAddress", "jakarta.mail.internet.MimeMessage",
                    "org.outreach.mail.MailboxReader", "org.outreach.mail.MessageComposer"),
            "InboundMatcher.java", Set.of("jakarta.mail.MessagingException", "jakarta.mail.internet.MimeMessage"),
            // Previews hand composed MIME to test-send and the review pages; not yet behind a port.
            "Previewer.java", Set.of("jakarta.mail.internet.MimeMessage", "org.outreach.mail.MessageComposer"));

    @Test
    void the_sending_path_names_no_mail_library_and_no_mail_adapter() {
        assertThat(named("Dispatcher.java")).isEmpty();
        assertThat(named("Transport.java")).isEmpty();
        assertThat(named("Round.java")).isEqualTo(NOT_YET_MOVED.get("Round.java"));
    }

    @Test
    void no_engine_file_names_jakarta_or_mail_beyond_what_is_listed_as_not_yet_moved() {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.list(ENGINE)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                Set<String> names = named(f.getFileName().toString());
                if (!names.isEmpty()) {
                    found.put(f.getFileName().toString(), names);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(found).isEqualTo(new TreeMap<>(NOT_YET_MOVED));
    }

    private static Set<String> named(String file) {
        String code;
        try {
            code = COMMENTS.matcher(Files.readString(ENGINE.resolve(file))).replaceAll(" ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> names = new TreeSet<>();
        Matcher m = FORBIDDEN.matcher(code);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }
}
