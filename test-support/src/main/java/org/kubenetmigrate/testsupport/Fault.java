package org.kubenetmigrate.testsupport;

import java.time.Duration;
import java.util.Map;

/**
 * What the fake does instead of (or before) answering normally. A fault is attached to requests by a
 * {@link FaultRule}.
 */
public sealed interface Fault {

    /** Answer with this response instead of the normal one. */
    record Respond(FakeResponse response) implements Fault {
    }

    /** Close the connection without any response (the client sees an I/O error). */
    record DropConnection() implements Fault {
    }

    /**
     * Handle the request normally (a write takes effect), then close the connection without answering: the client
     * cannot tell whether its request was applied.
     */
    record DropAfterHandling() implements Fault {
    }

    /** Wait, then answer normally (or with the next matching fault). */
    record Slow(Duration delay) implements Fault {
    }

    /** 429 with {@code Retry-After} in whole seconds, as ARM and Resource Graph send it. */
    static Fault throttle(int retryAfterSeconds) {
        return new Respond(FakeResponse.error(429, "TooManyRequests", "Rate limit exceeded (fake ARM).")
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    static Fault status(int status) {
        String code = switch (status) {
            case 500 -> "InternalServerError";
            case 502 -> "BadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            default -> "Status" + status;
        };
        return new Respond(FakeResponse.error(status, code, "Injected failure (fake ARM)."));
    }

    static Fault respond(int status, Map<String, String> headers, String body) {
        return new Respond(new FakeResponse(status, headers, body));
    }

    static Fault drop() {
        return new DropConnection();
    }

    static Fault dropAfterHandling() {
        return new DropAfterHandling();
    }

    static Fault slow(Duration delay) {
        return new Slow(delay);
    }
}
