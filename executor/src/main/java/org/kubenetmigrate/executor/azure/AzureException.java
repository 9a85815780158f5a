package org.kubenetmigrate.executor.azure;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to ARM that did not succeed, classified so that the engine's retry rules can decide without parsing text.
 * The message is one line and carries ARM's error code and message, never a header or a token.
 */
public final class AzureException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure, from the HTTP status (0 for no response at all). */
    public enum Kind {
        /** 429: ARM refused the request without acting on it. */
        THROTTLED,
        /** 412: the {@code If-Match} ETag no longer matches; nothing was changed. */
        PRECONDITION_FAILED,
        /** 409: another operation is in progress on the resource; nothing was changed. */
        CONFLICT,
        /** 404. */
        NOT_FOUND,
        /** 5xx: the request may or may not have been acted on. */
        SERVER_ERROR,
        /** No response (connection dropped, timeout): the request may or may not have reached ARM. */
        TRANSPORT,
        /** Any other 4xx (400 validation, 401, 403): ARM refused the request; re-sending it will not help. */
        CLIENT_ERROR
    }

    private final int status;
    private final String code;
    private final String armMessage;
    private final Duration retryAfter;
    private final String requestId;
    private final String correlationId;

    public AzureException(int status, String code, String armMessage, Duration retryAfter, String requestId,
                          String correlationId) {
        super(describe(status, code, armMessage));
        this.status = status;
        this.code = code;
        this.armMessage = armMessage;
        this.retryAfter = retryAfter;
        this.requestId = requestId;
        this.correlationId = correlationId;
    }

    /** A failure without an HTTP response. */
    public static AzureException transport(String what) {
        return new AzureException(0, null, what, null, null, null);
    }

    public Kind kind() {
        if (status == 0) {
            return Kind.TRANSPORT;
        }
        return switch (status) {
            case 429 -> Kind.THROTTLED;
            case 412 -> Kind.PRECONDITION_FAILED;
            case 409 -> Kind.CONFLICT;
            case 404 -> Kind.NOT_FOUND;
            default -> status >= 500 ? Kind.SERVER_ERROR : Kind.CLIENT_ERROR;
        };
    }

    /** The HTTP status, or 0 when there was no response. */
    public int status() {
        return status;
    }

    /** ARM's {@code error.code}, or null. */
    public String code() {
        return code;
    }

    /** ARM's {@code error.message} (or the transport problem), or null. */
    public String armMessage() {
        return armMessage;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public String requestId() {
        return requestId;
    }

    public String correlationId() {
        return correlationId;
    }

    private static String describe(int status, String code, String message) {
        StringBuilder out = new StringBuilder(status == 0 ? "no response" : "HTTP " + status);
        if (code != null) {
            out.append(' ').append(code);
        }
        if (message != null) {
            out.append(": ").append(message);
        }
        return out.toString().replaceAll("\\s*\\R\\s*", " ");
    }
}
