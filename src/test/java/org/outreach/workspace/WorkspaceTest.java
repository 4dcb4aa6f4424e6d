package org.outreach.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/** The one listing of campaign files that the shared-mailbox warning and the reply addresses both read. */
class WorkspaceTest {

    @TempDir
    Path dir;

    @Test
    void campaign_files_are_the_yaml_and_yml_files_of_campaigns_sorted() throws Exception {
        var workspace = TestWorkspace.in(dir).write("campaigns/b.yml", "").write("campaigns/notes.txt", "");
        Files.createDirectories(workspace.path("campaigns/folder.yaml"));

        assertThat(new Workspace(dir).campaignFiles())
                .containsExactly(workspace.path("campaigns/b.yml"), workspace.path("campaigns/launch.yaml"));
    }

    @Test
    void a_workspace_without_campaigns_has_no_campaign_files() {
        assertThat(new Workspace(dir).campaignFiles()).isEmpty();
    }

    /** Skipped where permissions do not hold, as for root. */
    @Test
    void a_campaigns_folder_that_cannot_be_listed_is_one_line_not_a_stack_trace() throws Exception {
        // check-mail lists the campaigns for their reply_to addresses, even when the server does not answer.
        var workspace = TestWorkspace.in(dir).write("outreach.yaml", "mail:\n  smtp: {host: 127.0.0.1, port: 1, security: none}\n");
        Files.setPosixFilePermissions(workspace.path("campaigns"), PosixFilePermissions.fromString("-wx------"));
        try {
            assumeFalse(Files.isReadable(workspace.path("campaigns")));

            var run = workspace.run("check-mail");

            assertThat(run.code()).as(run.toString()).isEqualTo(3);
            assertThat(run.errLines()).singleElement().asString().startsWith("cannot list campaigns: ");
        } finally {
            Files.setPosixFilePermissions(workspace.path("campaigns"), PosixFilePermissions.fromString("rwx------"));
        }
    }
}
