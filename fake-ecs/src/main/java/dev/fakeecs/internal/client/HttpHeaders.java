package dev.fakeecs.internal.client;

import dev.fakeecs.internal.protocol.ProtocolRequest;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Translates between the SDK's HTTP request/response types and the protocol handler's. */
final class HttpHeaders {

    private HttpHeaders() {
    }

    static ProtocolRequest toProtocolRequest(SdkHttpRequest http, byte[] body) {
        return new ProtocolRequest(
                http.encodedPath(),
                http.firstMatchingHeader("X-Amz-Target").orElse(null),
                http.firstMatchingHeader("Content-Type").orElse(null),
                http.firstMatchingHeader("Authorization").orElse(null),
                body);
    }

    /** The router's 413 answer to a request whose body is over the limit, in the protocol its headers name. */
    static ProtocolResponse tooLarge(dev.fakeecs.internal.protocol.ProtocolRouter router, SdkHttpRequest http) {
        return router.tooLarge(-1, http.encodedPath(), http.firstMatchingHeader("X-Amz-Target").orElse(null),
                http.firstMatchingHeader("Content-Type").orElse(null),
                http.firstMatchingHeader("Authorization").orElse(null));
    }

    static SdkHttpFullResponse toSdkResponse(ProtocolResponse response) {
        SdkHttpFullResponse.Builder builder = SdkHttpFullResponse.builder().statusCode(response.statusCode());
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            builder.putHeader(header.getKey(), List.of(header.getValue()));
        }
        builder.putHeader("Content-Length", List.of(Integer.toString(response.body().length)));
        return builder.build();
    }
}
