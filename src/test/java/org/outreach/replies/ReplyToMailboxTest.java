package org.outreach.replies;

import static org.outreach.TestMail.parse;
import static org.outreach.TestMail.recipient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/** A campaign whose reply_to is another mailbox than the sender's: its replies are read there too. */
class ReplyToMailboxTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser("ada@example.org", "ada@example.org", "app-password")
                    .withUser("rse-team@example.org", "rse-team@example.org", "team-password"))
            .withPerMethodLifecycle(true);

    private static final String IMAP = "  imap: {host: 127.0.0.1, port: %d, security: none, username: ada@example.org,"
            + " password: \"${PASSWORD}\"}\n";
    private static final String REPLY_TO_IMAP = "  reply_to_imap: {host: 127.0.0.1, port: %d, security: none,"
            + " username: rse-team@example.org, password: \"${TEAM_PASSWORD}\"}\n";

    @TempDir
    Path dir;

    private TestWorkspace workspace(boolean replyToMailbox) {
        String settings = "mail:\n  smtp: {host: 127.0.0.1, port: %d, security: none, username: ada@example.org,"
                .formatted(MAIL.getSmtp().getPort()) + " password: \"${PASSWORD}\"}\n"
                + IMAP.formatted(MAIL.getImap().getPort())
                + (replyToMailbox ? REPLY_TO_IMAP.formatted(MAIL.getImap().getPort()) : "");
        return TestWorkspace.in(dir).env("PASSWORD", "app-password").env("TEAM_PASSWORD", "team-password")
                .write("outreach.yaml", settings)
                .write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace(
                        "sender: {name: Ada Organizer, email: ada@example.org}",
                        "sender: {name: Ada Organizer, email: ada@example.org, reply_to: rse-team@example.org}"));
    }

    @Test
    void replies_to_the_reply_to_address_are_read_from_the_reply_to_imap_mailbox() throws Exception {
        var workspace = workspace(true);
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");
        MimeMessage intro = Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> recipient(m).equals("ana@example.edu")).findFirst().orElseThrow();

        MAIL.getUserManager().getUser("rse-team@example.org").deliver(parse("""
                From: Ana Lima <ana@example.edu>
                To: rse-team@example.org
                Subject: Re: %s
                Date: Mon, 30 Nov 2026 11:00:00 -0600
                Message-ID: <reply-1@example.edu>
                In-Reply-To: %s

                Count me in!
                """.formatted(intro.getSubject(), intro.getMessageID())));
        var poll = workspace.run("replies", "poll");

        assertThat(poll.code()).as(poll.toString()).isZero();
        assertThat(poll.out()).contains("Read 0 new messages from INBOX of ada@example.org")
                .contains("Read 1 new message from INBOX of rse-team@example.org: 1 reply");
        assertThat(poll.out() + poll.err()).doesNotContain("team-password");
        var replies = workspace.run("replies");
        assertThat(replies.out()).as(replies.toString()).contains("Ana Lima <ana@example.edu>", "Count me in!");
    }

    @Test
    void check_mail_logs_in_to_the_reply_to_mailbox_too() {
        var run = workspace(true).run("check-mail");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("IMAP 127.0.0.1:\\d+ \\(none\\): logged in as ada@example.org;")
                .containsPattern("IMAP 127.0.0.1:\\d+ \\(none\\): logged in as rse-team@example.org; folder INBOX has 0 messages")
                .doesNotContain("will not be read");
    }

    @Test
    void check_mail_says_which_replies_will_not_be_read_when_the_reply_to_mailbox_is_not_configured() {
        var run = workspace(false).run("check-mail");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out().lines()).contains("Replies to rse-team@example.org (reply_to in campaigns/launch.yaml) will"
                + " not be read: add a reply_to_imap section for that mailbox to outreach.yaml, unless mail to"
                + " rse-team@example.org arrives in INBOX of ada@example.org.");
    }

    @Test
    void the_daemon_and_replies_poll_say_too_which_replies_will_not_be_read() {
        var workspace = workspace(false);
        workspace.run("launch", "launch");

        var daemon = workspace.run("daemon", "--once");
        var poll = workspace.run("replies", "poll");

        String line = "Replies to rse-team@example.org (reply_to in campaigns/launch.yaml) will not be read: add a"
                + " reply_to_imap section for that mailbox to outreach.yaml, unless mail to rse-team@example.org arrives"
                + " in INBOX of ada@example.org.";
        assertThat(daemon.errLines()).as(daemon.toString()).contains(line);
        assertThat(poll.errLines()).as(poll.toString()).contains(line);
    }

    /** A second campaign whose reply_to is neither mailbox: only one reply_to_imap can be set. */
    private static final String SECOND = TestWorkspace.CAMPAIGN.replace("name: Springfield RSE launch", "name: Hack day")
            .replace("sender: {name: Ada Organizer, email: ada@example.org}",
                    "sender: {name: Ada Organizer, email: ada@example.org, reply_to: Hack-Day@example.org}");

    private static final String SECOND_UNREAD = "Replies to Hack-Day@example.org (reply_to in campaigns/hackday.yaml)"
            + " will not be read: reply_to_imap reads another mailbox, and only one can be set, unless mail to"
            + " Hack-Day@example.org arrives in INBOX of ada@example.org or INBOX of rse-team@example.org.";

    @Test
    void check_mail_says_which_replies_will_not_be_read_when_a_second_reply_to_has_no_mailbox() {
        var run = workspace(true).write("campaigns/hackday.yaml", SECOND).run("check-mail");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out().lines()).contains(SECOND_UNREAD);
        assertThat(run.out()).doesNotContain("Replies to rse-team@example.org");
    }

    @Test
    void the_daemon_says_too_which_replies_of_a_second_reply_to_will_not_be_read() {
        var workspace = workspace(true).write("campaigns/hackday.yaml", SECOND);
        workspace.run("launch", "launch");
        var launched = workspace.run("launch", "hackday");

        var daemon = workspace.run("daemon", "--once");

        assertThat(launched.code()).as(launched.toString()).isZero();
        assertThat(daemon.errLines()).as(daemon.toString()).contains(SECOND_UNREAD);
    }

    @Test
    void check_mail_says_nothing_of_a_reply_to_the_imap_mailbox_logs_in_to_in_other_case() {
        var run = workspace(false).write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace(
                "sender: {name: Ada Organizer, email: ada@example.org}",
                "sender: {name: Ada Organizer, email: maya@example.org, reply_to: ADA@example.org}")).run("check-mail");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).doesNotContain("will not be read");
    }

    @Test
    void check_mail_says_nothing_of_reply_to_when_it_is_the_sender_address() {
        var run = workspace(false).write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN).run("check-mail");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).doesNotContain("will not be read");
    }


}
