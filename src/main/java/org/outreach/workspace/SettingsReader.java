package org.outreach.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.outreach.campaign.Location;
import org.outreach.campaign.Problems;

/**
 * Reads {@code outreach.yaml}. Any value may be {@code ${ENV_VAR}}, which is how secrets get in: they are never
 * written in the file, and never printed.
 */
public final class SettingsReader {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Workspace workspace;
    private final Map<String, String> environment;

    public SettingsReader(Workspace workspace, Map<String, String> environment) {
        this.workspace = workspace;
        this.environment = environment;
    }

    /** Reads {@code file}; a missing file is fine only when the user did not name it. */
    public Optional<Settings> read(Path file, boolean named, Problems problems) {
        String shown = workspace.display(file);
        if (!Files.exists(file)) {
            if (named) {
                problems.error(Location.of(shown), "no such settings file");
                return Optional.empty();
            }
            return Optional.of(Settings.defaults());
        }
        Problems found = new Problems();
        Optional<Settings> settings = YamlNode.read(file, shown, found)
                .map(root -> root.fields("database", "mail").map(this::settings).orElse(Settings.defaults()))
                .or(() -> Optional.of(Settings.defaults()));
        problems.addAll(found);
        return found.hasErrors() ? Optional.empty() : settings;
    }

    private Settings settings(YamlNode.Fields fields) {
        Optional<String> database = fields.optional("database").flatMap(this::text);
        Settings.Mail mail = fields.optional("mail").flatMap(n -> n.fields("mode", "smtp", "imap", "reply_to_imap", "give_up_after")).map(this::mail)
                .orElse(Settings.defaults().mail());
        return new Settings(database, mail);
    }

    private Settings.Mail mail(YamlNode.Fields f) {
        Optional<Settings.Server> smtp = f.optional("smtp").flatMap(n -> server(n, false));
        Optional<Settings.Server> imap = f.optional("imap").flatMap(n -> server(n, true));
        Optional<Settings.Server> replyToImap = f.optional("reply_to_imap").flatMap(n -> server(n, true));
        Settings.Mail.Mode mode = f.optional("mode")
                .flatMap(n -> choice(n, Settings.Mail.Mode.class))
                .orElse(smtp.isPresent() ? Settings.Mail.Mode.SMTP : Settings.Mail.Mode.SANDBOX);
        if (mode == Settings.Mail.Mode.SMTP && smtp.isEmpty()) {
            f.optional("mode").ifPresent(n -> n.error("mode smtp needs an \"smtp\" section with the server to send through"));
        }
        Duration giveUpAfter = f.optional("give_up_after").flatMap(n -> n.as(TextFormats::delay))
                .orElse(Settings.Mail.DEFAULT_GIVE_UP_AFTER);
        return new Settings.Mail(mode, smtp, imap, replyToImap, giveUpAfter);
    }

    private Optional<Settings.Server> server(YamlNode node, boolean imap) {
        String[] keys = imap
                ? new String[] {"host", "port", "security", "username", "password", "trust", "timeout", "folder", "sent_folder"}
                : new String[] {"host", "port", "security", "username", "password", "trust", "timeout", "connections"};
        return node.fields(keys).flatMap(f -> {
            Optional<String> host = f.required("host").flatMap(this::text);
            Settings.Security security = f.optional("security").flatMap(n -> choice(n, Settings.Security.class))
                    .orElse(imap ? Settings.Security.SSL : Settings.Security.STARTTLS);
            int port = f.optional("port").flatMap(this::port).orElse(defaultPort(imap, security));
            Optional<String> username = f.optional("username").flatMap(this::text);
            Optional<Secret> password = f.optional("password").flatMap(this::text).map(Secret::new);
            boolean trust = f.optional("trust").flatMap(n -> n.as(SettingsReader::bool)).orElse(false);
            String folder = f.optional("folder").flatMap(this::text).orElse("INBOX");
            Duration timeout = f.optional("timeout").flatMap(n -> n.as(TextFormats::delay)).orElse(Settings.Server.DEFAULT_TIMEOUT);
            Optional<String> sentFolder = f.optional("sent_folder").flatMap(this::text);
            int connections = f.optional("connections").flatMap(this::connections).orElse(1);
            return host.map(h -> new Settings.Server(h, port, security, username, password, trust, folder, sentFolder,
                    timeout, connections));
        });
    }

    /** The ports mail providers document: 587 (STARTTLS) or 465 (SSL) for SMTP, 993 (SSL) or 143 for IMAP. */
    private static int defaultPort(boolean imap, Settings.Security security) {
        boolean ssl = security == Settings.Security.SSL;
        return imap ? (ssl ? 993 : 143) : (ssl ? 465 : 587);
    }

    private Optional<Integer> connections(YamlNode node) {
        return text(node).flatMap(value -> {
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= 1 && n <= Settings.Server.MAX_CONNECTIONS) {
                    return Optional.of(n);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            node.error("connections must be a whole number from 1 to " + Settings.Server.MAX_CONNECTIONS + ", not \"" + value + "\"");
            return Optional.empty();
        });
    }

    private Optional<Integer> port(YamlNode node) {
        return text(node).flatMap(value -> {
            try {
                int port = Integer.parseInt(value.strip());
                if (port > 0 && port < 65536) {
                    return Optional.of(port);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            node.error("\"" + value + "\" is not a port number");
            return Optional.empty();
        });
    }

    private <E extends Enum<E>> Optional<E> choice(YamlNode node, Class<E> type) {
        return text(node).flatMap(value -> {
            try {
                return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                StringBuilder allowed = new StringBuilder();
                for (E constant : type.getEnumConstants()) {
                    allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
                }
                node.error("\"" + value + "\" is not one of: " + allowed);
                return Optional.empty();
            }
        });
    }

    private static boolean bool(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("\"" + value + "\" is not true or false");
        };
    }

    /** A scalar with its {@code ${VAR}} references replaced from the environment. */
    private Optional<String> text(YamlNode node) {
        return node.text().flatMap(value -> {
            Matcher m = VARIABLE.matcher(value);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement = environment.get(m.group(1));
                if (replacement == null) {
                    node.error("the environment variable " + m.group(1) + " is not set");
                    return Optional.empty();
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            return Optional.of(out.toString());
        });
    }
}
