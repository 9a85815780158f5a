package org.kubenetmigrate.executor.kube;

/**
 * The cluster cannot be reached or the credentials cannot be used. The message is one line for a person and never
 * contains a credential.
 */
public final class KubeAccessException extends Exception {
    private static final long serialVersionUID = 1L;

    public KubeAccessException(String message) {
        super(message);
    }
}
