package org.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/** A command finds its workspace as git finds a repository, and outside one it changes nothing. */
class WorkspaceDiscoveryTest {

    @TempDir
    Path dir;

    @Test
    void suppress_with_a_workspace_folder_that_does_not_exist_refuses_and_creates_nothing() {
        var workspace = TestWorkspace.in(dir.resolve("rse"));
        Path typo = dir.resolve("rse-typo");

        var run = workspace.runIn(dir, "--workspace", "rse-typo", "suppress", "ana@example.edu");

        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(typo + ": not a workspace (no such folder);"
                + " --workspace names the folder that holds campaigns/ and templates/");
        assertThat(typo).doesNotExist();
    }

    @Test
    void suppress_with_a_folder_that_is_not_a_workspace_refuses_and_creates_no_database() throws Exception {
        var workspace = TestWorkspace.in(dir.resolve("rse"));
        Path templates = workspace.path("templates/rse");

        var run = workspace.runIn(dir, "--workspace", templates.toString(), "suppress", "ana@example.edu");

        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(templates + ": not a workspace (it has no campaigns/ or .outreach/"
                + " folder); --workspace names the folder that holds campaigns/ and templates/");
        assertThat(templates.resolve(".outreach")).doesNotExist();
    }

    @Test
    void suppress_run_in_a_subfolder_suppresses_in_the_workspace_above_it() {
        var workspace = TestWorkspace.in(dir);

        var run = workspace.runIn(workspace.path("templates/rse/lab"), "suppress", "ana@example.edu");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(workspace.path("templates/rse/lab/.outreach")).doesNotExist();
        assertThat(workspace.run("launch", "launch", "--dry-run").out())
                .contains("  campaigns/contacts/people.csv:2 (ana@example.edu): suppressed (manual)");
    }

    @Test
    void status_outside_any_workspace_says_where_it_looked_and_creates_nothing() throws Exception {
        TestWorkspace.in(dir.resolve("rse"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        var run = TestWorkspace.existing(dir.resolve("rse")).runIn(elsewhere, "status");

        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("no workspace here: looked for a campaigns/ or .outreach/ folder in "
                + elsewhere + " and every folder above it; run outreach inside your workspace or name it with --workspace DIR");
        try (var files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void validate_in_the_campaigns_folder_finds_a_campaign_by_file_name_and_shows_paths_from_the_workspace() {
        var workspace = TestWorkspace.in(dir);

        var run = workspace.runIn(workspace.path("campaigns"), "validate", "launch.yaml");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("campaigns/launch.yaml is ready: 2 segments, 2 steps, 4 contacts in segments,"
                + " 8 emails rendered\n");
    }

    @Test
    void a_campaign_file_name_without_its_folder_is_found_like_its_key() {
        var run = TestWorkspace.in(dir).run("validate", "launch.yaml");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("campaigns/launch.yaml is ready");
    }

    @Test
    void a_stray_state_folder_an_earlier_version_left_in_templates_is_not_taken_for_the_workspace() throws Exception {
        var workspace = TestWorkspace.in(dir);
        Path stray = Files.createDirectories(workspace.path("templates/.outreach"));
        Files.writeString(stray.resolve("outreach.mv.db"), "");

        var run = workspace.runIn(workspace.path("templates"), "suppress", "ana@example.edu");

        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("templates/ has a .outreach/ folder but no campaigns/: it is inside the"
                + " workspace " + dir + "; run from there, or remove templates/.outreach, which an earlier version may have made");
        assertThat(workspace.path(".outreach")).doesNotExist();
        try (var files = Files.list(stray)) {
            assertThat(files).containsExactly(stray.resolve("outreach.mv.db"));
        }
    }

    @Test
    void a_folder_with_only_its_state_folder_is_a_workspace_when_none_is_above_it() throws Exception {
        Path stateOnly = Files.createDirectories(dir.resolve("rse/.outreach")).getParent();

        var run = TestWorkspace.existing(stateOnly).runIn(stateOnly, "status");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("No campaign has been launched in this workspace yet.\n");
    }

    @Test
    void classify_needs_no_workspace() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path reply = Path.of("src/test/resources/replies/gmail.eml").toAbsolutePath();

        var run = TestWorkspace.existing(elsewhere).runIn(elsewhere, "classify", reply.toString());

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"kind\":\"reply\"");
    }
}
