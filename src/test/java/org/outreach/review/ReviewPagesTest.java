package org.outreach.review;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Hostile contact data on the review pages is text, never markup. */
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
}
