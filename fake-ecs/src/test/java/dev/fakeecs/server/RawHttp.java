package dev.fakeecs.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** One HTTP/1.1 exchange over a plain socket, with any headers (Host and Origin included), read until closed. */
final class RawHttp {

    private RawHttp() {
    }

    /** A raw answer: status, Content-Type and body. */
    record Answer(int status, String contentType, String body) {
    }

    static Answer send(int port, String method, String path, String headers, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\n" + headers
                + (body == null ? "" : "Content-Length: " + bytes.length + "\r\n")
                + "Connection: close\r\n\r\n";
        return exchange(port, head.getBytes(StandardCharsets.US_ASCII), bytes);
    }

    static Answer exchange(int port, byte[] head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
            socket.shutdownOutput();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                // answer as far as received
            }
            return parse(received.toString(StandardCharsets.UTF_8));
        }
    }

    private static Answer parse(String response) {
        int end = response.indexOf("\r\n\r\n");
        String head = end < 0 ? response : response.substring(0, end);
        String body = end < 0 ? "" : response.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = lines[0].startsWith("HTTP/") ? Integer.parseInt(lines[0].split(" ")[1]) : -1;
        String contentType = null;
        for (String line : lines) {
            if (line.toLowerCase().startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).trim();
            }
        }
        return new Answer(status, contentType, body);
    }
}
