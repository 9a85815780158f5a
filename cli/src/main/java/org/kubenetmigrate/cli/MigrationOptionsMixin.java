package org.kubenetmigrate.cli;

import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.TargetIpam;
import picocli.CommandLine.Option;

/** What the migration should aim for; shared by report and plan. */
final class MigrationOptionsMixin {
    enum Target { overlay, pod_subnet }

    enum Dataplane { azure, cilium }

    @Option(names = "--target", paramLabel = "overlay|pod-subnet", defaultValue = "overlay",
            converter = TargetConverter.class,
            description = "overlay: Azure CNI Overlay in place (default). pod-subnet: a new Azure CNI Pod Subnet"
                    + " cluster (blue/green), since kubenet has no in-place path there.")
    TargetIpam target = TargetIpam.OVERLAY;

    @Option(names = "--dataplane", paramLabel = "azure|cilium", defaultValue = "azure",
            description = "cilium: after Overlay, move to the Cilium data plane (and Cilium network policy) as a"
                    + " separate update. Default: azure (no data plane change).")
    Dataplane dataplane = Dataplane.azure;

    @Option(names = "--avoid", paramLabel = "CIDR", converter = CidrConverter.class,
            description = "A range the pod CIDR must not overlap, e.g. on-premises networks the input cannot show."
                    + " Repeatable.")
    List<IpPrefix> avoid = new ArrayList<>();

    MigrationOptions toOptions(IpPrefix requestedPodCidr, String assignIdentity) {
        return new MigrationOptions(target, dataplane == Dataplane.cilium, requestedPodCidr, avoid, assignIdentity);
    }

    static final class TargetConverter implements picocli.CommandLine.ITypeConverter<TargetIpam> {
        @Override
        public TargetIpam convert(String value) {
            try {
                return TargetIpam.fromLabel(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
