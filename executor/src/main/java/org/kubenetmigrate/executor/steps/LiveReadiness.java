package org.kubenetmigrate.executor.steps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.executor.engine.StepStop;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.ReadinessAssessor;
import org.kubenetmigrate.planner.cidr.CidrFormatException;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.plan.StepId;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.RuleCatalogue;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;

/**
 * The planner's readiness rules re-run on live state, for {@code precheck} and {@code apply --dry-run}: a BLOCKER,
 * or a check that could not run but could have found one, stops the run.
 *
 * @param assessment the live assessment
 * @param blockers one line per blocker
 * @param remediation one line per blocker, what to do
 * @param acceptedUnverified in-cluster checks that could not run and that the operator accepted to skip
 */
public record LiveReadiness(ClusterAssessment assessment, List<String> blockers, List<String> remediation,
                            List<String> acceptedUnverified) {

    public LiveReadiness {
        blockers = List.copyOf(blockers);
        remediation = List.copyOf(remediation);
        acceptedUnverified = List.copyOf(acceptedUnverified);
    }

    public static LiveReadiness of(ExecutablePlan plan, ManagedCluster cluster, Fleet network, LocalDate today)
            throws StepStop {
        return of(plan, cluster, network, today, InClusterView.notRequested(), false);
    }

    /**
     * With what was read inside the cluster. {@code acceptUnverifiedInCluster} is the operator's
     * {@code --skip-in-cluster-checks}: in-cluster checks that could not run are then listed as accepted, not as
     * blockers.
     */
    public static LiveReadiness of(ExecutablePlan plan, ManagedCluster cluster, Fleet network, LocalDate today,
                                   InClusterView inCluster, boolean acceptUnverifiedInCluster) throws StepStop {
        ClusterAssessment assessment = new ReadinessAssessor(RuleCatalogue.all(), today)
                .assess(cluster, network, options(plan), inCluster);
        List<String> blockers = new ArrayList<>();
        List<String> remediation = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        for (Finding f : assessment.findings()) {
            if (f.severity() == Severity.BLOCKER) {
                blockers.add(f.rule() + ": " + f.message());
                remediation.add(f.rule() + ": " + f.remediation());
            }
        }
        for (Unverified u : assessment.unverified()) {
            if (u.couldBe() != Severity.BLOCKER) {
                continue;
            }
            if (acceptUnverifiedInCluster && InClusterCheck.ALL.contains(u.check())) {
                accepted.add(u.check());
                continue;
            }
            blockers.add(u.check() + " could not be checked live: " + u.reason());
            remediation.add(u.check() + ": " + (InClusterCheck.ALL.contains(u.check())
                    ? "give Kubernetes access (--kubeconfig FILE [--context NAME], or --in-cluster for access"
                    + " through ARM: cluster user credential, or run-command), or accept running without this check"
                    + " with --skip-in-cluster-checks"
                    : "give the signed-in identity read access to the missing resource, or check it by hand"
                    + " (runbooks/in-place-overlay.md#precheck)"));
        }
        return new LiveReadiness(assessment, blockers, remediation, accepted);
    }

    public boolean blocked() {
        return !blockers.isEmpty();
    }

    /** The user-assigned identity the plan's assign-identity step gives the cluster, if it has one. */
    static java.util.Optional<String> plannedIdentity(ExecutablePlan plan) {
        return plan.step(StepId.ASSIGN_IDENTITY)
                .map(s -> s.request().body())
                .map(b -> b.get("identity"))
                .filter(Map.class::isInstance)
                .map(i -> ((Map<?, ?>) i).get("userAssignedIdentities"))
                .filter(Map.class::isInstance)
                .flatMap(u -> ((Map<?, ?>) u).keySet().stream().map(Object::toString).findFirst());
    }

    /** The options the plan was made with, as far as the plan file records them. */
    static MigrationOptions options(ExecutablePlan plan) throws StepStop {
        IpPrefix requested = null;
        String target = plan.target().podCidr();
        if (target != null && !target.equals(plan.original().podCidr())) {
            try {
                requested = IpPrefix.parse(target);
            } catch (CidrFormatException e) {
                throw StepStop.failed("the plan's target pod CIDR " + target + " is invalid: " + e.getMessage());
            }
        }
        String identity = plannedIdentity(plan).orElse(null);
        // --avoid ranges are not in the plan file; they only steered the choice of pod CIDR, which the plan fixes.
        // A plan that removes the ip-masq-agent ConfigMaps itself turns their finding into an ACTION.
        return new MigrationOptions(TargetIpam.OVERLAY, plan.target().cilium(), requested,
                List.of(), identity).withRemoveIpMasqConfig(plan.step(StepId.REMOVE_IP_MASQ_CONFIG).isPresent());
    }
}
