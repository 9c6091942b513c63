package org.lawflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A body without Content-Length (chunked) is held to the same limits as one with it: counted as it is read, cut off
 * at the first byte over the limit with 413, never read whole (the probe's three chunked 450 MB bodies had caused
 * OutOfMemoryErrors and 500s).
 */
@LawFlowSpringTest
class ChunkedBodyLimitTest {

    private static final int MIB = 1024 * 1024;

    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void aChunkedCaseOver1MiBIs413NamingTheLimitAndStoresNothing() throws Exception {
        long cases = jdbc.sql("select count(*) from enforcement_case").query(Long.class).single();
        var answer = postChunked("/api/cases", 5 * MIB);
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("maxBytes").asLong()).isEqualTo(MIB);
        assertThat(answer.json().get("detail").asText()).contains("1 MiB");
        assertThat(answer.json().get("field").asText()).isEqualTo("body");

        // three at once, as the probe sent them; the application keeps answering
        var parallel = List.of(1, 2, 3).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> postChunkedUnchecked("/api/cases", 5 * MIB))).toList();
        for (var future : parallel) {
            assertThat(future.join().status()).isEqualTo(413);
        }
        assertThat(jdbc.sql("select count(*) from enforcement_case").query(Long.class).single()).isEqualTo(cases);

        // a chunked case under the limit is registered as ever
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                ApiClient.citizenCase("liqiang"));
        var small = new RawHttp("127.0.0.1", port).sendChunked("POST", "/api/cases", headers(),
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(small.status()).as(small.body()).isEqualTo(201);
    }

    @Test
    void theEngineRestHasItsOwnLimit() throws Exception {
        var answer = postChunked("/engine-rest/process-definition/key/major-decision-review/start", 12 * MIB);
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains("10 MiB");
    }

    private RawHttp.Response postChunkedUnchecked(String path, int bytes) {
        try {
            return postChunked(path, bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON object whose {@code facts} string makes it {@code bytes} long, sent chunked. */
    private RawHttp.Response postChunked(String path, int bytes) throws Exception {
        byte[] head = "{\"cause\":\"超长\",\"facts\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
        InputStream filler = new InputStream() {
            int left = bytes - head.length - tail.length;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        InputStream body = new SequenceInputStream(Collections.enumeration(
                List.of(new ByteArrayInputStream(head), filler, new ByteArrayInputStream(tail))));
        return new RawHttp("127.0.0.1", port).sendChunked("POST", path, headers(), body);
    }

    private static Map<String, String> headers() {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                "zhangwei:demo".getBytes(StandardCharsets.UTF_8)), "Content-Type", "application/json");
    }
}
