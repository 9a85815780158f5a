package org.kubenetmigrate.executor.kube;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One or more kubeconfig files, merged the way kubectl merges {@code KUBECONFIG} (the first file that names a
 * context, cluster or user wins; the first current-context wins), and made safe to use:
 * <ul>
 *   <li>{@code exec} credential plugins (kubelogin, for example) and legacy {@code auth-provider} entries are
 *       dropped while reading: fabric8 runs exec plugins while parsing a kubeconfig, and this tool never runs a
 *       command or an identity-provider refresh taken from a file;</li>
 *   <li>the fabric8 {@link Config} is built field by field with auto-configuration off, so neither
 *       {@code ~/.kube/config} nor environment variables are consulted behind our back, and a 401 cannot make the
 *       client re-read the original file;</li>
 *   <li>relative certificate and token paths are resolved against the file they came from.</li>
 * </ul>
 * Nothing here logs or prints a credential; {@link #toString()} names the files only.
 */
public final class Kubeconfig {
    /** Connect within this time; a private API server that is not reachable fails fast. */
    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int REQUEST_TIMEOUT_MS = 30_000;
    static final int RETRIES = 1;
    static final int RETRY_INTERVAL_MS = 500;

    private final List<Path> files;
    /** Set for a kubeconfig held in memory only (from ARM): what {@link #toString()} says instead of file names. */
    private final String label;
    private final String currentContext;
    private final Map<String, Entry<Context>> contexts;
    private final Map<String, Entry<Cluster>> clusters;
    private final Map<String, Entry<AuthInfo>> users;
    private final Map<String, String> droppedExec;

    private record Entry<T>(T value, Path file) {
    }

    /** A context as it names its cluster, server and user, for matching and messages (no credentials). */
    public record ContextInfo(String name, String cluster, String server, String user) {
    }

    private Kubeconfig(List<Path> files, String label, String currentContext, Map<String, Entry<Context>> contexts,
                       Map<String, Entry<Cluster>> clusters, Map<String, Entry<AuthInfo>> users,
                       Map<String, String> droppedExec) {
        this.files = List.copyOf(files);
        this.label = label;
        this.currentContext = currentContext;
        this.contexts = contexts;
        this.clusters = clusters;
        this.users = users;
        this.droppedExec = droppedExec;
    }

    /** Reads and merges the files; a file that is missing or not a kubeconfig fails with its path in the message. */
    public static Kubeconfig read(List<Path> files) throws KubeconfigException {
        if (files.isEmpty()) {
            throw new KubeconfigException("no kubeconfig file given");
        }
        List<io.fabric8.kubernetes.api.model.Config> parsed = new ArrayList<>();
        for (Path file : files) {
            parsed.add(parse(file));
        }
        return merge(files, null, parsed);
    }

    /**
     * A kubeconfig that exists only in memory (the one ARM's listClusterUserCredential returns), sanitised like a
     * file. {@code label} names it in messages. File references inside it (certificate or token paths) are ignored:
     * a kubeconfig from the network never makes this tool read a local file.
     */
    public static Kubeconfig inMemory(String label, String yaml) throws KubeconfigException {
        io.fabric8.kubernetes.api.model.Config parsed;
        try {
            parsed = KubeConfigUtils.parseConfigFromString(yaml);
        } catch (RuntimeException e) {
            throw new KubeconfigException(label + ": not a kubeconfig (YAML with clusters, contexts and users"
                    + " expected)");
        }
        if (parsed == null) {
            throw new KubeconfigException(label + ": not a kubeconfig (empty)");
        }
        return merge(List.of(), label, List.of(parsed));
    }

    private static Kubeconfig merge(List<Path> files, String label, List<io.fabric8.kubernetes.api.model.Config> configs) {
        String current = null;
        Map<String, Entry<Context>> contexts = new LinkedHashMap<>();
        Map<String, Entry<Cluster>> clusters = new LinkedHashMap<>();
        Map<String, Entry<AuthInfo>> users = new LinkedHashMap<>();
        Map<String, String> droppedExec = new LinkedHashMap<>();
        for (int i = 0; i < configs.size(); i++) {
            Path file = files.isEmpty() ? null : files.get(i);
            io.fabric8.kubernetes.api.model.Config parsed = configs.get(i);
            if (current == null && parsed.getCurrentContext() != null && !parsed.getCurrentContext().isBlank()) {
                current = parsed.getCurrentContext();
            }
            for (NamedContext c : nullSafe(parsed.getContexts())) {
                if (c.getName() != null && c.getContext() != null) {
                    contexts.putIfAbsent(c.getName(), new Entry<>(c.getContext(), file));
                }
            }
            for (NamedCluster c : nullSafe(parsed.getClusters())) {
                if (c.getName() != null && c.getCluster() != null) {
                    clusters.putIfAbsent(c.getName(), new Entry<>(c.getCluster(), file));
                }
            }
            for (NamedAuthInfo u : nullSafe(parsed.getUsers())) {
                if (u.getName() == null || u.getUser() == null || users.containsKey(u.getName())) {
                    continue;
                }
                AuthInfo user = u.getUser();
                if (user.getExec() != null) {
                    droppedExec.put(u.getName(), commandName(user.getExec().getCommand()));
                    user.setExec(null);
                }
                if (user.getAuthProvider() != null) {
                    droppedExec.putIfAbsent(u.getName(), "auth-provider " + user.getAuthProvider().getName());
                    user.setAuthProvider(null);
                }
                users.put(u.getName(), new Entry<>(user, file));
            }
        }
        return new Kubeconfig(files, label, current, contexts, clusters, users, droppedExec);
    }

    private static io.fabric8.kubernetes.api.model.Config parse(Path file) throws KubeconfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KubeconfigException(file + ": cannot read the kubeconfig: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        try {
            // Only YAML parsing: KubeConfigUtils.parseConfigFromString builds the model and runs nothing.
            io.fabric8.kubernetes.api.model.Config parsed = KubeConfigUtils.parseConfigFromString(text);
            if (parsed == null) {
                throw new KubeconfigException(file + ": not a kubeconfig (empty)");
            }
            return parsed;
        } catch (RuntimeException e) {
            // The parser's message may quote file content (a token); say where, not what.
            throw new KubeconfigException(file + ": not a kubeconfig (YAML with clusters, contexts and users"
                    + " expected)");
        }
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String commandName(String command) {
        if (command == null) {
            return "exec";
        }
        String name = Path.of(command).getFileName() == null ? command : Path.of(command).getFileName().toString();
        return "exec " + name;
    }

    public List<Path> files() {
        return files;
    }

    public Optional<String> currentContext() {
        return Optional.ofNullable(currentContext);
    }

    public List<String> contextNames() {
        return List.copyOf(contexts.keySet());
    }

    public Optional<ContextInfo> context(String name) {
        Entry<Context> entry = contexts.get(name);
        if (entry == null) {
            return Optional.empty();
        }
        Context c = entry.value();
        Entry<Cluster> cluster = c.getCluster() == null ? null : clusters.get(c.getCluster());
        return Optional.of(new ContextInfo(name, c.getCluster(),
                cluster == null ? null : cluster.value().getServer(), c.getUser()));
    }

    /**
     * The context for an AKS cluster of this name: a context named like it (what {@code az aks get-credentials}
     * writes), else the current context when its context or cluster entry is named like it, else another context
     * whose cluster entry is named like it (e.g. {@code NAME-admin}). Empty when none matches: a context for some
     * other cluster is never used silently.
     */
    public Optional<String> contextForCluster(String clusterName) {
        String wanted = clusterName.toLowerCase(Locale.ROOT);
        List<String> byClusterEntry = new ArrayList<>();
        for (Map.Entry<String, Entry<Context>> e : contexts.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(e.getKey());
            }
            String cluster = e.getValue().value().getCluster();
            if (cluster != null && cluster.toLowerCase(Locale.ROOT).equals(wanted)) {
                byClusterEntry.add(e.getKey());
            }
        }
        if (currentContext != null && byClusterEntry.contains(currentContext)) {
            return Optional.of(currentContext);
        }
        return byClusterEntry.stream().findFirst();
    }

    /**
     * The fabric8 configuration for one context, with {@code tokenProvider} (may be null) supplying the bearer
     * token where the file's user relied on an exec plugin (for ARM-issued kubeconfigs, the Entra token from
     * azure-identity that {@code executor.azure.aks.AksTokenProvider} asks for).
     */
    Config clientConfig(String contextName, OAuthTokenProvider tokenProvider) throws KubeAccessException {
        Entry<Context> context = contexts.get(contextName);
        if (context == null) {
            throw new KubeAccessException("no context '" + contextName + "' in " + this);
        }
        String clusterName = context.value().getCluster();
        Entry<Cluster> cluster = clusterName == null ? null : clusters.get(clusterName);
        if (cluster == null || cluster.value().getServer() == null) {
            throw new KubeAccessException("context '" + contextName + "' names cluster '" + clusterName
                    + "', which " + this + " does not define with a server");
        }
        String userName = context.value().getUser();
        Entry<AuthInfo> user = userName == null ? null : users.get(userName);
        Config config = Config.empty();
        config.setMasterUrl(cluster.value().getServer());
        Cluster c = cluster.value();
        boolean insecure = Boolean.TRUE.equals(c.getInsecureSkipTlsVerify());
        config.setTrustCerts(insecure);
        config.setDisableHostnameVerification(insecure);
        config.setCaCertData(c.getCertificateAuthorityData());
        config.setCaCertFile(resolve(cluster.file(), c.getCertificateAuthority()));
        if (c.getProxyUrl() != null && !c.getProxyUrl().isBlank()) {
            if (c.getProxyUrl().startsWith("http://")) {
                config.setHttpProxy(c.getProxyUrl());
            } else {
                config.setHttpsProxy(c.getProxyUrl());
            }
        }
        config.setNamespace(context.value().getNamespace());
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        config.setRequestTimeout(REQUEST_TIMEOUT_MS);
        // One retry after half a second covers a blip; fabric8's default (10, doubling) would keep a private,
        // unreachable cluster busy for minutes in a fleet report.
        config.setRequestRetryBackoffLimit(RETRIES);
        config.setRequestRetryBackoffInterval(RETRY_INTERVAL_MS);
        boolean hasCredential = tokenProvider != null;
        if (user != null) {
            AuthInfo u = user.value();
            config.setClientCertData(u.getClientCertificateData());
            config.setClientCertFile(resolve(user.file(), u.getClientCertificate()));
            config.setClientKeyData(u.getClientKeyData());
            config.setClientKeyFile(resolve(user.file(), u.getClientKey()));
            if (u.getClientKeyData() != null || u.getClientKey() != null) {
                config.setClientKeyAlgo(Config.getKeyAlgorithm(config.getClientKeyFile(), config.getClientKeyData()));
            }
            String token = u.getToken();
            if ((token == null || token.isBlank()) && u.getTokenFile() != null && user.file() != null) {
                token = readToken(user.file(), u.getTokenFile());
            }
            if (token != null && !token.isBlank()) {
                config.setOauthToken(token.trim());
            }
            config.setUsername(u.getUsername());
            config.setPassword(u.getPassword());
            hasCredential |= (token != null && !token.isBlank())
                    || (config.getClientCertData() != null || config.getClientCertFile() != null)
                    || u.getUsername() != null;
        }
        if (tokenProvider != null) {
            config.setOauthTokenProvider(tokenProvider);
        }
        if (!hasCredential && userName != null && droppedExec.containsKey(userName)) {
            throw new KubeAccessException("user '" + userName + "' of context '" + contextName + "' signs in by"
                    + " running a command (" + droppedExec.get(userName) + "); kubenet-migrate never runs commands"
                    + " from a kubeconfig. Use a kubeconfig whose user has a token or a client certificate (e.g. az"
                    + " aks get-credentials --admin on a cluster with local accounts); getting the Entra ID token"
                    + " itself comes with the ARM credential path");
        }
        return config;
    }

    private static String resolve(Path kubeconfig, String path) {
        if (path == null || path.isBlank() || kubeconfig == null) {
            return null;
        }
        Path p = Path.of(path);
        if (p.isAbsolute()) {
            return p.toString();
        }
        Path dir = kubeconfig.toAbsolutePath().getParent();
        return (dir == null ? p : dir.resolve(p)).normalize().toString();
    }

    private static String readToken(Path kubeconfig, String tokenFile) throws KubeAccessException {
        Path path = Path.of(resolve(kubeconfig, tokenFile));
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KubeAccessException("cannot read the token file " + path + " named in " + kubeconfig + ": "
                    + e.getClass().getSimpleName());
        }
    }

    /**
     * The command the user of {@code contextName} signed in with before it was dropped ("exec kubelogin"), if any:
     * where a caller can supply the token itself.
     */
    public Optional<String> droppedSignIn(String contextName) {
        Entry<Context> context = contexts.get(contextName);
        String user = context == null ? null : context.value().getUser();
        return user == null ? Optional.empty() : Optional.ofNullable(droppedExec.get(user));
    }

    @Override
    public String toString() {
        if (label != null) {
            return label;
        }
        return files.size() == 1 ? "kubeconfig " + files.get(0) : "kubeconfig " + files;
    }
}
