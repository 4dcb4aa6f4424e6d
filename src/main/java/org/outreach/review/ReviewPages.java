package org.outreach.review;

import java.time.ZoneId;
import java.util.List;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Contact;
import org.outreach.campaign.DelayText;
import org.outreach.campaign.Problem;
import org.outreach.campaign.Segment;
import org.outreach.campaign.Step;
import org.outreach.campaign.TimeText;
import org.outreach.engine.SendingRules;
import org.outreach.engine.Forecast;
import org.outreach.engine.Previewer;
import org.outreach.engine.ReviewModel;
import org.outreach.store.Approvals;

/**
 * The review pages, server-rendered HTML: an overview (segments, steps, limits, when the steps go out, warnings,
 * approval) and one page per segment × step showing the email as a mail client would, for any contact. Every
 * value from the campaign or its contacts is escaped.
 */
public final class ReviewPages {

    private ReviewPages() {
    }

    public static String overview(ReviewModel model, String token, Links links) {
        Campaign c = model.campaign().orElseThrow();
        StringBuilder page = new StringBuilder();
        page.append("<p class=\"lead\">From ").append(e(c.sender().name())).append(" &lt;").append(e(c.sender().email().value()))
                .append("&gt;</p>\n");
        page.append("<h2>Segments</h2>\n<table class=\"grid\"><tr><th>Segment</th><th>Contacts</th><th>Emails</th></tr>\n");
        for (Segment segment : c.segments()) {
            page.append("<tr><td>").append(e(segment.name())).append("</td><td class=\"n\">")
                    .append(model.contactsOf(segment).size()).append("</td><td>");
            List<Contact> members = model.contactsOf(segment);
            for (Step step : c.steps()) {
                if (!members.isEmpty()) {
                    page.append("<a href=\"").append(e(links.message(segment, step, members.get(0)))).append("\">")
                            .append(e(step.name())).append("</a> ");
                }
            }
            page.append("</td></tr>\n");
        }
        page.append("</table>\n<h2>Steps and timing</h2>\n<table class=\"grid\"><tr><th>Step</th><th>After</th><th>Messages</th>"
                + "<th>First</th><th>Last</th></tr>\n");
        ZoneId zone = c.window().zone();
        for (Step step : c.steps()) {
            Forecast.StepForecast f = model.forecast().stream().filter(x -> x.step().equals(step)).findFirst().orElse(null);
            page.append("<tr><td>").append(e(step.name())).append("</td><td>")
                    .append(step.isFirst() ? "launch" : e(DelayText.of(step.after())))
                    .append("</td><td class=\"n\">").append(f == null ? 0 : f.messages()).append("</td><td>")
                    .append(f == null ? "" : e(TimeText.of(f.first(), zone))).append("</td><td>")
                    .append(f == null ? "" : e(TimeText.of(f.last(), zone))).append("</td></tr>\n");
        }
        page.append("</table>\n<p>Limits: ").append(e(SendingRules.of(model.mailbox().orElseThrow(), c.window())))
                .append(". Times above suppose nobody replies.</p>\n");
        problems(page, model);
        approval(page, model, token, links);
        return layout(c.name(), page.toString(), links);
    }

    public static String message(ReviewModel model, Segment segment, Step step, Contact contact, Previewer.Preview preview,
                                 Links links) {
        String html = preview.email().html().orElse(null);
        Campaign c = model.campaign().orElseThrow();
        List<Contact> members = model.contactsOf(segment);
        int at = members.indexOf(contact);
        StringBuilder page = new StringBuilder("<p><a href=\"" + e(links.overview()) + "\">← Overview</a></p>\n");
        page.append(links.live() ? "<form method=\"get\" action=\"/message\" class=\"picker\">" : "<nav class=\"picker\">");
        if (links.live()) {
            page.append("<input type=\"hidden\" name=\"segment\" value=\"").append(e(segment.name()))
                    .append("\"><input type=\"hidden\" name=\"step\" value=\"").append(e(step.name()))
                    .append("\"><label>Contact <select name=\"contact\" id=\"contact\">");
            for (Contact m : members) {
                page.append("<option value=\"").append(e(m.email().value())).append('"').append(m.equals(contact) ? " selected" : "")
                        .append('>').append(e(name(m))).append("</option>");
            }
            page.append("</select></label> <button type=\"submit\" id=\"show\">Show</button> ");
        } else {
            page.append("Contact ").append(at + 1).append(" of ").append(members.size()).append(": ").append(e(name(contact))).append(' ');
        }
        if (at > 0) {
            page.append(link(links.message(segment, step, members.get(at - 1)), "← previous", "previous")).append(' ');
        }
        if (at < members.size() - 1) {
            page.append(link(links.message(segment, step, members.get(at + 1)), "next →", "next"));
        }
        page.append(links.live() ? "</form>\n" : "</nav>\n").append("<article class=\"mail\"><table class=\"headers\">");
        header(page, "From", c.sender().name() + " <" + c.sender().email() + ">");
        header(page, "To", (contact.displayName().isEmpty() ? "" : contact.displayName() + " ") + "<" + contact.email() + ">");
        header(page, "Subject", preview.subject());
        header(page, "Date", "when it is sent");
        page.append("</table>\n<pre id=\"text\">").append(e(preview.email().text())).append("</pre>\n");
        if (html != null) {
            page.append("<h3>HTML part</h3>\n<iframe sandbox title=\"HTML part\" srcdoc=\"").append(e(html)).append("\"></iframe>\n");
        }
        if (!preview.email().attachments().isEmpty()) {
            page.append("<p>Attachments: ");
            preview.email().attachments().forEach(a -> page.append(e(a.getFileName().toString())).append(' '));
            page.append("</p>\n");
        }
        page.append("</article>\n");
        problems(page, model);
        return layout(c.name() + " · " + segment.name() + " · " + step.name(), page.toString(), links);
    }

