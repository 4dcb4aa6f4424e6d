package org.outreach.cli;

import java.util.List;
import java.util.concurrent.Callable;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.outreach.campaign.BadInputException;
import org.outreach.campaign.EmailAddress;
import org.outreach.campaign.FailureException;
import org.outreach.engine.Delivery;
import org.outreach.engine.Previewer;
import org.outreach.mail.Mailer;
import org.outreach.mail.MessageComposer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "test-send", description = {
        "Send each segment × step, rendered for a sample contact, to your own address.",
        "The first contact of each segment is the sample; subjects start with [test]. Records nothing as sent."})
final class TestSendCommand implements Callable<Integer> {

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "CAMPAIGN")
    String campaign;

    @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "Where the test messages go.")
    String to;

    @Override
    public Integer call() throws MessagingException {
        Context context = root.context();
        EmailAddress address = EmailAddress.parse(to)
                .orElseThrow(() -> new BadInputException("\"" + to + "\" is not a valid email address"));
        List<Previewer.Preview> previews = new Previewer(context.workspace(), context.clock())
                .preview(context.campaignFile(campaign), new Previewer.Selection(
                        java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()));
        int failed = 0;
        MessageComposer composer = new MessageComposer();
        try (MailRoute mail = context.mail(); Mailer.Connection connection = mail.mailer().connect()) {
            context.out().println(mail.description());
            for (Previewer.Preview preview : previews) {
                MimeMessage message = composer.compose(preview.email(), preview.envelope());
                String label = preview.email().segment().name() + " · " + preview.email().step().name();
                message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address.value()));
                message.setSubject("[test " + label + " for " + preview.email().to().email() + "] " + preview.subject(), "UTF-8");
                message.saveChanges();
                Delivery delivery = connection.send(message);
                boolean ok = delivery.outcome() == Delivery.Outcome.ACCEPTED;
                failed += ok ? 0 : 1;
                if (ok) {
                    // Nothing is recorded, but the copies are kept as for any message sent: the sandbox's .eml
                    // files (which its first line promises), the Sent folder.
                    connection.recorded(message);
                }
                context.out().printf("%s: %s%n", label, ok ? "sent to " + address : "NOT sent: " + delivery.reply());
            }
        }
        if (failed > 0) {
            throw new FailureException(failed + " test messages were not sent", null);
        }
        return 0;
    }
}
