package org.outreach.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/** The messages outreach saves as files, and what it attaches: as a mail client expects them. */
class SavedMessagesTest {

    @TempDir
    Path dir;

    @Test
    void test_send_in_sandbox_mode_keeps_a_copy_of_each_message_where_it_says() throws Exception {
        var workspace = TestWorkspace.in(dir);

        var run = workspace.run("test-send", "launch", "--to", "ada@example.org");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Sandbox mode: mail stays on this machine. It goes to the built-in mail server,"
                + " and a copy of each message to .outreach/sandbox/.");
        assertThat(emlFiles(workspace.path(".outreach/sandbox"), false)).hasSize(4);
    }

    @Test
    void every_saved_eml_file_has_crlf_line_ends_throughout() throws Exception {
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");
        workspace.run("daemon", "--once");
        workspace.run("preview", "launch", "--out", dir.resolve("preview").toString());

        List<Path> sandbox = emlFiles(workspace.path(".outreach/sandbox"), true);
        List<Path> preview = emlFiles(dir.resolve("preview"), false);

        for (Path file : Stream.concat(sandbox.stream(), preview.stream()).toList()) {
            String text = Files.readString(file);
            assertThat(text.replace("\r\n", "")).as(file.toString()).doesNotContain("\n").doesNotContain("\r");
        }
        // 4 copies of what was sent, and the same 4 in the recipients' sandbox mailboxes.
        assertThat(sandbox).hasSize(8);
        assertThat(preview).hasSize(4);
    }

    @Test
    void a_pdf_is_attached_as_application_pdf() throws Exception {
        var workspace = TestWorkspace.in(dir);
        Files.write(workspace.path("campaigns/flyer.pdf"), "%PDF-1.4\n%%EOF\n".getBytes());
        workspace.write("templates/rse/team/intro.ftl", "Subject: Hi\nAttachments: flyer.pdf\n\nHi ${contact.first_name}\n");

        var run = workspace.run("preview", "launch", "--contact", "cy@example.gov", "--step", "intro");

        assertThat(run.code()).as(run.toString()).isZero();
        var attachment = ((Multipart) parse(run.out()).getContent()).getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("flyer.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
    }

    private static MimeMessage parse(String text) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Path> emlFiles(Path folder, boolean withMailboxes) throws Exception {
        try (Stream<Path> files = withMailboxes ? Files.walk(folder) : Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml")).toList();
        }
    }
}
