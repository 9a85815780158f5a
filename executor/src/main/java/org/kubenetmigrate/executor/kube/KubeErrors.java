package org.kubenetmigrate.executor.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

/**
 * Turns fabric8's exceptions into one line for a person: which read, what is missing. Never includes headers or
 * request bodies (fabric8's own message carries the URL only, and we do not repeat it).
 */
final class KubeErrors {
    private KubeErrors() {
    }

    /** True when the API server answered 404 for a whole resource type, i.e. its CRD is not installed. */
    static boolean notFound(KubernetesClientException e) {
        return e.getCode() == 404;
    }

    static String describe(KubernetesClientException e, String verb, String resource, String scope) {
        int code = e.getCode();
        if (code == 403) {
            return "forbidden: needs " + verb + " on " + resource + " (" + scope + ")";
        }
        if (code == 401) {
            return "unauthorized: the API server rejected the credential (expired token or certificate?)";
        }
        if (code > 0) {
            String reason = e.getStatus() != null && e.getStatus().getReason() != null ? " " + e.getStatus().getReason() : "";
            return verb + " " + resource + " (" + scope + ") failed: HTTP " + code + reason;
        }
        return unreachable(e);
    }

    /** A failure before any HTTP status: connection refused, unknown host, timeout, TLS. */
    static String unreachable(Throwable e) {
        Throwable cause = rootCause(e);
        String what;
        if (cause instanceof UnknownHostException) {
            what = "unknown host " + cause.getMessage();
        } else if (cause instanceof ConnectException) {
            what = "connection refused or unreachable";
        } else if (cause instanceof HttpTimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
            what = "timed out";
        } else if (cause instanceof javax.net.ssl.SSLException || cause instanceof java.security.GeneralSecurityException) {
            what = "TLS failed (" + cause.getClass().getSimpleName() + ")";
        } else if (cause instanceof IOException) {
            what = cause.getClass().getSimpleName();
        } else {
            what = cause.getClass().getSimpleName();
        }
        return "cannot reach the API server: " + what + " (a private cluster's API server is reachable only from"
                + " its network; without a kubeconfig, a live read with --in-cluster falls back to AKS run-command)";
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
