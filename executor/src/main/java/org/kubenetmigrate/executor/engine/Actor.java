package org.kubenetmigrate.executor.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Who runs the executor: the local user, the host and process, and the signed-in Azure principal when known.
 * Recorded in the lock, the journal (gate approvals) and the audit log.
 *
 * @param user the local user name ({@code user.name})
 * @param host the host name
 * @param pid the process id
 * @param principal the signed-in Azure principal, or null when unknown
 */
public record Actor(String user, String host, long pid, String principal) {

    public Actor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
    }

    /** The current process and user, with the principal the Azure adapter reports. */
    public static Actor local(String principal) {
        return new Actor(System.getProperty("user.name", "unknown"), hostName(), ProcessHandle.current().pid(), principal);
    }

    /** {@code user} or {@code user (principal)}, for messages. */
    public String describe() {
        return principal == null || principal.equals(user) ? user : user + " (" + principal + ")";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown-host" : env;
        }
    }
}
