package org.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

class PreviewCommandTest {

    @TempDir
    Path dir;

    @Test
    void preview_prints_the_first_contact_of_each_segment_for_every_step() {
        var run = TestWorkspace.in(dir).run("preview", "launch");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("==> ")))
                .containsExactly("==> labs · intro · ana@example.edu <==", "==> labs · nudge · ana@example.edu <==",
                        "==> teams · intro · cy@example.gov <==", "==> teams · nudge · cy@example.gov <==");
    }

    @Test
    void one_message_is_printed_as_the_rfc_5322_text_that_would_be_sent() throws Exception {
        var run = TestWorkspace.in(dir).run("preview", "launch", "--contact", "BEN@example.edu", "--step", "intro");

        assertThat(run.code()).as(run.toString()).isZero();
        MimeMessage message = parse(run.out());
        assertThat(message.getFrom()).containsExactly(new InternetAddress("ada@example.org", "Ada Organizer"));
        assertThat(message.getAllRecipients()).containsExactly(new InternetAddress("ben@example.edu", "Ben Okoro"));
        assertThat(message.getSubject()).isEqualTo("A research software group for Chemistry Lab");
        assertThat(message.getMessageID()).matches("<[0-9a-f-]{36}@example\\.org>");
        assertThat(message.getSentDate()).isNotNull();
        assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<mailto:ada@example.org?subject=unsubscribe>");
        assertThat(message.getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat((String) message.getContent())
                .startsWith("Hi Ben,\n\nWe are starting a local RSE group; the first meetup is Thursday, January 14.\n")
                .contains("-- \nAda Organizer\n");
    }

    @Test
    void text_with_accents_stays_readable_in_the_message_source() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS.replace("Ana,Lima", "Zoë,Lima"));

        var run = workspace.run("preview", "launch", "--contact", "ana@example.edu", "--step", "intro");

        assertThat(run.out()).contains("Content-Transfer-Encoding: 8bit", "\nHi Zoë,\n")
                .contains("To: =?UTF-8?Q?Zo=C3=AB_Lima?= <ana@example.edu>");
    }

    @Test
    void a_follow_up_replies_in_the_thread_of_the_first_email() throws Exception {
        var run = TestWorkspace.in(dir).run("preview", "launch", "--contact", "cy@example.gov");

        String[] messages = run.out().split("==> [^\n]* <==\n");
        MimeMessage intro = parse(messages[1]);
        MimeMessage nudge = parse(messages[2]);
        assertThat(nudge.getSubject()).isEqualTo("Re: A research software group for City Data Team");
        assertThat(nudge.getHeader("In-Reply-To")).containsExactly(intro.getMessageID());
        assertThat(nudge.getHeader("References")).containsExactly(intro.getMessageID());
    }

    @Test
    void an_unknown_segment_or_contact_is_one_line_and_exit_1() {
        var workspace = TestWorkspace.in(dir);

        var segment = workspace.run("preview", "launch", "--segment", "nope");
        var contact = workspace.run("preview", "launch", "--contact", "zed@example.com");

        assertThat(segment.code()).isEqualTo(1);
        assertThat(segment.errLines()).containsExactly("no segment named \"nope\" in campaigns/launch.yaml");
        assertThat(contact.code()).isEqualTo(1);
        assertThat(contact.errLines()).containsExactly("zed@example.com is not in campaigns/contacts/people.csv");
    }

    @Test
    void out_writes_one_eml_per_message_and_the_review_pages_as_static_files_that_escape_contact_data() throws Exception {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/contacts/people.csv",
                TestWorkspace.CONTACTS.replace("Ana,Lima", "<script>alert(1)</script>,Lima"));
        Path out = dir.resolve("preview");

        var run = workspace.run("preview", "launch", "--out", out.toString());

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("wrote 4 .eml files and the review pages (index.html and 8 more)");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("index.html", "style.css",
                    "labs--intro--ana@example.edu.eml", "teams--nudge--cy@example.gov.eml",
                    "labs--intro--ana@example.edu.html", "labs--nudge--ben@example.edu.html", "teams--nudge--dee@example.gov.html");
        }
        String index = Files.readString(out.resolve("index.html"));
        assertThat(index).contains("Content-Security-Policy").contains("href=\"labs--intro--ana@example.edu.html\"")
                .contains("This is a copy of the review page");
        String ana = Files.readString(out.resolve("labs--intro--ana@example.edu.html"));
        assertThat(ana).doesNotContain("<script>").contains("Hi &lt;script&gt;alert(1)&lt;/script&gt;,")
                .contains("href=\"labs--intro--ben@example.edu.html\"");
        assertThat(parse(Files.readString(out.resolve("teams--nudge--cy@example.gov.eml"))).getSubject())
                .isEqualTo("Re: A research software group for City Data Team");
    }

    @Test
    void an_html_part_becomes_an_alternative_to_the_text() throws Exception {
        var workspace = TestWorkspace.in(dir);
        workspace.write("templates/rse/lab/intro.html.ftlh", "<p>Hi ${contact.first_name} &amp; ${contact.organization}</p>\n");
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS.replace("Physics Lab", "Physics <b>Lab</b>"));

        var run = workspace.run("preview", "launch", "--contact", "ana@example.edu", "--step", "intro");

        MimeMessage message = parse(run.out());
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        var parts = (jakarta.mail.Multipart) message.getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) parts.getBodyPart(1).getContent()).isEqualTo("<p>Hi Ana &amp; Physics &lt;b&gt;Lab&lt;/b&gt;</p>\n");
    }

    static MimeMessage parse(String text) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
