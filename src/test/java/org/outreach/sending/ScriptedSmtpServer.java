package org.outreach.sending;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP server that misbehaves on cue, for the faults a real server in a test cannot be made to produce:
 * 4xx and 5xx replies at a chosen command, a 421 that closes the connection, a connection dropped mid-batch,
 * a server that never answers. Everything else is plain, correct SMTP. The script sees each command with the
 * number of the message it belongs to (counting every MAIL FROM since the server started) and returns the
 * reply, {@link #DROP} or {@link #HANG}; {@code null} means the normal reply.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    static final String DROP = "drop";
    static final String HANG = "hang";
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

    /** What the script is asked: which message, which command (MAIL, RCPT, DATA, or "." for the end of data). */
    record Step(int message, String command) {
    }

    private final ServerSocket socket;
    private final BiFunction<Integer, String, String> script;
    private final AtomicInteger messages = new AtomicInteger();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean greet = true;

    ScriptedSmtpServer(BiFunction<Integer, String, String> script) throws IOException {
        this.script = script;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server that accepts connections and never says a word. */
    static ScriptedSmtpServer silent() throws IOException {
        ScriptedSmtpServer server = new ScriptedSmtpServer((n, command) -> null);
        server.greet = false;
        return server;
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Message-IDs of the messages this server accepted, in order. */
    List<String> accepted() {
        return accepted;
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread session = new Thread(() -> serve(client), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
            if (!greet) {
                Thread.sleep(Long.MAX_VALUE);
            }
            reply(out, "220 scripted.test ESMTP");
            int message = 0;
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.split("[ :]", 2)[0].toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250-scripted.test\r\n250 8BITMIME");
                    case "MAIL" -> {
                        message = messages.incrementAndGet();
                        if (!scripted(out, message, "MAIL", "250 sender ok")) {
                            return;
                        }
                    }
                    case "RCPT" -> {
                        if (!scripted(out, message, "RCPT", "250 recipient ok")) {
                            return;
                        }
                    }
                    case "DATA" -> {
                        if (!scripted(out, message, "DATA", "354 go ahead")) {
                            return;
                        }
                        StringBuilder data = new StringBuilder();
                        while (!(line = in.readLine()).equals(".")) {
                            data.append(line).append('\n');
                        }
                        String answer = script.apply(message, ".");
                        if (answer == null || answer.startsWith("2")) {
                            Matcher id = MESSAGE_ID.matcher(data);
                            accepted.add(id.find() ? id.group(1) : "(no Message-ID)");
                        }
                        if (!respond(out, answer == null ? "250 queued" : answer)) {
                            return;
                        }
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean scripted(Writer out, int message, String command, String normal) throws IOException, InterruptedException {
        String answer = script.apply(message, command);
        return respond(out, answer == null ? normal : answer);
    }

    /** Sends the reply; false when the connection is to end here. */
    private boolean respond(Writer out, String answer) throws IOException, InterruptedException {
        if (DROP.equals(answer)) {
            return false;
        }
        if (HANG.equals(answer)) {
            Thread.sleep(Long.MAX_VALUE);
        }
        reply(out, answer);
        return !answer.startsWith("421");
    }

    private static void reply(Writer out, String text) throws IOException {
        out.write(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
