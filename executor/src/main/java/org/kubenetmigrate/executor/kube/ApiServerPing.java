package org.kubenetmigrate.executor.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One authenticated GET of {@code /version} before the real reads, so that an unreachable API server or a rejected
 * credential is reported once for the cluster instead of once per read. fabric8's {@code getKubernetesVersion()}
 * returns null on errors, so the status code is read here directly.
 */
public final class ApiServerPing {
    private ApiServerPing() {
    }

    /** Empty when the API server answered and accepted the credential; else why not, in one line. */
    public static Optional<String> problem(KubernetesClient client) {
        String url = client.getMasterUrl().toString();
        HttpRequest request = client.getHttpClient().newHttpRequestBuilder()
                .uri(url + (url.endsWith("/") ? "" : "/") + "version").build();
        try {
            HttpResponse<String> response = client.getHttpClient().sendAsync(request, String.class)
                    .get(Kubeconfig.CONNECT_TIMEOUT_MS + Kubeconfig.REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            int code = response.code();
            if (code == 401) {
                return Optional.of("unauthorized: the API server rejected the credential (expired token or"
                        + " certificate?)");
            }
            // 403 on /version still proves the credential was accepted; the reads report their own 403s.
            if (code >= 300 && code != 403) {
                return Optional.of("the API server answered GET /version with HTTP " + code);
            }
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(KubeErrors.unreachable(e.getCause() == null ? e : e.getCause()));
        } catch (TimeoutException e) {
            return Optional.of(KubeErrors.unreachable(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while contacting the API server");
        }
    }
}
