package org.outreach.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/** pause, resume, cancel, resolve and history, against a real SMTP server. */
class CampaignControlTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

    @TempDir
    Path dir;

    private TestWorkspace launched() {
        var workspace = TestWorkspace.in(dir).write("outreach.yaml", """
                mail:
                  smtp: {host: 127.0.0.1, port: %d, security: none}
                """.formatted(SMTP.getSmtp().getPort()));
        workspace.run("launch", "launch");
        return workspace;
    }

    @Test
    void a_paused_campaign_sends_nothing_until_it_is_resumed() {
        var workspace = launched();

        assertThat(workspace.run("pause", "launch").out()).isEqualTo("paused launch; outreach resume launch sends again\n");
        workspace.run("daemon", "--once");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(workspace.run("status").out()).contains("paused");

        workspace.run("resume", "launch");
        workspace.run("daemon", "--once");
        assertThat(SMTP.getReceivedMessages()).hasSize(4);
    }

    @Test
    void pausing_twice_or_resuming_an_active_campaign_says_what_is_wrong() {
        var workspace = launched();

        var resume = workspace.run("resume", "launch");

        assertThat(resume.code()).isEqualTo(1);
        assertThat(resume.errLines()).containsExactly("campaign launch is active, not paused");
    }

    @Test
    void cancelling_one_message_says_one_message() {
        var workspace = launched();
        for (String address : new String[] {"ana@example.edu", "ben@example.edu", "cy@example.gov"}) {
            workspace.run("suppress", address);
        }

        var cancel = workspace.run("cancel", "launch");

        assertThat(cancel.out()).isEqualTo("cancelled launch: 1 message not sent yet was cancelled\n");
    }

    @Test
    void a_cancelled_campaign_sends_no_follow_up() {
        var workspace = launched();
        workspace.run("daemon", "--once");

        var cancel = workspace.run("cancel", "launch");
        workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(4))).run("daemon", "--once");

        assertThat(cancel.out()).isEqualTo("cancelled launch: 4 messages not sent yet were cancelled\n");
        assertThat(SMTP.getReceivedMessages()).hasSize(4);
        assertThat(workspace.run("status").out()).containsPattern("labs\\s+nudge\\s+0\\s+0\\s+0\\s+2\\s+0");
    }

    @Test
    void history_shows_a_contacts_whole_timeline() {
        var workspace = launched();
        workspace.run("daemon", "--once");
        workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(4))).run("daemon", "--once");

        var run = workspace.run("history", "CY@example.gov");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out().lines()).first().isEqualTo("cy@example.gov (Cy Park, City Data Team)");
        assertThat(run.out()).containsPattern("Mon 30 Nov 2026 09:00\\s+launch\\s+-\\s+enrolled")
                .containsPattern("Mon 30 Nov 2026 09:00\\s+launch\\s+intro\\s+sending\\s+<")
                .containsPattern("Mon 30 Nov 2026 09:00\\s+launch\\s+intro\\s+sent\\s+250")
                .containsPattern("Fri 4 Dec 2026 09:00\\s+launch\\s+nudge\\s+sent")
                .containsPattern("Fri 4 Dec 2026 09:00\\s+launch\\s+nudge\\s+completed");
    }

    @Test
    void history_of_someone_unknown_is_bad_input() {
        var run = launched().run("history", "nobody@example.com");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("nobody@example.com is not a contact of this workspace");
    }
}
