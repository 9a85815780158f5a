package org.kubenetmigrate.planner.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.assessment.TargetNetwork;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.AzureValue;
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
import org.kubenetmigrate.planner.waivers.Waiver;
import org.kubenetmigrate.planner.waivers.WaiverReview;
import org.kubenetmigrate.planner.waivers.WaiverUse;

/**
 * The schema-1 JSON contract (docs/schema). The one place that maps assessments to JSON, shared by the report and
 * the plan. Fields may be added within schema 1; the documented ones are never renamed.
 */
public final class AssessmentJson {
    public static final int SCHEMA_VERSION = 1;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

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

    /**
     * The report as schema-1 JSON, streamed: the summary, input, checks, waivers and gate first, then one cluster at
     * a time, so that memory does not hold a tree of the whole fleet. Each finding and unverified check carries its
     * {@code waiver} (null when none covers it).
     */
    public static void write(FleetReport report, Writer out) throws IOException {
        FleetAssessment fleet = report.assessment();
        ReportFacts facts = ReportFacts.of(report);
        JsonGenerator gen = MAPPER.getFactory().createGenerator(out);
        gen.setPrettyPrinter(PRETTY.createInstance());
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        gen.writeStartObject();
        gen.writeNumberField("schemaVersion", SCHEMA_VERSION);
        gen.writeStringField("generatedAt", fleet.generatedAt().toString());
        ObjectNode summary = JSON.objectNode();
        summary.put("total", fleet.clusters().size());
        ObjectNode byReadiness = summary.putObject("byReadiness");
        facts.byReadiness.forEach((readiness, count) -> byReadiness.put(readiness.name(), count));
        summary.put("kubenet", facts.kubenet);
        summary.put("waived", facts.waived);
        summary.put("waiverExpired", facts.waiverExpired);
        summary.put("incompleteOnlyForPrecheckReads", facts.incompleteOnlyForPrecheckReads);
        gen.writeFieldName("summary");
        MAPPER.writeTree(gen, summary);
        ObjectNode retirement = JSON.objectNode();
        retirement.put("date", org.kubenetmigrate.planner.rules.RetirementRule.RETIREMENT.toString());
        retirement.put("daysLeft", report.daysLeft());
        gen.writeFieldName("retirement");
        MAPPER.writeTree(gen, retirement);
        gen.writeFieldName("input");
        MAPPER.writeTree(gen, input(report));
        gen.writeFieldName("checked");
        MAPPER.writeTree(gen, checked(report, facts));
        ArrayNode waivers = JSON.arrayNode();
        report.waivers().waivers().forEach(u -> waivers.add(waiverUse(u)));
        gen.writeFieldName("waivers");
        MAPPER.writeTree(gen, waivers);
        if (report.failOn() != null) {
            ObjectNode gate = JSON.objectNode();
            gate.put("failOn", report.failOn().name());
            gate.put("met", report.gateMet());
            gen.writeFieldName("gate");
            MAPPER.writeTree(gen, gate);
        }
        if (!report.groupBy().isNone()) {
            gen.writeStringField("groupBy", report.groupBy().option());
        }
        gen.writeArrayFieldStart("clusters");
        // Clusters are turned into text on all cores, a batch at a time (so memory holds one batch, not the
        // fleet), and written in input order. Each is pretty-printed on its own and indented to its place in the
        // array; JSON text has no raw line breaks inside strings, so indenting line by line is safe.
        List<ClusterAssessment> clusters = fleet.clusters();
        for (int from = 0; from < clusters.size(); from += RENDER_BATCH) {
            List<String> texts = clusters.subList(from, Math.min(clusters.size(), from + RENDER_BATCH))
                    .parallelStream().map(c -> clusterText(report, c)).toList();
            for (String text : texts) {
                gen.writeRawValue(text);
            }
        }
        gen.writeEndArray();
        gen.writeEndObject();
        gen.flush();
        out.write("\n");
        out.flush();
    }

    private static final int RENDER_BATCH = 512;
    private static final String NESTED_INDENT = "  ";
    /** Two spaces per level and "\n" line ends on every platform, so a batch of clusters indents predictably. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter(NESTED_INDENT, "\n"));

    /** Thread-safe; each use gets its own instance of the (stateful) pretty printer. */
    private static final com.fasterxml.jackson.databind.ObjectWriter CLUSTER_WRITER = MAPPER.writer(PRETTY);

