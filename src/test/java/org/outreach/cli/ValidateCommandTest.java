package org.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void counts_of_one_are_singular() {
        var workspace = TestWorkspace.in(dir).write("campaigns/contacts/people.csv", """
                email,first_name,last_name,organization,kind
                ana@example.edu,Ana,Lima,Physics Lab,lab
                """);
        workspace.write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN
                .replace("  - name: teams\n    match: {kind: [team, agency]}\n    templates: rse/team\n", "")
                .replace("  - name: nudge\n    after: 4d\n", ""));

        var run = workspace.run("validate", "launch");

        assertThat(run.out()).as(run.toString()).contains("is ready: 1 segment, 1 step, 1 contact in segments, 1 email rendered");
    }

    @Test
    void a_clean_campaign_validates_with_exit_0() {
        var run = TestWorkspace.in(dir).run("validate", "campaigns/launch.yaml");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("campaigns/launch.yaml is ready: 2 segments, 2 steps, 4 contacts in segments, 8 emails rendered");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void a_campaign_can_be_named_by_its_key() {
        assertThat(TestWorkspace.in(dir).run("validate", "launch").code()).isZero();
    }

    @Test
    void the_example_workspace_of_the_repository_validates() {
        var run = runIn(Path.of("").toAbsolutePath(), "validate", "campaigns/local-rse-launch.yaml");

        assertThat(run.code()).as(run.toString()).isZero();
        // The one warning is on purpose: the example shows a reviewer (and validate) what a warning looks like.
        assertThat(run.errLines()).containsExactly("templates/local-rse/coworking/intro.ftl:20:6: warning: contact.title is"
                + " empty for 1 contact (campaigns/contacts/new-orleans.csv:27 (yolanda.pierre@example.com)): they get the"
                + " template's default");
    }

    @Test
    void bad_yaml_is_reported_with_its_line_and_column() {
        var workspace = TestWorkspace.in(dir).write("campaigns/launch.yaml", "name: x\nsender: {name: a\nsteps: []\n");

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().matches("campaigns/launch.yaml:3:\\d+: not valid YAML: .*");
    }

    @Test
    void an_empty_campaign_file_is_an_error() {
        var run = TestWorkspace.in(dir).write("campaigns/launch.yaml", "# nothing yet\n").run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("campaigns/launch.yaml: the campaign file is empty");
    }

    @Test
    void a_campaign_without_its_required_parts_names_each() {
        var run = TestWorkspace.in(dir).write("campaigns/launch.yaml", "name: x\nsteps: []\n").run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactlyInAnyOrder(
                "campaigns/launch.yaml:1:1: missing \"sender\"",
                "campaigns/launch.yaml:1:1: missing \"contacts\"",
                "campaigns/launch.yaml:1:1: missing \"segments\"",
                "campaigns/launch.yaml:2:8: a campaign needs at least one step",
                "4 errors");
    }

    @Test
    void an_unknown_key_is_an_error_naming_its_line() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace("limits:", "limit:"));

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("campaigns/launch.yaml:15:1: unknown key \"limit\" (expected one of: name, sender,");
    }

    @Test
    void a_missing_template_for_one_segment_and_step_is_named() throws Exception {
        var workspace = TestWorkspace.in(dir);
        java.nio.file.Files.delete(workspace.path("templates/rse/team/nudge.ftl"));

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().isEqualTo(
                "campaigns/launch.yaml:8:5: segment teams has no template for step nudge: templates/rse/team/nudge.ftl is missing");
    }

    @Test
    void an_undefined_value_for_one_contact_names_the_template_line_and_the_contact_row() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS.replace("Ben,Okoro,Chemistry Lab", "Ben,Okoro,"));

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("templates/rse/lab/intro.ftl:1:")
                .contains("${contact.organization} has no value for this contact")
                .endsWith("(for campaigns/contacts/people.csv:3 (ben@example.edu))");
    }

    @Test
    void a_value_missing_for_everybody_is_one_line_not_one_per_contact() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("templates/rse/lab/nudge.ftl", "Hi ${contact.nickname},\n");

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("templates/rse/lab/nudge.ftl:1:6: ${contact.nickname} has no value")
                .contains("for all 2 contacts of segment labs");
    }

    @Test
    void a_default_in_the_template_makes_a_missing_value_fine() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("templates/rse/lab/nudge.ftl", "Hi ${contact.nickname!contact.first_name},\n");

        assertThat(workspace.run("validate", "launch").code()).isZero();
    }

    @Test
    void malformed_contact_rows_are_each_reported_with_their_line() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS
                + "not-an-address,Eve,Ng,Lab,lab\n"
                + "ANA@example.edu,Ana,Again,Lab,lab\n"
                + "fay@example.edu,Fay,Lab,lab\n");

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).contains(
                "campaigns/contacts/people.csv:6: \"not-an-address\" is not a valid email address",
                "campaigns/contacts/people.csv:7: ANA@example.edu is already on line 2; this row is left out",
                "campaigns/contacts/people.csv:8: this row has 4 fields but the header has 5;"
                        + " a comma inside a value needs the value in double quotes");
    }

    @Test
    void header_injection_from_contact_data_is_refused() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS.replace(
                "Physics Lab", "\"Physics Lab\nBcc: everyone@example.com\""));

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().isEqualTo(
                "templates/rse/lab/intro.ftl:1:10: the Subject would contain a line break from the contact's data;"
                        + " a header must stay on one line (for campaigns/contacts/people.csv:2 (ana@example.edu))");
    }

    @Test
    void a_template_that_tries_to_create_java_objects_is_refused() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("templates/rse/lab/nudge.ftl",
                "<#assign run = \"freemarker.template.utility.Execute\"?new()>${run(\"id\")}\n");

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("templates/rse/lab/nudge.ftl:1:")
                .contains("not allowed");
    }

    @Test
    void a_contact_in_no_segment_is_a_warning_that_does_not_fail() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS + "gus@example.com,Gus,Hale,Cowork,coworking\n");

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isZero();
        assertThat(run.errLines()).containsExactly(
                "campaigns/contacts/people.csv:6: warning: gus@example.com matches no segment and will not be enrolled");
    }

    @Test
    void the_first_step_needs_a_subject() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("templates/rse/team/intro.ftl", "Hi ${contact.first_name},\n");

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("templates/rse/team/intro.ftl:1: the first step needs a \"Subject:\" line");
    }

    @Test
    void a_missing_attachment_is_an_error_on_its_header_line() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("templates/rse/team/intro.ftl", "Subject: Hi\nAttachments: flyer.pdf\n\nHi ${contact.first_name}\n");

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith(
                "templates/rse/team/intro.ftl:2:14: the attachment flyer.pdf does not exist (looked for campaigns/flyer.pdf)");
    }

    @Test
    void an_attachment_that_exists_is_sent_after_the_text() throws Exception {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/flyer.txt", "First meetup: Thursday, January 14\n");
        workspace.write("templates/rse/team/intro.ftl", "Subject: Hi\nAttachments: flyer.txt\n\nHi ${contact.first_name}\n");

        var run = workspace.run("preview", "launch", "--contact", "cy@example.gov", "--step", "intro");

        var message = PreviewCommandTest.parse(run.out());
        assertThat(message.getContentType()).startsWith("multipart/mixed");
        var parts = (jakarta.mail.Multipart) message.getContent();
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("flyer.txt");
    }

    @Test
    void a_missing_campaign_file_is_one_line() {
        var run = TestWorkspace.in(dir).run("validate", "nope");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("nope: no such campaign file (looked in campaigns/)");
    }

    private static TestWorkspace.Run runIn(Path root, String... args) {
        return TestWorkspace.existing(root).run(args);
    }
}
