package org.kubenetmigrate.planner.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.Dataplane;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.InputConflict;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.NetworkPolicy;
import org.kubenetmigrate.planner.model.NetworkProfile;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.rules.ClusterContext;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Rule;
import org.kubenetmigrate.planner.rules.RuleOutcome;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.sizing.ClusterSizing;
import org.kubenetmigrate.planner.sizing.Sizer;

/** Runs every rule on a cluster and decides its readiness. Pure: same input, same assessment. */
public final class ReadinessAssessor {
    private final List<Rule> rules;
    private final LocalDate today;
    /**
     * One instance of each distinct finding, unverified check, text in them and target pod CIDR that this assessor
     * made. Most are the same on many clusters (the retirement date, an export the input lacks, an infrastructure-code
     * caveat), and a report holds every cluster's assessment until it is written: sharing equal ones took about half
     * of a fleet's findings text off the heap. Records and strings are equal by value, so a shared instance cannot be
     * told from a fresh one.
     */
    private final Map<Object, Object> distinct = new ConcurrentHashMap<>(1 << 12);

    public ReadinessAssessor(List<Rule> rules, LocalDate today) {
        this.rules = List.copyOf(rules);
        this.today = today;
    }

    public ClusterAssessment assess(ManagedCluster cluster, Fleet fleet, MigrationOptions options) {
        return assess(cluster, fleet, options, InClusterView.notRequested());
    }

    /**
     * Assesses with what was read inside the cluster. With {@link InClusterView#notRequested()} the in-cluster rules
     * stay silent, so the same input gives the same verdict as without in-cluster access.
     */
    public ClusterAssessment assess(ManagedCluster cluster, Fleet fleet, MigrationOptions options,
                                    InClusterView inCluster) {
        if (fleet.conflicts().isEmpty()) {
            return assess(cluster, fleet, options, inCluster, List.of());
        }
        // The input holds two copies of something; neither is trusted over the other: judge the cluster on each
        // and keep the worse verdict (the conservative side), with the conflict named in its findings.
        NodeNetwork network = NodeNetwork.resolve(cluster, fleet);
        List<InputConflict> touching = new ArrayList<>();
        for (InputConflict conflict : fleet.conflicts()) {
            if (conflict.id().equals(cluster.id())
                    || !NodeNetwork.resolve(cluster, fleet.withOtherCopy(conflict)).equals(network)) {
                touching.add(conflict);
            }
        }
        ClusterAssessment worst = assess(cluster, fleet, options, inCluster, touching);
        for (InputConflict conflict : touching) {
            ManagedCluster copy = conflict.otherCopy() instanceof ManagedCluster other && other.id().equals(cluster.id())
                    ? other : cluster;
            ClusterAssessment alternative = assess(copy, fleet.withOtherCopy(conflict), options, inCluster, touching);
            if (alternative.readiness().worseThan(worst.readiness())) {
                worst = alternative;
            }
        }
        return worst;
    }

    private ClusterAssessment assess(ManagedCluster cluster, Fleet fleet, MigrationOptions options,
                                     InClusterView inCluster, List<InputConflict> conflicts) {
        NodeNetwork network = NodeNetwork.resolve(cluster, fleet);
        ClusterSizing sizing = Sizer.size(cluster, network, options);
        boolean kubenet = cluster.network().isKubenet();
        List<Finding> findings = new ArrayList<>();
        List<Unverified> unverified = new ArrayList<>();
        if (kubenet) {
            ClusterContext context = new ClusterContext(cluster, network, sizing, options, today, inCluster,
                    conflicts, fleet);
            for (Rule rule : rules) {
                if (!rule.targets().contains(options.target())) {
                    continue;
                }
                RuleOutcome outcome = rule.evaluate(context);
                outcome.findings().forEach(f -> findings.add(shared(f)));
                outcome.unverified().forEach(u -> unverified.add(shared(u)));
            }
        }
        // Stable sort: by severity, then in catalogue order.
        findings.sort(Comparator.comparing(Finding::severity));
        Readiness readiness = Readiness.of(kubenet, findings, unverified);
        TargetNetwork target = target(cluster.network(), sizing, options, kubenet);
        target = new TargetNetwork(target.ipam(), first(target.podCidr()), target.networkPolicy(), target.dataplane());
        return new ClusterAssessment(cluster, network, readiness, findings, unverified, sizing, target, inCluster);
    }

    private Finding shared(Finding finding) {
        Object known = distinct.get(finding);
        return known != null ? (Finding) known : first(new Finding(finding.rule(), finding.severity(),
                first(finding.message()), first(finding.remediation()), finding.reference()));
    }

    private Unverified shared(Unverified unverified) {
        Object known = distinct.get(unverified);
        return known != null ? (Unverified) known : first(new Unverified(unverified.check(), first(unverified.reason()),
                unverified.couldBe(), unverified.notInInput()));
    }

    /** The first instance equal to {@code value} that this assessor saw (null stays null). */
    @SuppressWarnings("unchecked")
    private <T> T first(T value) {
        if (value == null) {
            return null;
        }
        Object first = distinct.putIfAbsent(value, value);
        return first == null ? value : (T) first;
    }

    static TargetNetwork target(NetworkProfile network, ClusterSizing sizing, MigrationOptions options, boolean kubenet) {
        if (!kubenet) {
            String ipam = AzureValue.text(network.pluginMode() != null ? network.pluginMode() : network.plugin());
            return new TargetNetwork(ipam, network.podCidr() == null ? null : network.podCidr().toString(),
                    network.policyEngine().orElse(AzureValue.of(NetworkPolicy.NONE)), network.dataplaneOrDefault());
        }
        AzureValue<NetworkPolicy> policy = options.ciliumDataplane() ? AzureValue.of(NetworkPolicy.CILIUM)
                : network.policyEngine().orElse(AzureValue.of(NetworkPolicy.NONE));
        AzureValue<Dataplane> dataplane = AzureValue.of(options.ciliumDataplane() ? Dataplane.CILIUM : Dataplane.AZURE);
        if (options.target() == TargetIpam.POD_SUBNET) {
            return new TargetNetwork(TargetIpam.POD_SUBNET.label(), null, policy, dataplane);
        }
        String podCidr = sizing.podCidr().proposed() == null ? null : sizing.podCidr().proposed().toString();
        return new TargetNetwork(TargetIpam.OVERLAY.label(), podCidr, policy, dataplane);
    }
}
