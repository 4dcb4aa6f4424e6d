package org.outreach.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.outreach.campaign.BadInputException;
import org.outreach.campaign.Plural;
import org.outreach.campaign.Problems;
import org.outreach.engine.ContactBook;
import org.outreach.workspace.ContactsReader;
import org.outreach.workspace.ContactsReader.ContactsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "contacts", description = "Import and list the workspace's contacts.",
        subcommands = {ContactsCommand.Import.class, ContactsCommand.ListContacts.class})
final class ContactsCommand implements Runnable {

    @ParentCommand
    OutreachCommand root;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(root.environment().out());
    }

    @Command(name = "import", description = {
            "Import a contacts CSV file.",
            "The file has a header row and an email column. New addresses are added, known ones updated.",
            "Bad or repeated rows are reported with their line and skipped; the others are imported, and the",
            "command exits 1 so nobody misses the skipped rows."})
    static final class Import implements Callable<Integer> {

        @ParentCommand
        ContactsCommand parent;

        @Parameters(paramLabel = "FILE.csv")
        Path file;

        @Override
        public Integer call() {
            Context context = parent.root.context();
            Problems problems = new Problems();
            Optional<ContactsFile> contacts = new ContactsReader(context.workspace())
                    .read(file.toAbsolutePath(), problems);
            if (contacts.isEmpty()) {
                throw new BadInputException(problems.list());
            }
            ContactBook.Imported imported;
            try (var database = context.database()) {
                imported = database.transaction(store -> ContactBook.importAll(store, contacts.get(), context.clock().instant()));
            }
            context.out().printf("imported %s from %s: %d new, %d updated%n", Plural.of(imported.added() + imported.updated(), "contact"),
                    context.workspace().display(file), imported.added(), imported.updated());
            problems.throwIfErrors();
            return 0;
        }
    }

    @Command(name = "list", description = "List contacts, with the campaigns and segments they are enrolled in.")
    static final class ListContacts implements Callable<Integer> {

        @ParentCommand
        ContactsCommand parent;

        @Option(names = "--segment", paramLabel = "NAME", description = "Only contacts enrolled in this segment.")
        Optional<String> segment;

        @Option(names = "--campaign", paramLabel = "NAME", description = "Only contacts enrolled in this campaign.")
        Optional<String> campaign;

        @Override
        public Integer call() {
            Context context = parent.root.context();
            List<ContactBook.Listed> listed = context.existingDatabase().map(database -> {
                try (database) {
                    return database.transaction(store -> ContactBook.list(store, campaign, segment));
                }
            }).orElse(List.of());
            if (!listed.isEmpty()) {
                Table table = new Table("EMAIL", "NAME", "ORGANIZATION", "ENROLLED", "SUPPRESSED");
                for (ContactBook.Listed c : listed) {
                    table.row(c.contact().email(), c.contact().displayName(), c.contact().field("organization").orElse(""),
                            String.join(" ", c.enrolledIn()), c.suppressed().orElse(""));
                }
                table.print(context.out(), "");
            }
            context.out().println(Plural.of(listed.size(), "contact"));
            return 0;
        }
    }
}
