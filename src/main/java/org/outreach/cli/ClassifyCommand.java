package org.outreach.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.outreach.campaign.BadInputException;
import org.outreach.inbound.ClassificationJson;
import org.outreach.inbound.Classifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "classify", description = {
        "Say what saved messages are: reply, auto-reply, bounce, complaint, unsubscribe or notice.",
        "Prints one JSON object per file (kind, failed recipients, status, permanent, the Message-ID it is about, why)."})
final class ClassifyCommand implements Callable<Integer> {

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "FILE.eml", arity = "1..*")
    List<Path> files;

    @Override
    public Integer call() {
        Context context = root.context();
        Classifier classifier = new Classifier();
        Session session = Session.getInstance(new Properties());
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(session, in);
                context.out().println(ClassificationJson.of(file.toString(), classifier.classify(message)));
            } catch (java.nio.file.NoSuchFileException e) {
                throw new BadInputException(file + ": no such file");
            } catch (IOException | MessagingException e) {
                throw new BadInputException(file + ": cannot be read as an email: " + e.getMessage());
            }
        }
        return 0;
    }
}
