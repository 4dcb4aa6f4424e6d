package org.outreach.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/** A campaign launched by an earlier version goes on as it was accepted then, whatever rules came since. */
class EarlierLaunchesTest {

    @TempDir
    Path dir;

    /** Before segments had to say their match, the last one here was written without one: the catch-all. */
    private TestWorkspace launchedWithoutTheLastMatch() {
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");
        Jdbi.create(workspace.databaseUrl()).useHandle(h -> h.createUpdate(
                "update campaign_files set content = replace(content, :match, '') where path = 'campaigns/launch.yaml'")
                .bind("match", "    match: {kind: [team, agency]}\n").execute());
        return workspace;
    }

    @Test
    void status_and_the_daemon_read_a_kept_segment_without_match_as_the_catch_all_it_was() {
        var workspace = launchedWithoutTheLastMatch();

        var daemon = workspace.run("daemon", "--once");
        var status = workspace.run("status", "launch");

        assertThat(daemon.code()).as(daemon.toString()).isZero();
        assertThat(status.code()).as(status.toString()).isZero();
        assertThat(status.out()).containsPattern("teams\\s+intro\\s+0\\s+2\\s");
    }
}
