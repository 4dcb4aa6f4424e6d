package org.outreach.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/** The daemon against a real SMTP server in this process (GreenMail), with the clock in the test's hand. */
class SendingTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP)).withPerMethodLifecycle(true);

    @TempDir
    Path dir;

    private TestWorkspace workspace() {
        return TestWorkspace.in(dir).write("outreach.yaml", """
                mail:
                  smtp: {host: 127.0.0.1, port: %d, security: none}
                """.formatted(SMTP.getSmtp().getPort()));
    }

    @Test
    void each_intro_goes_out_once_and_each_follow_up_once_after_its_delay_in_the_same_thread() throws Exception {
        var workspace = workspace();
        // A third segment, with its own templates, for coworking spaces.
        workspace.write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace("steps:", """
                  - name: spaces
                    match: {kind: coworking}
                    templates: rse/space
                steps:"""));
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS + "eve@example.com,Eve,Ng,Canal Cowork,coworking\n");
        workspace.write("templates/rse/space/intro.ftl", "Subject: Host an RSE meetup at ${contact.organization}?\n\nHi ${contact.first_name}\n");
        workspace.write("templates/rse/space/nudge.ftl", "Hi again ${contact.first_name}\n");
        workspace.run("launch", "launch");

        var first = workspace.run("daemon", "--once");
        var again = workspace.run("daemon", "--once");

        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("Sending through 127.0.0.1:", "5 sent, 0 to retry, 0 failed, 0 unknown (5 were due).");
        assertThat(again.out()).contains("0 sent, 0 to retry, 0 failed, 0 unknown (0 were due).");
        assertThat(SMTP.getReceivedMessages()).hasSize(5);

        // Four days later, to the minute: the follow-ups are due.
        workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(4)).minusSeconds(60)).run("daemon", "--once");
        assertThat(SMTP.getReceivedMessages()).hasSize(5);
        var followUps = workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(4))).run("daemon", "--once");

        assertThat(followUps.out()).contains("5 sent");
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(10);
        Map<String, List<MimeMessage>> byRecipient = Arrays.stream(received)
                .collect(Collectors.groupingBy(SendingTest::recipient));
        assertThat(byRecipient).containsOnlyKeys("ana@example.edu", "ben@example.edu", "cy@example.gov", "dee@example.gov",
                "eve@example.com");
        assertThat(byRecipient.get("eve@example.com").get(1).getSubject()).isEqualTo("Re: Host an RSE meetup at Canal Cowork?");
        for (List<MimeMessage> thread : byRecipient.values()) {
            MimeMessage intro = thread.get(0);
            MimeMessage nudge = thread.get(1);
            assertThat(nudge.getSubject()).isEqualTo("Re: " + intro.getSubject());
            assertThat(nudge.getHeader("In-Reply-To")).containsExactly(intro.getMessageID());
            assertThat(nudge.getHeader("References")).containsExactly(intro.getMessageID());
            assertThat(intro.getMessageID()).endsWith("@example.org>");
        }
        assertThat(workspace.run("status", "launch").out()).containsPattern("labs\\s+nudge\\s+0\\s+2\\s+0\\s+0\\s+0")
                .containsPattern("spaces\\s+nudge\\s+0\\s+1\\s+0\\s+0\\s+0");
        assertThat(workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(30))).run("daemon", "--once").out())
                .as("a sequence ends with its last step").contains("0 sent", "(0 were due)");
    }

    @Test
    void the_hourly_cap_rolls_the_rest_over_to_the_next_hour() {
        var workspace = workspace();
        workspace.write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace("per_hour: 10", "per_hour: 3"));
        workspace.run("launch", "launch");

        workspace.run("daemon", "--once");
        assertThat(SMTP.getReceivedMessages()).hasSize(3);
        workspace.at(TestWorkspace.NOW.plus(Duration.ofMinutes(59))).run("daemon", "--once");
        assertThat(SMTP.getReceivedMessages()).hasSize(3);
        workspace.at(TestWorkspace.NOW.plus(Duration.ofMinutes(60))).run("daemon", "--once");
        assertThat(SMTP.getReceivedMessages()).hasSize(4);
    }

    @Test
    void the_daily_cap_holds_across_hours() {
        var workspace = workspace();
        workspace.write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace("per_day: 50", "per_day: 2"));
        workspace.run("launch", "launch");

        workspace.run("daemon", "--once");
        workspace.at(TestWorkspace.NOW.plus(Duration.ofHours(5))).run("daemon", "--once");
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(1))).run("daemon", "--once");
        assertThat(SMTP.getReceivedMessages()).hasSize(4);
    }

    @Test
    void nothing_goes_out_outside_the_send_window() {
        var workspace = workspace();
        Instant saturday = Instant.parse("2026-12-05T16:00:00Z");
        workspace.at(saturday).run("launch", "launch");

        var run = workspace.at(saturday).run("daemon", "--once");

        assertThat(run.out()).contains("0 sent", "(4 were due)");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        workspace.at(Instant.parse("2026-12-07T15:00:00Z")).run("daemon", "--once");
        assertThat(SMTP.getReceivedMessages()).hasSize(4);
    }

    @Test
    void a_suppressed_contact_gets_no_follow_up() {
        var workspace = workspace();
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");
        workspace.run("suppress", "ana@example.edu");

        workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(4))).run("daemon", "--once");

        assertThat(Arrays.stream(SMTP.getReceivedMessages()).map(SendingTest::recipient))
                .containsOnlyOnce("ana@example.edu").hasSize(7);
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
