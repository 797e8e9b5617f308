package dev.fakeecs.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Host, Origin and Content-Type values the control API lets through. */
class ControlGuardTest {

    private final ControlGuard loopback = ControlGuard.forBind("127.0.0.1", List.of());

    @Test
    void should_let_through_what_sdks_curl_and_scripts_send() {
        assertThat(loopback.refusal("POST", "127.0.0.1:4599", null, null)).isNull();
        assertThat(loopback.refusal("POST", "localhost:4599", null, "application/json")).isNull();
        assertThat(loopback.refusal("POST", null, null, "application/vnd.api+json; charset=utf-8")).isNull();
        assertThat(loopback.refusal("GET", "[::1]:4599", "http://[::1]:8080", "text/plain")).isNull();
        assertThat(loopback.refusal("GET", "127.1.2.3", "https://LOCALHOST", null)).isNull();
    }

    @Test
    void should_refuse_names_and_addresses_that_are_not_this_server_without_resolving_them() {
        assertThat(loopback.refusal("GET", "999.0.0.1:4599", null, null)).contains("Host '999.0.0.1:4599'");
        assertThat(loopback.refusal("GET", "10.1.2.3", null, null)).contains("Host '10.1.2.3'");
        assertThat(loopback.refusal("GET", "localhost.evil.example", null, null)).contains("Host");
        assertThat(loopback.refusal("GET", "127.0.0.1", "file://", null)).contains("Origin 'file://'");
        assertThat(loopback.refusal("GET", "127.0.0.1", "chrome-extension://abc", null)).contains("Origin");
        assertThat(loopback.refusal("GET", "127.0.0.1", "http://127.0.0.1.nip.io", null)).contains("Origin");
        assertThat(loopback.refusal("DELETE", "127.0.0.1", null, "text/plain")).contains("Content-Type 'text/plain'");
    }

    @Test
    void should_answer_to_the_bind_address_and_the_allowed_hosts() {
        ControlGuard bound = ControlGuard.forBind("192.0.2.10", List.of("fake-ecs", "Ecs.Test."));

        assertThat(bound.refusal("GET", "192.0.2.10:4599", "http://192.0.2.10:4599", null)).isNull();
        assertThat(bound.refusal("GET", "fake-ecs:4599", null, null)).isNull();
        assertThat(bound.refusal("GET", "ecs.test", "https://ecs.test", null)).isNull();
        assertThat(bound.refusal("GET", "192.0.2.11", null, null)).isNotNull();
    }
}
