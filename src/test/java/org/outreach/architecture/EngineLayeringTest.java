package org.outreach.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages show the architecture (issue 10, item 1): {@code campaign} is the domain and names only
 * {@code java.*}; {@code engine} declares the ports it needs ({@code Outbox}, {@code Transport}) and names no
 * library of an adapter (Jdbi, Jakarta Mail, FreeMarker, Quartz) and no adapter package; adapters do not name
 * each other. Where the code is not there yet, each file is listed below with exactly the packages it still
 * names. The lists may only shrink: an entry a file no longer needs fails too, so it has to be removed.
 */
class EngineLayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/org/outreach");

    /** The libraries of adapters, and the adapter packages, by the package a name belongs to. */
    private static final Pattern ADAPTER_NAME = Pattern.compile("\\b(jakarta\\.\\w+|org\\.jdbi|freemarker|org\\.quartz"
            + "|org\\.outreach\\.(?:mail|store|render|workspace|cli|daemon|review))(?:\\.\\w+)+");

    private static final Pattern ANY_IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)\\s*;");

    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** What each engine file not yet behind a port still names; no other engine file may name any of it. */
    private static final Map<String, Set<String>> ENGINE_NOT_YET_MOVED = Map.ofEntries(
            Map.entry("CampaignCheck.java", Set.of("org.outreach.store", "org.outreach.workspace")),
            Map.entry("CampaignContent.java", Set.of("org.outreach.workspace")),
            Map.entry("CampaignControl.java", Set.of("org.outreach.store", "org.outreach.workspace")),
            Map.entry("CampaignExport.java", Set.of("org.outreach.store")),
            Map.entry("CampaignZones.java", Set.of("org.outreach.store", "org.outreach.workspace")),
            Map.entry("ContactBook.java", Set.of("org.outreach.store", "org.outreach.workspace")),
            Map.entry("ContactsFileChange.java", Set.of("org.outreach.store", "org.outreach.workspace")),
            Map.entry("InboundEffects.java", Set.of("org.outreach.store")),
            Map.entry("InboundMatcher.java", Set.of("org.outreach.store")),
            Map.entry("Intake.java", Set.of("org.outreach.store", "org.outreach.workspace")),
            Map.entry("LaunchedCampaign.java", Set.of("org.outreach.render", "org.outreach.store", "org.outreach.workspace")),
            Map.entry("Launcher.java", Set.of("org.outreach.store", "org.outreach.workspace")),
            Map.entry("MailboxLimits.java", Set.of("org.outreach.store", "org.outreach.workspace")),
            Map.entry("Previewer.java", Set.of("org.outreach.render", "org.outreach.workspace")),
            Map.entry("ReplyAddresses.java", Set.of("org.outreach.store", "org.outreach.workspace")),
            Map.entry("ReplyTracker.java", Set.of("org.outreach.store", "org.outreach.workspace")),
            Map.entry("Resolution.java", Set.of("org.outreach.store", "org.outreach.workspace")),
            Map.entry("Review.java", Set.of("org.outreach.store")),
            Map.entry("ReviewModel.java", Set.of("org.outreach.store", "org.outreach.workspace")),
            Map.entry("ReviewWarnings.java", Set.of("org.outreach.render")),
            Map.entry("Round.java", Set.of("org.outreach.store", "org.outreach.workspace")),
            Map.entry("SendingCampaigns.java", Set.of("org.outreach.store", "org.outreach.workspace")),
            Map.entry("Sequence.java", Set.of("org.outreach.store")),
            Map.entry("SharedMailbox.java", Set.of("org.outreach.workspace")),
            Map.entry("StatusReport.java", Set.of("org.outreach.store", "org.outreach.workspace")),
            Map.entry("Timeline.java", Set.of("org.outreach.store")),
            Map.entry("Validation.java", Set.of("org.outreach.render", "org.outreach.workspace")),
            Map.entry("Validator.java", Set.of("org.outreach.render", "org.outreach.workspace")));

    /** The adapters, and which other adapters each still names. */
    private static final Map<String, Set<String>> ADAPTERS_NAMING_ADAPTERS = Map.of(
            "mail", Set.of("org.outreach.workspace"),
            "store", Set.of(),
            "render", Set.of(),
            "review", Set.of("org.outreach.store", "org.outreach.workspace"));

    @Test
    void the_domain_names_nothing_but_java() {
        Map<String, Set<String>> found = new TreeMap<>();
        for (Path file : sources("campaign")) {
            Set<String> imports = new TreeSet<>();
            Matcher m = ANY_IMPORT.matcher(code(file));
            while (m.find()) {
                if (!m.group(1).startsWith("java.") && !m.group(1).startsWith("org.outreach.campaign.")) {
                    imports.add(m.group(1));
                }
            }
            if (!imports.isEmpty()) {
                found.put(file.getFileName().toString(), imports);
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void the_ports_and_the_sending_path_name_no_adapter() {
        for (String file : List.of("Dispatcher.java", "Outbox.java", "OutboxMessage.java", "Outcomes.java", "Transport.java",
                "Delivery.java", "Envelope.java", "Pacer.java", "Mailbox.java", "InboundMail.java")) {
            assertThat(adapterPackagesNamedBy(SOURCES.resolve("engine").resolve(file))).as(file).isEmpty();
        }
    }

    @Test
    void no_engine_file_names_an_adapter_beyond_what_is_listed_as_not_yet_moved() {
        Map<String, Set<String>> found = new TreeMap<>();
        for (Path file : sources("engine")) {
            Set<String> named = adapterPackagesNamedBy(file);
            if (!named.isEmpty()) {
                found.put(file.getFileName().toString(), named);
            }
        }
        assertThat(found).isEqualTo(new TreeMap<>(ENGINE_NOT_YET_MOVED));
    }

    @Test
    void the_engine_names_no_mail_library_no_database_library_and_no_shell() {
        Set<String> named = new TreeSet<>();
        sources("engine").forEach(file -> named.addAll(adapterPackagesNamedBy(file)));
        // What remains to move behind ports: the store (use cases other than sending and reading replies), the
        // workspace's files and the renderer.
        assertThat(named).containsExactlyInAnyOrder("org.outreach.store", "org.outreach.workspace", "org.outreach.render");
    }

    @Test
    void adapters_do_not_name_each_other_beyond_what_is_listed() {
        ADAPTERS_NAMING_ADAPTERS.forEach((adapter, allowed) -> {
            Set<String> named = new TreeSet<>();
            for (Path file : sources(adapter)) {
                adapterPackagesNamedBy(file).stream().filter(p -> p.startsWith("org.outreach.")
                        && !p.equals("org.outreach." + adapter)).forEach(named::add);
            }
            assertThat(named).as(adapter).isEqualTo(allowed);
        });
    }

    /** The adapter libraries and packages a file names, imported or written out in the code. */
    private static Set<String> adapterPackagesNamedBy(Path file) {
        Set<String> names = new TreeSet<>();
        Matcher m = ADAPTER_NAME.matcher(code(file));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String code(Path file) {
        try {
            return COMMENTS.matcher(Files.readString(file)).replaceAll(" ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sources(String pkg) {
        try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
