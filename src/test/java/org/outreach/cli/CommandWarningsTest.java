package org.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/** validate, preview and launch say what the review page would have said, and strict makes it stop them. */
class CommandWarningsTest {

    private static final String TODO = "templates/rse/lab/nudge.ftl: warning: \"TODO\" looks like a placeholder left in the text";

    @TempDir
    Path dir;

    private TestWorkspace withTodo() {
        return TestWorkspace.in(dir).write("templates/rse/lab/nudge.ftl",
                "Hi ${contact.first_name}, TODO add agenda link.\n<#include \"/rse/_signature.ftl\">\n");
    }

    @Test
    void validate_prints_the_warnings_of_the_review_page() {
        var run = withTodo().run("validate", "launch");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.errLines()).containsExactly(TODO);
        assertThat(run.out()).endsWith("8 emails rendered, 1 warning\n");
    }

    @Test
    void preview_prints_the_warnings_on_standard_error_and_the_emails_unchanged() {
        var run = withTodo().run("preview", "launch", "--segment", "labs", "--step", "nudge");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.errLines()).containsExactly(TODO);
        assertThat(run.out()).contains("Hi Ana, TODO add agenda link.").doesNotContain("warning");
    }

    @Test
    void launch_and_its_dry_run_print_the_warnings_naming_the_suppressed_contacts() {
        var workspace = withTodo();
        workspace.run("suppress", "ana@example.edu");
        String suppressed = "campaigns/contacts/people.csv:2: warning: ana@example.edu is on the do-not-contact list"
                + " (manual) and will not be written to";

        assertThat(workspace.run("launch", "launch", "--dry-run").errLines()).containsExactly(suppressed, TODO);
        assertThat(workspace.run("launch", "launch").errLines()).containsExactly(suppressed, TODO);
    }

    @Test
    void validate_strict_turns_warnings_into_errors() {
        var run = withTodo().run("validate", "--strict", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                "templates/rse/lab/nudge.ftl: \"TODO\" looks like a placeholder left in the text (an error under --strict)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void launch_of_a_strict_campaign_with_a_warning_refuses_and_writes_nothing() {
        var workspace = withTodo();
        workspace.write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN + "strict: true\n");
        String refused = "templates/rse/lab/nudge.ftl: \"TODO\" looks like a placeholder left in the text"
                + " (an error under strict: true)";

        var dryRun = workspace.run("launch", "launch", "--dry-run");
        var run = workspace.run("launch", "launch");

        assertThat(dryRun.code()).isEqualTo(1);
        assertThat(dryRun.errLines()).containsExactly(refused);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(refused);
        assertThat(workspace.run("status").out()).isEqualTo("No campaign has been launched in this workspace yet.\n");
    }

    @Test
    void a_strict_campaign_still_relaunches_after_someone_was_suppressed() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN + "strict: true\n");
        assertThat(workspace.run("launch", "launch").code()).isZero();
        workspace.run("suppress", "ben@example.edu");

        var relaunch = workspace.run("launch", "launch");

        assertThat(relaunch.code()).as(relaunch.toString()).isZero();
        assertThat(relaunch.err()).contains("ben@example.edu is on the do-not-contact list").doesNotContain("an error under");
    }

    @Test
    void strict_must_be_true_or_false() {
        var workspace = TestWorkspace.in(dir).write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN + "strict: yes please\n");

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                "campaigns/launch.yaml:19:9: \"yes please\" is not a strict setting; use true or false");
    }

    @Test
    void a_start_in_the_past_is_a_warning_until_the_campaign_is_launched() {
        var workspace = TestWorkspace.in(dir).write("campaigns/launch.yaml",
                TestWorkspace.CAMPAIGN + "start: 2025-12-01T09:00\n");

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.errLines()).containsExactly("campaigns/launch.yaml:19: warning: start Mon 1 Dec 2025 09:00"
                + " America/Chicago has already passed (it is now Mon 30 Nov 2026 09:00 America/Chicago), so the first step would go out at launch; if the"
                + " year or date is a typo, correct it");
        workspace.run("launch", "launch");
        assertThat(workspace.run("validate", "launch").err()).isEmpty();
    }

    @Test
    void a_catch_all_segment_before_others_is_a_warning() {
        var workspace = TestWorkspace.in(dir).write("campaigns/launch.yaml",
                TestWorkspace.CAMPAIGN.replace("match: {kind: lab}", "match: {}"));

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.errLines()).contains("campaigns/launch.yaml:5:5: warning: segment labs takes every contact"
                + " (match: {}), so the segments after it (teams) can never match; move it last");
    }

    @Test
    void a_segment_without_match_is_an_error_that_says_how_to_take_everybody() {
        var workspace = TestWorkspace.in(dir).write("campaigns/launch.yaml",
                TestWorkspace.CAMPAIGN.replace("    match: {kind: lab}\n", ""));

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("campaigns/launch.yaml:5:5: segment labs has no \"match\"; write"
                + " match: {} for a segment that takes every contact not taken by a segment above it");
    }

    @Test
    void campaigns_sharing_a_mailbox_with_other_limits_are_warned_that_the_strictest_applies() {
        var workspace = TestWorkspace.in(dir).write("campaigns/autumn.yaml",
                TestWorkspace.CAMPAIGN.replace("per_day: 50", "per_day: 20"));

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.errLines()).containsExactly("campaigns/launch.yaml:2: warning: ada@example.org also sends"
                + " campaigns/autumn.yaml with other limits (here: 50 a day, 10 an hour — there: 20 a day, 10 an hour);"
                + " each send from ada@example.org obeys the strictest: 20 a day, 10 an hour");
    }

    @Test
    void campaigns_sharing_a_mailbox_with_another_window_only_are_not_warned_as_windows_are_not_shared() {
        var workspace = TestWorkspace.in(dir).write("campaigns/autumn.yaml",
                TestWorkspace.CAMPAIGN.replace("timezone: America/Chicago", "timezone: Europe/Berlin"));

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void the_review_pages_show_the_same_new_warnings() throws Exception {
        var workspace = TestWorkspace.in(dir).write("campaigns/launch.yaml",
                TestWorkspace.CAMPAIGN + "start: 2025-12-01T09:00\n");

        var run = workspace.run("preview", "launch", "--out", dir.resolve("pages").toString());

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(Files.readString(dir.resolve("pages/index.html")))
                .contains("campaigns/launch.yaml:19: warning: start Mon 1 Dec 2025 09:00 America/Chicago has already passed");
    }
}
