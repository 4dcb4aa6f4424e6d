package org.outreach.review;

import static org.outreach.TestMail.recipient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/**
 * A launched campaign sends what its reviewer approved: contacts imported again after launch change the
 * workspace's contacts, not the emails of the campaign, until a new launch — which needs a new approval.
 */
class WhatWasApprovedIsSentTest {

    @RegisterExtension
    // A port of its own: other test runs on this machine hold the fixed test ports.
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

    private static final String LAST_CALL = "Hi ${contact.first_name}, last call for ${vars.meetup}.\n<#include \"/rse/_signature.ftl\">\n";

    @TempDir
    Path dir;

    private TestWorkspace workspace() {
        return TestWorkspace.in(dir)
                .write("outreach.yaml", "mail:\n  smtp: {host: 127.0.0.1, port: %d, security: none}\n"
                        .formatted(SMTP.getSmtp().getPort()))
                .write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN
                        .replace("limits:", "  - name: last-call\n    after: 4d\nlimits:") + "review: required\n")
                .write("templates/rse/lab/last-call.ftl", LAST_CALL)
                .write("templates/rse/team/last-call.ftl", LAST_CALL);
    }

    @Test
    void contacts_imported_after_launch_reach_the_emails_only_through_a_new_approved_launch() throws Exception {
        var workspace = workspace();
        ReviewServerTest.approve(workspace, "Grace Reviewer");
        assertThat(workspace.run("launch", "launch").code()).isZero();
        workspace.run("daemon", "--once");
        assertThat(SMTP.getReceivedMessages()).hasSize(4);

        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS.replace(",Ana,", ",Anabel,"));
        var imported = workspace.run("contacts", "import", workspace.path("campaigns/contacts/people.csv").toString());
        assertThat(imported.code()).as(imported.toString()).isZero();
        workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(4))).run("daemon", "--once");

        MimeMessage nudge = lastTo("ana@example.edu");
        assertThat(body(nudge)).startsWith("Hi Ana, just a gentle nudge");
        assertThat(nudge.getHeader("To", null)).isEqualTo("Ana Lima <ana@example.edu>");
        var status = workspace.run("status", "launch");
        assertThat(status.out().lines()).contains("  contacts file campaigns/contacts/people.csv changed since launch on"
                + " Mon 30 Nov 2026 09:00 America/Chicago: run outreach launch launch to use the new values");
        var preview = workspace.run("preview", "launch", "--contact", "ana@example.edu", "--step", "nudge");
        assertThat(preview.out()).contains("Hi Anabel, just a gentle nudge");
        assertThat(preview.errLines()).containsExactly("contacts file campaigns/contacts/people.csv changed since launch on"
                + " Mon 30 Nov 2026 09:00 America/Chicago: this preview shows its new values; messages go out with the launched ones"
                + " until outreach launch launch");

        var refused = workspace.run("launch", "launch");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.errLines()).containsExactly("campaigns/launch.yaml: campaign launch changed since Grace Reviewer"
                + " approved it: campaigns/contacts/people.csv changed; it needs a new approval (outreach review launch)");

        ReviewServerTest.approve(workspace, "Grace Reviewer");
        assertThat(workspace.run("launch", "launch").code()).isZero();
        assertThat(workspace.run("status", "launch").out()).doesNotContain("changed since launch");
        assertThat(workspace.run("preview", "launch").err()).isEmpty();
        workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(8))).run("daemon", "--once");
        assertThat(body(lastTo("ana@example.edu"))).startsWith("Hi Anabel, last call");
    }

    @Test
    void another_file_imported_after_launch_changes_nothing_the_campaign_sends() throws Exception {
        var workspace = workspace().write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN);
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");
        workspace.write("other.csv", "email,first_name,last_name\nana@example.edu,Anabel,Souza\n");
        workspace.run("contacts", "import", workspace.path("other.csv").toString());

        workspace.at(TestWorkspace.NOW.plus(Duration.ofDays(4))).run("daemon", "--once");

        MimeMessage nudge = lastTo("ana@example.edu");
        assertThat(body(nudge)).startsWith("Hi Ana, just a gentle nudge");
        assertThat(nudge.getHeader("To", null)).isEqualTo("Ana Lima <ana@example.edu>");
        assertThat(workspace.run("status", "launch").out()).doesNotContain("changed since launch");
    }

    private static MimeMessage lastTo(String address) {
        List<MimeMessage> to = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> recipient(m).equals(address)).toList();
        return to.get(to.size() - 1);
    }


    private static String body(MimeMessage message) throws Exception {
        Object content = message.getContent();
        return content instanceof String text ? text : ((jakarta.mail.Multipart) content).getBodyPart(0).getContent().toString();
    }
}
