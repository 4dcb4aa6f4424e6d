package org.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/** What every command shares: usage errors, settings, and failures outside the user's files. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void an_unknown_option_is_a_usage_error_with_exit_2() {
        var run = TestWorkspace.in(dir).run("launch", "launch", "--dry-rn");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unknown option: '--dry-rn'");
    }

    @Test
    void a_missing_argument_is_a_usage_error_with_exit_2() {
        assertThat(TestWorkspace.in(dir).run("validate").code()).isEqualTo(2);
    }

    @Test
    void an_unknown_settings_key_names_its_line() {
        var workspace = TestWorkspace.in(dir).write("outreach.yaml", """
                database: jdbc:h2:mem:x
                mail:
                  mode: smtp
                  smtp: {host: smtp.example.org, prot: 587}
                """);

        var run = workspace.run("status");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                "outreach.yaml:4:34: unknown key \"prot\" (expected one of: host, port, security, username, password, trust, timeout, connections)");
    }

    @Test
    void a_settings_value_from_an_unset_environment_variable_is_named() {
        var workspace = TestWorkspace.in(dir).write("outreach.yaml", """
                mail:
                  smtp:
                    host: smtp.example.org
                    password: ${SMTP_PASSWORD}
                """);

        var run = workspace.run("status");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("outreach.yaml:4:15: the environment variable SMTP_PASSWORD is not set");
    }

    @Test
    void secrets_from_the_environment_are_never_printed() {
        var workspace = TestWorkspace.in(dir).env("DB_PASSWORD", "hunter2-secret")
                .write("outreach.yaml", "database: jdbc:h2:tcp://127.0.0.1:1/nowhere;PASSWORD=${DB_PASSWORD}\n");

        var run = workspace.run("launch", "launch");

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.out() + run.err()).doesNotContain("hunter2-secret");
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("cannot open the database jdbc:h2:tcp://127.0.0.1:1/nowhere;PASSWORD=********: ");
    }

    @Test
    void a_database_that_cannot_be_reached_is_a_failure_with_exit_3() {
        var workspace = TestWorkspace.in(dir).write("outreach.yaml", "database: jdbc:postgresql://127.0.0.1:1/outreach\n");

        var run = workspace.run("launch", "launch");

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString().startsWith("cannot open the database jdbc:postgresql://127.0.0.1:1/outreach: ");
    }

    @Test
    void a_named_settings_file_must_exist() {
        var run = TestWorkspace.in(dir).run("--config", dir.resolve("missing.yaml").toString(), "status");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("missing.yaml: no such settings file");
    }

    @Test
    void global_options_may_also_follow_the_subcommand() {
        var workspace = TestWorkspace.in(dir);

        var run = TestWorkspace.existing(dir.resolve("elsewhere")).run("validate", "launch", "--workspace", dir.toString());

        assertThat(run.code()).as(run.toString()).isZero();
    }
}
