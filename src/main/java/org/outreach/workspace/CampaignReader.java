package org.outreach.workspace;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.EmailAddress;
import org.outreach.campaign.Limits;
import org.outreach.campaign.Problems;
import org.outreach.campaign.Segment;
import org.outreach.campaign.SendWindow;
import org.outreach.campaign.Sender;
import org.outreach.campaign.Step;
import org.outreach.campaign.Location;

/** Reads a campaign definition file, reporting every mistake in it with its line. */
public final class CampaignReader {

    /** Step and segment names become file and folder names, and appear in commands: keep them plain. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final Workspace workspace;
    /** Off for definitions kept at an earlier launch, which may predate the rule that a segment says its match. */
    private final boolean matchRequired;

    private CampaignReader(Workspace workspace, boolean matchRequired) {
        this.workspace = workspace;
        this.matchRequired = matchRequired;
    }

    /** Reads definition files as they must be written now, before they are launched. */
    public CampaignReader(Workspace workspace) {
        this(workspace, true);
    }

    /**
     * Reads definitions kept in the database as they were accepted at launch: a rule added since must not stop
     * an already launched campaign (its sending, its mailbox's other campaigns, status) from loading.
     */
    public static CampaignReader asLaunched(Workspace workspace) {
        return new CampaignReader(workspace, false);
    }

    /** The campaign, or empty with the reasons in {@code problems}. */
    public Optional<Campaign> read(Path file, Problems problems) {
        Problems found = new Problems();
        return campaign(file, YamlNode.read(file, workspace.display(file), found), found, problems);
    }

    /** Reads a definition from its text: a kept copy of one, read as if it were still at {@code file}. */
    public Optional<Campaign> read(Path file, String text, Problems problems) {
        Problems found = new Problems();
        return campaign(file, YamlNode.parse(workspace.display(file), text, found), found, problems);
    }

    /** The campaign when the file had no error; {@code found} collects this file's problems only. */
    private Optional<Campaign> campaign(Path file, Optional<YamlNode> root, Problems found, Problems problems) {
        if (root.isEmpty() && !found.hasErrors()) {
            found.error(Location.of(workspace.display(file)), "the campaign file is empty");
        }
        Optional<Campaign> campaign = root
                .flatMap(node -> node.fields("name", "sender", "contacts", "segments", "steps", "limits", "window", "start", "vars",
                        "review", "strict"))
                .flatMap(fields -> campaign(file, fields));
        problems.addAll(found);
        return found.hasErrors() ? Optional.empty() : campaign;
    }

    private Optional<Campaign> campaign(Path file, YamlNode.Fields fields) {
        Optional<String> name = fields.requiredText("name");
        Optional<Sender> sender = fields.required("sender").flatMap(this::sender);
        Optional<Path> contacts = fields.required("contacts").flatMap(node -> node.text().map(p -> file.resolveSibling(p).normalize()));
        List<Segment> segments = segments(fields);
        List<Step> steps = steps(fields);
        Limits limits = fields.optional("limits").flatMap(this::limits).orElse(Limits.defaults());
        SendWindow window = fields.optional("window").flatMap(this::window).orElse(SendWindow.always(ZoneId.systemDefault()));
        Optional<LocalDateTime> start = fields.optional("start").flatMap(node -> node.as(t -> TextFormats.start(t, window.opens())));
        Map<String, String> vars = fields.optional("vars").flatMap(this::vars).orElse(Map.of());
        boolean review = fields.optional("review").flatMap(n -> n.as(CampaignReader::review)).orElse(false);
        boolean strict = fields.optional("strict").flatMap(n -> n.as(CampaignReader::strict)).orElse(false);
        if (name.isEmpty() || sender.isEmpty() || contacts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Campaign(key(file), name.get(), file, sender.get(), contacts.get(), segments, steps,
                limits, window, start, vars, review, strict, written(fields)));
    }

    /** The lines of the keys that warnings found later (a start in the past, a shared mailbox) point at. */
    private static Map<String, Location> written(YamlNode.Fields fields) {
        Map<String, Location> written = new LinkedHashMap<>();
        for (String key : List.of("sender", "start", "limits", "window")) {
            fields.optional(key).map(YamlNode::at).ifPresent(at -> written.put(key, Location.of(at.file(), at.line())));
        }
        return written;
    }

    /** The file name without its extension: what the database and the command line call the campaign. */
    public static String key(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    private Optional<Sender> sender(YamlNode node) {
        return node.fields("name", "email", "reply_to").flatMap(f -> {
            Optional<String> name = f.requiredText("name");
            Optional<EmailAddress> email = f.required("email").flatMap(CampaignReader::address);
            Optional<EmailAddress> replyTo = f.optional("reply_to").flatMap(CampaignReader::address);
            return name.flatMap(n -> email.map(e -> new Sender(n, e, replyTo)));
        });
    }

    private static Optional<EmailAddress> address(YamlNode node) {
        return node.as(text -> EmailAddress.parse(text)
                .orElseThrow(() -> new IllegalArgumentException("\"" + text + "\" is not a valid email address")));
    }

    private List<Segment> segments(YamlNode.Fields fields) {
        List<YamlNode> nodes = YamlNode.nonEmptyList(fields, "segments", "a campaign needs at least one segment");
        List<Segment> segments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode node : nodes) {
            node.fields("name", "match", "templates").ifPresent(f -> {
                Optional<String> name = f.required("name").flatMap(n -> plainName(n, names, "segment"));
                // A forgotten match: would silently take every contact, and every segment after it none. Launched
                // by an earlier version, such a segment is the catch-all it was then: match: {}.
                if (matchRequired && f.optional("match").isEmpty()) {
                    node.error("segment " + f.optional("name").flatMap(YamlNode::text).orElse("") + " has no \"match\";"
                            + " write match: {} for a segment that takes every contact not taken by a segment above it");
                }
                Map<String, Set<String>> match = f.optional("match").flatMap(CampaignReader::match).orElse(Map.of());
                Optional<YamlNode> templates = f.required("templates");
                Optional<String> folder = templates.flatMap(YamlNode::text).map(t -> t.strip().replaceAll("^/+|/+$", ""));
                if (name.isPresent() && folder.isPresent()) {
                    segments.add(new Segment(name.get(), match, folder.get(), node.at()));
                }
            });
        }
        return segments;
    }

