package org.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

class LaunchCommandTest {

    @TempDir
    Path dir;

    @Test
    void launch_enrolls_every_contact_and_plans_the_first_step_now() {
        var workspace = TestWorkspace.in(dir);

        var run = workspace.run("launch", "launch");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Launched launch (\"Springfield RSE launch\")")
                .containsPattern("labs\\s+2\\s+2\\s+0")
                .containsPattern("teams\\s+2\\s+2\\s+0")
                .contains("First step intro due Mon 30 Nov 2026 09:00 (America/Chicago).");
        assertThat(query(workspace, "select c.email, m.step, m.state, m.due_at from messages m join contacts c on c.id = m.contact_id order by c.email"))
                .extracting(r -> r.get("email") + " " + r.get("step") + " " + r.get("state"))
                .containsExactly("ana@example.edu intro planned", "ben@example.edu intro planned",
                        "cy@example.gov intro planned", "dee@example.gov intro planned");
    }

    @Test
    void launch_twice_enrolls_nobody_twice_and_adds_new_contacts() {
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS + "eve@example.edu,Eve,Ng,Biology Lab,lab\n");

        var again = workspace.run("launch", "launch");

        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Relaunched launch").containsPattern("labs\\s+3\\s+1\\s+2");
        assertThat(count(workspace, "enrollments")).isEqualTo(5);
        assertThat(count(workspace, "messages")).isEqualTo(5);
        assertThat(count(workspace, "contacts")).isEqualTo(5);
    }

    @Test
    void relaunching_with_changed_templates_replaces_the_kept_copy_for_messages_not_sent_yet() {
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");
        workspace.write("templates/rse/lab/nudge.ftl", "Hi ${contact.first_name}, one more thing.\n");

        workspace.run("launch", "launch");

        assertThat(query(workspace, "select content from campaign_files where path = 'templates/rse/lab/nudge.ftl'"))
                .singleElement().extracting(r -> r.get("content")).isEqualTo("Hi ${contact.first_name}, one more thing.\n");
    }

    @Test
    void a_cancelled_campaign_cannot_be_launched_again() {
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");
        workspace.run("cancel", "launch");

        var run = workspace.run("launch", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("campaigns/launch.yaml: campaign launch was cancelled; to write to these"
                + " people again, launch a copy of it under another file name");
    }

    @Test
    void a_relaunch_may_add_steps_at_the_end_but_not_rename_or_reorder_those_with_messages() {
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");
        workspace.write("templates/rse/lab/hello.ftl", "Subject: Hi\n\nHi\n").write("templates/rse/team/hello.ftl", "Subject: Hi\n\nHi\n");
        workspace.write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace("  - name: intro\n", "  - name: hello\n"));

        var renamed = workspace.run("launch", "launch");
        workspace.write("templates/rse/lab/last.ftl", "Bye\n").write("templates/rse/team/last.ftl", "Bye\n");
        workspace.write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace("limits:", "  - name: last\n    after: 1w\nlimits:"));
        var added = workspace.run("launch", "launch");

        assertThat(renamed.code()).isEqualTo(1);
        assertThat(renamed.err()).contains("step intro (number 1) already has messages; steps of a launched campaign keep"
                + " their names and order, and new steps go at the end");
        assertThat(added.code()).as(added.toString()).isZero();
    }

    @Test
    void a_start_time_in_the_future_is_when_the_first_step_is_due() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN + "start: 2026-12-02T10:30\n");

        var run = workspace.run("launch", "launch");

        assertThat(run.out()).contains("First step intro due Wed 2 Dec 2026 10:30 (America/Chicago).");
        assertThat(query(workspace, "select distinct due_at from messages"))
                .singleElement().extracting(r -> ((java.time.OffsetDateTime) r.get("due_at")).toInstant())
                .isEqualTo(Instant.parse("2026-12-02T16:30:00Z"));
    }

    @Test
    void a_dry_run_prints_the_plan_and_writes_nothing() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS + "gus@example.com,Gus,Hale,Cowork,coworking\n");

        var run = workspace.run("launch", "launch", "--dry-run");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Dry run of launch (\"Springfield RSE launch\"): nothing was written")
                .containsPattern("labs\\s+2\\s+2\\s+0")
                .contains("Left out (1):", "campaigns/contacts/people.csv:6 (gus@example.com): matches no segment")
                .contains("10 an hour")
                .containsPattern("intro\\s+4\\s+Mon 30 Nov 2026 09:00\\s+Mon 30 Nov 2026 09:00")
                .containsPattern("nudge\\s+4\\s+Fri 4 Dec 2026 09:00\\s+Fri 4 Dec 2026 09:00");
        assertThat(Files.exists(workspace.path(".outreach"))).as("no database created").isFalse();
    }

    @Test
    void a_start_on_a_day_the_window_skips_is_shown_as_when_the_window_opens() {
        var workspace = TestWorkspace.in(dir);
        // Saturday 5 December; the window is Monday to Friday.
        workspace.write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN + "start: 2026-12-05T10:00\n");

        var run = workspace.run("launch", "launch", "--dry-run");

        assertThat(run.out()).as(run.toString()).contains("First step intro due Mon 7 Dec 2026 09:00 (America/Chicago).");
    }

    @Test
    void a_window_without_hours_is_shown_as_any_time() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace(
                "window: {days: mon-fri, hours: \"09:00-17:00\", timezone: America/Chicago}", "window: {timezone: America/Chicago}"));

        var run = workspace.run("launch", "launch", "--dry-run");

        assertThat(run.out()).as(run.toString()).contains("; every day, any time, America/Chicago)").doesNotContain("23:59");
    }

    @Test
    void a_dry_run_after_a_launch_changes_nothing_in_the_database() {
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS + "eve@example.edu,Eve,Ng,Biology Lab,lab\n");

        var run = workspace.run("launch", "launch", "--dry-run");

        assertThat(run.out()).containsPattern("labs\\s+3\\s+1\\s+2");
        assertThat(count(workspace, "enrollments")).isEqualTo(4);
        assertThat(count(workspace, "contacts")).isEqualTo(4);
    }

    @Test
    void suppressed_contacts_are_left_out_with_the_reason() {
        var workspace = TestWorkspace.in(dir);
        assertThat(workspace.run("suppress", "Ben@Example.edu", "--reason", "asked at the conference").code()).isZero();

        var run = workspace.run("launch", "launch");

        assertThat(run.out()).contains("campaigns/contacts/people.csv:3 (ben@example.edu): suppressed (manual: asked at the conference)")
                .containsPattern("labs\\s+2\\s+1\\s+0");
        assertThat(count(workspace, "enrollments")).isEqualTo(3);
    }

    @Test
    void suppressing_an_enrolled_contact_cancels_its_planned_messages() {
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");

        var run = workspace.run("suppress", "cy@example.gov");

        assertThat(run.out()).isEqualTo("suppressed cy@example.gov; 1 planned message cancelled\n");
        assertThat(query(workspace, "select m.state, e.state as enrollment from messages m join enrollments e on e.id = m.enrollment_id"
                + " join contacts c on c.id = m.contact_id where c.email = 'cy@example.gov'"))
                .containsExactly(Map.of("state", "cancelled", "enrollment", "stopped"));
        assertThat(workspace.run("suppress", "cy@example.gov").out()).isEqualTo("cy@example.gov was already suppressed\n");
    }

    @Test
    void a_launch_refused_for_bad_input_leaves_the_database_as_it_was() {
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS + "eve@example.edu,,Ng,Biology Lab,lab\n");

        var run = workspace.run("launch", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("${contact.first_name} has no value").contains("people.csv:6 (eve@example.edu)");
        assertThat(count(workspace, "contacts")).isEqualTo(4);
        assertThat(count(workspace, "enrollments")).isEqualTo(4);
    }

    @Test
    void a_launch_that_fails_half_way_in_the_database_leaves_nothing_behind() {
        var workspace = TestWorkspace.in(dir);
        workspace.run("contacts", "list"); // nothing yet: this must not create the database
        assertThat(Files.exists(workspace.path(".outreach"))).isFalse();
        workspace.run("suppress", "nobody@example.com");
        // Make the last write of each enrollment fail, after contacts, enrollments and messages were written.
        jdbi(workspace).useHandle(h -> h.execute("alter table history add column required_by_test varchar(10) not null"));

        var run = workspace.run("launch", "launch");

        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString().startsWith("database error on jdbc:h2:file:");
        assertThat(count(workspace, "contacts")).isZero();
        assertThat(count(workspace, "enrollments")).isZero();
        assertThat(count(workspace, "campaigns")).isZero();
    }

    private static Jdbi jdbi(TestWorkspace workspace) {
        return Jdbi.create(workspace.databaseUrl());
    }

    static int count(TestWorkspace workspace, String table) {
        return jdbi(workspace).withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
    }

    static List<Map<String, Object>> query(TestWorkspace workspace, String sql) {
        return jdbi(workspace).withHandle(h -> h.createQuery(sql).mapToMap().list());
    }
}
