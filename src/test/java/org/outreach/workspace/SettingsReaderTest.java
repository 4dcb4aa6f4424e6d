package org.outreach.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.campaign.Problems;

class SettingsReaderTest {

    @TempDir
    Path dir;

    @Test
    void no_file_means_the_embedded_defaults() {
        Problems problems = new Problems();

        Optional<Settings> settings = reader(Map.of()).read(dir.resolve("outreach.yaml"), false, problems);

        assertThat(settings).contains(Settings.defaults());
        assertThat(settings.get().mail().mode()).isEqualTo(Settings.Mail.Mode.SANDBOX);
    }

    @Test
    void an_smtp_section_means_smtp_mode_with_the_usual_ports_and_secrets_from_the_environment() throws Exception {
        Files.writeString(dir.resolve("outreach.yaml"), """
                mail:
                  smtp: {host: smtp.example.org, username: "${USER_NAME}", password: "${SMTP_PASSWORD}"}
                  imap: {host: imap.example.org, security: starttls}
                """);
        Problems problems = new Problems();

        Settings settings = reader(Map.of("USER_NAME", "maya", "SMTP_PASSWORD", "s3cret"))
                .read(dir.resolve("outreach.yaml"), false, problems).orElseThrow();

        assertThat(problems.list()).isEmpty();
        Settings.Server smtp = settings.mail().smtp().orElseThrow();
        assertThat(settings.mail().mode()).isEqualTo(Settings.Mail.Mode.SMTP);
        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.security()).isEqualTo(Settings.Security.STARTTLS);
        assertThat(smtp.username()).contains("maya");
        assertThat(smtp.password().orElseThrow().reveal()).isEqualTo("s3cret");
        assertThat(smtp.toString()).doesNotContain("s3cret");
        assertThat(settings.mail().imap().orElseThrow().port()).isEqualTo(143);
        assertThat(settings.mail().imap().orElseThrow().folder()).isEqualTo("INBOX");
    }

    @Test
    void wrong_values_are_named_with_their_line() throws Exception {
        Files.writeString(dir.resolve("outreach.yaml"), """
                mail:
                  mode: carrier-pigeon
                  smtp: {host: smtp.example.org, port: 99999, security: tls}
                """);
        Problems problems = new Problems();

        reader(Map.of()).read(dir.resolve("outreach.yaml"), false, problems);

        assertThat(problems.list()).extracting(Object::toString).containsExactlyInAnyOrder(
                "outreach.yaml:3:40: \"99999\" is not a port number",
                "outreach.yaml:3:57: \"tls\" is not one of: starttls, ssl, none",
                "outreach.yaml:2:9: \"carrier-pigeon\" is not one of: sandbox, smtp");
    }

    private SettingsReader reader(Map<String, String> env) {
        return new SettingsReader(new Workspace(dir), env);
    }
}
