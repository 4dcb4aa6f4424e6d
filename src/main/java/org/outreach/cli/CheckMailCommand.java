package org.outreach.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.outreach.campaign.FailureException;
import org.outreach.engine.ReplyAddresses;
import org.outreach.mail.MailCheck;
import org.outreach.workspace.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "check-mail", description = {
        "Check the mail settings: connect and log in to the SMTP and IMAP servers, sending nothing.",
        "Says in plain words what works and what does not (host, port, TLS, login)."})
final class CheckMailCommand implements Callable<Integer> {

    @ParentCommand
    OutreachCommand root;

    @Override
    public Integer call() {
        Context context = root.context();
        Settings.Mail mail = context.settings().mail();
        if (mail.mode() == Settings.Mail.Mode.SANDBOX) {
            context.out().println("Sandbox mode: mail goes to the built-in server and stays on this machine."
                    + " Add an smtp section to outreach.yaml to send for real.");
            return 0;
        }
        List<MailCheck.Verdict> verdicts = new ArrayList<>();
        Settings.Server smtp = mail.smtp().orElseThrow();
        verdicts.add(MailCheck.smtp(smtp, MailRoute.heloName(smtp)));
        mail.imap().ifPresentOrElse(imap -> verdicts.add(MailCheck.imap(imap)),
                () -> context.out().println("IMAP: not configured (replies cannot be tracked without it)"));
        mail.replyToImap().ifPresent(imap -> verdicts.add(MailCheck.imap(imap)));
        verdicts.forEach(v -> context.out().printf("%s: %s%s%n", v.server(), v.ok() ? "" : "FAILED: ", v.words()));
        ReplyAddresses.ofWorkspace(context.workspace()).unread(mail).forEach(context.out()::println);
        if (verdicts.stream().anyMatch(v -> !v.ok())) {
            throw new FailureException("the mail settings do not work yet; see above", null);
        }
        return 0;
    }
}
