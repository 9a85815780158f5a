package org.kubenetmigrate.planner.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.time.Duration;
import java.util.Locale;
import reactor.core.publisher.Mono;

/**
 * Resource Graph's own quota headers: when {@code x-ms-user-quota-remaining} reaches 0, the next query waits for
 * {@code x-ms-user-quota-resets-after} (hh:mm:ss) instead of spending a request on a certain 429.
 */
final class GraphQuota {
    private static final HttpHeaderName REMAINING = HttpHeaderName.fromString("x-ms-user-quota-remaining");
    private static final HttpHeaderName RESETS_AFTER = HttpHeaderName.fromString("x-ms-user-quota-resets-after");

    private volatile long blockedUntilNanos = System.nanoTime();

    /** Waits while the quota is spent. */
    void await() {
        long wait = blockedUntilNanos - System.nanoTime();
        if (wait <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(wait).toMillis() + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void observe(HttpResponse response) {
        if (!response.getRequest().getUrl().getPath().toLowerCase(Locale.ROOT).endsWith("/microsoft.resourcegraph/resources")) {
            return;
        }
        String remaining = response.getHeaderValue(REMAINING);
        String resets = response.getHeaderValue(RESETS_AFTER);
        if (remaining == null || resets == null || !remaining.trim().equals("0")) {
            return;
        }
        Duration reset = parse(resets);
        if (reset != null) {
            blockedUntilNanos = System.nanoTime() + reset.toNanos();
        }
    }

    /** hh:mm:ss, as Resource Graph sends it; null when it is something else. */
    static Duration parse(String hms) {
        String[] parts = hms.trim().split(":");
        if (parts.length != 3) {
            return null;
        }
        try {
            return Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]))
                    .plusMillis(Math.round(Double.parseDouble(parts[2]) * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    HttpPipelinePolicy policy() {
        return new HttpPipelinePolicy() {
            @Override
            public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
                return next.process().doOnNext(GraphQuota.this::observe);
            }

            @Override
            public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
                HttpResponse response = next.processSync();
                observe(response);
                return response;
            }
        };
    }
}
