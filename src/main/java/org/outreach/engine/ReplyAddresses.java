package org.outreach.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.outreach.campaign.EmailAddress;
import org.outreach.campaign.Problems;
import org.outreach.campaign.Sender;
import org.outreach.store.Campaigns;
import org.outreach.store.Store;
import org.outreach.workspace.CampaignReader;
import org.outreach.workspace.Settings;
import org.outreach.workspace.Workspace;

/**
 * Every address the campaigns' replies can reach: each sender's own address and, when set, its {@code reply_to}.
 * People answer whichever the mail client picks (reply_to when there is one), so each has to be read.
 */
public final class ReplyAddresses {

    /** One campaign's sender, and the file that names it (for messages to the organizer). */
    private record Origin(String file, Sender sender) {

        /** The reply_to when it is another address than the sender's, so its mail may land elsewhere. */
        Optional<EmailAddress> otherReplyTo() {
            return sender.replyTo().filter(r -> !r.key().equals(sender.email().key()));
        }
    }

    private final List<Origin> origins;

    private ReplyAddresses(List<Origin> origins) {
        this.origins = origins;
    }

    /** The launched campaigns', from the definitions kept at launch (the files may have changed since). */
    public static ReplyAddresses ofLaunched(Store store, Workspace workspace) {
        List<Origin> origins = new ArrayList<>();
        for (Campaigns.Launched row : store.campaigns().all()) {
            String text = store.campaigns().files(row.id()).get(row.definitionPath());
            Optional<Sender> sender = Optional.ofNullable(text).flatMap(t -> CampaignReader.asLaunched(workspace)
                    .read(workspace.root().resolve(row.definitionPath()), t, new Problems())).map(c -> c.sender());
            // A kept definition that no longer reads back still has the sender address recorded beside it.
            origins.add(new Origin(row.definitionPath(), sender.orElseGet(() -> new Sender("",
                    new EmailAddress(row.senderEmail()), Optional.empty()))));
        }
        return new ReplyAddresses(origins);
    }

    /** The campaign files' in the workspace, launched or not; a file that does not read is left to validate. */
    public static ReplyAddresses ofWorkspace(Workspace workspace) {
        return new ReplyAddresses(workspace.campaignFiles().stream()
                .flatMap(f -> new CampaignReader(workspace).read(f, new Problems()).stream())
                .map(c -> new Origin(workspace.display(c.file()), c.sender())).toList());
    }

    /** Each address once, in lower case: the senders' and the reply_to addresses. */
    public List<String> all() {
        Set<String> all = new LinkedHashSet<>();
        for (Origin origin : origins) {
            all.add(origin.sender().email().key());
            origin.otherReplyTo().ifPresent(r -> all.add(r.key()));
        }
        return List.copyOf(all);
    }

    /**
     * One line per reply_to address whose replies these settings will not read: another address than its
     * campaign's sender, logged in to by neither the {@code imap} nor the {@code reply_to_imap} mailbox. Only one
     * reply_to mailbox can be set, so a second campaign with a reply_to of its own may be left out even when
     * reply_to_imap is there. The sandbox serves every address; without any IMAP mailbox, no reply is read at all,
     * which is said elsewhere.
     */
    public List<String> unread(Settings.Mail mail) {
        if (mail.mode() == Settings.Mail.Mode.SANDBOX || mail.imap().isEmpty()) {
            return List.of();
        }
        List<Settings.Server> mailboxes = Stream.concat(mail.imap().stream(), mail.replyToImap().stream()).toList();
        Set<String> loggedIn = mailboxes.stream().flatMap(m -> m.username().stream())
                .map(u -> u.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        String advice = mail.replyToImap().isEmpty() ? "add a reply_to_imap section for that mailbox to outreach.yaml"
                : "reply_to_imap reads another mailbox, and only one can be set";
        String inboxes = mailboxes.stream().map(Settings.Server::describe).collect(Collectors.joining(" or "));
        return unreadFiles(loggedIn).entrySet().stream().map(e -> "Replies to " + e.getKey() + " (reply_to in "
                + String.join(", ", e.getValue()) + ") will not be read: " + advice + ", unless mail to " + e.getKey()
                + " arrives in " + inboxes + ".").toList();
    }

    /** Each reply_to address no mailbox logs in to, with the campaign files that name it. */
    private Map<String, Set<String>> unreadFiles(Set<String> loggedIn) {
        Map<String, Set<String>> filesByAddress = new LinkedHashMap<>();
        for (Origin origin : origins) {
            origin.otherReplyTo().filter(r -> !loggedIn.contains(r.key())).ifPresent(r -> filesByAddress
                    .computeIfAbsent(r.value(), k -> new LinkedHashSet<>()).add(origin.file()));
        }
        return filesByAddress;
    }
}
