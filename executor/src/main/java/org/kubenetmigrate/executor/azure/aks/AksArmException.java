package org.kubenetmigrate.executor.azure.aks;

/**
 * An ARM call for the AKS access failed (HTTP error, unreachable, unexpected answer). The message is one line for a
 * person: the call, the status and ARM's error code; never a header, a token or a kubeconfig.
 */
public final class AksArmException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    public AksArmException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status ARM answered, or 0 when there was no answer. */
    public int status() {
        return status;
    }
}
