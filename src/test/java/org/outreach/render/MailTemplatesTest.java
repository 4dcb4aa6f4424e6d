package org.outreach.render;

import org.outreach.campaign.RenderException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.outreach.campaign.Campaign;
import org.outreach.campaign.Contact;
import org.outreach.campaign.EmailAddress;
import org.outreach.campaign.Limits;
import org.outreach.campaign.Location;
import org.outreach.campaign.Problem;
import org.outreach.campaign.Problems;
import org.outreach.campaign.RenderedEmail;
import org.outreach.campaign.Segment;
import org.outreach.campaign.SendWindow;
import org.outreach.campaign.Sender;
import org.outreach.campaign.Step;

/** Rendering from templates kept as text, the way a launched campaign renders. */
class MailTemplatesTest {

    private static final Segment LABS = new Segment("labs", Map.of(), "rse/lab", Location.of("c.yaml", 3));
    private static final Step INTRO = new Step("intro", 1, Duration.ZERO);
    private static final Step NUDGE = new Step("nudge", 2, Duration.ofDays(4));
    private static final Contact ANA = new Contact(new EmailAddress("ana@example.edu"),
            Map.of("first_name", "Ana", "title", ""), Location.of("people.csv", 2));

    @Test
    void headers_and_body_are_rendered_with_the_campaign_data() {
        RenderedEmail email = render(Map.of("rse/lab/intro.ftl", """
                Subject: Hello ${contact.first_name} from ${vars.group}
                Attachments: flyer.txt

                Dear ${contact.title!"colleague"} ${contact.first_name},
                step ${step.number} of ${campaign.name}, segment ${segment.name}, from ${sender.name}

                """), INTRO);

        assertThat(email.subject()).contains("Hello Ana from RSE Springfield");
        assertThat(email.text()).isEqualTo("Dear colleague Ana,\nstep 1 of Launch, segment labs, from Ada\n");
    }

    @Test
    void a_follow_up_without_headers_has_no_subject_of_its_own() {
        RenderedEmail email = render(Map.of("rse/lab/nudge.ftl", "Hi ${contact.first_name}: just checking in.\n"), NUDGE);

        assertThat(email.subject()).isEmpty();
        assertThat(email.text()).isEqualTo("Hi Ana: just checking in.\n");
    }

    @Test
    void an_empty_cell_is_as_missing_as_an_absent_column() {
        assertThatThrownBy(() -> render(Map.of("rse/lab/nudge.ftl", "\nDear ${contact.title},\n"), NUDGE))
                .isInstanceOf(RenderException.class)
                .hasMessageStartingWith("${contact.title} has no value for this contact")
                .extracting(e -> ((RenderException) e).where()).isEqualTo(new Location("templates/rse/lab/nudge.ftl", 2, 8));
    }

    @Test
    void templates_cannot_reach_the_java_api() {
        assertThat(compileProblems(Map.of("rse/lab/nudge.ftl", "${contact?api.getClass()}\n"))).isEmpty();
        assertThatThrownBy(() -> render(Map.of("rse/lab/nudge.ftl", "${contact?api.getClass()}\n"), NUDGE))
                .isInstanceOf(RenderException.class).hasMessageContaining("api");
    }

    @Test
    void includes_cannot_leave_the_templates_folder() {
        assertThatThrownBy(() -> render(Map.of("rse/lab/nudge.ftl", "<#include \"../../../outreach.yaml\">\n"), NUDGE))
                .isInstanceOf(RenderException.class)
                .extracting(e -> ((RenderException) e).where().line()).isEqualTo(1);
    }

    @Test
    void syntax_errors_are_reported_where_they_are_written() {
        List<Problem> problems = compileProblems(Map.of("rse/lab/nudge.ftl", "Hi,\n\nsee <#if contact.x>you\n"));

        assertThat(problems).singleElement().extracting(Problem::where)
                .extracting(Location::file, Location::line).containsExactly("templates/rse/lab/nudge.ftl", 3);
    }

    @Test
    void an_unknown_header_is_refused_with_a_hint() {
        List<Problem> problems = compileProblems(Map.of("rse/lab/nudge.ftl", "Bcc: x@example.org\n\nHi\n"));

        assertThat(problems).singleElement().asString().isEqualTo("templates/rse/lab/nudge.ftl:1:1: unknown header \"Bcc\""
                + " (a template may set Subject and Attachments; start the file with a blank line if this line is the body)");
    }

    @Test
    void the_templates_used_are_what_a_launch_keeps() {
        Map<String, String> sources = Map.of("rse/lab/nudge.ftl", "Hi\n<#include \"/rse/sig.ftl\">\n", "rse/sig.ftl", "Ada\n",
                "rse/unused.ftl", "x");
        MailTemplates templates = MailTemplates.ofSources(sources, "templates", Path.of("/nowhere"));
        StepTemplate template = templates.compile(campaign(), LABS, NUDGE, new Problems()).orElseThrow();
        templates.render(template, ANA);

        assertThat(templates.sourcesUsed()).containsOnlyKeys("rse/lab/nudge.ftl", "rse/sig.ftl");
    }

    private static RenderedEmail render(Map<String, String> sources, Step step) {
        Path root = Path.of("src/test/resources/attachments").toAbsolutePath();
        MailTemplates templates = MailTemplates.ofSources(sources, "templates", root);
        Problems problems = new Problems();
        StepTemplate template = templates.compile(campaign(root.resolve("c.yaml")), LABS, step, problems).orElseThrow(
                () -> new AssertionError(problems.list()));
        return templates.render(template, ANA);
    }

    private static List<Problem> compileProblems(Map<String, String> sources) {
        Problems problems = new Problems();
        MailTemplates.ofSources(sources, "templates", Path.of("/nowhere")).compile(campaign(), LABS, NUDGE, problems);
        return problems.list();
    }

    private static Campaign campaign() {
        return campaign(Path.of("/nowhere/c.yaml"));
    }

    private static Campaign campaign(Path file) {
        return new Campaign("launch", "Launch", file, new Sender("Ada", new EmailAddress("ada@example.org"), Optional.empty()),
                Path.of("people.csv"), List.of(LABS), List.of(INTRO, NUDGE), Limits.defaults(),
                SendWindow.always(ZoneId.of("UTC")), Optional.empty(), Map.of("group", "RSE Springfield"), false);
    }
}
