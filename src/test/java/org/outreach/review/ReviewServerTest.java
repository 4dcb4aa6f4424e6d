package org.outreach.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;
import org.outreach.store.Database;
import org.outreach.workspace.Workspace;

/** The review page over HTTP: approval tied to the content, and what the server refuses. */
class ReviewServerTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestWorkspace workspace() {
        return TestWorkspace.in(dir).write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN + "review: required\n");
    }

    @Test
    void launch_needs_an_approval_of_exactly_the_content_it_launches() throws Exception {
        var workspace = workspace();
        var refused = workspace.run("launch", "launch");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.errLines()).containsExactly("campaigns/launch.yaml: campaign launch needs a reviewer's approval"
                + " first (review: required); run outreach review launch");

        approve(workspace, "Grace Reviewer");
        assertThat(workspace.run("launch", "launch").code()).isZero();

        workspace.write("templates/rse/team/nudge.ftl", "Hi ${contact.first_name}, one more thing.\n");
        var changed = workspace.run("launch", "launch");
        assertThat(changed.code()).isEqualTo(1);
        assertThat(changed.err()).contains("campaign launch changed since Grace Reviewer approved it:"
                + " templates/rse/team/nudge.ftl changed; it needs a new approval");
        assertThat(workspace.run("approvals", "launch").out()).contains("Grace Reviewer").contains("no");
    }

    @Test
    void approving_needs_the_printed_token_and_a_request_addressed_to_this_server() throws Exception {
        var workspace = workspace();
        try (Database database = Database.open(workspace.databaseUrl());
             ReviewServer server = server(workspace, database)) {
            URI base = server.address().resolve("/");
            String page = get(base, null).body();
            assertThat(page).contains("open the address that <code>outreach review</code> printed")
                    .doesNotContain("id=\"approve\"");
            var forged = http.send(HttpRequest.newBuilder(base.resolve("/approve"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("reviewer=Mallory&token=guess")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(403);
            var nothingElse = get(base.resolve("/campaigns/launch.yaml"), null);
            assertThat(nothingElse.statusCode()).isEqualTo(404);
            // A page of another site that got its name to resolve to this machine still names its own host.
            try (var socket = new java.net.Socket(base.getHost(), base.getPort())) {
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine();
                assertThat(status).startsWith("HTTP/1.1 421");
            }
        }
        assertThat(workspace.run("launch", "launch").code()).isEqualTo(1);
    }

    /** Approves as a reviewer would: opens the printed address, then posts the form the page shows. */
    static void approve(TestWorkspace workspace, String reviewer) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try (Database database = Database.open(workspace.databaseUrl());
             ReviewServer server = server(workspace, database)) {
            var first = http.send(HttpRequest.newBuilder(server.address()).build(), HttpResponse.BodyHandlers.ofString());
            String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String page = http.send(HttpRequest.newBuilder(server.address().resolve("/")).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String token = field(page, "token");
            String content = field(page, "content");
            var posted = http.send(HttpRequest.newBuilder(server.address().resolve("/approve")).header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&content=" + content + "&reviewer="
                            + java.net.URLEncoder.encode(reviewer, java.nio.charset.StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        }
    }

    static ReviewServer server(TestWorkspace workspace, Database database) {
        return ReviewServer.start("127.0.0.1", 0, new Workspace(workspace.root()), workspace.path("campaigns/launch.yaml"),
                database, Clock.fixed(TestWorkspace.NOW, ZoneOffset.UTC));
    }

    private HttpResponse<String> get(URI uri, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as("the page has a " + name + " field").isTrue();
        return m.group(1);
    }
}
