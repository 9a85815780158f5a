package org.kubenetmigrate.planner.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.planner.cidr.FreeBlocks;
import org.kubenetmigrate.planner.cidr.IpFamily;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.NetworkProfile;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.model.VirtualNetwork;

/**
 * Chooses the Overlay pod CIDR: keep the current one when it is valid and large enough (the least change), else
 * the user's {@code --pod-cidr} when valid, else a proposal.
 *
 * <p>Proposals are deterministic. The size holds twice the needed nodes (growth room, because an Overlay pod
 * CIDR can later only be expanded, Linux-only, https://learn.microsoft.com/azure/aks/azure-cni-overlay-pod-expand),
 * at least the Azure default /16, at most what the 5,000-node Overlay limit plus surge needs. Candidate ranges are
 * tried in this order, taking the lowest free aligned block: 10.244.0.0/14 (around the AKS default 10.244.0.0/16),
 * 100.64.0.0/10 (RFC 6598, rarely routed on-premises), 172.16.0.0/12, 192.168.0.0/16, then the rest of 10.0.0.0/8.
 * All are private ranges that https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay supports.
 *
 * <p>A current or requested pod CIDR that lies only in the VNet's address space (no subnet overlapped) is kept:
 * AKS checks subnets, not the address space, since the release of 2024-10-25, and the kubenet procedure keeps the
 * pod CIDR. Proposals, made only when a change is needed anyway, still avoid the whole address space.
 */
public final class PodCidrPlanner {

    static final List<IpPrefix> CANDIDATES = List.of(
            IpPrefix.parse("10.244.0.0/14"),
            IpPrefix.parse("100.64.0.0/10"),
            IpPrefix.parse("172.16.0.0/12"),
            IpPrefix.parse("192.168.0.0/16"),
            IpPrefix.parse("10.0.0.0/8"));

    static final int LARGEST_DEFAULT_LENGTH = 16;

    private PodCidrPlanner() {
    }

    public static PodCidrSizing choose(NetworkProfile network, NodeNetwork nodeNetwork, MigrationOptions options,
                                       int requiredNodes) {
        List<TakenRange> taken = takenRanges(network, nodeNetwork, options);
        IpPrefix current = network.podCidr();
        List<PodCidrProblem> currentProblems = current == null ? List.of() : problems(current, taken, requiredNodes);
        boolean currentUsable = current != null && currentProblems.stream().noneMatch(PodCidrProblem::forcesChange);
        long currentCapacity = current == null ? 0 : capacityNodes(current);
        List<PodCidrProblem> requestedProblems = List.of();
        IpPrefix requested = options.requestedPodCidr();
        if (requested != null) {
            requestedProblems = problems(requested, taken, requiredNodes);
            if (requestedProblems.stream().noneMatch(PodCidrProblem::forcesChange)) {
                return sizing(current, currentCapacity, currentProblems, requested, PodCidrSizing.Choice.REQUESTED,
                        requestedProblems, requiredNodes, nodeNetwork);
            }
        }
        if (currentUsable && requested == null) {
            return sizing(current, currentCapacity, currentProblems, current, PodCidrSizing.Choice.KEEP_CURRENT,
                    requestedProblems, requiredNodes, nodeNetwork);
        }
        if (requested != null) {
            // The user's choice is invalid; do not substitute a different range behind their back.
            return sizing(current, currentCapacity, currentProblems, null, PodCidrSizing.Choice.NONE,
                    requestedProblems, requiredNodes, nodeNetwork);
        }
        Optional<IpPrefix> proposal = propose(taken, requiredNodes);
        return sizing(current, currentCapacity, currentProblems, proposal.orElse(null),
                proposal.isPresent() ? PodCidrSizing.Choice.PROPOSED : PodCidrSizing.Choice.NONE,
                requestedProblems, requiredNodes, nodeNetwork);
    }

    private static PodCidrSizing sizing(IpPrefix current, long currentCapacity, List<PodCidrProblem> currentProblems,
                                        IpPrefix proposed, PodCidrSizing.Choice choice,
                                        List<PodCidrProblem> requestedProblems, int requiredNodes,
                                        NodeNetwork nodeNetwork) {
        return new PodCidrSizing(current, currentCapacity, currentProblems, proposed,
                proposed == null ? 0 : capacityNodes(proposed), choice, requestedProblems, requiredNodes,
                nodeNetwork.vnetKnown());
    }

