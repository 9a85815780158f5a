package org.kubenetmigrate.executor.azure.aks;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.kube.KubeObjects;
import org.kubenetmigrate.executor.kube.TestKubeconfigs;
import org.kubenetmigrate.executor.kube.validation.ClusterValidator;
import org.kubenetmigrate.executor.kube.validation.ValidationCheck;
import org.kubenetmigrate.executor.kube.validation.ValidationReport;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.commands.PlanCluster;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.inventory.AzureTarget;
import org.kubenetmigrate.planner.inventory.InClusterSource;
import org.kubenetmigrate.planner.azure.AzureSession;
import org.kubenetmigrate.planner.azure.InventorySettings;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterState;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.testsupport.AksCredentialRoutes;
import org.kubenetmigrate.testsupport.AksRunCommandRoutes;
import org.kubenetmigrate.testsupport.AksRunCommandRoutes.Outcome;
import org.kubenetmigrate.testsupport.Fault;
import org.kubenetmigrate.testsupport.FakeArm;
import org.kubenetmigrate.testsupport.FakeResponse;
import org.kubenetmigrate.testsupport.RecordedRequest;
import org.kubenetmigrate.testsupport.SdkClients;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes access obtained from ARM, end to end over real protocols: the real ClientSecretCredential and SDK
 * pipeline against the fake ARM and Entra ID (HTTPS), fabric8 against the mock API server, run-command answered by
 * a fake kubectl reading that same mock server. The example fleet supplies the clusters: aks-payments-prod-weu
 * (public, READY from ARM alone) and aks-payments-stg-weu (private).
 */
