package org.kubenetmigrate.executor.kube;

/** A read inside the cluster failed; the message says which read and why, e.g. which RBAC verb is missing. */
public final class KubeReadException extends Exception {
    private static final long serialVersionUID = 1L;

    public KubeReadException(String message) {
        super(message);
    }
}
