package org.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void the_demo_runs_the_example_campaign_through_validate_preview_and_a_dry_run_launch() throws Exception {
        Path repository = Path.of("").toAbsolutePath();
        copy(repository.resolve("campaigns"), dir.resolve("campaigns"));
        copy(repository.resolve("templates"), dir.resolve("templates"));

        var run = TestWorkspace.existing(dir).run("demo");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("$ outreach "))).containsExactly(
                "$ outreach validate campaigns/local-rse-launch.yaml",
                "$ outreach preview campaigns/local-rse-launch.yaml --segment university-labs --step intro",
                "$ outreach launch campaigns/local-rse-launch.yaml --dry-run",
                "$ outreach launch campaigns/local-rse-launch.yaml",
                "$ outreach daemon    (every 30 simulated seconds until 17:00)",
                "$ outreach status");
        assertThat(run.out()).contains("campaigns/local-rse-launch.yaml is ready: 3 segments, 3 steps")
                .contains("From: Maya Okafor <maya.okafor@example.org>", "Subject: ", "Message-ID: <")
                .contains("Dry run of local-rse-launch (\"New Orleans RSE launch\"): nothing was written")
                .contains("First step intro due Tue 1 Dec 2026 09:00 (America/Chicago).")
                .contains("Sandbox mode: mail stays on this machine.")
                .contains("30 sent, 0 to retry, 0 failed, 0 unknown (30 were due).")
                .containsPattern("university-labs\\s+intro\\s+0\\s+12");
        try (var copies = Files.list(dir.resolve(".outreach/demo/.outreach/sandbox"))) {
            assertThat(copies.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(30);
        }
        assertThat(Files.exists(dir.resolve(".outreach/outreach.mv.db"))).as("the real workspace has no database").isFalse();
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
