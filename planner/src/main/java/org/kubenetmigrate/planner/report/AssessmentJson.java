package org.kubenetmigrate.planner.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
        Utf8Output.writeTo(out, utf8 -> write(report, utf8.bytes()));
    }

    /** In UTF-8, from the generators' bytes to the output: no detour through characters. */
    private static void write(FleetReport report, OutputStream out) throws IOException {
        FleetAssessment fleet = report.assessment();
        ReportFacts facts = ReportFacts.of(report);
        JsonGenerator gen = generator(out, PRETTY);
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
        gen.writeArrayFieldStart("waivers");
        for (WaiverUse use : report.waivers().waivers()) {
            gen.writeStartObject();
            writeWaiverFields(gen, use.waiver());
            gen.writeStringField("status", use.status().name());
            gen.writeNumberField("matched", use.matched());
            gen.writeNumberField("clusters", use.clusters());
            gen.writeEndObject();
        }
        gen.writeEndArray();
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
        gen.flush();
        // Clusters are turned into UTF-8 on all cores and written in input order straight to the output, bypassing
        // the generator above: each is written at the nesting of the array's elements, with the separators the
        // pretty printer puts between them (the array's own end below writes the " ]" it writes after any number
        // of elements).
        ParallelBatches.write(fleet.clusters(), c -> clusterBytes(report, c), FIRST_ELEMENT, NEXT_ELEMENT, out);
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeRaw('\n');
        gen.flush();
        out.flush();
    }

    private static final byte[] FIRST_ELEMENT = {' '};
    private static final byte[] NEXT_ELEMENT = {',', ' '};
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    /** Two spaces per level and "\n" line ends on every platform, so a batch of clusters indents predictably. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter().withObjectIndenter(INDENTER);
    /** For a cluster written on its own: indented as an element of the report's top-level "clusters" array. */
    private static final DefaultPrettyPrinter PRETTY_IN_CLUSTERS = new DefaultPrettyPrinter()
            .withObjectIndenter(new Deeper(INDENTER, 1));
    private static JsonGenerator generator(OutputStream out, DefaultPrettyPrinter printer) throws IOException {
        JsonGenerator gen = Utf8Json.generator(out);
        gen.setCodec(MAPPER);
        gen.setPrettyPrinter(printer.createInstance());
        return gen;
    }

    /** An indenter that starts {@code levels} deeper than the generator's nesting says. */
    private record Deeper(DefaultIndenter base, int levels) implements DefaultPrettyPrinter.Indenter {
        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            base.writeIndentation(g, level + levels);
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }

    private static byte[] clusterBytes(FleetReport report, ClusterAssessment c) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(8192);
        try (JsonGenerator gen = generator(bytes, PRETTY_IN_CLUSTERS)) {
            String group = report.groupBy().isNone() ? null : report.groupBy().keyOf(c.cluster());
            writeCluster(gen, c, report.waivers(), group);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise cluster " + c.cluster().id(), e);
        }
        return bytes.toByteArray();
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

    /** A cluster of the report, each finding and unverified check with its waiver (null when none covers it). */
    public static ObjectNode cluster(ClusterAssessment assessment, WaiverReview waivers) {
        return tree(gen -> writeCluster(gen, assessment, waivers, null));
    }

    /** A cluster as the plan shows it: without waivers. */
    public static ObjectNode cluster(ClusterAssessment assessment) {
        return tree(gen -> writeCluster(gen, assessment, null, null));
    }

    private interface Writing {
        void to(JsonGenerator gen) throws IOException;
    }

    /** The tree of what {@code writing} writes: one mapping serves both the streamed report and the trees. */
    private static ObjectNode tree(Writing writing) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            writing.to(buffer);
            return (ObjectNode) MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One cluster object, written field by field (no tree: the report writes 10,000 of them).
     *
     * @param waivers the review whose verdict each finding and unverified check carries as {@code waiver}; null for
     *                none (the plan's cluster has no such field)
     * @param group the cluster's group, written last; null when the report is not grouped (no such field)
     */
    static void writeCluster(JsonGenerator gen, ClusterAssessment assessment, WaiverReview waivers, String group)
            throws IOException {
        ManagedCluster c = assessment.cluster();
        gen.writeStartObject();
        gen.writeStringField("id", c.id().value());
        gen.writeStringField("name", c.name());
        gen.writeStringField("subscriptionId", c.subscriptionId());
        gen.writeStringField("resourceGroup", c.resourceGroup());
        gen.writeStringField("location", c.location());
        gen.writeStringField("kubernetesVersion", c.kubernetesVersion());
        gen.writeStringField("provisioningState", AzureValue.text(c.provisioningState()));
        gen.writeStringField("powerState", c.powerState());
        gen.writeFieldName("network");
        writeNetwork(gen, c.network());
        gen.writeStringField("identityType", c.identity().type());
        gen.writeStringField("readiness", assessment.readiness().name());
        gen.writeArrayFieldStart("findings");
        for (Finding f : assessment.findings()) {
            gen.writeStartObject();
            gen.writeStringField("rule", f.rule());
            gen.writeStringField("severity", f.severity().name());
            gen.writeStringField("message", f.message());
            gen.writeStringField("remediation", f.remediation());
            gen.writeStringField("reference", f.reference());
            if (waivers != null) {
                writeCoverage(gen, waivers.of(assessment, f));
            }
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("unverified");
        for (Unverified u : assessment.unverified()) {
            gen.writeStartObject();
            gen.writeStringField("check", u.check());
            gen.writeStringField("reason", u.reason());
            gen.writeStringField("couldBe", u.couldBe().name());
            if (waivers != null) {
                writeCoverage(gen, waivers.of(assessment, u));
            }
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeFieldName("sizing");
        writeSizing(gen, assessment.sizing());
        gen.writeFieldName("target");
        writeTarget(gen, assessment.target());
        gen.writeObjectFieldStart("tags");
        for (Map.Entry<String, String> tag : new TreeMap<>(c.tags()).entrySet()) {
            gen.writeStringField(tag.getKey(), tag.getValue());
        }
        gen.writeEndObject();
        gen.writeObjectFieldStart("source");
        gen.writeStringField("file", c.source().file());
        gen.writeStringField("pointer", c.source().pointer());
        gen.writeEndObject();
        if (group != null) {
            gen.writeStringField("group", group);
        }
        gen.writeEndObject();
    }

    private static void writeCoverage(JsonGenerator gen, WaiverReview.Coverage coverage) throws IOException {
        gen.writeFieldName("waiver");
        if (coverage.waiver() == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject();
        writeWaiverFields(gen, coverage.waiver());
        gen.writeStringField("state", coverage.state() == WaiverReview.State.WAIVED ? "WAIVED" : "EXPIRED");
        gen.writeEndObject();
    }

    private static void writeWaiverFields(JsonGenerator gen, Waiver w) throws IOException {
        gen.writeStringField("rule", w.rule());
        gen.writeStringField("cluster", w.cluster().describe());
        gen.writeStringField("reason", w.reason());
        gen.writeStringField("owner", w.owner());
        gen.writeStringField("expires", w.expires().toString());
        gen.writeStringField("location", w.location());
    }

    private static void writeNetwork(JsonGenerator gen, NetworkProfile n) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("plugin", AzureValue.text(n.plugin()));
        gen.writeStringField("pluginMode", AzureValue.text(n.pluginMode()));
        gen.writeStringField("policy", AzureValue.text(n.policy()));
        gen.writeStringField("dataplane", AzureValue.text(n.dataplane()));
        gen.writeStringField("podCidr", text(n.podCidr()));
        gen.writeArrayFieldStart("podCidrs");
        for (IpPrefix p : n.podCidrs()) {
            gen.writeString(p.toString());
        }
        gen.writeEndArray();
        gen.writeStringField("serviceCidr", text(n.serviceCidr()));
        gen.writeStringField("dnsServiceIp", n.dnsServiceIp());
        gen.writeStringField("outboundType", n.outboundType());
        gen.writeArrayFieldStart("ipFamilies");
        for (String family : n.ipFamilies()) {
            gen.writeString(family);
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void writeSizing(JsonGenerator gen, ClusterSizing s) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("maxNodes", s.maxNodes());
        gen.writeNumberField("surgeNodes", s.surgeNodes());
        gen.writeArrayFieldStart("pools");
        for (PoolSizing p : s.pools()) {
            gen.writeStartObject();
            gen.writeStringField("name", p.pool());
            gen.writeNumberField("maxNodes", p.maxNodes());
            gen.writeNumberField("surgeNodes", p.surgeNodes());
            gen.writeStringField("surgeBasis", p.surgeBasis());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        PodCidrSizing pc = s.podCidr();
        gen.writeObjectFieldStart("podCidr");
        gen.writeStringField("current", text(pc.current()));
        gen.writeNumberField("currentCapacityNodes", pc.currentCapacityNodes());
        gen.writeStringField("proposed", text(pc.proposed()));
        gen.writeNumberField("proposedCapacityNodes", pc.proposedCapacityNodes());
        gen.writeStringField("choice", pc.choice().name());
        gen.writeNumberField("requiredNodes", pc.requiredNodes());
        gen.writeEndObject();
        PodSubnetSizing p = s.podSubnet();
        if (p != null) {
            gen.writeObjectFieldStart("podSubnet");
            gen.writeNumberField("nodes", p.nodes());
            gen.writeNumberField("maxPods", p.maxPods());
            writeSubnetSize(gen, "nodeSubnet", p.nodeSubnet());
            writeSubnetSize(gen, "dynamicPodSubnet", p.dynamicPodSubnet());
            writeSubnetSize(gen, "staticBlockPodSubnet", p.staticBlockPodSubnet());
            gen.writeStringField("proposedNodeSubnet", text(p.proposedNodeSubnet()));
            gen.writeStringField("proposedPodSubnet", text(p.proposedPodSubnet()));
            gen.writeStringField("noRoomReason", p.noRoomReason());
            gen.writeEndObject();
        }
        gen.writeEndObject();
    }

    private static void writeSubnetSize(JsonGenerator gen, String name, SubnetSize size) throws IOException {
        gen.writeObjectFieldStart(name);
        gen.writeNumberField("addressesNeeded", size.addressesNeeded());
        gen.writeNumberField("prefixLength", size.prefixLength());
        gen.writeStringField("formula", size.formula());
        gen.writeEndObject();
    }

    private static void writeTarget(JsonGenerator gen, TargetNetwork t) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("ipam", t.ipam());
        gen.writeStringField("podCidr", t.podCidr());
        gen.writeStringField("networkPolicy", AzureValue.text(t.networkPolicy()));
        gen.writeStringField("dataplane", AzureValue.text(t.dataplane()));
        gen.writeEndObject();
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
