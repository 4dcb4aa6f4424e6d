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
    void the_demo_runs_the_example_campaign_to_its_end_with_answers_stopping_and_holding_follow_ups() throws Exception {
        Path repository = Path.of("").toAbsolutePath();
        copy(repository.resolve("campaigns"), dir.resolve("campaigns"));
        copy(repository.resolve("templates"), dir.resolve("templates"));

        var run = TestWorkspace.existing(dir).run("demo");

        assertThat(run.code()).as(run.toString()).isZero();
        String out = run.out();
        assertThat(out.lines().filter(l -> l.startsWith("$ outreach "))).containsExactly(
                "$ outreach validate campaigns/local-rse-launch.yaml",
                "$ outreach preview campaigns/local-rse-launch.yaml --segment university-labs --step intro",
                "$ outreach launch campaigns/local-rse-launch.yaml --dry-run",
                "$ outreach launch campaigns/local-rse-launch.yaml",
                "$ outreach daemon    (on the simulated clock: a round every 30 s, skipping the hours when nothing can happen)",
                "$ outreach replies",
                "$ outreach status");
        assertThat(out).contains("campaigns/local-rse-launch.yaml is ready: 3 segments, 3 steps")
                .contains("From: Maya Okafor <maya.okafor@example.org>", "Subject: ", "Message-ID: <")
                .contains("Dry run of local-rse-launch (\"New Orleans RSE launch\"): nothing was written")
                .contains("Sandbox mode: mail stays on this machine.");
        // The answers, read and sorted by the daemon's own round from the sandbox's mailboxes.
        assertThat(out).contains("30 intros sent, 09:00–",
                "bounce for wei.li@example.edu (local-rse-launch): address suppressed",
                "auto-reply from samuel.broussard@example.edu (local-rse-launch): away until Wed 9 Dec, the next follow-up waits",
                "reply from nadia.haddad@example.edu (local-rse-launch): follow-ups stopped",
                "reply from lucia.moreno@example.gov (local-rse-launch): follow-ups stopped",
                "reply from jordan.reyes@example.gov",
                "unsubscribe from yolanda.pierre@example.com (local-rse-launch): address suppressed");
        // The follow-ups go to the 24 who stayed silent; the out-of-office's waits until the day after the return.
        assertThat(section(out, "Monday 7 December")).contains("24 nudges sent",
                "not to nadia.haddad@example.edu: replied", "not to lucia.moreno@example.gov: replied",
                "not to darnell.batiste@example.gov: replied (answered by jordan.reyes@example.gov)",
                "not to wei.li@example.edu: bounce", "not to yolanda.pierre@example.com: unsubscribe",
                "not yet to samuel.broussard@example.edu: waits until Thu 10 Dec 2026 09:00 America/Chicago");
        assertThat(section(out, "Thursday 10 December")).contains("1 nudge sent, 09:00: samuel.broussard@example.edu");
        assertThat(section(out, "Monday 14 December")).contains("24 last-calls sent");
        assertThat(section(out, "Thursday 17 December")).contains("1 last-call sent, 09:00: samuel.broussard@example.edu");
        assertThat(out).contains("Nadia Haddad <nadia.haddad@example.edu>", "Lucía Moreno <lucia.moreno@example.gov>")
                .containsPattern("university-labs\\s+intro\\s+0\\s+12")
                .containsPattern("university-labs\\s+nudge\\s+0\\s+10\\s+0\\s+2")
                .containsPattern("government-data-teams\\s+nudge\\s+0\\s+7\\s+0\\s+2");
        try (var copies = Files.list(dir.resolve(".outreach/demo/.outreach/sandbox"))) {
            assertThat(copies.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(30 + 25 + 25);
        }
        assertThat(Files.exists(dir.resolve(".outreach/outreach.mv.db"))).as("the real workspace has no database").isFalse();
    }

    /** The lines of one day of the demo's account, up to the next day or command. */
    private static String section(String out, String day) {
        int start = out.indexOf("\n" + day + "\n");
        assertThat(start).as("the demo tells of " + day).isNotNegative();
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("\n(\\S)").matcher(out);
        int end = next.find(start + day.length() + 2) ? next.start() : out.length();
        return out.substring(start, end);
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
