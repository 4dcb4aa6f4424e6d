package org.outreach.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/** How sending meets a misbehaving SMTP server: what is retried, what is not, and what is left for a person. */
class SmtpFaultsTest {

    @TempDir
    Path dir;

    private ScriptedSmtpServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private TestWorkspace workspace(ScriptedSmtpServer smtp) {
        server = smtp;
        var workspace = TestWorkspace.in(dir).write("outreach.yaml", """
                mail:
                  smtp: {host: 127.0.0.1, port: %d, security: none, timeout: 2s}
                """.formatted(smtp.port()));
        workspace.run("launch", "launch");
        return workspace;
    }

    private TestWorkspace scripted(BiFunction<Integer, String, String> script) throws Exception {
        return workspace(new ScriptedSmtpServer(script));
    }

    @Test
    void a_4xx_to_rcpt_is_retried_after_a_backoff_and_then_sent_once() throws Exception {
        var workspace = scripted((message, command) -> message == 1 && command.equals("RCPT") ? "450 mailbox busy" : null);

        var first = workspace.run("daemon", "--once");

        assertThat(first.out()).contains("3 sent, 1 to retry, 0 failed, 0 unknown");
        assertThat(server.accepted()).hasSize(3);
        workspace.at(TestWorkspace.NOW.plus(Duration.ofSeconds(119))).run("daemon", "--once");
        assertThat(server.accepted()).as("not before the backoff").hasSize(3);
        workspace.at(TestWorkspace.NOW.plus(Duration.ofMinutes(2))).run("daemon", "--once");
        assertThat(server.accepted()).hasSize(4).doesNotHaveDuplicates();
        assertThat(history(workspace, "ana@example.edu")).contains("retrying", "450 mailbox busy", "sent");
    }

