package org.outreach.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/** The sandbox, check-mail and test-send: what an organizer meets while setting up mail. */
class MailSetupTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ada@example.org", "ada@example.org", "app-password"))
            .withPerMethodLifecycle(true);

    @TempDir
    Path dir;

    private TestWorkspace withMail(String password) {
        return TestWorkspace.in(dir).env("SMTP_PASSWORD", password).write("outreach.yaml", """
                mail:
                  smtp: {host: 127.0.0.1, port: %d, security: none, username: ada@example.org, password: "${SMTP_PASSWORD}"}
                  imap: {host: 127.0.0.1, port: %d, security: none, username: ada@example.org, password: "${SMTP_PASSWORD}"}
                """.formatted(MAIL.getSmtp().getPort(), MAIL.getImap().getPort()));
    }

    @Test
    void without_settings_the_daemon_sends_into_the_sandbox_and_keeps_a_copy_of_each_message() throws Exception {
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");

        var run = workspace.run("daemon", "--once");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Sandbox mode: mail stays on this machine.").contains("4 sent");
        try (var copies = Files.list(workspace.path(".outreach/sandbox"))) {
            assertThat(copies.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(4);
        }
        assertThat(MAIL.getReceivedMessages()).as("nothing reached a real server").isEmpty();
    }

    @Test
    void check_mail_in_sandbox_mode_says_so() {
        var run = TestWorkspace.in(dir).run("check-mail");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Sandbox mode: mail goes to the built-in server and stays on this machine.");
    }

    @Test
    void check_mail_logs_in_to_both_servers_and_sends_nothing() {
        var run = withMail("app-password").run("check-mail");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("SMTP 127.0.0.1:\\d+ \\(none\\): connected and logged in as ada@example.org")
                .containsPattern("IMAP 127.0.0.1:\\d+ \\(none\\): logged in as ada@example.org; folder INBOX has 0 messages");
        assertThat(run.out() + run.err()).doesNotContain("app-password");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void check_mail_explains_a_refused_login_and_a_wrong_port() throws Exception {
        var refused = withMail("wrong").run("check-mail");

        assertThat(refused.code()).isEqualTo(3);
        assertThat(refused.out()).contains("FAILED: the server refused the login: check the user name and the password");
        assertThat(refused.out() + refused.err()).doesNotContain("wrong");

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var workspace = TestWorkspace.in(dir).write("outreach.yaml", "mail:\n  smtp: {host: 127.0.0.1, port: " + closed
                + ", security: none}\n");
        var wrongPort = workspace.run("check-mail");
        assertThat(wrongPort.out()).contains("FAILED: nothing answers on port " + closed + " of 127.0.0.1: check the port");
    }

    @Test
    void ssl_to_a_self_signed_server_needs_trust_and_check_mail_says_so() {
        var smtps = new com.icegreen.greenmail.util.GreenMail(ServerSetupTest.SMTPS.dynamicPort());
        smtps.start();
        try {
            String settings = "mail:\n  smtp: {host: 127.0.0.1, port: " + smtps.getSmtps().getPort() + ", security: ssl%s}\n";
            var workspace = TestWorkspace.in(dir).write("outreach.yaml", settings.formatted(""));
            var untrusted = workspace.run("check-mail");
            workspace.write("outreach.yaml", settings.formatted(", trust: true"));
            var trusted = workspace.run("check-mail");

            assertThat(untrusted.out()).contains("FAILED: the secure connection failed").contains("set trust: true");
            assertThat(trusted.code()).as(trusted.toString()).isZero();
            assertThat(trusted.out()).containsPattern("SMTP 127.0.0.1:\\d+ \\(ssl\\): connected");
        } finally {
            smtps.stop();
        }
    }

    @Test
    void test_send_sends_every_segment_and_step_to_the_organizer_and_records_nothing() throws Exception {
        var workspace = withMail("app-password");

        var run = workspace.run("test-send", "launch", "--to", "me@example.org");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("labs · intro: sent to me@example.org", "teams · nudge: sent to me@example.org");
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(4);
        assertThat(Arrays.stream(received).map(MailSetupTest::subject))
                .contains("[test labs · intro for ana@example.edu] A research software group for Physics Lab");
        assertThat(workspace.run("status").out()).isEqualTo("No campaign has been launched in this workspace yet.\n");
    }

    @Test
    void with_a_sent_folder_set_each_message_sent_is_copied_there_over_imap() throws Exception {
        var workspace = TestWorkspace.in(dir).env("SMTP_PASSWORD", "app-password").write("outreach.yaml", """
                mail:
                  smtp: {host: 127.0.0.1, port: %d, security: none, username: ada@example.org, password: "${SMTP_PASSWORD}"}
                  imap: {host: 127.0.0.1, port: %d, security: none, username: ada@example.org, password: "${SMTP_PASSWORD}",
                         sent_folder: Sent}
                """.formatted(MAIL.getSmtp().getPort(), MAIL.getImap().getPort()));
        workspace.run("launch", "launch");

        var run = workspace.run("daemon", "--once");

        assertThat(run.out()).contains("with a copy of each message in the Sent folder", "4 sent");
        try (var store = MAIL.getImap().createStore()) {
            store.connect("ada@example.org", "app-password");
            var sent = store.getFolder("Sent");
            sent.open(jakarta.mail.Folder.READ_ONLY);
            assertThat(sent.getMessageCount()).isEqualTo(4);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
