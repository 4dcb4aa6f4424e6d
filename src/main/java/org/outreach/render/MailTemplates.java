package org.outreach.render;

import org.outreach.campaign.RenderException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.StringTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.TemplateNameFormat;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.Version;
import org.outreach.campaign.Campaign;
import org.outreach.campaign.Contact;
import org.outreach.campaign.Location;
import org.outreach.campaign.NearestName;
import org.outreach.campaign.Problems;
import org.outreach.campaign.RenderedEmail;
import org.outreach.campaign.Segment;
import org.outreach.campaign.Step;

/**
 * The FreeMarker templates of a workspace, configured so that templates can only format data: they cannot
 * create Java objects or reach the Java API, cannot include files outside {@code templates/}, and a value that
 * is missing or empty is an error rather than a silent blank in somebody's email.
 */
public final class MailTemplates {

    public static final String TEXT_SUFFIX = ".ftl";
    public static final String HTML_SUFFIX = ".html.ftlh";
    private static final Version VERSION = Configuration.VERSION_2_3_34;
    /** How a template names one of the campaign's vars, or one column of the contact's row. */
    private static final Pattern VAR = Pattern.compile("vars\\.([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern COLUMN = Pattern.compile("contact\\.([A-Za-z_][A-Za-z0-9_]*)");

    private final Configuration freemarker;
    private final RecordingLoader loader;
    private final String shownRoot;
    private final Path attachmentRoot;

    private MailTemplates(TemplateLoader source, String shownRoot, Path attachmentRoot) {
        this.loader = new RecordingLoader(source);
        this.shownRoot = shownRoot;
        this.attachmentRoot = attachmentRoot.toAbsolutePath().normalize();
        this.freemarker = configuration(loader);
    }

    /**
     * The templates in a folder.
     *
     * @param shownRoot      how the folder is named in problems, e.g. {@code templates}
     * @param attachmentRoot attachments must be inside this folder (the workspace)
     */
    public static MailTemplates inDirectory(Path directory, String shownRoot, Path attachmentRoot) {
        try {
            return new MailTemplates(new FileTemplateLoader(directory.toFile()), shownRoot, attachmentRoot);
        } catch (IOException e) {
            throw new org.outreach.campaign.BadInputException(shownRoot + ": cannot read the templates folder: " + e.getMessage());
        }
    }

    /** Templates kept as text (a launched campaign's copy), by name relative to the templates folder. */
    public static MailTemplates ofSources(Map<String, String> sources, String shownRoot, Path attachmentRoot) {
        StringTemplateLoader strings = new StringTemplateLoader();
        sources.forEach(strings::putTemplate);
        return new MailTemplates(strings, shownRoot, attachmentRoot);
    }

    /**
     * A FreeMarker configuration with the settings every email is rendered under (public for the render benchmark,
     * whose reference makes one per message).
     */
    public static Configuration configuration(TemplateLoader loader) {
        Configuration cfg = new Configuration(VERSION);
        cfg.setTemplateLoader(loader);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocalizedLookup(false);
        cfg.setTemplateNameFormat(TemplateNameFormat.DEFAULT_2_4_0);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNumberFormat("computer");
        // Templates format data and nothing else: no ?new, no ?api, and only plain maps, strings and numbers.
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new SimpleObjectWrapper(VERSION));
        return cfg;
    }

    /** The name of a segment's template for a step, relative to the templates folder. */
    public static String textName(Segment segment, Step step) {
        return segment.templates() + "/" + step.name() + TEXT_SUFFIX;
    }

    public static String htmlName(Segment segment, Step step) {
        return segment.templates() + "/" + step.name() + HTML_SUFFIX;
    }