    private static String clusterText(FleetReport report, ClusterAssessment c) {
        ObjectNode node = cluster(c, report.waivers());
        if (!report.groupBy().isNone()) {
            node.put("group", report.groupBy().keyOf(c.cluster()));
        }
        try {
            String text = CLUSTER_WRITER.writeValueAsString(node);
            return text.replace("\n", "\n" + NESTED_INDENT);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise cluster " + c.cluster().id(), e);
        }
    }

    static ObjectNode input(FleetReport report) {
        ObjectNode node = JSON.objectNode();
        ArrayNode sources = node.putArray("sources");
        report.input().sources().forEach(sources::add);
        node.put("files", report.input().files());
        node.put("capturedFrom", report.input().oldest() == null ? null : report.input().oldest().toString());
        node.put("capturedUntil", report.input().newest() == null ? null : report.input().newest().toString());
        node.put("basis", report.input().basis());
        java.time.Duration age = report.input().age(report.assessment().generatedAt());
        if (age == null) {
            node.putNull("ageSeconds");
        } else {
            node.put("ageSeconds", age.getSeconds());
        }
        ArrayNode notes = node.putArray("notes");
        report.input().notes().forEach(notes::add);
        ArrayNode missing = node.putArray("missing");
        report.input().missing().forEach(missing::add);
        return node;
    }

    static ObjectNode checked(FleetReport report, ReportFacts facts) {
        ObjectNode node = JSON.objectNode();
        node.put("target", report.target());
        ArrayNode rules = node.putArray("rules");
        report.rulesChecked().forEach(rules::add);
        node.put("kubenetClusters", facts.kubenet);
        ArrayNode gaps = node.putArray("notChecked");
        for (ReportFacts.Gap g : facts.gaps) {
            ObjectNode gap = gaps.addObject();
            gap.put("check", g.check());
            gap.put("clusters", g.clusters());
            gap.put("couldBe", g.couldBe().name());
            gap.put("exampleCluster", g.exampleCluster());
            gap.put("exampleReason", g.example());
        }
        return node;
    }

    static ObjectNode waiverUse(WaiverUse use) {
        ObjectNode node = waiver(use.waiver());
        node.put("status", use.status().name());
        node.put("matched", use.matched());
        node.put("clusters", use.clusters());
        return node;
    }

    static ObjectNode waiver(Waiver w) {
        ObjectNode node = JSON.objectNode();
        node.put("rule", w.rule());
        node.put("cluster", w.cluster().describe());
        node.put("reason", w.reason());
        node.put("owner", w.owner());
        node.put("expires", w.expires().toString());
        node.put("location", w.location());
        return node;
    }

    static ObjectNode coverage(WaiverReview.Coverage coverage) {
        if (coverage.waiver() == null) {
            return null;
        }
        ObjectNode node = waiver(coverage.waiver());
        node.put("state", coverage.state() == WaiverReview.State.WAIVED ? "WAIVED" : "EXPIRED");
        return node;
    }

    /** A cluster of the report, each finding and unverified check with its waiver (null when none covers it). */
    public static ObjectNode cluster(ClusterAssessment assessment, WaiverReview waivers) {
        ObjectNode node = cluster(assessment);
        ArrayNode findings = (ArrayNode) node.get("findings");
        for (int i = 0; i < assessment.findings().size(); i++) {
            ((ObjectNode) findings.get(i)).set("waiver", coverage(waivers.of(assessment, assessment.findings().get(i))));
        }
        ArrayNode unverified = (ArrayNode) node.get("unverified");
        for (int i = 0; i < assessment.unverified().size(); i++) {
            ((ObjectNode) unverified.get(i)).set("waiver",
                    coverage(waivers.of(assessment, assessment.unverified().get(i))));
        }
        return node;
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
        node.put("provisioningState", AzureValue.text(c.provisioningState()));
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
        node.put("plugin", AzureValue.text(n.plugin()));
        node.put("pluginMode", AzureValue.text(n.pluginMode()));
        node.put("policy", AzureValue.text(n.policy()));
        node.put("dataplane", AzureValue.text(n.dataplane()));
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
        node.put("networkPolicy", AzureValue.text(t.networkPolicy()));
        node.put("dataplane", AzureValue.text(t.dataplane()));
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
