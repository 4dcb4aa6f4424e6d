package org.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

class StatusCommandTest {

    @TempDir
    Path dir;

    @Test
    void status_before_any_launch_says_so() {
        var run = TestWorkspace.in(dir).run("status");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("No campaign has been launched in this workspace yet.\n");
    }

    @Test
    void status_of_a_campaign_that_was_not_launched_is_bad_input() {
        var run = TestWorkspace.in(dir).run("status", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("campaign launch has not been launched");
    }

    @Test
    void status_counts_per_segment_and_step() {
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");
        workspace.run("suppress", "dee@example.gov");

        var run = workspace.run("status", "launch");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("launch (\"Springfield RSE launch\"): active, launched Mon 30 Nov 2026 09:00 America/Chicago, 4 enrolled")
                .containsPattern("labs\\s+intro\\s+2\\s+0\\s+0\\s+0\\s+0")
                .containsPattern("labs\\s+nudge\\s+2\\s+0\\s+0\\s+0\\s+0")
                .containsPattern("teams\\s+intro\\s+1\\s+0\\s+0\\s+1\\s+0")
                .containsPattern("teams\\s+nudge\\s+1\\s+0\\s+0\\s+0\\s+0")
                .contains("Not sent yet, if nobody replies (America/Chicago):")
                .containsPattern("intro\\s+3\\s+Mon 30 Nov 2026 09:00\\s+Mon 30 Nov 2026 09:00")
                .containsPattern("nudge\\s+3\\s+Fri 4 Dec 2026 09:00\\s+Fri 4 Dec 2026 09:00");
    }

    @Test
    void status_json_is_for_scripts() throws Exception {
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");

        var run = workspace.run("status", "--json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("campaign").asText()).isEqualTo("launch");
        assertThat(json.get(0).get("launchedAt").asText()).isEqualTo("2026-11-30T15:00:00Z");
        assertThat(json.get(0).get("rows")).hasSize(4);
        assertThat(json.get(0).get("rows").get(0).get("planned").asInt()).isEqualTo(2);
    }
}
