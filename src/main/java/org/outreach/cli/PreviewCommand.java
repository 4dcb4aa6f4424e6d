package org.outreach.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.outreach.campaign.FailureException;
import org.outreach.campaign.Plural;
import org.outreach.campaign.RenderedEmail;
import org.outreach.engine.CampaignCheck;
import org.outreach.engine.ContactsFileChange;
import org.outreach.engine.Previewer;
import org.outreach.engine.ReviewModel;
import org.outreach.mail.EmlFile;
import org.outreach.mail.MessageComposer;
import org.outreach.review.Links;
import org.outreach.review.StaticReview;
import org.outreach.store.Database;
import org.outreach.workspace.CampaignReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "preview", description = {
        "Show rendered emails as the full text that would be sent.",
        "Prints each message with its headers and body (RFC 5322).",
        "Default: the first contact of each segment, every step. With --out, write one .eml per message",
        "and an index.html that shows them all. The review page's warnings go to standard error."})
final class PreviewCommand implements Callable<Integer> {

    /** Previews are composed here, into the MIME that sending would hand to the server. */
    private static final MessageComposer COMPOSER = new MessageComposer();

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "CAMPAIGN", description = "The campaign file, or its name.")
    String campaign;

    @Option(names = "--contact", paramLabel = "EMAIL", description = "Render for this contact (every step).")
    Optional<String> contact;

    @Option(names = "--segment", paramLabel = "NAME", description = "Only this segment.")
    Optional<String> segment;

    @Option(names = "--step", paramLabel = "NAME", description = "Only this step.")
    Optional<String> step;

    @Option(names = "--out", paramLabel = "DIR", description = "Write .eml files and index.html here instead of printing.")
    Optional<Path> out;

    @Override
    public Integer call() {
        Context context = root.context();
        Path file = context.campaignFile(campaign);
        CampaignCheck check = context.check(file);
        List<Previewer.Preview> previews = new Previewer(context.workspace(), context.clock())
                .preview(check.validation(), new Previewer.Selection(contact, segment, step));
        // On stderr, so the messages on stdout stay exactly what would be sent; a preview is for looking, so even
        // under strict: true the warnings do not stop it.
        check.warnings().forEach(w -> context.err().println(w));
        warnIfContactsChanged(context, file);
        if (out.isPresent()) {
            write(context, file, out.get(), previews);
        } else {
            print(context, previews);
        }
        return 0;
    }

    /**
     * A preview shows the files as they are now; once the contacts file changed after launch, that is not what
     * is going out, and a reviewer must not take one for the other. On stderr, so the messages stay pipe-able.
     */
    private static void warnIfContactsChanged(Context context, Path file) {
        String key = CampaignReader.key(file);
        context.existingDatabase().flatMap(database -> {
            try (database) {
                return database.transaction(store -> ContactsFileChange.ofCampaign(store, context.workspace(), key));
            }
        }).ifPresent(change -> context.err().println("contacts file " + change.path() + " changed since launch on "
                + Times.named(change.launchedAt(), change.zone()) + ": this preview shows its new values;"
                + " messages go out with the launched ones until outreach launch " + key));
    }

    private static void print(Context context, List<Previewer.Preview> previews) {
        for (Previewer.Preview preview : previews) {
            if (previews.size() > 1) {
                RenderedEmail email = preview.email();
                context.out().printf("==> %s · %s · %s <==%n", email.segment().name(), email.step().name(), email.to().email());
            }
            context.out().print(MessageComposer.text(COMPOSER.compose(preview.email(), preview.envelope())).replace("\r\n", "\n"));
            context.out().println();
        }
    }

    /** The .eml files of the chosen messages, and the review pages as static files beside them. */
    private static void write(Context context, Path campaignFile, Path dir, List<Previewer.Preview> previews) {
        int pages;
        try {
            Files.createDirectories(dir);
            for (Previewer.Preview preview : previews) {
                RenderedEmail email = preview.email();
                String name = Links.fileName(email.segment(), email.step(), email.to()) + ".eml";
                EmlFile.write(dir.resolve(name), COMPOSER.compose(email, preview.envelope()));
            }
            try (Database database = context.existingDatabase().orElseGet(Database::inMemory)) {
                ReviewModel model = ReviewModel.load(context.workspace(), campaignFile, database, context.clock());
                pages = StaticReview.write(dir, model, context.workspace(), context.clock());
            }
        } catch (IOException e) {
            throw new FailureException("cannot write the preview to " + dir + ": " + e.getMessage(), e);
        }
        context.out().printf("wrote %s and the review pages (index.html and %d more) to %s%n",
                Plural.of(previews.size(), ".eml file"), pages, dir);
    }

}
