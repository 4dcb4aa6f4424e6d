package org.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

class ContactsCommandTest {

    @TempDir
    Path dir;

    @Test
    void import_reports_bad_rows_imports_the_rest_and_exits_1() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("more.csv", """
                email,first_name,organization
                zoe@example.com,Zoë,"Harbor Works, Inc."
                broken-address,Yan,Somewhere
                ZOE@example.com,Zoe,Duplicate
                "quin@example.org","Quin","Line one
                line two"
                """);

        var run = workspace.run("contacts", "import", workspace.path("more.csv").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("imported 2 contacts from more.csv: 2 new, 0 updated\n");
        assertThat(run.errLines()).containsExactly(
                "more.csv:3: \"broken-address\" is not a valid email address",
                "more.csv:4: ZOE@example.com is already on line 2; this row is left out",
                "2 errors");
        var list = workspace.run("contacts", "list");
        assertThat(list.out()).contains("zoe@example.com", "Zoë", "Harbor Works, Inc.", "quin@example.org")
                .endsWith("2 contacts\n");
    }

    @Test
    void a_byte_order_mark_is_not_part_of_the_first_column_name() throws Exception {
        var workspace = TestWorkspace.in(dir);
        Files.write(workspace.path("bom.csv"), ("\uFEFFemail,first_name\nana@example.edu,Ana\n").getBytes(StandardCharsets.UTF_8));

        var run = workspace.run("contacts", "import", workspace.path("bom.csv").toString());

        assertThat(run.code()).as(run.toString()).isZero();
    }

    @Test
    void a_file_without_an_email_column_is_refused() {
        var workspace = TestWorkspace.in(dir).write("people.csv", "name,kind\nAna,lab\n");

        var run = workspace.run("contacts", "import", workspace.path("people.csv").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("people.csv:1: the header row has no \"email\" column (it has: name, kind)");
    }

    @Test
    void a_file_that_is_not_utf_8_is_refused_in_plain_words() throws Exception {
        var workspace = TestWorkspace.in(dir);
        Files.write(workspace.path("latin1.csv"), "email,first_name\nana@example.edu,Zo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1));

        var run = workspace.run("contacts", "import", workspace.path("latin1.csv").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("latin1.csv: not a readable CSV file: it is not UTF-8 text; save it as UTF-8");
    }

    @Test
    void importing_again_updates_the_columns_of_that_file_and_keeps_the_others() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("a.csv", "email,first_name,organization\nana@example.edu,Ana,Physics Lab\n");
        workspace.write("b.csv", "email,organization\nAna@Example.edu,Optics Lab\n");
        workspace.run("contacts", "import", workspace.path("a.csv").toString());

        var run = workspace.run("contacts", "import", workspace.path("b.csv").toString());

        assertThat(run.out()).isEqualTo("imported 1 contact from b.csv: 0 new, 1 updated\n");
        assertThat(workspace.run("contacts", "list").out()).contains("Ana@Example.edu").contains("Ana").contains("Optics Lab")
                .doesNotContain("Physics Lab");
    }

    @Test
    void list_filters_by_segment_and_shows_suppressions() {
        var workspace = TestWorkspace.in(dir);
        workspace.run("launch", "launch");
        workspace.run("suppress", "ana@example.edu", "--reason", "moved away");

        var run = workspace.run("contacts", "list", "--segment", "labs");

        assertThat(run.code()).isZero();
        assertThat(run.out().lines()).hasSize(4);
        assertThat(run.out()).contains("ana@example.edu", "launch:labs", "manual: moved away", "ben@example.edu")
                .doesNotContain("cy@example.gov").endsWith("2 contacts\n");
    }

    @Test
    void suppress_refuses_something_that_is_not_an_address() {
        var run = TestWorkspace.in(dir).run("suppress", "not an address");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("\"not an address\" is not a valid email address");
    }
}
