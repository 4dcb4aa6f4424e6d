package org.outreach.bench;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** What the harnesses of bench/run share: running the real command line in child JVMs, and GreenMail. */
final class Bench {

    /** A finished run of the command line: its exit code, its output (stdout and stderr), its wall time. */
    record Run(int code, String output, double seconds) {

        /** The first line that says what went wrong, for a figure that cannot be measured. */
        String firstLine() {
            return output.lines().filter(l -> !l.isBlank()).findFirst().orElse("exit " + code + ", nothing said");
        }
    }

    private Bench() {
    }

    /** The {@code java} of this JVM, so that every child runs on the same one. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java -jar JAR --workspace WS ARGS…}: the real command line, as the organizer runs it. */
    static List<String> outreach(Path jar, Path workspace, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString(), "--workspace", workspace.toString()));
        command.addAll(List.of(args));
        return command;
    }

    static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Runs {@code command} to its end (at most {@code timeoutSeconds}, then killed), its output kept in {@code log}. */
    static Run run(List<String> command, Path log, long timeoutSeconds) throws Exception {
        long t0 = System.nanoTime();
        Process process = start(command, log);
        boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String output = Files.readString(log, StandardCharsets.UTF_8);
        return new Run(ended ? process.exitValue() : -1, ended ? output : "timed out after " + timeoutSeconds + " s\n" + output,
                seconds);
    }

    /**
     * A GreenMail server on 127.0.0.1 with each of {@code protocols} ("smtp", "imap") on a free port, started.
     * <p>
     * GreenMail's servers leave Nagle's algorithm on for the connections they accept. An IMAP answer is written in
     * several pieces (the untagged data, then the tagged OK), so with Linux's delayed ACKs every FETCH waits about
     * 40 ms for the client to acknowledge the first piece: reading a message takes ~150 ms whatever reads it,
     * which would make the polling figure measure GreenMail's socket settings instead of outreach. Real servers
     * (Dovecot, Postfix) set TCP_NODELAY; so do these: the same protocol handlers of GreenMail, served from
     * connections with TCP_NODELAY set.
     */
    static GreenMail greenMail(String... protocols) {
        ServerSetup[] setups = new ServerSetup[protocols.length];
        for (int i = 0; i < protocols.length; i++) {
            setups[i] = new ServerSetup(0, "127.0.0.1", protocols[i]).dynamicPort();
        }
        GreenMail greenMail = new NoDelayGreenMail(setups);
        greenMail.start();
        return greenMail;
    }

    /** The port a server of {@link #greenMail} listens on. */
    static int port(GreenMail greenMail, String protocol) {
        return ((NoDelayGreenMail) greenMail).port(protocol);
    }

    private static final class NoDelayGreenMail extends GreenMail {

        NoDelayGreenMail(ServerSetup[] setups) {
            super(setups);
        }

        int port(String protocol) {
            return services.get(protocol).getPort();
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            Map<String, AbstractServer> services = new HashMap<>();
            for (ServerSetup setup : config) {
                switch (setup.getProtocol()) {
                    case ServerSetup.PROTOCOL_SMTP -> services.put(setup.getProtocol(), new SmtpServer(setup, managers) {
                        @Override
                        protected ProtocolHandler createProtocolHandler(Socket socket) {
                            return super.createProtocolHandler(noDelay(socket));
                        }
                    });
                    case ServerSetup.PROTOCOL_IMAP -> services.put(setup.getProtocol(), new AbstractServer(setup, managers) {
                        @Override
                        protected ProtocolHandler createProtocolHandler(Socket socket) {
                            return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), noDelay(socket));
                        }
                    });
                    default -> throw new IllegalArgumentException("no server for " + setup.getProtocol() + " here");
                }
            }
            return services;
        }

        private static Socket noDelay(Socket socket) {
            try {
                socket.setTcpNoDelay(true);
            } catch (SocketException e) {
                throw new IllegalStateException(e);
            }
            return socket;
        }
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
