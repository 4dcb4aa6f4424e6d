package org.outreach.sending;

import static org.outreach.TestMail.parse;
import static org.outreach.TestMail.recipient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;
import org.outreach.mail.Sandbox;

/**
 * The sandbox's mailboxes outlive each run: a reply a correspondent's server delivers between two runs is read
 * by the next one, exactly once, and replies to the campaign's reply_to address are read as well.
 */
class SandboxMailboxesTest {

    @TempDir
    Path dir;

    @Test
    void a_reply_delivered_to_the_sandbox_between_two_runs_is_read_by_the_next_run_and_only_once() throws Exception {
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");

        deliver(workspace, "ada@example.org", "ana@example.edu", "Ana Lima <ana@example.edu>", 1, "Count me in!");
        var first = workspace.run("replies", "poll");
        deliver(workspace, "ada@example.org", "ben@example.edu", "Ben Okoro <ben@example.edu>", 2, "See you there.");
        var second = workspace.run("replies", "poll");
        var third = workspace.run("replies", "poll");

        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("Read 1 new message from INBOX of ada@example.org: 1 reply");
        // The same UIDVALIDITY and UIDs in every run: the cursor goes on where it stopped, nothing is read again.
        assertThat(second.out()).contains("Read 1 new message from INBOX of ada@example.org: 1 reply")
                .doesNotContain("renumbered");
        assertThat(third.out()).contains("Read 0 new messages from INBOX of ada@example.org").doesNotContain("renumbered");
        assertThat(workspace.run("replies").out()).contains("Count me in!", "See you there.");
    }

    @Test
    void replies_to_the_reply_to_address_are_read_from_its_own_sandbox_mailbox() throws Exception {
        var workspace = TestWorkspace.in(dir).write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace(
                "sender: {name: Ada Organizer, email: ada@example.org}",
                "sender: {name: Ada Organizer, email: ada@example.org, reply_to: rse-team@example.org}"));
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");

        deliver(workspace, "rse-team@example.org", "cy@example.gov", "Cy Park <cy@example.gov>", 3, "Our team will come.");
        var poll = workspace.run("replies", "poll");

        assertThat(poll.code()).as(poll.toString()).isZero();
        assertThat(poll.out()).contains("Read 0 new messages from INBOX of ada@example.org")
                .contains("Read 1 new message from INBOX of rse-team@example.org: 1 reply");
        assertThat(workspace.run("replies").out()).contains("Cy Park <cy@example.gov>", "Our team will come.");
    }

    @Test
    void a_reply_without_a_date_header_is_listed_as_received_when_it_was_read() throws Exception {
        // The test clock reads 15:00 UTC.
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");
        deliver(workspace, "ada@example.org", "ana@example.edu", "Ana Lima <ana@example.edu>", 4, "Count me in!", "");

        workspace.run("replies", "poll");
        var replies = workspace.run("replies");

        assertThat(replies.code()).as(replies.toString()).isZero();
        assertThat(replies.out().lines().findFirst().orElseThrow())
                .isEqualTo("Mon 30 Nov 2026 09:00 America/Chicago  Ana Lima <ana@example.edu>, Physics Lab  (launch, after intro)");
    }

    @Test
    void an_empty_uidvalidity_file_left_by_a_crash_does_not_stop_the_sandbox_and_no_reply_is_read_twice() throws Exception {
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");
        deliver(workspace, "ada@example.org", "ana@example.edu", "Ana Lima <ana@example.edu>", 1, "Count me in!");
        workspace.run("replies", "poll");
        workspace.write(".outreach/sandbox/mailboxes/ada@example.org/UIDVALIDITY", "");

        var daemon = workspace.run("daemon", "--once");
        var again = workspace.run("replies", "poll");

        assertThat(daemon.code()).as(daemon.toString()).isZero();
        assertThat(daemon.err()).doesNotContain("Exception");
        // A new UIDVALIDITY makes the reader start over; the reply it had recorded is known by its Message-ID.
        assertThat(daemon.out()).doesNotContain("1 reply");
        assertThat(again.out()).contains("Read 0 new messages from INBOX of ada@example.org").doesNotContain("renumbered");
        assertThat(workspace.read(".outreach/sandbox/mailboxes/ada@example.org/UIDVALIDITY")).matches("\\d+\n");
        assertThat(workspace.run("replies").out()).containsOnlyOnce("Count me in!");
    }

    /** What a correspondent's mail server does: puts their answer to our intro into {@code mailbox}. */
    static void deliver(TestWorkspace workspace, String mailbox, String contact, String from, int n, String text)
            throws Exception {
        deliver(workspace, mailbox, contact, from, n, text, "Date: Mon, 30 Nov 2026 11:00:00 -0600\n");
    }

    static void deliver(TestWorkspace workspace, String mailbox, String contact, String from, int n, String text,
                        String dateHeader) throws Exception {
        try (Sandbox sandbox = Sandbox.start(workspace.path(".outreach/sandbox"), Clock.systemUTC())) {
            MimeMessage intro = Arrays.stream(sandbox.received()).filter(m -> recipient(m).equals(contact)).findFirst().orElseThrow();
            sandbox.deliver(mailbox, parse("""
                    From: %s
                    To: %s
                    Subject: Re: %s
                    %sMessage-ID: <reply-%d@example.edu>
                    In-Reply-To: %s
                    Content-Type: text/plain; charset=UTF-8

                    %s
                    """.formatted(from, mailbox, intro.getSubject(), dateHeader, n, intro.getMessageID(), text)));
        }
    }


}
