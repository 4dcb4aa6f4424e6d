package org.outreach.review;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.outreach.campaign.BadInputException;
import org.outreach.campaign.Campaign;
import org.outreach.campaign.Contact;
import org.outreach.campaign.FailureException;
import org.outreach.campaign.Segment;
import org.outreach.campaign.Step;
import org.outreach.engine.Previewer;
import org.outreach.engine.Review;
import org.outreach.engine.ReviewModel;
import org.outreach.store.Database;
import org.outreach.workspace.Workspace;

/**
 * The review web page, served on the loopback interface unless told otherwise. It serves its pages and its
 * stylesheet, nothing else: no file of the workspace is reachable by path. Approving needs the token the command
 * printed (carried by a same-site cookie, so another site cannot approve in the reviewer's name), and a request
 * must name this server as its host (so a hostile page cannot reach it through a DNS trick).
 */
public final class ReviewServer implements AutoCloseable {

    private static final String COOKIE = "outreach_review";
    static final String POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final HttpServer server;
    private final Workspace workspace;
    private final Path campaignFile;
    private final Database database;
    private final Clock clock;
    private final String token;

    private ReviewServer(HttpServer server, Workspace workspace, Path campaignFile, Database database, Clock clock) {
        this.server = server;
        this.workspace = workspace;
        this.campaignFile = campaignFile;
        this.database = database;
        this.clock = clock;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
    }

    public static ReviewServer start(String bind, int port, Workspace workspace, Path campaignFile, Database database,
                                     Clock clock) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(bind, port), 0);
            ReviewServer review = new ReviewServer(http, workspace, campaignFile, database, clock);
            http.createContext("/", review::handle);
            http.start();
            return review;
        } catch (IOException e) {
            throw new FailureException("cannot serve the review page on " + bind + ":" + port + ": " + e.getMessage()
                    + " (another port: --port N)", e);
        }
    }

    /** The address to open: it carries the approval token once, which the page then keeps in a cookie. */
    public URI address() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getAddress().getHostAddress();
        return URI.create("http://" + host + ":" + bound.getPort() + "/?token=" + token);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!hostIsUs(exchange)) {
                send(exchange, 421, "text/plain", "Misdirected request");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            switch (method + " " + path) {
                case "GET /style.css" -> send(exchange, 200, "text/css", ReviewPages.STYLE);
                case "GET /" -> overview(exchange, query);
                case "GET /message" -> message(exchange, query);
                case "POST /approve" -> approve(exchange);
                default -> send(exchange, 404, "text/plain", "Not found");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/html", ReviewPages.layout("Something went wrong", "<p>" + Html.escape(e.toString()) + "</p>",
                    Links.SERVER));
        }
    }

    private void overview(HttpExchange exchange, Map<String, String> query) throws IOException {
        if (token.equals(query.get("token"))) {
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + token + "; HttpOnly; SameSite=Strict; Path=/");
            redirect(exchange, "/");
            return;
        }
        ReviewModel model = ReviewModel.load(workspace, campaignFile, database, clock);
        if (model.campaign().isEmpty()) {
            html(exchange, 200, ReviewPages.broken(workspace.display(campaignFile), model.validation().problems(), Links.SERVER));
            return;
        }
        html(exchange, 200, ReviewPages.overview(model, authorized(exchange) ? token : null, Links.SERVER));
    }

    private void message(HttpExchange exchange, Map<String, String> query) throws IOException {
        ReviewModel model = ReviewModel.load(workspace, campaignFile, database, clock);
        Optional<Campaign> campaign = model.campaign();
        Optional<Segment> segment = campaign.flatMap(c -> c.segment(query.getOrDefault("segment", "")));
        Optional<Step> step = campaign.flatMap(c -> c.step(query.getOrDefault("step", "")));
        if (segment.isEmpty() || step.isEmpty() || model.contactsOf(segment.get()).isEmpty()) {
            send(exchange, 404, "text/plain", "No such segment, step or contact");
            return;
        }
        List<Contact> members = model.contactsOf(segment.get());
        Contact contact = members.stream().filter(c -> c.email().value().equalsIgnoreCase(query.getOrDefault("contact", "")))
                .findFirst().orElse(members.get(0));
        try {
            Previewer.Preview preview = new Previewer(workspace, clock).preview(model.validation(), new Previewer.Selection(
                    Optional.of(contact.email().value()), segment.map(Segment::name), step.map(Step::name))).get(0);
            html(exchange, 200, ReviewPages.message(model, segment.get(), step.get(), contact, preview, Links.SERVER));
        } catch (BadInputException e) {
            html(exchange, 200, ReviewPages.broken(workspace.display(campaignFile),
                    e.problems().isEmpty() ? List.of(org.outreach.campaign.Problem.error(
                            org.outreach.campaign.Location.of(workspace.display(campaignFile)), e.getMessage())) : e.problems(),
                    Links.SERVER));
        }
    }

    private void approve(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!authorized(exchange) || !token.equals(form.get("token"))) {
            send(exchange, 403, "text/plain", "Approving needs the address printed by outreach review");
            return;
        }
        ReviewModel model = ReviewModel.load(workspace, campaignFile, database, clock);
        if (model.content().isEmpty()) {
            html(exchange, 409, ReviewPages.broken("Cannot approve", model.validation().problems(), Links.SERVER));
            return;
        }
        if (!model.content().get().hash().equals(form.get("content"))) {
            html(exchange, 409, ReviewPages.layout("Changed while you read", "<p>The campaign's files changed since this"
                    + " page was loaded. <a href=\"/\">Reload it</a> and review again.</p>", Links.SERVER));
            return;
        }
        try {
            database.transaction(store -> Review.approve(store, model.campaign().get().key(), model.content().get(),
                    form.get("reviewer"), clock.instant()));
        } catch (BadInputException e) {
            html(exchange, 400, ReviewPages.layout("Cannot approve", "<p>" + Html.escape(e.getMessage()) + "</p>", Links.SERVER));
            return;
        }
        redirect(exchange, "/");
    }

    private boolean authorized(HttpExchange exchange) {
        List<String> cookies = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        return cookies.stream().flatMap(c -> java.util.Arrays.stream(c.split(";")))
                .map(String::strip).anyMatch(c -> c.equals(COOKIE + "=" + token));
    }

    private boolean hostIsUs(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        int port = server.getAddress().getPort();
        return host != null && (host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port)
                || host.equals(server.getAddress().getAddress().getHostAddress() + ":" + port));
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static void redirect(HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().add("Location", to);
        exchange.sendResponseHeaders(303, -1);
    }

    private static void html(HttpExchange exchange, int status, String page) throws IOException {
        send(exchange, status, "text/html", page);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().add("Content-Security-Policy", POLICY);
        exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().add("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
