package org.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/**
 * Times about a campaign are shown in its window's zone, named: the test machine's clock runs in UTC and the
 * campaign is in Chicago, so a time shown in the machine's zone would read 15:00 instead of 09:00.
 */
class TimesShownTest {

    @TempDir
    Path dir;

    @Test
    void history_shows_its_times_in_the_campaigns_zone_and_names_it() {
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");

        var history = workspace.run("history", "ana@example.edu");

        assertThat(history.code()).as(history.toString()).isZero();
        assertThat(history.out()).contains("WHEN (America/Chicago)", "Mon 30 Nov 2026 09:00").doesNotContain("15:00");
    }

    @Test
    void approvals_are_listed_in_the_campaigns_zone_and_name_it() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN + "review: required\n");
        try (var database = org.outreach.store.Database.open(workspace.databaseUrl())) {
            var model = org.outreach.engine.ReviewModel.load(new org.outreach.workspace.Workspace(dir),
                    workspace.path("campaigns/launch.yaml"), database, java.time.Clock.fixed(TestWorkspace.NOW, java.time.ZoneOffset.UTC));
            database.transaction(store -> org.outreach.engine.Review.approve(store, "launch", model.content().orElseThrow(),
                    "Grace Reviewer", TestWorkspace.NOW));
        }

        var approvals = workspace.run("approvals", "launch");

        assertThat(approvals.out()).contains("APPROVED (America/Chicago)", "Mon 30 Nov 2026 09:00");
    }
}