    private static String name(Contact m) {
        return m.displayName().isEmpty() ? m.email().value() : m.displayName() + " <" + m.email() + ">";
    }

    /** A page for a campaign that cannot be shown: its errors. */
    public static String broken(String title, List<Problem> problems, Links links) {
        StringBuilder page = new StringBuilder("<p>The campaign has errors; fix them and reload.</p>\n<ul class=\"problems\">");
        problems.forEach(p -> page.append("<li class=\"").append(p.isError() ? "error" : "warning").append("\">")
                .append(e(p.toString())).append("</li>\n"));
        return layout(title, page.append("</ul>\n").toString(), links);
    }

    private static void problems(StringBuilder page, ReviewModel model) {
        List<Problem> all = new java.util.ArrayList<>(model.validation().problems().stream().filter(Problem::isError).toList());
        all.addAll(model.warnings());
        page.append("<h2>Warnings</h2>\n");
        if (all.isEmpty()) {
            page.append("<p>None.</p>\n");
            return;
        }
        page.append("<ul class=\"problems\" id=\"warnings\">\n");
        all.forEach(p -> page.append("<li class=\"").append(p.isError() ? "error" : "warning").append("\">")
                .append(e(p.toString())).append("</li>\n"));
        page.append("</ul>\n");
    }

    private static void approval(StringBuilder page, ReviewModel model, String token, Links links) {
        page.append("<h2>Approval</h2>\n");
        List<Approvals.Approval> approvals = model.approvals();
        if (model.approvedAsShown()) {
            page.append("<p class=\"approved\" id=\"approved\">Approved by ").append(e(approvals.get(0).reviewer()))
                    .append(" on ").append(e(approvals.get(0).approvedAt().toString())).append(", exactly as shown.</p>\n");
        } else if (!approvals.isEmpty()) {
            page.append("<p>Changed since ").append(e(approvals.get(0).reviewer())).append(" approved it: it needs a new approval.</p>\n");
        }
        if (model.content().isEmpty()) {
            page.append("<p>Fix the errors above before approving.</p>\n");
            return;
        }
        if (!links.live()) {
            page.append("<p>This is a copy of the review page. To approve, run <code>outreach review</code>.</p>\n");
            return;
        }
        if (token == null) {
            page.append("<p>To approve, open the address that <code>outreach review</code> printed.</p>\n");
            return;
        }
        page.append("<form method=\"post\" action=\"/approve\" class=\"approve\">")
                .append("<input type=\"hidden\" name=\"token\" value=\"").append(e(token)).append("\">")
                .append("<input type=\"hidden\" name=\"content\" value=\"").append(e(model.content().get().hash())).append("\">")
                .append("<label>Your name <input name=\"reviewer\" id=\"reviewer\" required maxlength=\"200\"></label> ")
                .append("<button type=\"submit\" id=\"approve\">Approve these emails</button></form>\n");
    }

    private static String link(String href, String text, String id) {
        return "<a id=\"" + id + "\" href=\"" + e(href) + "\">" + e(text) + "</a>";
    }

    private static void header(StringBuilder page, String name, String value) {
        page.append("<tr><th>").append(name).append("</th><td>").append(e(value)).append("</td></tr>");
    }

    static String layout(String title, String body, Links links) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + (links.live() ? "" : "<meta http-equiv=\"Content-Security-Policy\" content=\"" + e(ReviewServer.POLICY) + "\">\n")
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + e(title) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + e(links.stylesheet()) + "\">\n</head>\n<body>\n<h1>" + e(title)
                + "</h1>\n" + body + "</body>\n</html>\n";
    }

    private static String e(String text) {
        return Html.escape(text);
    }

    /** The one stylesheet: readable on a laptop, printable. */
    public static final String STYLE = """
            body { font: 15px/1.5 system-ui, sans-serif; max-width: 920px; margin: 2em auto; padding: 0 1em; color: #222; }
            h1 { font-size: 1.5em; margin-bottom: .2em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
            .lead { color: #555; margin-top: 0; }
            table.grid { border-collapse: collapse; } .grid th, .grid td { border-bottom: 1px solid #ddd; padding: .3em .8em .3em 0; text-align: left; }
            .n { text-align: right; }
            .mail { border: 1px solid #ccc; border-radius: 6px; padding: 1em 1.2em; margin: 1em 0; }
            .headers th { text-align: left; color: #666; padding-right: 1em; font-weight: 500; }
            pre { white-space: pre-wrap; font: 14px/1.5 ui-monospace, monospace; background: #fafafa; padding: .8em; border-radius: 4px; }
            iframe { width: 100%; height: 360px; border: 1px solid #ddd; }
            .problems li.error { color: #a00; } .problems li.warning { color: #8a5a00; }
            .approved { color: #176b2c; font-weight: 600; }
            form.picker, form.approve { margin: 1em 0; } button { font: inherit; padding: .2em .8em; }
            @media print { form, a[href] { display: none; } body { margin: 0; } .mail { break-inside: avoid; } }
            """;
}
