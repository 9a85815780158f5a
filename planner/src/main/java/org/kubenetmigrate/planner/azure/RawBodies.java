package org.kubenetmigrate.planner.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The response bodies of one SDK call, exactly as Azure sent them, so a snapshot holds what Azure returned rather
 * than what the SDK's models kept (they drop read-only and unknown fields when serialised). The typed call still
 * does the work (auth, retries, error mapping); {@link #policy()} copies the successful final body aside.
 */
final class RawBodies {
    private static final String KEY = "kubenet-migrate.raw-bodies";
    private final List<String> bodies = new ArrayList<>();

    /** A context that tells the policy to capture into this instance. */
    Context context() {
        return new Context(KEY, this);
    }

    synchronized List<String> bodies() {
        return List.copyOf(bodies);
    }

    private synchronized void add(String body) {
        bodies.add(body);
    }

    /** Placed before the retry policy, so it sees only the final answer of each call. */
    static HttpPipelinePolicy policy() {
        return new HttpPipelinePolicy() {
            @Override
            public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
                Optional<RawBodies> sink = sink(context);
                if (sink.isEmpty()) {
                    return next.process();
                }
                return next.process().flatMap(response -> {
                    if (response.getStatusCode() / 100 != 2) {
                        return Mono.just(response);
                    }
                    HttpResponse buffered = response.buffer();
                    return buffered.getBodyAsString().defaultIfEmpty("").map(body -> {
                        sink.get().add(body);
                        return buffered;
                    });
                });
            }

            @Override
            public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
                Optional<RawBodies> sink = sink(context);
                HttpResponse response = next.processSync();
                if (sink.isEmpty() || response.getStatusCode() / 100 != 2) {
                    return response;
                }
                HttpResponse buffered = response.buffer();
                sink.get().add(buffered.getBodyAsBinaryData().toString());
                return buffered;
            }

            @Override
            public HttpPipelinePosition getPipelinePosition() {
                return HttpPipelinePosition.PER_CALL;
            }
        };
    }

    private static Optional<RawBodies> sink(HttpPipelineCallContext context) {
        return context.getData(KEY).filter(RawBodies.class::isInstance).map(RawBodies.class::cast);
    }
}
