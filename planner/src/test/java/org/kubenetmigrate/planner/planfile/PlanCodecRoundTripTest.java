package org.kubenetmigrate.planner.planfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.commands.PlanCluster;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import org.kubenetmigrate.planner.plan.Step;
import org.kubenetmigrate.planner.plan.StepId;

/** What the planner writes is what the executor reads: plan → JSON → plan document gives the same plan. */
class PlanCodecRoundTripTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    private static final String IDENTITY = "/subscriptions/00000000-0000-0000-0000-00000000a001/resourceGroups/"
            + "rg-ledger-prod/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-aks-ledger";
    private static final Fleet FLEET = read();

    private static Fleet read() {
        try {
            return new FleetReader().read(List.of(Path.of("../examples/fleet")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<MigrationPlan> plans() {
        List<String> kubenet = FLEET.clusters().stream().filter(c -> c.network().isKubenet())
                .map(ManagedCluster::name).toList();
        Arbitrary<String> cluster = Arbitraries.of(kubenet);
        Arbitrary<Boolean> cilium = Arbitraries.of(true, false);
        Arbitrary<String> podCidr = Arbitraries.of("", "100.64.0.0/16", "10.250.0.0/16");
        Arbitrary<Boolean> identity = Arbitraries.of(true, false);
        Arbitrary<TargetIpam> target = Arbitraries.of(TargetIpam.OVERLAY, TargetIpam.OVERLAY, TargetIpam.POD_SUBNET);
        Arbitrary<Boolean> removeIpMasq = Arbitraries.of(true, false);
        return Combinators.combine(cluster, cilium, podCidr, identity, target, removeIpMasq)
                .as((name, c, cidr, id, ipam, ipMasq) -> {
                    MigrationOptions options = new MigrationOptions(ipam, c, cidr.isEmpty() ? null : IpPrefix.parse(cidr),
                            List.of(), id ? IDENTITY : null).withRemoveIpMasqConfig(ipMasq);
                    try {
                        return new PlanCluster(CLOCK).run(FLEET, name, options);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    @Property(tries = 60)
    void aWrittenPlanReadsBackAsTheSamePlan(@ForAll("plans") MigrationPlan plan) throws Exception {
        byte[] json = PlanCodec.write(plan, CLOCK.instant()).toPrettyString().getBytes(StandardCharsets.UTF_8);

        PlanDocument read = PlanCodec.read("plan.json", json);

        assertThat(read.stages()).isEqualTo(plan.stages());
        assertThat(read.steps()).extracting(Step::id).allMatch(id -> StepId.of(id).isPresent());
        assertThat(read.fingerprint()).isEqualTo(plan.fingerprint());
        assertThat(read.strategy()).isEqualTo(plan.strategy().id());
        assertThat(read.clusterId()).isEqualTo(plan.assessment().cluster().id().value());
        assertThat(read.clusterName()).isEqualTo(plan.assessment().cluster().name());
        assertThat(read.resourceGroup()).isEqualTo(plan.assessment().cluster().resourceGroup());
        assertThat(read.original().podCidr()).isEqualTo(plan.assessment().cluster().network().podCidr() == null ? null
                : plan.assessment().cluster().network().podCidr().toString());
        assertThat(read.target().podCidr()).isEqualTo(plan.assessment().target().podCidr());
        assertThat(read.target().dataplane()).isEqualTo(plan.assessment().target().dataplane());
        // Reading is deterministic.
        assertThat(PlanCodec.read("plan.json", json)).isEqualTo(read);
    }
}
