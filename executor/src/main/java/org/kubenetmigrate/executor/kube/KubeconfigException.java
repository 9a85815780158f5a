package org.kubenetmigrate.executor.kube;

/** A kubeconfig file is missing or unreadable; the message names the file and never quotes its content. */
public final class KubeconfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public KubeconfigException(String message) {
        super(message);
    }
}
