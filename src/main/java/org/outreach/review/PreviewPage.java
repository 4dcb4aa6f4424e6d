package org.outreach.review;

import java.util.List;

/**
 * A static page that shows rendered messages as a mail client would: headers, the text part, the HTML part in a
 * sandboxed frame. Everything from templates and contacts is escaped; the page runs no script and loads nothing.
 */
public final class PreviewPage {

    /** One message on the page, and the name of its .eml file beside the page. */
    public record Entry(String segment, String step, String from, String to, String subject, String date, String text,
                        String html, String emlFile) {
    }

    private static final String STYLE = """
            body { font: 15px/1.5 system-ui, sans-serif; max-width: 860px; margin: 2em auto; padding: 0 1em; color: #222; }
            h1 { font-size: 1.4em; } h2 { font-size: 1.05em; margin: 0; color: #555; font-weight: 600; }
            article { border: 1px solid #ccc; border-radius: 6px; margin: 1.5em 0; padding: 1em 1.2em; break-inside: avoid; }
            table { border-collapse: collapse; margin: .6em 0; } th { text-align: left; color: #666; padding-right: 1em; font-weight: 500; }
            pre { white-space: pre-wrap; font: 14px/1.5 ui-monospace, monospace; background: #fafafa; padding: .8em; border-radius: 4px; }
            iframe { width: 100%; height: 360px; border: 1px solid #ddd; }
            """;

    private PreviewPage() {
    }

    public static String render(String title, List<Entry> entries) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(Html.escape(title)).append("</h1>\n")
                .append("<p>").append(entries.size()).append(" message").append(entries.size() == 1 ? "" : "s")
                .append(", each also saved as an .eml file that a mail client can open.</p>\n");
        for (Entry e : entries) {
            page.append("<article>\n<h2>").append(Html.escape(e.segment())).append(" · ").append(Html.escape(e.step()))
                    .append("</h2>\n<table>\n");
            header(page, "From", e.from());
            header(page, "To", e.to());
            header(page, "Subject", e.subject());
            header(page, "Date", e.date());
            page.append("</table>\n<pre>").append(Html.escape(e.text())).append("</pre>\n");
            if (e.html() != null) {
                page.append("<iframe sandbox title=\"HTML part\" srcdoc=\"").append(Html.escape(e.html())).append("\"></iframe>\n");
            }
            page.append("<p><a href=\"").append(Html.escape(e.emlFile())).append("\">").append(Html.escape(e.emlFile()))
                    .append("</a></p>\n</article>\n");
        }
        return page.append("</body>\n</html>\n").toString();
    }

    private static void header(StringBuilder page, String name, String value) {
        page.append("<tr><th>").append(name).append("</th><td>").append(Html.escape(value)).append("</td></tr>\n");
    }
}
