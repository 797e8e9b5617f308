package dev.fakeecs.cli;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runnable jar answers its first request as soon as it has printed its listening line. How fast it
 * starts is measured by {@code ColdStartBenchmark} (benchmarks/), never asserted by a timed test.
 */
class ServerJarIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void should_answer_its_first_request_once_it_prints_its_listening_line() throws Exception {
        try (ServerJar server = ServerJar.start()) {
            HttpResponse<String> response = http.send(listClusters(server.endpoint()),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("clusterArns");
        }
    }

    private static HttpRequest listClusters(URI endpoint) {
        return HttpRequest.newBuilder(URI.create(endpoint + "/"))
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
                .header("Content-Type", "application/x-amz-json-1.1")
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }
}
