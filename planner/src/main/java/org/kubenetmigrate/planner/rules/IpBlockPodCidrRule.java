package org.kubenetmigrate.planner.rules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.cidr.CidrFormatException;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterState.IpBlock;
import org.kubenetmigrate.planner.model.InClusterState.NetworkPolicyInfo;
import org.kubenetmigrate.planner.model.InClusterState;
import org.kubenetmigrate.planner.sizing.PodCidrSizing;

/**
 * When the plan changes the pod CIDR (allowed during kubenet → Overlay since the release of 2025-08-29,
 * https://learn.microsoft.com/azure/aks/update-azure-cni), NetworkPolicy {@code ipBlock}s written for the old pod
 * range silently stop matching the pods' new addresses (or, through an {@code except}, start matching them). Only
 * relevant when the pod CIDR changes. A block is listed when it refers to the old range (its CIDR or an except
 * overlaps it) and treats the old and the new range differently; a catch-all such as {@code 0.0.0.0/0} without
 * excepts matches both alike and is not listed.
 */
public final class IpBlockPodCidrRule extends InClusterRule {
    static final int LISTED = 10;

    @Override
    public String id() {
        return InClusterCheck.IPBLOCK_POD_CIDR;
    }

    @Override
    public String reference() {
        return Sources.UPDATE_AZURE_CNI;
    }

    @Override
    public String description() {
        return "NetworkPolicy ipBlocks that refer to the old pod CIDR when the plan changes it (in-cluster).";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.WARNING);
    }

    @Override
    boolean applies(ClusterContext context) {
        PodCidrSizing podCidr = context.sizing().podCidr();
        return podCidr.current() != null && podCidr.changes();
    }

    @Override
    Severity couldBe(ClusterContext context) {
        return Severity.WARNING;
    }

    @Override
    RuleOutcome judge(ClusterContext context, InClusterState state) {
        PodCidrSizing podCidr = context.sizing().podCidr();
        IpPrefix current = podCidr.current();
        List<String> hits = new ArrayList<>();
        for (NetworkPolicyInfo policy : state.networkPolicies()) {
            for (IpBlock block : policy.ipBlocks()) {
                if (changesWithPodCidr(block, current, podCidr.proposed())) {
                    hits.add(policy.qualifiedName() + " (" + block.direction() + " " + block.cidr()
                            + (block.except().isEmpty() ? "" : " except " + String.join(" ", block.except())) + ")");
                }
            }
        }
        if (hits.isEmpty()) {
            return RuleOutcome.pass();
        }
        return RuleOutcome.of(finding(Severity.WARNING,
                hits.size() + " NetworkPolicy ipBlock" + (hits.size() == 1 ? " refers" : "s refer") + " to the"
                        + " current pod CIDR " + current + ", which the plan changes to " + podCidr.proposed() + ": "
                        + listed(hits, LISTED) + ". Once the pods have addresses from the new range these rules match"
                        + " them differently (an allow no longer applies, or an except no longer excludes them)",
                "Before the update, add " + podCidr.proposed() + " beside " + current + " in these ipBlocks; remove the"
                        + " old range after the rollout. For pod-to-pod rules prefer podSelector/namespaceSelector,"
                        + " which do not depend on addresses"));
    }

    enum Match { ALL, SOME, NONE }

    static boolean changesWithPodCidr(IpBlock block, IpPrefix current, IpPrefix proposed) {
        IpPrefix cidr = lenient(block.cidr());
        if (cidr == null || cidr.family() != current.family()) {
            return false;
        }
        List<IpPrefix> except = block.except().stream().map(IpBlockPodCidrRule::lenient)
                .filter(e -> e != null && e.family() == current.family()).toList();
        boolean refersToCurrent = cidr.overlaps(current) || except.stream().anyMatch(e -> e.overlaps(current));
        if (!refersToCurrent) {
            return false;
        }
        Match before = match(cidr, except, current);
        return before == Match.SOME || proposed == null || before != match(cidr, except, proposed);
    }

    /** How much of {@code range} the block matches (an approximation: excepts are judged one at a time). */
    static Match match(IpPrefix cidr, List<IpPrefix> except, IpPrefix range) {
        if (!cidr.overlaps(range) || except.stream().anyMatch(e -> e.contains(range))) {
            return Match.NONE;
        }
        if (cidr.contains(range) && except.stream().noneMatch(e -> e.overlaps(range))) {
            return Match.ALL;
        }
        return Match.SOME;
    }

    /** The API server accepts ipBlocks with host bits set; judge them by their network. Unparsable ones are skipped. */
    static IpPrefix lenient(String cidr) {
        if (cidr == null) {
            return null;
        }
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return null;
        }
        try {
            IpPrefix host = IpPrefix.parseHost(cidr.substring(0, slash));
            int length = Integer.parseInt(cidr.substring(slash + 1).trim());
            int bits = host.family().bits();
            if (length < 0 || length > bits) {
                return null;
            }
            BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE);
            return IpPrefix.of(host.family(), host.first().andNot(hostMask), length);
        } catch (CidrFormatException | NumberFormatException e) {
            return null;
        }
    }
}
