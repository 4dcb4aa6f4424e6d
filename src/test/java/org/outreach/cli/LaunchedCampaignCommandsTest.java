package org.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outreach.TestWorkspace;

/** Commands about a launched campaign, run before any launch, say so and create no database. */
class LaunchedCampaignCommandsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"pause", "resume", "cancel"})
    void changing_the_state_of_a_campaign_never_launched_says_so_and_creates_no_database(String command) {
        var workspace = TestWorkspace.in(dir);

        var run = workspace.run(command, "campaigns/launch.yaml");

        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("campaign launch has not been launched");
        assertThat(workspace.path(".outreach")).doesNotExist();
    }

    @Test
    void resolve_before_any_launch_finds_no_message_and_creates_no_database() {
        var workspace = TestWorkspace.in(dir);

        var run = workspace.run("resolve", "7", "--sent");

        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                "no message of unknown fate is numbered or identified as 7; outreach status lists them");
        assertThat(workspace.path(".outreach")).doesNotExist();
    }

    @Test
    void approvals_before_any_launch_are_none_and_create_no_database() {
        var workspace = TestWorkspace.in(dir);

        var run = workspace.run("approvals", "launch");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("No approvals yet: outreach review launch\n");
        assertThat(workspace.path(".outreach")).doesNotExist();
    }

    @Test
    void export_before_any_launch_names_the_campaign_by_its_key() {
        var workspace = TestWorkspace.in(dir);

        var run = workspace.run("export", "campaigns/launch.yaml", "--csv", dir.resolve("out.csv").toString());

        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("campaign launch has not been launched");
    }
}
