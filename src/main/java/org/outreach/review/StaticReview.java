package org.outreach.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Contact;
import org.outreach.campaign.Segment;
import org.outreach.engine.Previewer;
import org.outreach.engine.ReviewModel;
import org.outreach.workspace.Workspace;

/**
 * The review pages as static files, for reviewers who get them as an attachment or a CI artifact: the overview
 * as {@code index.html}, one page per segment × step × contact, and the stylesheet. Nothing to approve there:
 * approval happens on the live page.
 */
public final class StaticReview {

    private StaticReview() {
    }

    /** Writes the pages; returns how many message pages. */
    public static int write(Path dir, ReviewModel model, Workspace workspace, Clock clock) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(Links.FILES.stylesheet()), ReviewPages.STYLE, StandardCharsets.UTF_8);
        Campaign campaign = model.campaign().orElseThrow();
        Files.writeString(dir.resolve(Links.FILES.overview()), ReviewPages.overview(model, null, Links.FILES), StandardCharsets.UTF_8);
        Previewer previewer = new Previewer(workspace, clock);
        int pages = 0;
        for (Segment segment : campaign.segments()) {
            for (Contact contact : model.contactsOf(segment)) {
                List<Previewer.Preview> thread = previewer.preview(model.validation(), new Previewer.Selection(
                        Optional.of(contact.email().value()), Optional.of(segment.name()), Optional.empty()));
                for (Previewer.Preview preview : thread) {
                    String page = ReviewPages.message(model, segment, preview.email().step(), contact, preview, Links.FILES);
                    Files.writeString(dir.resolve(Links.FILES.message(segment, preview.email().step(), contact)), page,
                            StandardCharsets.UTF_8);
                    pages++;
                }
            }
        }
        return pages;
    }
}
