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

/** One round of the daemon: the limits of a mailbox shared by campaigns, and why what was due is waiting. */
class DaemonRoundTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

    private static final String LIMITS = "limits: {per_day: 50, per_hour: 10}";

    @TempDir
    Path dir;

    private TestWorkspace workspace() {
        return TestWorkspace.in(dir).write("outreach.yaml", """
                mail:
                  smtp: {host: 127.0.0.1, port: %d, security: none}
                """.formatted(SMTP.getSmtp().getPort()));
    }

    /** A second campaign of the same sender, to the same four people, with limits of its own. */
    private static TestWorkspace withSecondCampaign(TestWorkspace workspace, String limits) {
        return workspace.write("campaigns/spring.yaml", TestWorkspace.CAMPAIGN
                .replace("Springfield RSE launch", "Springfield RSE spring meetup").replace(LIMITS, limits));
    }

    @Test
    void the_next_slot_a_round_announces_is_the_one_the_next_round_keeps() {
        // A clock that moves while the round works, as a real one does: the gap after a send is drawn from the
        // time of that send, and the announced slot must be drawn from the time the database keeps.
        var workspace = workspace().write("campaigns/launch.yaml",
                TestWorkspace.CAMPAIGN.replace(LIMITS, "limits: {per_day: 50, per_hour: 10, min_gap: 2m}"));
        workspace.at(TestWorkspace.NOW).run("launch", "launch");

        var first = workspace.ticking(TestWorkspace.NOW).run("daemon", "--once");
        var second = workspace.ticking(TestWorkspace.NOW.plusSeconds(30)).run("daemon", "--once");

        assertThat(first.out()).as(first.toString()).contains("1 sent");
        assertThat(slot(second.out())).as(second.toString()).isEqualTo(slot(first.out()));
    }

    private static String slot(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("next slot ([^\\n]+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    @Test
    void two_campaigns_of_one_mailbox_send_one_message_when_one_of_them_asks_for_two_minutes_between_sends() {
        var workspace = workspace().write("campaigns/launch.yaml",
                TestWorkspace.CAMPAIGN.replace(LIMITS, "limits: {per_day: 50, per_hour: 10, min_gap: 2m}"));
        withSecondCampaign(workspace, "limits: {per_day: 50, per_hour: 10, min_gap: 0s}");
        workspace.run("launch", "launch");
        workspace.run("launch", "spring");

        var round = workspace.run("daemon", "--once");

        assertThat(round.code()).as(round.toString()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(round.out()).contains("1 sent, 0 to retry, 0 failed, 0 unknown (8 were due).")
                .containsPattern("(?m)^launch: 3 messages wait, min_gap of 2m between sends from ada@example.org;"
                        + " next slot Mon 30 Nov 09:0[23]:\\d\\d America/Chicago$")
                .containsPattern("(?m)^spring: 4 messages wait, min_gap of 2m between sends from ada@example.org;")
                .contains("  Limits of ada@example.org, the strictest of its campaigns, for every send from it:"
                        + " 50 a day, 10 an hour, at least 2m apart");
        // The forecast obeys the same gap: spring's four intros cannot all go at 09:00.
        assertThat(workspace.run("status", "spring").out()).containsPattern("intro\\s+4\\s+Mon 30 Nov 2026 09:02\\s+Mon 30 Nov 2026 09:08");
    }

    @Test
    void caps_of_one_mailbox_count_the_sends_of_all_its_campaigns_and_the_smallest_cap_applies() {
        var workspace = workspace();
        withSecondCampaign(workspace, "limits: {per_day: 3, per_hour: 10}");
        workspace.run("launch", "launch");
        workspace.run("launch", "spring");

        var dryRun = workspace.run("launch", "spring", "--dry-run");
        var round = workspace.run("daemon", "--once");

        assertThat(dryRun.out()).contains("(3 a day, 10 an hour; Mon–Fri 09:00–17:00 America/Chicago;"
                + " the strictest of the campaigns of ada@example.org):");
        assertThat(SMTP.getReceivedMessages()).hasSize(3);
        assertThat(round.out()).contains("3 sent, 0 to retry, 0 failed, 0 unknown (8 were due).")
                .contains("launch: 1 message waits, daily cap of 3 reached for ada@example.org;"
                        + " next slot Tue 1 Dec 09:00 America/Chicago")
                .contains("spring: 4 messages wait, daily cap of 3 reached for ada@example.org;"
                        + " next slot Tue 1 Dec 09:00 America/Chicago");
    }

    @Test
    void several_connections_of_one_mailbox_send_each_message_once_and_keep_its_hourly_cap_together() {
        StringBuilder contacts = new StringBuilder("email,first_name,last_name,organization,kind\n");
        for (int i = 1; i <= 40; i++) {
            contacts.append("p").append(i).append("@example.edu,P").append(i).append(",Lab,Lab ").append(i).append(",lab\n");
        }
        var workspace = TestWorkspace.in(dir).write("outreach.yaml", """
                        mail:
                          smtp: {host: 127.0.0.1, port: %d, security: none, connections: 3}
                        """.formatted(SMTP.getSmtp().getPort()))
                .write("campaigns/contacts/forty.csv", contacts.toString())
                .write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace(LIMITS, "limits: {per_day: 100, per_hour: 25}")
                        .replace("contacts/people.csv", "contacts/forty.csv"));
        workspace.run("launch", "launch");

        var first = workspace.run("daemon", "--once");
        var recipientsFirst = recipients();
        var later = workspace.at(TestWorkspace.NOW.plus(Duration.ofHours(1))).run("daemon", "--once");

        assertThat(first.out()).as(first.toString()).contains("up to 3 connections at once")
                .contains("25 sent, 0 to retry, 0 failed, 0 unknown (40 were due).")
                .contains("launch: 15 messages wait, hourly cap of 25 reached for ada@example.org");
        assertThat(recipientsFirst).hasSize(25).doesNotHaveDuplicates();
        assertThat(later.out()).as(later.toString()).contains("15 sent, 0 to retry, 0 failed, 0 unknown (15 were due).");
        assertThat(recipients()).hasSize(40).doesNotHaveDuplicates();
    }

    private static java.util.List<String> recipients() {
        return java.util.Arrays.stream(SMTP.getReceivedMessages()).map(org.outreach.TestMail::recipient).toList();
    }

    @Test
    void a_campaign_with_nothing_left_to_send_no_longer_holds_its_mailbox_to_its_caps() {
        var workspace = workspace().write("campaigns/contacts/one.csv", "email,first_name,last_name,organization,kind\n"
                        + "ana@example.edu,Ana,Lima,Physics Lab,lab\n")
                .write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace(LIMITS, "limits: {per_day: 1, per_hour: 10}")
                        .replace("contacts/people.csv", "contacts/one.csv").replace("  - name: nudge\n    after: 4d\n", ""));
        workspace.run("launch", "launch");
        assertThat(workspace.run("daemon", "--once").out()).contains("1 sent, 0 to retry, 0 failed, 0 unknown (1 was due).");
        var tuesday = TestWorkspace.NOW.plus(Duration.ofDays(1));
        withSecondCampaign(workspace, LIMITS);
        workspace.at(tuesday).run("launch", "spring");

        var validate = workspace.at(tuesday).run("validate", "spring");
        var round = workspace.at(tuesday).run("daemon", "--once");

        assertThat(round.out()).as(round.toString()).contains("4 sent, 0 to retry, 0 failed, 0 unknown (4 were due).");
        assertThat(validate.err()).as("a finished campaign's file is no one's peer").isEmpty();
    }

    @Test
    void a_round_outside_the_window_says_when_it_opens_in_the_windows_time_zone() {
        var workspace = workspace();
        var saturday = TestWorkspace.NOW.plus(Duration.ofDays(5));
        workspace.at(saturday).run("launch", "launch");

        var round = workspace.at(saturday).run("daemon", "--once");

        assertThat(round.out()).contains("0 sent, 0 to retry, 0 failed, 0 unknown (4 were due).\n"
                + "launch: 4 messages wait, window closed until Mon 7 Dec 09:00 America/Chicago\n");
    }

    @Test
    void a_round_says_which_hourly_cap_holds_messages_back() {
        var workspace = workspace().write("campaigns/launch.yaml",
                TestWorkspace.CAMPAIGN.replace(LIMITS, "limits: {per_day: 50, per_hour: 1}"));
        workspace.run("launch", "launch");

        var round = workspace.run("daemon", "--once");

        assertThat(round.out()).contains("1 sent, 0 to retry, 0 failed, 0 unknown (4 were due).\n"
                + "launch: 3 messages wait, hourly cap of 1 reached for ada@example.org;"
                + " next slot Mon 30 Nov 10:00 America/Chicago\n");
    }

    @Test
    void a_round_says_a_paused_campaign_waits_for_a_person() {
        var workspace = workspace();
        workspace.run("launch", "launch");
        workspace.run("pause", "launch");

        var round = workspace.run("daemon", "--once");

        assertThat(round.out()).contains("0 sent, 0 to retry, 0 failed, 0 unknown (0 were due).\n"
                + "launch: 4 messages wait, campaign paused; outreach resume launch sends again\n");
    }

    @Test
    void one_message_is_one_message() {
        var workspace = workspace().write("campaigns/contacts/people.csv",
                TestWorkspace.CONTACTS.lines().limit(2).map(l -> l + "\n").reduce("", String::concat));
        workspace.run("launch", "launch");

        var round = workspace.run("daemon", "--once");

        assertThat(round.out()).contains("1 sent, 0 to retry, 0 failed, 0 unknown (1 was due).");
    }
}