    /** The contents of every template read so far, by name: what a launch keeps as its copy. */
    public Map<String, String> sourcesUsed() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : loader.used()) {
            read(name).ifPresent(text -> sources.put(name, text));
        }
        return sources;
    }

    /** Parses a segment's template for a step; problems (missing file, syntax) are recorded. */
    public Optional<StepTemplate> compile(Campaign campaign, Segment segment, Step step, Problems problems) {
        String name = textName(segment, step);
        Optional<String> source = read(name);
        if (source.isEmpty()) {
            problems.error(segment.at(), "segment " + segment.name() + " has no template for step " + step.name()
                    + ": " + shown(name) + " is missing");
            return Optional.empty();
        }
        Problems found = new Problems();
        TemplateFile file = TemplateFile.parse(name, shown(name), source.get(), found);
        if (step.isFirst() && file.header(TemplateFile.SUBJECT).isEmpty()) {
            found.error(Location.of(shown(name), 1), "the first step needs a \"Subject:\" line at the top"
                    + " (follow-ups without one reply in the same thread)");
        }
        List<StepTemplate.CompiledHeader> headers = new ArrayList<>();
        for (TemplateFile.Header header : file.headers()) {
            String padded = "\n".repeat(header.line() - 1) + " ".repeat(header.column() - 1) + header.value();
            parse(name, padded, found).ifPresent(t -> headers.add(new StepTemplate.CompiledHeader(header, t)));
        }
        Optional<Template> text = parse(name, "\n".repeat(file.bodyLine() - 1) + file.body(), found);
        Optional<Template> html = html(segment, step, found);
        problems.addAll(found);
        if (found.hasErrors() || text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StepTemplate(campaign, segment, step, name, headers, text.get(), file.bodyLine() - 1, html));
    }

    private Optional<Template> html(Segment segment, Step step, Problems problems) {
        String name = htmlName(segment, step);
        if (read(name).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(freemarker.getTemplate(name));
        } catch (ParseException e) {
            problems.error(where(e), e.getEditorMessage());
        } catch (IOException e) {
            problems.error(Location.of(shown(name)), "cannot read the template: " + e.getMessage());
        }
        return Optional.empty();
    }

    private Optional<Template> parse(String name, String source, Problems problems) {
        try {
            return Optional.of(new Template(name, source, freemarker));
        } catch (ParseException e) {
            problems.error(where(e), e.getEditorMessage());
        } catch (IOException e) {
            problems.error(Location.of(shown(name)), "cannot read the template: " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Renders the step for one contact.
     *
     * @throws RenderException naming the template line, when the template fails for this contact
     */
    public RenderedEmail render(StepTemplate template, Contact contact) {
        Map<String, Object> model = TemplateData.of(template.campaign(), template.segment(), template.step(), contact);
        Optional<String> subject = Optional.empty();
        List<Path> attachments = List.of();
        for (StepTemplate.CompiledHeader compiled : template.headers()) {
            TemplateFile.Header header = compiled.header();
            String value = process(compiled.value(), model, template.campaign()).strip();
            Location at = new Location(shown(template.textName()), header.line(), header.column());
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new RenderException(at, "the " + header.name() + " would contain a line break from the contact's data;"
                        + " a header must stay on one line");
            }
            if (header.name().equals(TemplateFile.SUBJECT)) {
                if (value.isEmpty()) {
                    throw new RenderException(at, "the Subject is empty");
                }
                subject = Optional.of(value);
            } else {
                attachments = attachments(value, template.campaign(), at);
            }
        }
        String text = body(process(template.text(), model, template.campaign()).substring(template.textPadding()));
        Optional<String> html = template.html().map(t -> body(process(t, model, template.campaign())));
        return new RenderedEmail(template.campaign().sender(), contact, template.segment(), template.step(), subject, text,
                html, attachments);
    }

    private List<Path> attachments(String value, Campaign campaign, Location at) {
        List<Path> files = new ArrayList<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Path file = campaign.file().resolveSibling(part.strip()).toAbsolutePath().normalize();
            if (!file.startsWith(attachmentRoot)) {
                throw new RenderException(at, "the attachment " + part.strip() + " is outside the workspace");
            }
            if (!Files.isRegularFile(file)) {
                throw new RenderException(at, "the attachment " + part.strip() + " does not exist (looked for "
                        + inWorkspace(file) + ")");
            }
            files.add(file);
        }
        return files;
    }

    private String process(Template template, Map<String, Object> model, Campaign campaign) {
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            throw failure(e, campaign);
        } catch (IOException e) {
            throw new IllegalStateException("bug: writing to a string failed", e);
        }
        return out.toString();
    }

    /** Line breaks as \n, no trailing blank lines, one final line break. */
    private static String body(String rendered) {
        return rendered.replace("\r\n", "\n").stripTrailing() + "\n";
    }

    /** The failure as the user should read it: whose value is missing, and what to do about it. */
    private RenderException failure(TemplateException e, Campaign campaign) {
        String expression = e.getBlamedExpressionString();
        if (!(e instanceof InvalidReferenceException) || expression == null) {
            return new RenderException(where(e), message(e));
        }
        Matcher var = VAR.matcher(expression);
        if (var.matches() && !campaign.vars().containsKey(var.group(1))) {
            return RenderException.ofCampaign(where(e), "${" + expression + "} is not one of the campaign's vars; add \""
                    + var.group(1) + ": …\" under \"vars:\" in " + inWorkspace(campaign.file())
                    + NearestName.of(var.group(1), campaign.vars().keySet()).map(n -> ", or did you mean ${vars." + n + "}?").orElse(""));
        }
        String message = "${" + expression + "} has no value for this contact (an empty cell or no such column);"
                + " give a default if that is fine: ${" + expression + "!\"…\"}";
        Matcher column = COLUMN.matcher(expression);
        return column.matches() ? RenderException.missingColumn(where(e), message, column.group(1))
                : new RenderException(where(e), message);
    }

    private static String message(TemplateException e) {
        String message = e.getMessageWithoutStackTop();
        return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message)
                .replaceAll("^For \"[^\"]*\" left-hand operand: ", "");
    }

    private Location where(TemplateException e) {
        return new Location(shown(e.getTemplateSourceName()), orZero(e.getLineNumber()), orZero(e.getColumnNumber()));
    }

    private Location where(ParseException e) {
        return new Location(shown(e.getTemplateName()), e.getLineNumber(), e.getColumnNumber());
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    /** A file as problems name it: relative to the workspace. */
    private String inWorkspace(Path file) {
        return attachmentRoot.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private String shown(String name) {
        return name == null ? shownRoot : shownRoot + "/" + name;
    }

    private Optional<String> read(String name) {
        try {
            Object source = loader.findTemplateSource(name);
            if (source == null) {
                return Optional.empty();
            }
            try (Reader reader = loader.getReader(source, "UTF-8")) {
                StringWriter out = new StringWriter();
                reader.transferTo(out);
                return Optional.of(out.toString());
            } finally {
                loader.closeTemplateSource(source);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