    private static Optional<Map<String, Set<String>>> match(YamlNode node) {
        return node.entries().map(entries -> {
            Map<String, Set<String>> match = new LinkedHashMap<>();
            entries.forEach((column, values) -> {
                Set<String> accepted = new LinkedHashSet<>();
                values.items().forEach(v -> v.text().ifPresent(accepted::add));
                match.put(column, accepted);
            });
            return match;
        });
    }

    private List<Step> steps(YamlNode.Fields fields) {
        List<YamlNode> nodes = YamlNode.nonEmptyList(fields, "steps", "a campaign needs at least one step");
        List<Step> steps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode node : nodes) {
            node.fields("name", "after").ifPresent(f -> {
                Optional<String> name = f.required("name").flatMap(n -> plainName(n, names, "step"));
                Optional<YamlNode> after = f.optional("after");
                if (steps.isEmpty() && after.isPresent()) {
                    after.get().error("the first step goes out at launch (or at \"start\"); \"after\" belongs to the follow-ups");
                } else if (!steps.isEmpty() && after.isEmpty()) {
                    node.error("a follow-up needs \"after\": how long after the previous step, e.g. 4d");
                }
                Duration delay = steps.isEmpty() ? Duration.ZERO
                        : after.flatMap(a -> a.as(TextFormats::delay)).orElse(Duration.ZERO);
                name.ifPresent(n -> steps.add(new Step(n, steps.size() + 1, delay)));
            });
        }
        return steps;
    }

    private static Optional<String> plainName(YamlNode node, Set<String> seen, String what) {
        return node.text().flatMap(name -> {
            if (!NAME.matcher(name).matches()) {
                node.error("\"" + name + "\" cannot be a " + what + " name: use letters, digits, '-', '_' and '.'");
                return Optional.empty();
            }
            if (!seen.add(name)) {
                node.error("there is already a " + what + " named \"" + name + "\"");
                return Optional.empty();
            }
            return Optional.of(name);
        });
    }

    private Optional<Limits> limits(YamlNode node) {
        return node.fields("per_day", "per_hour", "min_gap").map(f -> new Limits(
                f.optional("per_day").flatMap(CampaignReader::positive).orElse(Limits.DEFAULT_PER_DAY),
                f.optional("per_hour").flatMap(CampaignReader::positive).orElse(Limits.DEFAULT_PER_HOUR),
                f.optional("min_gap").flatMap(n -> n.as(TextFormats::delay)).orElse(Duration.ZERO)));
    }

    private static Optional<Integer> positive(YamlNode node) {
        return node.as(text -> {
            try {
                int n = Integer.parseInt(text.strip());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("\"" + text + "\" is not a whole number above zero");
        });
    }

    private Optional<SendWindow> window(YamlNode node) {
        return node.fields("days", "hours", "timezone").map(f -> {
            Set<DayOfWeek> days = f.optional("days").flatMap(CampaignReader::days).orElse(Set.of(DayOfWeek.values()));
            LocalTime[] hours = f.optional("hours").flatMap(n -> n.as(TextFormats::hours))
                    .orElse(new LocalTime[] {LocalTime.MIN, LocalTime.MAX});
            ZoneId zone = f.optional("timezone").flatMap(n -> n.as(CampaignReader::zone)).orElse(ZoneId.systemDefault());
            return new SendWindow(days, hours[0], hours[1], zone);
        });
    }

    /** {@code mon-fri}, {@code mon,wed,fri}, or a YAML list of either: {@code [mon, wed, fri]}. */
    private static Optional<Set<DayOfWeek>> days(YamlNode node) {
        List<YamlNode> items = node.items("no days: the window would never open; write the days to send on, e.g. mon-fri");
        Set<DayOfWeek> days = java.util.EnumSet.noneOf(DayOfWeek.class);
        boolean read = true;
        for (YamlNode item : items) {
            Optional<Set<DayOfWeek>> some = item.as(TextFormats::days);
            some.ifPresent(days::addAll);
            read &= some.isPresent();
        }
        return read && !days.isEmpty() ? Optional.of(days) : Optional.empty();
    }

    private static boolean review(String text) {
        return switch (text.strip()) {
            case "required" -> true;
            case "optional" -> false;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not a review setting; use required or optional");
        };
    }

    private static boolean strict(String text) {
        return switch (text.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not a strict setting; use true or false");
        };
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time zone; use a name like America/Chicago or Europe/Berlin");
        }
    }

    private Optional<Map<String, String>> vars(YamlNode node) {
        return node.entries().map(entries -> {
            Map<String, String> vars = new LinkedHashMap<>();
            entries.forEach((name, value) -> value.text().ifPresent(v -> vars.put(name, v)));
            return vars;
        });
    }
}
