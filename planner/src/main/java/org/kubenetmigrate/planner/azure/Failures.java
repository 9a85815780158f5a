package org.kubenetmigrate.planner.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turning SDK failures into one-line reasons and permission gaps. Messages are Azure's, which carry no tokens. */
final class Failures {
    // ARM's AuthorizationFailed message: "... does not have authorization to perform action 'X' over scope ...".
    private static final Pattern ACTION = Pattern.compile("perform action '([^']+)'");

    private Failures() {
    }

    static int status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpResponseException h && h.getResponse() != null) {
                return h.getResponse().getStatusCode();
            }
        }
        return 0;
    }

    static boolean isForbidden(Throwable e) {
        return status(e) == 403;
    }

    static boolean isNotFound(Throwable e) {
        return status(e) == 404;
    }

    static boolean isSignIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // ClientSecretCredential lets MSAL's own exceptions (msal4j) through unwrapped.
            if (t instanceof ClientAuthenticationException || t.getClass().getName().startsWith("com.microsoft.aad.msal4j.")) {
                return true;
            }
        }
        return false;
    }

    /** The credential's own message, without DefaultAzureCredential's list of links. */
    static String signInMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClientAuthenticationException || t.getClass().getName().startsWith("com.microsoft.aad.msal4j.")) {
                String m = t.getMessage();
                // DefaultAzureCredential's message lists every credential it tried, with links; keep its gist.
                return m == null ? "no credential worked" : m.split("\\. To mitigate|\\.\\s+To troubleshoot")[0];
            }
        }
        return String.valueOf(e.getMessage());
    }

    /** The action a 403 names, else the action the read needs. */
    static String missingAction(Throwable e, String expected) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof ManagementException m && m.getValue() != null) {
            message = message + " " + m.getValue().getMessage();
        }
        Matcher m = ACTION.matcher(message);
        return m.find() ? m.group(1) : expected;
    }

    /** "403 AuthorizationFailed", "503 ServiceUnavailable: ...", "circuit open after repeated failures", .... */
    static String describe(Throwable e) {
        if (e instanceof CallNotPermittedException) {
            return "not attempted: earlier calls for this subscription kept failing (circuit open)";
        }
        if (e instanceof ManagementException m) {
            ManagementError error = m.getValue();
            String code = error == null ? null : error.getCode();
            int status = status(m);
            if (status == 403 || status == 404) {
                return status + " " + (code == null ? "" : code);
            }
            String message = error == null ? m.getMessage() : error.getMessage();
            return status + (code == null ? "" : " " + code) + ": " + oneLine(message);
        }
        if (e instanceof HttpResponseException h) {
            return status(h) + ": " + oneLine(h.getMessage());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + oneLine(root.getMessage());
        return root.getClass().getSimpleName() + message;
    }

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s*\\R\\s*", " ").trim();
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }
}
