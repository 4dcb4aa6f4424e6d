package org.outreach.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/** The daemon as a service runs it: a process of its own, asked about while it runs, stopped with SIGTERM. */
class DaemonProcessTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void a_running_daemon_sends_lets_other_commands_read_the_database_and_stops_cleanly_on_sigterm() throws Exception {
        var workspace = TestWorkspace.in(dir)
                .write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace(
                        "window: {days: mon-fri, hours: \"09:00-17:00\", timezone: America/Chicago}", ""))
                .write("outreach.yaml", """
                        mail:
                          smtp: {host: 127.0.0.1, port: %d, security: none}
                        """.formatted(SMTP.getSmtp().getPort()));
        workspace.at(Instant.now()).run("launch", "launch");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process daemon = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.outreach.cli.Main", "--workspace", dir.toString(), "daemon", "--interval", "1"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile()).start();
        try {
            assertThat(SMTP.waitForIncomingEmail(30_000, 4)).as(workspace.read("daemon.log")).isTrue();

            var status = workspace.run("status");
            var second = workspace.run("daemon", "--once");

            assertThat(second.code()).isEqualTo(1);
            assertThat(second.err()).contains("another outreach process is sending from this workspace (process ");

            assertThat(status.code()).as(status.toString()).isZero();
            assertThat(status.out()).containsPattern("labs\\s+intro\\s+0\\s+2").containsPattern("teams\\s+intro\\s+0\\s+2");
        } finally {
            daemon.destroy();
        }
        assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(workspace.read("daemon.log")).contains("Sending every 1s; Ctrl-C stops.").doesNotContain("Exception");
        assertThat(workspace.run("status").out()).doesNotContain("Fate unknown");
    }
}
