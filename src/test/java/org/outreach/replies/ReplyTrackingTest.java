package org.outreach.replies;

import static org.outreach.TestMail.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestMail;
import org.outreach.TestWorkspace;

/**
 * The whole loop against real SMTP and IMAP servers: a two-step campaign goes out; into the organizer's mailbox
 * come a human reply, an out-of-office, a delivery-failure notice and a request to be removed; after the next
 * poll only the right contact gets the follow-up.
 */
class ReplyTrackingTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ada@example.org", "ada@example.org", "app-password"))
            .withPerMethodLifecycle(true);

    @TempDir
    Path dir;

    private TestWorkspace workspace() {
        return TestWorkspace.in(dir).env("PASSWORD", "app-password").write("outreach.yaml", """
                mail:
                  smtp: {host: 127.0.0.1, port: %d, security: none, username: ada@example.org, password: "${PASSWORD}"}
                  imap: {host: 127.0.0.1, port: %d, security: none, username: ada@example.org, password: "${PASSWORD}"}
                """.formatted(MAIL.getSmtp().getPort(), MAIL.getImap().getPort()));
    }

    @Test
    void replies_stop_follow_ups_out_of_office_does_not_bounces_and_removal_requests_suppress() throws Exception {
        var workspace = workspace();
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");
        Map<String, MimeMessage> intros = sentTo();
        GreenMailUser organizer = MAIL.getUserManager().getUser("ada@example.org");

        organizer.deliver(reply(intros.get("ana@example.edu"), "Ana Lima <ana@example.edu>",
                "Hi Ada,\n\nThis sounds great, count me in! I'll bring two students.\n\nAna\n"));
        organizer.deliver(parse("""
                From: Ben Okoro <ben@example.edu>
                To: Ada Organizer <ada@example.org>
                Subject: Automatic reply: %s
                Auto-Submitted: auto-replied
                Date: Mon, 30 Nov 2026 10:00:00 -0600
                Message-ID: <ooo-1@example.edu>
                In-Reply-To: %s

                I am out of the office until December 10, 2026 with limited access to email.
                """.formatted(intros.get("ben@example.edu").getSubject(), intros.get("ben@example.edu").getMessageID())));
        organizer.deliver(parse(dsn("cy@example.gov", intros.get("cy@example.gov"))));
        organizer.deliver(reply(intros.get("dee@example.gov"), "Dee Ruiz <dee@example.gov>",
                "Please remove me from your list.\n"));

        var poll = workspace.run("replies", "poll");
        var again = workspace.run("replies", "poll");

        assertThat(poll.code()).as(poll.toString()).isZero();
        assertThat(poll.out()).contains("Read 4 new messages from INBOX of ada@example.org").contains("1 reply").contains("1 auto-reply")
                .contains("1 bounce").contains("1 unsubscribe");
        assertThat(again.out()).contains("Read 0 new messages");

        // The follow-up is due four days later; the out-of-office said December 10, so Ben's waits until after it.
        workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(4))).run("daemon", "--once");
        assertThat(followUpsTo()).isEmpty();
        workspace.at(java.time.Instant.parse("2026-12-11T15:00:00Z")).run("daemon", "--once");
        assertThat(followUpsTo()).containsExactly("ben@example.edu");

        var status = workspace.run("status", "launch");
        assertThat(status.out()).containsPattern("labs\\s+intro\\s+0\\s+2\\s+0\\s+0\\s+0\\s+1\\s+1\\s+0\\s+0\\s+50%")
                .containsPattern("teams\\s+intro\\s+0\\s+2\\s+0\\s+0\\s+0\\s+0\\s+0\\s+1\\s+1");
        var replies = workspace.run("replies");
        assertThat(replies.out()).contains("Ana Lima <ana@example.edu>, Physics Lab", "count me in!")
                .doesNotContain("ben@example.edu", "dee@example.gov");
        assertThat(workspace.run("history", "cy@example.gov").out()).contains("bounced", "5.1.1");
        assertThat(workspace.run("contacts", "list").out()).contains("bounce").contains("unsubscribe");
        Path csv = dir.resolve("outcomes.csv");
        workspace.run("export", "launch", "--csv", csv.toString());
        assertThat(Files.readString(csv)).contains("ana@example.edu,Ana,Lima,Physics Lab,labs,replied")
                .contains("cy@example.gov,Cy,Park,City Data Team,teams,bounced")
                .contains("dee@example.gov,Dee,Ruiz,State Agency,teams,unsubscribed");
    }

    @Test
    void export_says_what_happened_last_even_after_the_last_step_went_out() throws Exception {
        var workspace = workspace();
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");
        workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(4))).run("daemon", "--once");
        Map<String, MimeMessage> nudges = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> subject(m).startsWith("Re: "))
                .collect(Collectors.toMap(TestMail::recipient, m -> m));
        assertThat(nudges).hasSize(4);
        GreenMailUser organizer = MAIL.getUserManager().getUser("ada@example.org");

        // Every sequence is complete; then Ana answers (from a client that sends no Date header), Ben's
        // out-of-office answers and nobody else, Cy's address bounces, and Dee asks to be removed.
        organizer.deliver(parse(withoutDate(replyText(nudges.get("ana@example.edu"), "Ana Lima <ana@example.edu>", "Count me in.\n"))));
        organizer.deliver(parse("""
                From: Ben Okoro <ben@example.edu>
                To: Ada Organizer <ada@example.org>
                Subject: Automatic reply: %s
                Auto-Submitted: auto-replied
                Date: Fri, 4 Dec 2026 10:00:00 -0600
                Message-ID: <ooo-2@example.edu>
                In-Reply-To: %s

                I am out of the office with limited access to email.
                """.formatted(nudges.get("ben@example.edu").getSubject(), nudges.get("ben@example.edu").getMessageID())));
        organizer.deliver(parse(dsn("cy@example.gov", nudges.get("cy@example.gov"))));
        organizer.deliver(reply(nudges.get("dee@example.gov"), "Dee Ruiz <dee@example.gov>", "Please remove me from your list.\n"));
        var poll = workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(5))).run("replies", "poll");
        assertThat(poll.out()).as(poll.toString()).contains("1 reply", "1 auto-reply", "1 bounce", "1 unsubscribe");

        Path csv = dir.resolve("outcomes.csv");
        var export = workspace.run("export", "launch", "--csv", csv.toString());

        assertThat(export.code()).as(export.toString()).isZero();
        assertThat(Files.readAllLines(csv)).anySatisfy(l -> assertThat(l).startsWith("ana@example.edu,Ana,Lima,Physics Lab,labs,replied,2,"))
                .anySatisfy(l -> assertThat(l).startsWith("ben@example.edu,Ben,Okoro,Chemistry Lab,labs,no reply,2,").endsWith(",1,"))
                .anySatisfy(l -> assertThat(l).startsWith("cy@example.gov,Cy,Park,City Data Team,teams,bounced,2,"))
                .anySatisfy(l -> assertThat(l).startsWith("dee@example.gov,Dee,Ruiz,State Agency,teams,unsubscribed,2,"));
    }

    @Test
    void export_of_a_replier_who_asked_to_be_removed_later_says_unsubscribed() throws Exception {
        var workspace = workspace();
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");
        MimeMessage intro = sentTo().get("ana@example.edu");
        GreenMailUser organizer = MAIL.getUserManager().getUser("ada@example.org");
        organizer.deliver(reply(intro, "Ana Lima <ana@example.edu>", "Sounds interesting, tell me more.\n"));
        workspace.at(TestWorkspace.NOW.plus(Duration.ofHours(1))).run("replies", "poll");
        organizer.deliver(parse(replyText(intro, "Ana Lima <ana@example.edu>", "Please remove me from your list.\n")
                .replace("Message-ID: <reply-", "Message-ID: <reply-again-")));
        workspace.at(TestWorkspace.NOW.plus(Duration.ofHours(2))).run("replies", "poll");
        workspace.run("cancel", "launch");

        Path csv = dir.resolve("outcomes.csv");
        workspace.run("export", "launch", "--csv", csv.toString());

        assertThat(Files.readAllLines(csv))
                .anySatisfy(l -> assertThat(l).startsWith("ana@example.edu,Ana,Lima,Physics Lab,labs,unsubscribed,1,"))
                .anySatisfy(l -> assertThat(l).startsWith("ben@example.edu,Ben,Okoro,Chemistry Lab,labs,campaign cancelled,1,"));
    }

    @Test
    void a_round_tells_each_reply_bounce_and_unsubscribe_who_which_kind_which_campaign_and_what_it_did() throws Exception {
        var workspace = workspace();
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");
        Map<String, MimeMessage> intros = sentTo();
        GreenMailUser organizer = MAIL.getUserManager().getUser("ada@example.org");
        organizer.deliver(reply(intros.get("ana@example.edu"), "Ana Lima <ana@example.edu>", "Count me in!\n"));
        var one = workspace.run("daemon", "--once");
        organizer.deliver(outOfOffice(intros.get("ben@example.edu"), "Ben Okoro <ben@example.edu>", "December 10, 2026"));
        organizer.deliver(parse(dsn("cy@example.gov", intros.get("cy@example.gov"))));
        organizer.deliver(reply(intros.get("dee@example.gov"), "Dee Ruiz <dee@example.gov>", "Please remove me from your list.\n"));

        var three = workspace.run("daemon", "--once");

        assertThat(one.out()).contains("""
                Read 1 new message from INBOX of ada@example.org: 1 reply
                  reply from ana@example.edu (launch): follow-ups stopped
                """);
        assertThat(three.out()).contains("""
                Read 3 new messages from INBOX of ada@example.org: 1 auto-reply, 1 bounce, 1 unsubscribe
                  auto-reply from ben@example.edu (launch): away until Thu 10 Dec, the next follow-up waits until Fri 11 Dec
                  bounce for cy@example.gov (launch): address suppressed
                  unsubscribe from dee@example.gov (launch): address suppressed
                """);
    }

    @Test
    void an_auto_reply_back_before_the_follow_up_is_due_says_the_follow_up_does_not_wait() throws Exception {
        var workspace = workspace();
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");
        // The nudge is due on Fri 4 Dec; Ben is back before then.
        MAIL.getUserManager().getUser("ada@example.org").deliver(
                outOfOffice(sentTo().get("ben@example.edu"), "Ben Okoro <ben@example.edu>", "December 1, 2026"));

        var poll = workspace.run("replies", "poll");

        assertThat(poll.out()).as(poll.toString()).contains("  auto-reply from ben@example.edu (launch):"
                + " away until Tue 1 Dec; the next follow-up is due after that anyway\n");
    }

    @Test
    void an_auto_reply_after_the_last_step_says_there_is_no_follow_up_to_hold() throws Exception {
        var workspace = workspace();
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");
        var later = workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(4)));
        later.run("daemon", "--once");
        MAIL.getUserManager().getUser("ada@example.org").deliver(
                outOfOffice(sentTo().get("ben@example.edu"), "Ben Okoro <ben@example.edu>", "December 10, 2026"));

        var poll = later.run("replies", "poll");

        assertThat(followUpsTo()).contains("ben@example.edu");
        assertThat(poll.out()).as(poll.toString()).contains("  auto-reply from ben@example.edu (launch):"
                + " away until Thu 10 Dec; no follow-up to hold\n");
    }

    @Test
    void when_the_server_renumbers_the_folder_everything_is_read_again_and_nothing_counted_twice() throws Exception {
        var workspace = workspace();
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");
        MAIL.getUserManager().getUser("ada@example.org").deliver(
                reply(sentTo().get("ana@example.edu"), "Ana Lima <ana@example.edu>", "See you there!\n"));
        workspace.run("replies", "poll");
        // What a server does after a mailbox is rebuilt: a new UIDVALIDITY, UIDs from the start again.
        org.jdbi.v3.core.Jdbi.create(workspace.databaseUrl()).useHandle(h -> h.execute("update mailbox_cursors set uid_validity = 1"));

        var resync = workspace.run("replies", "poll");

        assertThat(resync.out()).contains("Read 0 new messages", "the server renumbered the folder");
        assertThat(workspace.run("replies").out().lines().filter(l -> l.contains("ana@example.edu"))).hasSize(1);
    }

    @Test
    void a_colleague_answering_a_forwarded_email_counts_for_the_contact() throws Exception {
        var workspace = workspace();
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");
        MimeMessage intro = sentTo().get("ana@example.edu");

        MAIL.getUserManager().getUser("ada@example.org").deliver(
                reply(intro, "Raj Patel <raj@example.edu>", "Ana forwarded me your note: I'm the one who writes our code!\n"));
        var poll = workspace.run("replies", "poll");

        assertThat(poll.out()).as(poll.toString())
                .contains("  reply from raj@example.edu for ana@example.edu (launch): follow-ups stopped\n");
        assertThat(workspace.run("replies").out()).contains("Ana Lima <ana@example.edu>", "answered by raj@example.edu");
        workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(4))).run("daemon", "--once");
        assertThat(followUpsTo()).doesNotContain("ana@example.edu").hasSize(3);
    }

    @Test
    void our_own_messages_in_the_mailbox_are_never_replies() throws Exception {
        var workspace = workspace();
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");
        MimeMessage intro = sentTo().get("ana@example.edu");

        // A copy of our own intro lands in the inbox (a Bcc to self, a forwarding rule).
        MAIL.getUserManager().getUser("ada@example.org").deliver(new MimeMessage(intro));
        workspace.run("replies", "poll");
        workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(4))).run("daemon", "--once");

        assertThat(followUpsTo()).hasSize(4);
    }

    private static Map<String, MimeMessage> sentTo() {
        return Arrays.stream(MAIL.getReceivedMessages())
                .collect(Collectors.toMap(TestMail::recipient, m -> m, (a, b) -> a));
    }

    private static List<String> followUpsTo() {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> subject(m).startsWith("Re: "))
                .map(TestMail::recipient).filter(r -> !r.equals("ada@example.org")).sorted().toList();
    }

    private static MimeMessage reply(MimeMessage to, String from, String text) throws Exception {
        return parse(replyText(to, from, text));
    }

    /** An out-of-office answer to {@code to}, away until {@code until} ("December 10, 2026"). */
    private static MimeMessage outOfOffice(MimeMessage to, String from, String until) throws Exception {
        return parse("""
                From: %s
                To: Ada Organizer <ada@example.org>
                Subject: Automatic reply: %s
                Auto-Submitted: auto-replied
                Date: Mon, 30 Nov 2026 10:00:00 -0600
                Message-ID: <ooo-%d@example.edu>
                In-Reply-To: %s

                I am out of the office until %s.
                """.formatted(from, to.getSubject(), Math.abs((from + until).hashCode()), to.getMessageID(), until));
    }

    private static String withoutDate(String message) {
        return message.lines().filter(l -> !l.startsWith("Date: ")).collect(Collectors.joining("\n", "", "\n"));
    }

    private static String replyText(MimeMessage to, String from, String text) throws Exception {
        return """
                From: %s
                To: Ada Organizer <ada@example.org>
                Subject: Re: %s
                Date: Mon, 30 Nov 2026 11:00:00 -0600
                Message-ID: <reply-%d@example.edu>
                In-Reply-To: %s
                References: %s
                Content-Type: text/plain; charset=UTF-8

                %s
                On Mon, Nov 30, 2026 at 9:00 AM Ada Organizer <ada@example.org> wrote:
                > Hi,
                > Reply "no thanks" and I will not write again.
                """.formatted(from, to.getSubject(), Math.abs(from.hashCode()), to.getMessageID(), to.getMessageID(), text);
    }

    /** A delivery-status notice as Postfix writes it, for a recipient of ours. */
    private static String dsn(String recipient, MimeMessage original) throws Exception {
        return """
                From: MAILER-DAEMON@mx.example.gov (Mail Delivery System)
                To: ada@example.org
                Subject: Undelivered Mail Returned to Sender
                Date: Mon, 30 Nov 2026 09:01:00 -0600
                Message-ID: <dsn-1@mx.example.gov>
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="B"

                --B
                Content-Type: text/plain

                I'm sorry to have to inform you that your message could not be delivered.

                <%1$s>: host mx.example.gov said: 550 5.1.1 <%1$s>: Recipient address rejected: User unknown

                --B
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.gov

                Final-Recipient: rfc822; %1$s
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <%1$s>: Recipient address rejected: User unknown

                --B
                Content-Type: text/rfc822-headers

                From: Ada Organizer <ada@example.org>
                To: %1$s
                Subject: %2$s
                Message-ID: %3$s

                --B--
                """.formatted(recipient, original.getSubject(), original.getMessageID());
    }



    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
