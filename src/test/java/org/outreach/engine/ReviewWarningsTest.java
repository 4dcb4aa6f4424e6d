package org.outreach.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;
import org.outreach.campaign.Problem;
import org.outreach.workspace.Workspace;

/** Each warning the review page shows, planted in the small test workspace. */
class ReviewWarningsTest {

    @TempDir
    Path dir;

    private List<String> warnings(TestWorkspace workspace, Map<String, String> suppressed) {
        Validation validation = new Validator(new Workspace(workspace.root())).validate(workspace.path("campaigns/launch.yaml"));
        assertThat(validation.hasErrors()).as(validation.problems().toString()).isFalse();
        return ReviewWarnings.of(validation, suppressed).stream().map(Problem::toString).toList();
    }

    @Test
    void a_clean_campaign_has_no_warnings() {
        assertThat(warnings(TestWorkspace.in(dir), Map.of())).isEmpty();
    }

    @Test
    void a_value_some_contacts_lack_is_named_with_who_gets_the_default() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS.replace("email,first_name", "email,title,first_name")
                .replace("ana@example.edu,", "ana@example.edu,Dr.,").replace("ben@example.edu,", "ben@example.edu,,")
                .replace("cy@example.gov,", "cy@example.gov,,").replace("dee@example.gov,", "dee@example.gov,,"));
        workspace.write("templates/rse/lab/nudge.ftl", "Dear ${contact.title!\"colleague\"},\n<#include \"/rse/_signature.ftl\">\n");

        assertThat(warnings(workspace, Map.of())).containsExactly("templates/rse/lab/nudge.ftl:1:8: warning: contact.title is"
                + " empty for 1 contact (campaigns/contacts/people.csv:3 (ben@example.edu)): they get the template's default");
    }

    @Test
    void a_long_subject_a_placeholder_a_malformed_link_and_a_missing_opt_out_are_each_named() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("templates/rse/team/intro.ftl", "Subject: An invitation to the very first meetup of research software"
                + " engineers in ${contact.organization}\n\nHi ${contact.first_name}, see [DATE] and https://example..org/rsvp\n");

        assertThat(warnings(workspace, Map.of())).containsExactlyInAnyOrder(
                "templates/rse/team/intro.ftl: warning: the subject is longer than 78 characters for 2 contacts"
                        + " (campaigns/contacts/people.csv:4 (cy@example.gov), campaigns/contacts/people.csv:5 (dee@example.gov));"
                        + " mail clients cut it",
                "templates/rse/team/intro.ftl: warning: \"[DATE]\" looks like a placeholder left in the text",
                "templates/rse/team/intro.ftl: warning: the link https://example..org/rsvp is malformed",
                "templates/rse/team/intro.ftl: warning: no opt-out line: tell people how to stop hearing from you"
                        + " (\"reply 'no thanks' and I won't write again\")");
    }

    @Test
    void contacts_in_no_segment_suppressed_contacts_and_empty_segments_are_named() {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/contacts/people.csv", "email,first_name,last_name,organization,kind\n"
                + "ana@example.edu,Ana,Lima,Physics Lab,lab\ngus@example.com,Gus,Hale,Cowork,coworking\n");

        assertThat(warnings(workspace, Map.of("ana@example.edu", "manual: asked us to stop"))).containsExactlyInAnyOrder(
                "campaigns/contacts/people.csv:3: warning: gus@example.com matches no segment and will not be enrolled",
                "campaigns/launch.yaml:8:5: warning: segment teams has no contacts",
                "campaigns/contacts/people.csv:2: warning: ana@example.edu is on the do-not-contact list"
                        + " (manual: asked us to stop) and will not be written to");
    }

    @Test
    void well_formed_links_pass() {
        assertThat(ReviewWarnings.wellFormed("https://example.org/rse-nola/first-meetup")).isTrue();
        assertThat(ReviewWarnings.wellFormed("www.example.org")).isTrue();
        assertThat(ReviewWarnings.wellFormed("htp://example.org")).isFalse();
        assertThat(ReviewWarnings.wellFormed("https://localhost")).isFalse();
    }
}