@Tag("slow")
@EnableKubernetesMockClient(crud = true)
class ArmAccessTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    static final String PUBLIC = "aks-payments-prod-weu";
    static final String PRIVATE = "aks-payments-stg-weu";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    FakeArm fake;
    AksCredentialRoutes credentials;
    AksRunCommandRoutes runCommand;
    AksAccess access;
    Fleet fleet;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final MutableClock time = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    RunCommandSettings settings;
    int seedingRequests;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;
    private Level rootLevel;

    @BeforeEach
    void setUp() throws Exception {
        fake = FakeArm.start();
        credentials = AksCredentialRoutes.install(fake);
        runCommand = AksRunCommandRoutes.install(fake);
        runCommand.respond(new KubectlOnMock(client));
        TokenCredential credential = new ClientSecretCredentialBuilder().tenantId(FakeArm.TENANT)
                .clientId(FakeArm.CLIENT_ID).clientSecret(FakeArm.CLIENT_SECRET).authorityHost(fake.baseUrl())
                .httpClient(SdkClients.trustingFakeArm()).disableInstanceDiscovery().build();
        AzureSession session = new AzureSession(new AzureTarget(null, URI.create(fake.baseUrl()),
                URI.create(fake.baseUrl()), FakeArm.TENANT), InventorySettings.defaults(), SdkClients.trustingFakeArm(),
                credential);
        access = AksAccess.of(session);
        settings = new RunCommandSettings(Duration.ofSeconds(5), Duration.ofSeconds(60), time, d -> {
            sleeps.add(d);
            time.advance(d);
        });
        fleet = new FleetReader().read(List.of(Path.of("../examples/fleet")));
        new KubeObjects(client)
                .node("aks-system-0", true, "10.244.0.0/24")
                .node("aks-system-1", true, "10.244.1.0/24")
                .configMap("kube-system", "azure-ip-masq-agent-config-reconciled")
                .configMap("kube-system", "azure-ip-masq-agent-config")
                .deployment("payments", "api", 2, Map.of("app", "api"))
                .pdb("payments", "api", Map.of("app", "api"), 2, 0, 2);
        seedingRequests = server.getRequestCount();
        for (int i = 0; i < seedingRequests; i++) {
            server.takeRequest();
        }

        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        fake.close();
    }

    private ManagedCluster cluster(String name) {
        return fleet.clusters().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private InClusterSource source() {
        return access.inClusterSource(CLOCK, settings);
    }

    private InClusterState collected(InClusterView view) {
        assertThat(view).as("%s", view).isInstanceOf(InClusterView.Collected.class);
        return ((InClusterView.Collected) view).state();
    }

    /** Scopes the fake Entra ID was asked for, one entry per token request. */
    private List<String> requestedScopes() {
        List<String> scopes = new ArrayList<>();
        for (RecordedRequest r : fake.requests()) {
            if (!r.isTokenRequest()) {
                continue;
            }
            for (String pair : r.body().split("&")) {
                if (pair.startsWith("scope=")) {
                    scopes.add(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
                }
            }
        }
        return scopes;
    }

    private List<String> apiServerAuthorizations() throws InterruptedException {
        List<String> authorizations = new ArrayList<>();
        int n = server.getRequestCount() - seedingRequests;
        for (int i = 0; i < n; i++) {
            io.fabric8.mockwebserver.http.RecordedRequest r = server.takeRequest();
            authorizations.add(r.getHeader("Authorization"));
        }
        return authorizations;
    }

    private List<String> everythingLogged() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : logs.list) {
            lines.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        return lines;
    }

    /** A stand-in kubelogin that leaves a mark if anything ever runs it. */
    private Path kubeloginThatLeavesAMark(Path marker) throws Exception {
        Path kubelogin = dir.resolve("kubelogin");
        Files.writeString(kubelogin, "#!/bin/sh\ntouch " + marker + "\necho '{\"apiVersion\":\"client.authentication"
                + ".k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"from-kubelogin\"}}'\n");
        Files.setPosixFilePermissions(kubelogin, PosixFilePermissions.fromString("rwx------"));
        return kubelogin;
    }

    @Test
    void entraClusterGetsItsTokenFromAzureIdentityForTheAksServerAppAndKubeloginNeverRuns() throws Exception {
        Path marker = dir.resolve("kubelogin-ran");
        credentials.kubeconfig(PUBLIC, AksCredentialRoutes.kubeloginKubeconfig(server.url("/"), PUBLIC,
                kubeloginThatLeavesAMark(marker).toString()));

        MigrationPlan plan = new PlanCluster(CLOCK).run(fleet, PUBLIC, MigrationOptions.DEFAULTS, source());

        assertThat(plan.assessment().findings()).extracting(Finding::rule)
                .contains("ip-masq-agent-config", "pdb-blocks-drain");
        assertThat(plan.assessment().readiness()).isEqualTo(Readiness.BLOCKED);
        assertThat(requestedScopes()).as("one token for ARM, one for the AKS server application").hasSize(2)
                .anyMatch(s -> List.of(s.split(" ")).contains("6dae42f8-4368-4678-94ff-3960e28e3630/.default"))
                .anyMatch(s -> s.contains("management.core.windows.net"));
        List<String> authorizations = apiServerAuthorizations();
        assertThat(authorizations).isNotEmpty().allSatisfy(a -> assertThat(a).startsWith("Bearer fake-arm-token-"));
        String bearer = authorizations.get(0).substring("Bearer ".length());
        assertThat(fake.issuedTokens()).contains(bearer);
        assertThat(marker).as("kubelogin was never run").doesNotExist();
        assertThat(runCommand.commands()).as("the API server answered: no run-command").isEmpty();
        assertThat(credentials.calls()).isEqualTo(1);
        String everything = String.join("\n", everythingLogged()) + plan.assessment();
        for (String token : fake.issuedTokens()) {
            assertThat(everything).doesNotContain(token);
        }
        assertThat(everything).doesNotContain(FakeArm.CLIENT_SECRET).doesNotContain("from-kubelogin");
    }

    @Test
    void localAccountClusterUsesTheCredentialArmReturnedAndAsksEntraForNoAksToken() throws Exception {
        credentials.kubeconfig(PUBLIC, AksCredentialRoutes.tokenKubeconfig(server.url("/"), PUBLIC,
                TestKubeconfigs.TOKEN));

        InClusterState state = collected(source().read(cluster(PUBLIC)));

        assertThat(state.gaps()).isEmpty();
        assertThat(state.nodes()).hasSize(2);
        assertThat(state.source()).contains("credential from ARM for " + PUBLIC);
        assertThat(apiServerAuthorizations()).isNotEmpty().allMatch(("Bearer " + TestKubeconfigs.TOKEN)::equals);
        assertThat(requestedScopes()).isNotEmpty().noneMatch(s -> s.contains(AksTokenProvider.AKS_SCOPE));
        assertThat(everythingLogged()).noneMatch(l -> l.contains(TestKubeconfigs.TOKEN));
    }

    @Test
    void privateClusterIsReadThroughRunCommandSubmittedPolledAndParsedAndTheChecksFire() throws Exception {
        runCommand.runningPolls(2);
        runCommand.retryAfterSeconds(3);
        MigrationOptions options = new MigrationOptions(org.kubenetmigrate.planner.model.TargetIpam.OVERLAY, false,
                IpPrefix.parse("100.64.0.0/16"), List.of(), null);

        MigrationPlan plan = new PlanCluster(CLOCK).run(fleet, PRIVATE, options, source());

        assertThat(plan.assessment().findings()).extracting(Finding::rule)
                .contains("ip-masq-agent-config", "pdb-blocks-drain");
        assertThat(plan.assessment().unverified()).isEmpty();
        assertThat(plan.assessment().readiness()).isEqualTo(Readiness.BLOCKED);
        assertThat(credentials.calls()).as("a private API server is not tried").isZero();
        assertThat(runCommand.commands()).startsWith("kubectl get nodes -o json")
                .contains("kubectl get configmaps -n kube-system -o json",
                        "kubectl get poddisruptionbudgets.policy -A -o json",
                        "kubectl get networkpolicies.networking.k8s.io -A -o json",
                        "kubectl get globalnetworkpolicies.v1.crd.projectcalico.org -o json")
                .doesNotHaveDuplicates()
                .allMatch(c -> c.startsWith("kubectl get ") && c.contains(" -o json"));
        long polls = fake.requests().stream().filter(AksRunCommandRoutes.isCommandResult()).count();
        assertThat(polls).isEqualTo(3L * runCommand.commands().size());
        assertThat(sleeps).as("Retry-After honoured").isNotEmpty().allMatch(Duration.ofSeconds(3)::equals);
    }

    @Test
    void unreachableApiServerFallsBackToRunCommand() throws Exception {
        credentials.kubeconfig(PUBLIC, AksCredentialRoutes.tokenKubeconfig("https://127.0.0.1:1", PUBLIC,
                TestKubeconfigs.TOKEN));

        InClusterState state = collected(source().read(cluster(PUBLIC)));

        assertThat(state.source()).contains("run-command").contains("cannot reach the API server");
        assertThat(state.gaps()).isEmpty();
        assertThat(state.ipMasqConfigMaps()).hasSize(2);
        assertThat(runCommand.commands()).isNotEmpty();
    }

    @Test
    void failingCommandsBecomeUnverifiedChecksWhileTheOthersStillRun() throws Exception {
        credentials.kubeconfig(PUBLIC, AksCredentialRoutes.tokenKubeconfig("https://127.0.0.1:1", PUBLIC,
                TestKubeconfigs.TOKEN));
        KubectlOnMock kubectl = new KubectlOnMock(client);
        runCommand.respond(command -> {
            if (command.contains("networkpolicies.networking.k8s.io")) {
                return Outcome.exited(1, "Error from server (Forbidden): networkpolicies.networking.k8s.io is"
                        + " forbidden: User \"reader\" cannot list resource \"networkpolicies\"");
            }
            if (command.contains("poddisruptionbudgets")) {
                return Outcome.failed("command pod could not be scheduled");
            }
            return kubectl.apply(command);
        });

        InClusterState state = collected(source().read(cluster(PUBLIC)));
        MigrationPlan plan = new PlanCluster(CLOCK).run(fleet, PUBLIC, MigrationOptions.DEFAULTS, source());

        assertThat(state.gaps()).extracting(InClusterState.AccessGap::check)
                .contains(InClusterCheck.POLICY_ENFORCEMENT_GAP, InClusterCheck.IPBLOCK_POD_CIDR,
                        InClusterCheck.PDB_BLOCKS_DRAIN);
        assertThat(state.gaps()).extracting(InClusterState.AccessGap::reason)
                .anyMatch(r -> r.contains("exit code 1") && r.contains("forbidden"))
                .anyMatch(r -> r.contains("provisioningState Failed") && r.contains("could not be scheduled"));
        assertThat(plan.assessment().unverified()).extracting(Unverified::check)
                .contains(InClusterCheck.PDB_BLOCKS_DRAIN);
        assertThat(plan.assessment().findings()).extracting(Finding::rule).contains("ip-masq-agent-config")
                .doesNotContain("pdb-blocks-drain");
    }

    @Test
    void whenNeitherTheApiServerNorRunCommandWorksTheClusterIsIncompleteWithBothReasons() throws Exception {
        fake.fault(r -> r.path().toLowerCase().endsWith("/listclusterusercredential"),
                new Fault.Respond(FakeResponse.error(403, "AuthorizationFailed", "no listClusterUserCredential"
                        + " (fake)")), 10);
        fake.fault(AksRunCommandRoutes.isRunCommand(),
                new Fault.Respond(FakeResponse.error(403, "AuthorizationFailed", "no runCommand (fake)")), 10);

        MigrationPlan plan = new PlanCluster(CLOCK).run(fleet, PUBLIC, MigrationOptions.DEFAULTS, source());

        assertThat(plan.assessment().readiness()).isEqualTo(Readiness.INCOMPLETE);
        assertThat(plan.assessment().unverified()).isNotEmpty().allSatisfy(u -> assertThat(u.reason())
                .contains("listClusterUserCredential for " + PUBLIC + " failed: HTTP 403 AuthorizationFailed")
                .contains("runCommand on " + PUBLIC + " failed: HTTP 403")
                .contains("runCommand/action"));
    }

    @Test
    void aCommandThatNeverFinishesTimesOutIntoUnavailable() throws Exception {
        runCommand.runningPolls(Integer.MAX_VALUE);
        runCommand.retryAfterSeconds(10);

        InClusterView view = source().read(cluster(PRIVATE));

        assertThat(view).isInstanceOf(InClusterView.Unavailable.class);
        assertThat(((InClusterView.Unavailable) view).reason()).contains("private cluster")
                .contains("did not finish within 60 s");
        assertThat(runCommand.commands()).hasSize(1);
        assertThat(sleeps).hasSizeLessThanOrEqualTo(6);
    }

    @Test
    void aResultLocationOutsideTheArmEndpointIsNeverFollowedWithTheToken() {
        fake.fault(AksRunCommandRoutes.isRunCommand(), Fault.respond(202,
                Map.of("Location", "https://attacker.example/commandResults/1?api-version=2025-09-01"), ""), 10);

        InClusterView view = source().read(cluster(PRIVATE));

        assertThat(view.toString()).contains("result location outside " + fake.baseUrl());
        assertThat(fake.requests()).noneMatch(AksRunCommandRoutes.isCommandResult());
        assertThat(sleeps).isEmpty();
    }

    @Test
    void stoppedClusterIsNotContacted() {
        ManagedCluster stopped = fleet.clusters().stream().filter(ManagedCluster::isStopped).findFirst().orElseThrow();

        InClusterView view = source().read(stopped);

        assertThat(view.toString()).contains("stopped");
        assertThat(fake.armRequests()).isEmpty();
    }

    private static String status(ValidationReport report, String check) {
        return report.checks().stream().filter(c -> c.id().equals(check)).findFirst().orElseThrow().status().name();
    }

    @Test
    void validatorRunsThroughTheArmIssuedCredential() throws Exception {
        credentials.kubeconfig(PUBLIC, AksCredentialRoutes.tokenKubeconfig(server.url("/"), PUBLIC,
                TestKubeconfigs.TOKEN));

        ValidationReport report = access.validate(cluster(PUBLIC).id(), false, new ClusterValidator(CLOCK),
                IpPrefix.parse("10.244.0.0/16"), false, Duration.ofSeconds(5), settings);

        assertThat(status(report, ClusterValidator.API)).isEqualTo("PASSED");
        assertThat(status(report, ClusterValidator.NODES_READY)).isEqualTo("PASSED");
        assertThat(status(report, ClusterValidator.NODE_POD_CIDRS)).isEqualTo("PASSED");
        assertThat(runCommand.commands()).isEmpty();
    }

    @Test
    void validatorOfAPrivateClusterReadsThroughRunCommandAndLeavesTheProbeNotRun() {
        ValidationReport report = access.validate(cluster(PRIVATE).id(), true, new ClusterValidator(CLOCK),
                IpPrefix.parse("100.64.0.0/16"), true, Duration.ofSeconds(5), settings);

        assertThat(report.source()).contains("run-command").contains("private cluster");
        assertThat(status(report, ClusterValidator.NODES_READY)).isEqualTo("PASSED");
        assertThat(status(report, ClusterValidator.NODE_POD_CIDRS)).as("10.244.x nodes are outside 100.64.0.0/16")
                .isEqualTo("FAILED");
        assertThat(status(report, "probe")).isEqualTo("NOT_RUN");
        assertThat(runCommand.commands()).contains("kubectl get nodes -o json",
                "kubectl get pods -n kube-system -o json",
                "kubectl get deployments.apps coredns -n kube-system -o json --ignore-not-found");
        assertThat(credentials.calls()).isZero();
    }

    @Test
    void validatorWithNeitherPathFailsReachabilityAndPassesNothing() {
        fake.fault(AksRunCommandRoutes.isRunCommand(),
                new Fault.Respond(FakeResponse.error(409, "OperationNotAllowed", "cluster stopped (fake)")), 10);

        ValidationReport report = access.validate(cluster(PUBLIC).id(), false, new ClusterValidator(CLOCK),
                IpPrefix.parse("10.244.0.0/16"), true, Duration.ofSeconds(5), settings);

        assertThat(status(report, ClusterValidator.API)).isEqualTo("FAILED");
        assertThat(report.checks()).filteredOn(c -> c.id().equals(ClusterValidator.API)).singleElement()
                .extracting(ValidationCheck::detail).asString()
                .contains("listClusterUserCredential for " + PUBLIC + " failed: HTTP 404")
                .contains("HTTP 409 OperationNotAllowed").contains("run-command needs it running");
        assertThat(report.checks()).noneMatch(c -> c.status() == ValidationCheck.Status.PASSED);
    }

    /** A clock the test sleeper moves forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
