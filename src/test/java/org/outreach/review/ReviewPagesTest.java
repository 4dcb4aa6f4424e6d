package org.outreach.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;
import org.outreach.engine.Previewer;
import org.outreach.engine.ReviewModel;
import org.outreach.store.Database;
import org.outreach.workspace.Workspace;

/** Hostile contact data on the review pages is text, never markup; the overview forecasts as launch does. */
class ReviewPagesTest {

    @TempDir
    Path dir;

    @Test
    void contact_data_is_escaped_everywhere_and_the_html_part_stays_in_a_sandboxed_frame() throws Exception {
        var workspace = TestWorkspace.in(dir);
        workspace.write("campaigns/contacts/people.csv", TestWorkspace.CONTACTS
                .replace("Ana,Lima,Physics Lab", "<script>alert(1)</script>,\"\"\"><img src=x onerror=alert(2)>\",Physics Lab"));
        workspace.write("templates/rse/lab/intro.html.ftlh", "<p>Hi ${contact.first_name}</p>\n");
        Clock clock = Clock.fixed(TestWorkspace.NOW, ZoneOffset.UTC);
        Workspace ws = new Workspace(workspace.root());
        try (Database database = Database.inMemory()) {
            ReviewModel model = ReviewModel.load(ws, workspace.path("campaigns/launch.yaml"), database, clock);
            var segment = model.campaign().orElseThrow().segment("labs").orElseThrow();
            var step = model.campaign().orElseThrow().firstStep();
            var ana = model.contactsOf(segment).get(0);
            Previewer.Preview preview = new Previewer(ws, clock).preview(workspace.path("campaigns/launch.yaml"),
                    new Previewer.Selection(Optional.of("ana@example.edu"), Optional.empty(), Optional.of("intro"))).get(0);

            String page = ReviewPages.message(model, segment, step, ana, preview, Links.SERVER);

            assertThat(page).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .contains("<iframe sandbox title=\"HTML part\" srcdoc=\"&lt;p&gt;Hi &amp;lt;script&amp;gt;");
        }
    }

    @Test
    void the_overview_forecasts_under_the_mailbox_limits_and_says_when_another_campaign_makes_them_stricter() throws Exception {
        var workspace = TestWorkspace.in(dir).write("campaigns/spring.yaml", TestWorkspace.CAMPAIGN
                .replace("Springfield RSE launch", "Springfield RSE spring meetup").replace("per_day: 50", "per_day: 2"));
        workspace.run("launch", "spring");

        var run = workspace.run("preview", "launch", "--out", dir.resolve("pages").toString());

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(Files.readString(dir.resolve("pages/index.html")))
                .contains("<tr><td>intro</td><td>launch</td><td class=\"n\">4</td><td>Mon 30 Nov 2026 09:00</td>"
                        + "<td>Tue 1 Dec 2026 09:00</td></tr>")
                .contains("<p>Limits: 2 a day, 10 an hour; Mon–Fri 09:00–17:00 America/Chicago; the strictest of the"
                        + " campaigns of ada@example.org. Times above suppose nobody replies.</p>");
    }
}
