package org.lawflow.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies have a ceiling, counted on the stream as it is read, so a chunked body (no Content-Length) cannot get
 * round it: {@code /api} {@code lawflow.api.max-body-bytes} (default 1 MiB: no case body is legitimately that large,
 * facts are capped at 10,000 characters), everything else {@code lawflow.http.max-body-bytes} (default 10 MiB: engine
 * REST deployments and variables, the webapps).
 * <p>
 * A declared Content-Length over the limit is refused before anything reads the body. Otherwise the body is read
 * through a counting stream that fails with {@link BodyTooLargeException} at the first byte over the limit; the reader
 * (Jackson in Spring MVC or Jersey) stops there, so at most the limit is ever held in memory. Whatever the reader then
 * answers (400, or Jersey's 500) is dropped and the answer is 413 with a problem detail naming the limit
 * ({@code maxBytes}). Tomcat discards at most {@code server.tomcat.max-swallow-size} (2 MB) of the rest of the body
 * and closes the connection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestSizeLimitFilter.class);

    private final long apiMaxBodyBytes;
    private final long otherMaxBodyBytes;

    RequestSizeLimitFilter(@Value("${lawflow.api.max-body-bytes:1048576}") long apiMaxBodyBytes,
            @Value("${lawflow.http.max-body-bytes:10485760}") long otherMaxBodyBytes) {
        this.apiMaxBodyBytes = apiMaxBodyBytes;
        this.otherMaxBodyBytes = otherMaxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().startsWith(request.getContextPath() + "/api/") ? apiMaxBodyBytes
                : otherMaxBodyBytes;
        if (request.getContentLengthLong() > limit) {
            writeTooLarge(response, limit);
            return;
        }
        var limited = new LimitedBodyRequest(request, limit);
        try {
            chain.doFilter(limited, new CutOffResponse(response, limited));
        } catch (IOException | ServletException | RuntimeException e) {
            if (!limited.exceeded) {
                throw e;
            }
        }
        if (!limited.exceeded) {
            return;
        }
        if (response.isCommitted()) {
            log.warn("Body over {} bytes cut off in {} {} after the answer had started", limit, request.getMethod(),
                    request.getRequestURI());
            return;
        }
        response.reset(); // also the headers the reader had set for its own answer (Content-Length, Content-Type)
        writeTooLarge(response, limit);
    }

    private static String tooLargeDetail(long limit) {
        return "请求体超过上限" + readable(limit) + "（" + limit + "字节），已拒绝";
    }

    private static String readable(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " 字节";
    }

    private static void writeTooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Connection", "close");
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"请求体过大\",\"status\":413,"
                + "\"detail\":\"" + tooLargeDetail(limit) + "\",\"field\":\"body\",\"maxBytes\":" + limit + "}")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Thrown by the body stream at the first byte over the limit; a reader that meets it stops reading. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("request body exceeds " + limit + " bytes");
        }
    }

    /**
     * The response while the body is read: once the body went over the limit, whatever the reader answers (Spring's
     * 400, Jersey's 500 with the exception's name) is dropped, so that the filter can answer 413 instead. Both write
     * to the output stream; the writer is left as it is (a writer of its own would need flushing at the end).
     */
    private static final class CutOffResponse extends HttpServletResponseWrapper {
        private final LimitedBodyRequest request;
        private ServletOutputStream stream;

        CutOffResponse(HttpServletResponse response, LimitedBodyRequest request) {
            super(response);
            this.request = request;
        }

        private interface Output {
            void run() throws IOException;
        }

        /** Passes output on until the body went over the limit, then drops it. */
        private void unlessCutOff(Output output) throws IOException {
            if (!request.exceeded) {
                output.run();
            }
        }

        @Override
        public void setStatus(int status) {
            if (!request.exceeded) {
                super.setStatus(status);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            unlessCutOff(() -> super.sendError(status));
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            unlessCutOff(() -> super.sendError(status, message));
        }

        @Override
        public void flushBuffer() throws IOException {
            unlessCutOff(super::flushBuffer);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        unlessCutOff(() -> out.write(b));
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        unlessCutOff(() -> out.write(b, off, len));
                    }

                    @Override
                    public void flush() throws IOException {
                        unlessCutOff(out::flush);
                    }

                    @Override
                    public void close() throws IOException {
                        unlessCutOff(out::close);
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }
    }

    /** The request with its body behind a counting stream. */
    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;
        volatile boolean exceeded;

        LimitedBodyRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }

        private final class LimitedInputStream extends ServletInputStream {
            private final ServletInputStream in;
            private long count;

            LimitedInputStream(ServletInputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                // never read more than one byte past the limit
                int n = in.read(buffer, offset, (int) Math.min(length, Math.max(1, limit + 1 - count)));
                if (n > 0) {
                    counted(n);
                }
                return n;
            }

            private void counted(int n) throws BodyTooLargeException {
                count += n;
                if (count > limit) {
                    exceeded = true;
                    throw new BodyTooLargeException(limit);
                }
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }
}