    @Test
    void a_4xx_after_the_data_is_retried_too() throws Exception {
        var workspace = scripted((message, command) -> message == 2 && command.equals(".") ? "451 try again later" : null);

        assertThat(workspace.run("daemon", "--once").out()).contains("3 sent, 1 to retry");
        workspace.at(TestWorkspace.NOW.plus(Duration.ofMinutes(2))).run("daemon", "--once");

        assertThat(server.accepted()).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void a_message_that_keeps_failing_temporarily_is_given_up_after_the_configured_age() throws Exception {
        var workspace = scripted((message, command) -> command.equals("RCPT") ? "451 greylisted" : null);
        workspace.write("outreach.yaml", workspace.read("outreach.yaml") + "  give_up_after: 1h\n");

        workspace.run("daemon", "--once");
        workspace.at(TestWorkspace.NOW.plus(Duration.ofMinutes(30))).run("daemon", "--once");
        var last = workspace.at(TestWorkspace.NOW.plus(Duration.ofMinutes(61))).run("daemon", "--once");

        assertThat(last.out()).contains("0 sent, 0 to retry, 4 failed");
        assertThat(history(workspace, "cy@example.gov")).contains("gave up after 1h of temporary failures; the last:");
    }

    @Test
    void a_5xx_to_rcpt_is_a_bounce_never_retried_and_the_address_is_suppressed() throws Exception {
        var workspace = scripted((message, command) -> message == 1 && command.equals("RCPT") ? "550 no such user" : null);

        var run = workspace.run("daemon", "--once");

        assertThat(run.out()).contains("3 sent, 0 to retry, 1 failed");
        workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(4))).run("daemon", "--once");
        assertThat(server.accepted()).as("three intros, three follow-ups, nothing more for the bounced address").hasSize(6);
        assertThat(workspace.run("contacts", "list").out()).contains("bounce: 550 no such user");
        assertThat(workspace.run("status", "launch").out()).containsPattern("labs\\s+intro\\s+0\\s+1\\s+1");
    }

    @Test
    void a_policy_refusal_is_about_the_account_not_the_address_so_nothing_is_suppressed_and_sending_stops() throws Exception {
        var workspace = scripted((message, command) -> command.equals("RCPT") ? "554 5.7.1 Relay access denied" : null);

        var run = workspace.run("daemon", "--once");

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.out()).contains("0 sent, 1 to retry, 0 failed");
        assertThat(run.err()).contains("the server refused to send for ada@example.org: ", "Relay access denied");
        assertThat(workspace.run("contacts", "list").out()).doesNotContain("bounce");
        assertThat(history(workspace, "ana@example.edu")).contains("retrying", "refused to send for this mailbox");
    }

    @Test
    void a_sender_refused_at_mail_from_stops_the_round_and_fails_nobody() throws Exception {
        var workspace = scripted((message, command) -> command.equals("MAIL") ? "553 5.7.1 Sender address not owned by user" : null);

        var run = workspace.run("daemon", "--once");

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.out()).contains("0 sent, 1 to retry, 0 failed");
        assertThat(query(workspace, "select count(*) as n from messages where state = 'planned'"))
                .containsExactly(Map.of("n", 3L));
    }

    @Test
    void a_5xx_to_the_data_is_not_retried_and_stops_that_sequence() throws Exception {
        var workspace = scripted((message, command) -> message == 1 && command.equals(".") ? "554 message refused" : null);

        workspace.run("daemon", "--once");
        workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(4))).run("daemon", "--once");

        assertThat(server.accepted()).hasSize(6);
        assertThat(history(workspace, "ana@example.edu")).contains("failed", "554 message refused");
        assertThat(query(workspace, "select state from enrollments e join contacts c on c.id = e.contact_id where c.email = 'ana@example.edu'"))
                .containsExactly(Map.of("state", "stopped"));
    }

    @Test
    void a_421_mid_batch_retries_that_message_and_the_batch_goes_on_over_a_new_connection() throws Exception {
        var workspace = scripted((message, command) -> message == 2 && command.equals("MAIL") ? "421 closing, too busy" : null);

        var run = workspace.run("daemon", "--once");

        assertThat(run.out()).contains("3 sent, 1 to retry");
        assertThat(server.connections()).isEqualTo(2);
        workspace.at(TestWorkspace.NOW.plus(Duration.ofMinutes(2))).run("daemon", "--once");
        assertThat(server.accepted()).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void a_connection_dropped_before_the_data_is_retried() throws Exception {
        var workspace = scripted((message, command) -> message == 3 && command.equals("RCPT") ? ScriptedSmtpServer.DROP : null);

        assertThat(workspace.run("daemon", "--once").out()).contains("3 sent, 1 to retry, 0 failed, 0 unknown");
        workspace.at(TestWorkspace.NOW.plus(Duration.ofMinutes(2))).run("daemon", "--once");

        assertThat(server.accepted()).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void a_connection_dropped_after_the_data_leaves_the_message_unknown_and_never_resends_it() throws Exception {
        var workspace = scripted((message, command) -> message == 1 && command.equals(".") ? ScriptedSmtpServer.DROP : null);

        var run = workspace.run("daemon", "--once");
        workspace.at(TestWorkspace.NOW.plus(Duration.ofHours(1))).run("daemon", "--once");

        assertThat(run.out()).contains("3 sent, 0 to retry, 0 failed, 1 unknown");
        assertThat(server.accepted()).hasSize(3);
        assertThat(workspace.run("status").out()).containsPattern("labs\\s+intro\\s+0\\s+1\\s+0\\s+0\\s+1");
    }

    @Test
    void a_server_that_never_answers_times_out_and_nothing_is_claimed() throws Exception {
        var workspace = workspace(ScriptedSmtpServer.silent());

        var run = workspace.run("daemon", "--once");

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("cannot connect to the SMTP server 127.0.0.1:");
        assertThat(query(workspace, "select distinct state from messages")).containsExactly(Map.of("state", "planned"));
    }

    @Test
    void a_server_that_stops_answering_after_the_data_leaves_the_message_unknown() throws Exception {
        var workspace = scripted((message, command) -> message == 4 && command.equals(".") ? ScriptedSmtpServer.HANG : null);

        var run = workspace.run("daemon", "--once");

        assertThat(run.out()).contains("3 sent, 0 to retry, 0 failed, 1 unknown");
    }

    private static String history(TestWorkspace workspace, String email) {
        return workspace.run("history", email).out();
    }

    private static List<Map<String, Object>> query(TestWorkspace workspace, String sql) {
        return Jdbi.create(workspace.databaseUrl()).withHandle(h -> h.createQuery(sql).mapToMap().list());
    }
}
