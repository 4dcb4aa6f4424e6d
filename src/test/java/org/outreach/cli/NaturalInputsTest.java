package org.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/** The forms people naturally type in contacts files, campaign files and templates, read as they meant them. */
class NaturalInputsTest {

    private static final String WINDOW = "window: {days: mon-fri, hours: \"09:00-17:00\", timezone: America/Chicago}";

    @TempDir
    Path dir;

    // --- contacts files

    @Test
    void the_address_column_may_be_headed_Email_E_mail_or_EMAIL_and_templates_still_read_contact_email() {
        for (String header : new String[] {"Email", "E-mail", "e-mail", " EMAIL ", "E-mail Address"}) {
            var workspace = TestWorkspace.in(dir.resolve(header.strip().replace(' ', '-')));
            workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS.replaceFirst("^email", header));
            workspace.write("templates/rse/lab/nudge.ftl", "Hi ${contact.first_name}, this went to ${contact.email}.\n");

            var run = workspace.run("preview", "launch", "--contact", "ana@example.edu", "--step", "nudge");

            assertThat(run.code()).as(header + "\n" + run).isZero();
            assertThat(run.out()).as(header).contains("Hi Ana, this went to ana@example.edu.");
        }
    }

    @Test
    void two_address_columns_are_refused_in_one_line() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/contacts/people.csv", "email,Email,kind\nana@example.edu,ana@example.edu,lab\n");

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                "campaigns/contacts/people.csv:1: the header row has 2 email columns (email, Email, kind); keep one");
    }

    @Test
    void a_semicolon_separated_file_as_spreadsheets_save_it_is_read_by_its_header() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS.replace(',', ';')
                .replace("Physics Lab", "Physics, Optics Lab"));

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("2 segments, 2 steps, 4 contacts in segments, 8 emails rendered");
        assertThat(workspace.run("preview", "launch", "--contact", "ana@example.edu").out())
                .contains("A research software group for Physics, Optics Lab");
    }

    @Test
    void a_tab_separated_file_is_read_by_its_header() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS.replace(',', '\t'));

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("4 contacts in segments");
    }

    @Test
    void a_row_of_a_semicolon_file_with_a_field_too_many_names_the_semicolon() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS.replace(',', ';')
                .replace("Physics Lab", "Physics; Optics Lab"));

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("campaigns/contacts/people.csv:2: this row has 6 fields but the header has 5;"
                + " a semicolon inside a value needs the value in double quotes");
    }

    @Test
    void a_header_with_both_semicolons_and_tabs_is_refused_naming_both() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/contacts/people.csv", "email;first_name\tkind\nana@example.edu;Ana\tlab\n");

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("campaigns/contacts/people.csv:1: the header row has both semicolons and tabs"
                + " between its columns; save the file with one separator: commas, semicolons or tabs");
    }

    // --- campaign files: the forecast shows the effect (now is Monday 30 November 2026, 09:00 in Chicago)

    @Test
    void days_may_be_a_yaml_list_or_a_comma_list() {
        for (String days : new String[] {"[tue, thu]", "tue,thu", "[tuesday, Thursday]"}) {
            var run = dryRun("window:\n  days: " + days + "\n  hours: \"09:00-17:00\"\n  timezone: America/Chicago");

            assertThat(run.code()).as(days + "\n" + run).isZero();
            assertThat(run.out()).as(days).contains("Tue, Thu 09:00–17:00 America/Chicago")
                    .containsPattern("intro\\s+4\\s+Tue 1 Dec 2026 09:00");
        }
    }

    @Test
    void an_empty_list_of_days_is_refused() {
        var run = TestWorkspace.in(dir).write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace("mon-fri", "[]"))
                .run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                "campaigns/launch.yaml:16:16: no days: the window would never open; write the days to send on, e.g. mon-fri");
    }

    @Test
    void hours_may_have_a_single_digit_hour_or_no_minutes() {
        var single = dryRun(WINDOW.replace("09:00-17:00", "9:30-17:00"));
        assertThat(single.code()).as(single.toString()).isZero();
        assertThat(single.out()).contains("Mon–Fri 09:30–17:00").containsPattern("intro\\s+4\\s+Mon 30 Nov 2026 09:30");

        var whole = dryRun(WINDOW.replace("\"09:00-17:00\"", "10-16"));
        assertThat(whole.code()).as(whole.toString()).isZero();
        assertThat(whole.out()).contains("Mon–Fri 10:00–16:00").containsPattern("intro\\s+4\\s+Mon 30 Nov 2026 10:00");
    }

    @Test
    void hours_that_are_not_times_still_say_what_is_expected() {
        var run = TestWorkspace.in(dir).write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace("\"09:00-17:00\"", "9am-5pm"))
                .run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                "campaigns/launch.yaml:16:32: \"9am-5pm\" is not a range of hours like 09:00-17:00 or 9-17");
    }

    @Test
    void start_may_have_a_space_instead_of_T() {
        var run = dryRun(WINDOW + "\nstart: 2027-01-12 09:30");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("First step intro due Tue 12 Jan 2027 09:30")
                .containsPattern("intro\\s+4\\s+Tue 12 Jan 2027 09:30");
    }

    @Test
    void start_may_be_a_date_meaning_when_the_window_opens_that_day() {
        var run = dryRun(WINDOW.replace("\"09:00-17:00\"", "10-17") + "\nstart: 2027-01-12");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("intro\\s+4\\s+Tue 12 Jan 2027 10:00");
    }

    @Test
    void a_start_that_is_not_a_date_shows_both_forms() {
        var run = TestWorkspace.in(dir).write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN + "start: next tuesday\n")
                .run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("campaigns/launch.yaml:19:8: \"next tuesday\" is not a date and time"
                + " like 2026-12-01 09:00, or a date like 2026-12-01");
    }

    @Test
    void a_bare_zero_min_gap_is_no_gap() {
        var workspace = TestWorkspace.in(dir).write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN
                .replace("limits: {per_day: 50, per_hour: 10}", "limits: {per_day: 50, per_hour: 10, min_gap: 0}"));

        var run = workspace.run("launch", "launch", "--dry-run");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("(50 a day, 10 an hour; Mon–Fri").containsPattern("intro\\s+4\\s+Mon 30 Nov 2026 09:00");
    }

    // --- templates

    @Test
    void a_column_the_contacts_file_lacks_suggests_the_column_meant() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("templates/rse/lab/nudge.ftl", "Hi ${contact.firstname},\n");

        var run = workspace.run("validate", "launch");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("templates/rse/lab/nudge.ftl:1:6: ${contact.firstname} has no value for this"
                + " contact (an empty cell or no such column); give a default if that is fine: ${contact.firstname!\"…\"};"
                + " campaigns/contacts/people.csv has no column \"firstname\": did you mean ${contact.first_name}?"
                + " (for all 2 contacts of segment labs, first campaigns/contacts/people.csv:2 (ana@example.edu))");
    }

    @Test
    void preview_suggests_the_column_meant_too() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("templates/rse/lab/nudge.ftl", "Hi ${contact.firstname},\n");

        var run = workspace.run("preview", "launch", "--contact", "ana@example.edu", "--step", "nudge");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("templates/rse/lab/nudge.ftl:1:6: ${contact.firstname} has no value for this contact")
                .endsWith("did you mean ${contact.first_name}? (for campaigns/contacts/people.csv:2 (ana@example.edu))");
    }

    @Test
    void an_empty_cell_of_a_column_the_file_has_gets_no_suggestion() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS.replace("Ben,Okoro,Chemistry Lab", "Ben,Okoro,"));

        var run = workspace.run("validate", "launch");

        assertThat(run.errLines()).singleElement().asString()
                .doesNotContain("has no column").endsWith("(for campaigns/contacts/people.csv:3 (ben@example.edu))");
    }

    @Test
    void a_var_the_campaign_lacks_is_the_campaigns_mistake_not_a_contacts() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("templates/rse/lab/nudge.ftl", "See you on ${vars.meetp} at ${vars.place}.\n");

        var typo = workspace.run("validate", "launch");

        assertThat(typo.code()).isEqualTo(1);
        assertThat(typo.errLines()).containsExactly("templates/rse/lab/nudge.ftl:1:14: ${vars.meetp} is not one of the campaign's"
                + " vars; add \"meetp: …\" under \"vars:\" in campaigns/launch.yaml, or did you mean ${vars.meetup}?");

        workspace.write("templates/rse/lab/nudge.ftl", "See you at ${vars.place}.\n");
        assertThat(workspace.run("validate", "launch").errLines()).containsExactly("templates/rse/lab/nudge.ftl:1:14:"
                + " ${vars.place} is not one of the campaign's vars; add \"place: …\" under \"vars:\" in campaigns/launch.yaml");
    }

    private TestWorkspace.Run dryRun(String window) {
        return TestWorkspace.in(dir).write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN.replace(WINDOW, window))
                .run("launch", "launch", "--dry-run");
    }
}
