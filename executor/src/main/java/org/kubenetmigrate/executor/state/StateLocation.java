package org.kubenetmigrate.executor.state;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code --state} names: a local directory, or an Azure Blob container with an optional prefix, written as
 * {@code https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX]} or in the path style of emulators and custom
 * endpoints, {@code http://127.0.0.1:10000/ACCOUNT/CONTAINER[/PREFIX]}. A query string (a SAS) is refused here:
 * credentials come from the sign-in chain or {@code AZURE_STORAGE_CONNECTION_STRING}, never from a URL that ends
 * up in logs and journals.
 */
public sealed interface StateLocation {

    /** For messages. */
    String describe();

    record Directory(Path path) implements StateLocation {
        @Override
        public String describe() {
            return path.toString();
        }
    }

    /**
     * @param serviceUrl the account's blob endpoint, e.g. {@code https://acct.blob.core.windows.net} or
     *                   {@code http://127.0.0.1:10000/devstoreaccount1}
     * @param container the container
     * @param prefix the name prefix inside it, empty or ending in {@code /}
     */
    record BlobContainer(String serviceUrl, String container, String prefix) implements StateLocation {
        public String containerUrl() {
            return serviceUrl + "/" + container;
        }

        @Override
        public String describe() {
            return containerUrl() + (prefix.isEmpty() ? "" : "/" + prefix.substring(0, prefix.length() - 1));
        }
    }

    /**
     * Parses the option's value.
     *
     * @throws IllegalArgumentException with a one-line reason when a URL is not a usable container URL
     */
    static StateLocation parse(String value) {
        if (!value.contains("://")) {
            return new Directory(Path.of(value));
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("a state URL is https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX]");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the state URL must not carry a query (a SAS token would end up in"
                    + " logs); set AZURE_STORAGE_CONNECTION_STRING for SAS or key access");
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("the state URL has no host");
        }
        String origin = scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        String[] segments = Optional.ofNullable(uri.getPath()).orElse("").replaceAll("^/+|/+$", "").split("/+");
        boolean accountStyle = host.toLowerCase(Locale.ROOT).matches("[a-z0-9]+\\.blob\\..+");
        int containerAt = accountStyle ? 0 : 1;
        if (segments.length <= containerAt || segments[containerAt].isEmpty()) {
            throw new IllegalArgumentException(accountStyle ? "the state URL names no container"
                    + " (https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX])"
                    : "a path-style state URL is http://HOST:PORT/ACCOUNT/CONTAINER[/PREFIX]");
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            throw new IllegalArgumentException("plain http is only for a local emulator (127.0.0.1 or localhost);"
                    + " use https");
        }
        String container = segments[containerAt];
        if (!container.matches("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}")) {
            throw new IllegalArgumentException("'" + container + "' is not a valid container name (3-63 lower-case"
                    + " letters, digits and single hyphens)");
        }
        String service = accountStyle ? origin : origin + "/" + segments[0];
        StringBuilder prefix = new StringBuilder();
        for (int i = containerAt + 1; i < segments.length; i++) {
            prefix.append(segments[i]).append('/');
        }
        return new BlobContainer(service, container, prefix.toString());
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("[::1]");
    }
}
