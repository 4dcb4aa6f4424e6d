package org.outreach.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/** A message of unknown fate is never sent again on its own; a person settles it. */
class ResolveTest {

    @TempDir
    Path dir;

    private ScriptedSmtpServer server;

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private TestWorkspace withOneUnknown() throws Exception {
        server = new ScriptedSmtpServer((message, command) -> message == 1 && command.equals(".") ? ScriptedSmtpServer.DROP : null);
        var workspace = TestWorkspace.in(dir).write("outreach.yaml", """
                mail:
                  smtp: {host: 127.0.0.1, port: %d, security: none, timeout: 2s}
                """.formatted(server.port()));
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");
        return workspace;
    }

    private static String unknownNumber(TestWorkspace workspace) {
        Matcher m = Pattern.compile("(?m)^    (\\d+)  intro to ana@example.edu  <").matcher(workspace.run("status").out());
        assertThat(m.find()).as("status lists the unknown message").isTrue();
        return m.group(1);
    }

    @Test
    void resolved_as_sent_it_is_counted_sent_and_its_follow_up_is_planned_from_when_it_went_out() throws Exception {
        var workspace = withOneUnknown();

        var run = workspace.run("resolve", unknownNumber(workspace), "--sent");
        workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(4))).run("daemon", "--once");

        assertThat(run.out()).contains("intro to ana@example.edu): recorded as sent");
        assertThat(server.accepted()).hasSize(3 + 4);
    }

    @Test
    void resolved_for_retry_it_is_sent_again_once() throws Exception {
        var workspace = withOneUnknown();

        workspace.run("resolve", unknownNumber(workspace), "--retry");
        workspace.run("daemon", "--once");

        assertThat(server.accepted()).hasSize(4);
        assertThat(workspace.run("status").out()).doesNotContain("Fate unknown");
    }

    @Test
    void resolve_needs_a_decision_and_a_message_of_unknown_fate() throws Exception {
        var workspace = withOneUnknown();

        assertThat(workspace.run("resolve", "1").code()).isEqualTo(2);
        var wrong = workspace.run("resolve", "99999", "--sent");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.errLines()).containsExactly(
                "no message of unknown fate is numbered or identified as 99999; outreach status lists them");
    }
}
