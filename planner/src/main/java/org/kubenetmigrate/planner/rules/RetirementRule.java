package org.kubenetmigrate.planner.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.TargetIpam;

/**
 * kubenet retires on 31 March 2028 (https://github.com/Azure/AKS/issues/4859;
 * https://learn.microsoft.com/azure/aks/concepts-network-cni-overview); the days left are counted from today.
 */
public final class RetirementRule implements Rule {
    public static final LocalDate RETIREMENT = LocalDate.of(2028, 3, 31);

    @Override
    public String id() {
        return "retirement";
    }

    @Override
    public String reference() {
        return Sources.KUBENET_RETIREMENT;
    }

    @Override
    public String description() {
        return "Days left until kubenet retires on 31 March 2028.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.INFO);
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.KUBENET_RETIREMENT, Sources.CNI_OVERVIEW);
    }

    /** Applies to the in-place update and to a new Pod Subnet cluster alike. */
    @Override
    public Set<TargetIpam> targets() {
        return EnumSet.allOf(TargetIpam.class);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        long days = ChronoUnit.DAYS.between(context.today(), RETIREMENT);
        String message = days >= 0
                ? days + " days left until kubenet retires on 31 March 2028"
                : "kubenet retired on 31 March 2028, " + (-days) + " days ago; the cluster runs on an unsupported"
                        + " network plugin";
        return RuleOutcome.of(finding(Severity.INFO, message,
                "Migrate to Azure CNI Overlay (this plan) before the retirement date; after it AKS no longer"
                        + " supports kubenet"));
    }
}
