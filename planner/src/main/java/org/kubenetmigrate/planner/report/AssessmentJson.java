package org.kubenetmigrate.planner.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.assessment.TargetNetwork;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NetworkProfile;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.sizing.ClusterSizing;
import org.kubenetmigrate.planner.sizing.PodCidrSizing;
import org.kubenetmigrate.planner.sizing.PodSubnetSizing;
import org.kubenetmigrate.planner.sizing.PoolSizing;
import org.kubenetmigrate.planner.sizing.SubnetSize;

/**
 * The schema-1 JSON contract (docs/schema). The one place that maps assessments to JSON, shared by the report and
 * the plan. Fields may be added within schema 1; the documented ones are never renamed.
 */
public final class AssessmentJson {
    public static final int SCHEMA_VERSION = 1;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AssessmentJson() {
    }

    public static ObjectNode fleet(FleetAssessment fleet) {
        ObjectNode root = JSON.objectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("generatedAt", fleet.generatedAt().toString());
        ObjectNode summary = root.putObject("summary");
        summary.put("total", fleet.clusters().size());
        ObjectNode byReadiness = summary.putObject("byReadiness");
        fleet.countsByReadiness().forEach((readiness, count) -> byReadiness.put(readiness.name(), count));
        ArrayNode clusters = root.putArray("clusters");
        fleet.clusters().forEach(c -> clusters.add(cluster(c)));
        return root;
    }

    public static ObjectNode cluster(ClusterAssessment assessment) {
        ManagedCluster c = assessment.cluster();
        ObjectNode node = JSON.objectNode();
        node.put("id", c.id().value());
        node.put("name", c.name());
        node.put("subscriptionId", c.subscriptionId());
        node.put("resourceGroup", c.resourceGroup());
        node.put("location", c.location());
        node.put("kubernetesVersion", c.kubernetesVersion());
        node.put("provisioningState", c.provisioningState());
        node.put("powerState", c.powerState());
        node.set("network", network(c.network()));
        node.put("identityType", c.identity().type());
        node.put("readiness", assessment.readiness().name());
        ArrayNode findings = node.putArray("findings");
        assessment.findings().forEach(f -> findings.add(finding(f)));
        ArrayNode unverified = node.putArray("unverified");
        assessment.unverified().forEach(u -> unverified.add(unverified(u)));
        node.set("sizing", sizing(assessment.sizing()));
        node.set("target", target(assessment.target()));
        ObjectNode tags = node.putObject("tags");
        new TreeMap<>(c.tags()).forEach(tags::put);
        ObjectNode source = node.putObject("source");
        source.put("file", c.source().file());
        source.put("pointer", c.source().pointer());
        return node;
    }

    static ObjectNode network(NetworkProfile n) {
        ObjectNode node = JSON.objectNode();
        node.put("plugin", n.plugin());
        node.put("pluginMode", n.pluginMode());
        node.put("policy", n.policy());
        node.put("dataplane", n.dataplane());
        node.put("podCidr", text(n.podCidr()));
        ArrayNode podCidrs = node.putArray("podCidrs");
        n.podCidrs().forEach(p -> podCidrs.add(p.toString()));
        node.put("serviceCidr", text(n.serviceCidr()));
        node.put("dnsServiceIp", n.dnsServiceIp());
        node.put("outboundType", n.outboundType());
        ArrayNode families = node.putArray("ipFamilies");
        n.ipFamilies().forEach(families::add);
        return node;
    }

    static ObjectNode finding(Finding f) {
        ObjectNode node = JSON.objectNode();
        node.put("rule", f.rule());
        node.put("severity", f.severity().name());
        node.put("message", f.message());
        node.put("remediation", f.remediation());
        node.put("reference", f.reference());
        return node;
    }

    static ObjectNode unverified(Unverified u) {
        ObjectNode node = JSON.objectNode();
        node.put("check", u.check());
        node.put("reason", u.reason());
        node.put("couldBe", u.couldBe().name());
        return node;
    }

    static ObjectNode sizing(ClusterSizing s) {
        ObjectNode node = JSON.objectNode();
        node.put("maxNodes", s.maxNodes());
        node.put("surgeNodes", s.surgeNodes());
        ArrayNode pools = node.putArray("pools");
        for (PoolSizing p : s.pools()) {
            ObjectNode pool = pools.addObject();
            pool.put("name", p.pool());
            pool.put("maxNodes", p.maxNodes());
            pool.put("surgeNodes", p.surgeNodes());
            pool.put("surgeBasis", p.surgeBasis());
        }
        PodCidrSizing pc = s.podCidr();
        ObjectNode podCidr = node.putObject("podCidr");
        podCidr.put("current", text(pc.current()));
        podCidr.put("currentCapacityNodes", pc.currentCapacityNodes());
        podCidr.put("proposed", text(pc.proposed()));
        podCidr.put("proposedCapacityNodes", pc.proposedCapacityNodes());
        podCidr.put("choice", pc.choice().name());
        podCidr.put("requiredNodes", pc.requiredNodes());
        if (s.podSubnet() != null) {
            node.set("podSubnet", podSubnet(s.podSubnet()));
        }
        return node;
    }

    static ObjectNode podSubnet(PodSubnetSizing p) {
        ObjectNode node = JSON.objectNode();
        node.put("nodes", p.nodes());
        node.put("maxPods", p.maxPods());
        node.set("nodeSubnet", subnetSize(p.nodeSubnet()));
        node.set("dynamicPodSubnet", subnetSize(p.dynamicPodSubnet()));
        node.set("staticBlockPodSubnet", subnetSize(p.staticBlockPodSubnet()));
        node.put("proposedNodeSubnet", text(p.proposedNodeSubnet()));
        node.put("proposedPodSubnet", text(p.proposedPodSubnet()));
        node.put("noRoomReason", p.noRoomReason());
        return node;
    }

    static ObjectNode subnetSize(SubnetSize size) {
        ObjectNode node = JSON.objectNode();
        node.put("addressesNeeded", size.addressesNeeded());
        node.put("prefixLength", size.prefixLength());
        node.put("formula", size.formula());
        return node;
    }

    static ObjectNode target(TargetNetwork t) {
        ObjectNode node = JSON.objectNode();
        node.put("ipam", t.ipam());
        node.put("podCidr", t.podCidr());
        node.put("networkPolicy", t.networkPolicy());
        node.put("dataplane", t.dataplane());
        return node;
    }

    /** Readiness counts in the documented key order. */
    public static Map<String, Long> counts(FleetAssessment fleet) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (Readiness r : Readiness.values()) {
            counts.put(r.name(), fleet.countsByReadiness().get(r));
        }
        return counts;
    }

    private static String text(IpPrefix prefix) {
        return prefix == null ? null : prefix.toString();
    }

    static List<String> texts(List<IpPrefix> prefixes) {
        return prefixes.stream().map(IpPrefix::toString).toList();
    }
}
