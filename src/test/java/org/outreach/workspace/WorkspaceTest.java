package org.outreach.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
