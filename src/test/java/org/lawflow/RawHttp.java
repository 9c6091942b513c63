package org.lawflow;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP/1.1 over a plain socket bound to a chosen local address — 127.0.0.2, 127.0.0.3, … are loopback addresses of
 * their own on Linux, so a test can be a second client address (what LawFlow sees as {@code getRemoteAddr()}) — and
 * with a chunked body of any length, which no JDK client lets a test choose. One request per connection.
 */
public final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer; header names in lower case. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            var values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final String from;
    private final int port;

    /** Requests from local address {@code from} to the application on 127.0.0.1:{@code port}. */
    public RawHttp(String from, int port) {
        this.from = from;
        this.port = port;
    }

    /** A request with a Content-Length body (or none when {@code body} is null). */
    public Response send(String method, String path, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return exchange(method, path, headers, bytes == null ? "0" : String.valueOf(bytes.length),
                out -> {
                    if (bytes != null) {
                        out.write(bytes);
                    }
                });
    }

    /**
     * A request whose body is sent with {@code Transfer-Encoding: chunked}, in chunks of 64 KiB. The server may answer
     * and close before the body is through: the rest is then not sent, and the answer is returned all the same.
     */
    public Response sendChunked(String method, String path, Map<String, String> headers, InputStream body)
            throws IOException {
        return exchange(method, path, headers, null, out -> {
            byte[] chunk = new byte[64 * 1024];
            int n;
            while ((n = body.read(chunk)) > 0) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private Response exchange(String method, String path, Map<String, String> headers, String contentLength,
            BodyWriter body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            head.append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append(contentLength == null ? "Transfer-Encoding: chunked\r\n"
                    : "Content-Length: " + contentLength + "\r\n").append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            // the body goes out while the answer is read: the server may answer (413) before it has read it all
            var sending = CompletableFuture.runAsync(() -> {
                try {
                    body.write(out);
                    out.flush();
                } catch (IOException closedByServer) {
                    // the server answered and closed the connection before the whole body was sent
                }
            });
            Response response = read(new BufferedInputStream(socket.getInputStream()));
            socket.close();
            sending.join();
            return response;
        }
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed without an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        var length = headers.get("content-length");
        if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length.get(0))));
        } else if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            body.write(in.readAllBytes());
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }
}