    /** Nodes a pod CIDR holds at one /24 each (0 for IPv6 or anything smaller than a /24). */
    public static long capacityNodes(IpPrefix podCidr) {
        if (podCidr.family() != IpFamily.IPV4) {
            return 0;
        }
        return podCidr.blocksOf(AzureLimits.NODE_POD_BLOCK_LENGTH).longValueExact();
    }

    /** The longest IPv4 prefix holding {@code nodes} /24 blocks: 256 → /16, 5,000 → /11. */
    public static int minimumLengthFor(int nodes) {
        int blocks = Math.max(1, nodes);
        int bits = 32 - Integer.numberOfLeadingZeros(blocks - 1);
        return AzureLimits.NODE_POD_BLOCK_LENGTH - bits;
    }

    /** The size a proposal takes: room for twice the nodes, at least /16, growth capped at the Overlay node limit. */
    public static int proposalLengthFor(int requiredNodes) {
        int nodes = Math.max(1, requiredNodes);
        int withGrowth = (int) Math.min(2L * nodes, Math.max(nodes, AzureLimits.OVERLAY_MAX_NODES));
        return Math.min(LARGEST_DEFAULT_LENGTH, minimumLengthFor(withGrowth));
    }

    public static List<PodCidrProblem> problems(IpPrefix podCidr, List<TakenRange> taken, int requiredNodes) {
        List<PodCidrProblem> problems = new ArrayList<>();
        for (TakenRange range : taken) {
            if (!range.prefix().overlaps(podCidr)) {
                continue;
            }
            PodCidrProblem.Kind kind = switch (range.kind()) {
                case RESERVED -> PodCidrProblem.Kind.RESERVED;
                case VNET_ADDRESS_SPACE -> PodCidrProblem.Kind.ADDRESS_SPACE;
                default -> PodCidrProblem.Kind.OVERLAP;
            };
            problems.add(new PodCidrProblem(podCidr, kind, "overlaps " + range.describe()));
        }
        long capacity = capacityNodes(podCidr);
        if (capacity < requiredNodes) {
            problems.add(new PodCidrProblem(podCidr, PodCidrProblem.Kind.CAPACITY,
                    "holds " + capacity + " /24 node blocks but " + requiredNodes + " nodes (max + surge) need one each"));
        }
        return problems;
    }

    public static List<TakenRange> takenRanges(NetworkProfile network, NodeNetwork nodeNetwork, MigrationOptions options) {
        List<TakenRange> taken = new ArrayList<>();
        AzureLimits.RESERVED_RANGES.forEach(r -> taken.add(new TakenRange(r, TakenRange.Kind.RESERVED, "reserved range")));
        for (VirtualNetwork vnet : nodeNetwork.virtualNetworks()) {
            vnet.addressSpace().forEach(p -> taken.add(new TakenRange(p, TakenRange.Kind.VNET_ADDRESS_SPACE,
                    "address space of virtual network " + vnet.name())));
            // Subnets lie inside the address space; listed apart, because a subnet overlap is what AKS rejects.
            vnet.subnets().forEach(s -> s.addressPrefixes().forEach(p -> taken.add(new TakenRange(p,
                    TakenRange.Kind.VNET, "subnet " + s.name() + " of " + vnet.name()))));
            vnet.peerings().forEach(peer -> peer.remoteAddressSpace().forEach(p -> taken.add(new TakenRange(p,
                    TakenRange.Kind.PEERING, "peered network " + peer.remoteVirtualNetworkId().name()
                    + " (peering " + peer.name() + ")"))));
        }
        network.allServiceCidrs().forEach(p -> taken.add(new TakenRange(p, TakenRange.Kind.SERVICE, "service CIDR")));
        options.avoid().forEach(p -> taken.add(new TakenRange(p, TakenRange.Kind.AVOID, "--avoid range")));
        return taken;
    }

    static Optional<IpPrefix> propose(List<TakenRange> taken, int requiredNodes) {
        int length = proposalLengthFor(requiredNodes);
        List<IpPrefix> takenPrefixes = taken.stream().map(TakenRange::prefix).toList();
        Optional<IpPrefix> roomy = FreeBlocks.firstFit(CANDIDATES, takenPrefixes, length);
        if (roomy.isPresent()) {
            return roomy;
        }
        // No room for growth anywhere: settle for exactly what the nodes need.
        return FreeBlocks.firstFit(CANDIDATES, takenPrefixes, minimumLengthFor(requiredNodes));
    }
}
