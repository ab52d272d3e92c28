package dev.momentum.auth.deploy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

/**
 * An SMTP server for containers to deliver to, as a mail provider sees them: a message counts as
 * delivered only once this server has answered 250 to its end of data. For a message that the
 * hold predicate picks (once each), it answers nothing and waits for the client to go away, as a
 * slow provider would while the sender dies: that message was never delivered.
 */
final class RecordingSmtpServer implements AutoCloseable {

    record Delivered(String messageId, String to, MimeMessage message, InetAddress sender) {
    }

    record Held(String messageId, InetAddress sender) {
    }

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private final List<String> heldOnce = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Held> held = new LinkedBlockingQueue<>();
    private volatile Predicate<MimeMessage> hold = message -> false;

    RecordingSmtpServer() throws IOException {
        socket = new ServerSocket();
        socket.bind(new InetSocketAddress("0.0.0.0", 0));
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    List<Delivered> delivered() {
        return List.copyOf(delivered);
    }

    /** The first attempt of each message this picks is held (see the class). */
    void holdFirstAttemptOf(Predicate<MimeMessage> picked) {
        hold = picked;
    }

    BlockingQueue<Held> held() {
        return held;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.submit(() -> converse(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client) {
            var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = client.getOutputStream();
            reply(out, "220 recording-smtp ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 recording-smtp");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        MimeMessage message = readData(in);
                        String messageId = message.getMessageID();
                        if (hold.test(message) && !heldOnce.contains(messageId)) {
                            heldOnce.add(messageId);
                            held.add(new Held(messageId, client.getInetAddress()));
                            while (in.read() != -1) {
                                // the sender said all it will say; it waits for an answer it never gets
                            }
                            return;
                        }
                        delivered.add(new Delivered(messageId, message.getAllRecipients()[0].toString(), message,
                                client.getInetAddress()));
                        reply(out, "250 queued");
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException | jakarta.mail.MessagingException e) {
            // a sender that went away mid-conversation delivered nothing
        }
    }

    private static MimeMessage readData(BufferedReader in) throws IOException, jakarta.mail.MessagingException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
        }
        if (line == null) {
            throw new IOException("the sender went away before the end of data");
        }
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(data.toString().getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.shutdownNow();
    }
}
