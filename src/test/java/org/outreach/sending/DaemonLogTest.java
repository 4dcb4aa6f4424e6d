package org.outreach.sending;

import static org.outreach.TestMail.recipient;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/** What a long-running daemon writes to its log (journalctl, cron.log): its rounds at INFO, and every reply. */
class DaemonLogTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new com.icegreen.greenmail.util.ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ada@example.org", "ada@example.org", "app-password"));

    @TempDir
    Path dir;

    @Test
    void the_daemon_logs_its_rounds_at_info_and_each_reply_on_one_line() throws Exception {
        var workspace = TestWorkspace.in(dir).env("PASSWORD", "app-password")
                .write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace(
                        "window: {days: mon-fri, hours: \"09:00-17:00\", timezone: America/Chicago}", ""))
                .write("outreach.yaml", """
                        mail:
                          smtp: {host: 127.0.0.1, port: %d, security: none, username: ada@example.org, password: app-password}
                          imap: {host: 127.0.0.1, port: %d, security: none, username: ada@example.org, password: app-password}
                        """.formatted(MAIL.getSmtp().getPort(), MAIL.getImap().getPort()));
        workspace.at(Instant.now()).run("launch", "launch");
        Path log = dir.resolve("daemon.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process daemon = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.outreach.cli.Main", "--workspace", dir.toString(), "daemon", "--interval", "1"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(MAIL.waitForIncomingEmail(30_000, 4)).as(workspace.read("daemon.log")).isTrue();
            MimeMessage intro = Arrays.stream(MAIL.getReceivedMessages())
                    .filter(m -> recipient(m).equals("ana@example.edu")).findFirst().orElseThrow();
            MAIL.getUserManager().getUser("ada@example.org").deliver(reply(intro));

            assertThat(untilLogged(log, "reply from ana@example.edu (launch): follow-ups stopped"))
                    .as(workspace.read("daemon.log")).isTrue();
        } finally {
            daemon.destroy();
        }
        assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(workspace.read("daemon.log"))
                .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d INFO  daemon: 4 sent, 0 to retry, 0 failed, 0 unknown \\(4 were due\\)\\.$")
                .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d INFO  daemon: reply from ana@example.edu \\(launch\\): follow-ups stopped$")
                .doesNotContain("WARN", "ERROR");
    }

    /** Waits for the other process to write a line, as a person would watch journalctl -f; true when it did. */
    private static boolean untilLogged(Path log, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains(line)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static MimeMessage reply(MimeMessage to) throws Exception {
        String text = """
                From: Ana Lima <ana@example.edu>
                To: Ada Organizer <ada@example.org>
                Subject: Re: %s
                Message-ID: <reply-log@example.edu>
                In-Reply-To: %s

                Count me in!
                """.formatted(to.getSubject(), to.getMessageID());
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

}
