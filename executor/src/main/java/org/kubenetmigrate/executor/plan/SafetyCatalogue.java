package org.kubenetmigrate.executor.plan;

import static org.kubenetmigrate.executor.plan.BodyField.is;
import static org.kubenetmigrate.executor.plan.BodyField.isNull;
import static org.kubenetmigrate.executor.plan.BodyField.oneKey;
import static org.kubenetmigrate.executor.plan.BodyField.optional;
import static org.kubenetmigrate.executor.plan.BodyField.originalPolicyEngine;
import static org.kubenetmigrate.executor.plan.BodyField.required;
import static org.kubenetmigrate.executor.plan.BodyField.targetPodCidr;
import static org.kubenetmigrate.executor.plan.BodyField.userAssignedIdentity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kubenetmigrate.executor.plan.StepSafety.Effect;
import org.kubenetmigrate.executor.plan.StepSafety.OneWay;
import org.kubenetmigrate.executor.plan.StepSafety.Undo;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.NetworkPolicy;
import org.kubenetmigrate.planner.plan.ApiVersions;
import org.kubenetmigrate.planner.plan.ArmRequest;
import org.kubenetmigrate.planner.plan.Stage;
import org.kubenetmigrate.planner.plan.Step;
import org.kubenetmigrate.planner.plan.StepId;
import org.kubenetmigrate.planner.planfile.PlanDocument;

/**
 * The executor's own safety rules for every step it runs: a plan file's flags, order and request bodies are checked
 * against this catalogue and refused when they disagree, so that the file displays the catalogue and never decides
 * a gate, the order or what a request may change. The order is the catalogue's order: {@code precheck} and
 * {@code backup} before any change, the identity settled before anything that needs it, the policy engine off
 * before the one-way plugin update, the rollout watched before the policy engine (or Cilium) comes back,
 * {@code validate} last.
 */
public final class SafetyCatalogue {
    private static final String PREPARE = "prepare";
    private static final String NETWORK_PROFILE = "properties.networkProfile.";
    private static final String ENGINE_BEFORE = "= the engine the cluster had, `calico` or `azure`";

    /** Every step the executor runs, in the only order it runs them. */
    public static final SafetyCatalogue EXECUTOR = new SafetyCatalogue(List.of(
            reads(StepId.PRECHECK, PREPARE),
            reads(StepId.BACKUP, PREPARE),
            new StepSafety(StepId.ASSIGN_IDENTITY, PREPARE, Effect.UPDATES_CLUSTER, true, OneWay.UNLESS_COMPENSATED,
                    false, Undo.OPTIONAL_REQUEST,
                    List.of(required("identity.type", "= `UserAssigned`", is("UserAssigned")),
                            oneKey("identity.userAssignedIdentities", "one user-assigned identity id, = `{}`",
                                    userAssignedIdentity())),
                    List.of(required("identity.type", "= `SystemAssigned`", is("SystemAssigned")),
                            required("identity.userAssignedIdentities", "= `null`", isNull()))),
            reads(StepId.SETTLE_IDENTITY, PREPARE),
            new StepSafety(StepId.REMOVE_IP_MASQ_CONFIG, PREPARE, Effect.CHANGES_INSIDE_CLUSTER, true, OneWay.NO,
                    false, Undo.BY_THE_STEP, List.of(), List.of()),
            new StepSafety(StepId.DISABLE_NETWORK_POLICY, PREPARE, Effect.UPDATES_CLUSTER, true, OneWay.NO, false,
                    Undo.REQUEST,
                    List.of(required(NETWORK_PROFILE + "networkPolicy", "= `none`", is("none"))),
                    List.of(required(NETWORK_PROFILE + "networkPolicy", ENGINE_BEFORE, originalPolicyEngine()))),
            new StepSafety(StepId.UPDATE_NETWORK_PLUGIN, "migrate", Effect.UPDATES_CLUSTER, true, OneWay.YES, true,
                    Undo.NONE,
                    List.of(required(NETWORK_PROFILE + "networkPlugin", "= `azure`", is("azure")),
                            required(NETWORK_PROFILE + "networkPluginMode", "= `overlay`", is("overlay")),
                            optional(NETWORK_PROFILE + "podCidr", "= the plan's target pod CIDR",
                                    targetPodCidr())),
                    List.of()),
            reads(StepId.OBSERVE_ROLLOUT, "rollout"),
            new StepSafety(StepId.RESTORE_NETWORK_POLICY, "network-policy", Effect.UPDATES_CLUSTER, false,
                    OneWay.NO, false, Undo.NONE,
                    List.of(required(NETWORK_PROFILE + "networkPolicy", ENGINE_BEFORE, originalPolicyEngine())), List.of()),
            new StepSafety(StepId.ENABLE_CILIUM, "dataplane", Effect.UPDATES_CLUSTER, true, OneWay.YES, false,
                    Undo.NONE,
                    List.of(required(NETWORK_PROFILE + "networkDataplane", "= `cilium`", is("cilium")),
                            required(NETWORK_PROFILE + "networkPolicy", "= `cilium`", is("cilium"))),
                    List.of()),
            reads(StepId.VALIDATE, "validate")));

    private final Map<String, StepSafety> steps;
    private final List<String> order;

    SafetyCatalogue(List<StepSafety> inOrder) {
        Map<String, StepSafety> byId = new LinkedHashMap<>();
        inOrder.forEach(s -> byId.put(s.id().id(), s));
        this.steps = byId;
        this.order = List.copyOf(byId.keySet());
    }

    private static StepSafety reads(StepId id, String stage) {
        return new StepSafety(id, stage, Effect.READS, false, OneWay.NO, false, Undo.NONE, List.of(), List.of());
    }

    /** The steps in run order. */
    public List<StepSafety> steps() {
        return List.copyOf(steps.values());
    }

    /**
     * The catalogue as a Markdown table (step, stage, one-way, gate, fields it may change), as
     * docs/operations/plan-file-safety.md shows it.
     */
    public String markdownTable() {
        StringBuilder out = new StringBuilder();
        out.append("| Step | Stage | One-way | Gate before it | Fields its request may change |\n");
        out.append("|---|---|---|---|---|\n");
        for (StepSafety s : steps.values()) {
            String fields = switch (s.effect()) {
                case READS -> "none: reads only";
                case CHANGES_INSIDE_CLUSTER -> "none: no ARM request (changes inside the cluster, undone by the step)";
                case UPDATES_CLUSTER -> s.fields().stream().map(BodyField::describe).collect(Collectors.joining(", "))
                        + (s.compensationFields().isEmpty() ? "" : "; its compensation: " + s.compensationFields()
                        .stream().map(BodyField::describe).collect(Collectors.joining(", ")));
            };
            out.append("| `").append(s.id().id()).append("` | ").append(s.stage()).append(" | ")
                    .append(s.oneWayText()).append(" | ").append(s.gate() ? "approval" : s.id() == StepId.SETTLE_IDENTITY
                            ? "no approval; waits the identity settle time" : "no").append(" | ").append(fields)
                    .append(" |\n");
        }
        return out.toString();
    }

    public Set<String> ids() {
        return steps.keySet();
    }

    public Optional<StepSafety> of(String stepId) {
        return Optional.ofNullable(steps.get(stepId));
    }

    public StepSafety of(StepId id) {
        return Objects.requireNonNull(steps.get(id.id()), id.id());
    }

    /**
     * Refuses, with one line naming the step and the field, a plan whose steps, flags, order or request bodies
     * disagree with this catalogue.
     */
    public void check(String file, PlanDocument plan) throws InputException {
        new Check(file, plan).run();
    }

    /** One plan being checked; every refusal points into the file. */
    private final class Check {
        private final String file;
        private final PlanDocument plan;
        private final Set<String> present = new HashSet<>();

        Check(String file, PlanDocument plan) {
            this.file = file;
            this.plan = plan;
        }

        void run() throws InputException {
            int lastRank = -1;
            String last = null;
            List<Stage> stages = plan.stages();
            for (int s = 0; s < stages.size(); s++) {
                Stage stage = stages.get(s);
                if (stage.steps().isEmpty()) {
                    throw new InputException(file, "/stages/" + s + "/steps", "stage " + stage.id() + " has no steps");
                }
                for (int i = 0; i < stage.steps().size(); i++) {
                    Step step = stage.steps().get(i);
                    String at = "/stages/" + s + "/steps/" + i;
                    StepSafety safety = steps.get(step.id());
                    if (safety == null) {
                        throw new InputException(file, at + "/id", "unknown step \"" + step.id()
                                + "\"; this executor runs " + String.join(", ", order));
                    }
                    if (!present.add(step.id())) {
                        throw new InputException(file, at + "/id", "step \"" + step.id() + "\" appears twice");
                    }
                    int rank = order.indexOf(step.id());
                    if (rank < lastRank) {
                        throw new InputException(file, at + "/id", "step " + step.id() + " comes after " + last
                                + ", but the executor runs it before: its order is " + String.join(", ", order));
                    }
                    lastRank = rank;
                    last = step.id();
                    if (!safety.stage().equals(stage.id())) {
                        throw new InputException(file, "/stages/" + s + "/id", "step " + step.id()
                                + " belongs to stage " + safety.stage() + ", found in stage " + stage.id());
                    }
                    flags(at, step, safety);
                    request(at + "/request", step, "step " + step.id(), step.request(), safety.effect(),
                            safety.fields());
                    compensation(at, step, safety);
                }
            }
            presence();
        }

        private void flags(String at, Step step, StepSafety safety) throws InputException {
            String id = step.id();
            if (step.manual()) {
                throw new InputException(file, at + "/manual", "step " + id + " is run by the executor, never by hand;"
                        + " manual steps are not run");
            }
            if (step.requiresApproval() != safety.gate()) {
                throw new InputException(file, at + "/requiresApproval", "step " + id + (safety.gate()
                        ? " always has a gate before it" : " has no gate before it") + "; the plan says "
                        + step.requiresApproval() + " (the executor decides its gates, not the plan file)");
            }
            if (step.pointOfNoReturn() != safety.pointOfNoReturn()) {
                throw new InputException(file, at + "/pointOfNoReturn", "step " + id + (safety.pointOfNoReturn()
                        ? " is the point of no return" : " is not the point of no return") + "; the plan says "
                        + step.pointOfNoReturn() + " (the executor decides it, not the plan file)");
            }
            boolean reversible = switch (safety.oneWay()) {
                case NO -> true;
                case YES -> false;
                case UNLESS_COMPENSATED -> step.compensation() != null;
            };
            if (step.reversible() != reversible) {
                throw new InputException(file, at + "/reversible", "step " + id + " is " + (reversible ? "reversible"
                        : "one-way") + (safety.oneWay() == OneWay.UNLESS_COMPENSATED ? " with"
                        + (reversible ? "" : "out") + " a compensation" : "") + "; the plan says reversible "
                        + step.reversible());
            }
            boolean inside = safety.effect() == Effect.CHANGES_INSIDE_CLUSTER;
            if (step.changesCluster() != inside) {
                throw new InputException(file, at + "/changesCluster", "step " + id + (inside ? " changes" : " does not"
                        + " change") + " objects inside the cluster; the plan says changesCluster "
                        + step.changesCluster());
            }
        }

        private void compensation(String at, Step step, StepSafety safety) throws InputException {
            String id = step.id();
            boolean has = step.compensation() != null;
            boolean allowed = safety.compensation() != Undo.NONE;
            boolean needed = safety.compensation() == Undo.REQUEST || safety.compensation() == Undo.BY_THE_STEP;
            if (has && !allowed) {
                throw new InputException(file, at + "/compensation", "step " + id + " has no compensation in this"
                        + " executor; the plan gives one");
            }
            if (!has && needed) {
                throw new InputException(file, at + "/compensation", "step " + id + " must have its compensation"
                        + " (rollback undoes it); the plan gives none");
            }
            if (!has) {
                return;
            }
            ArmRequest request = step.compensation().request();
            if (safety.compensation() == Undo.BY_THE_STEP) {
                if (request != null) {
                    throw new InputException(file, at + "/compensation/request", "step " + id + " is undone by the"
                            + " executor's own code; the plan may not give a request for it");
                }
                return;
            }
            if (request == null) {
                throw new InputException(file, at + "/compensation/request", "the compensation of step " + id
                        + " needs its cluster update; the plan gives none");
            }
            request(at + "/compensation/request", step, "the compensation of step " + id, request,
                    Effect.UPDATES_CLUSTER, safety.compensationFields());
        }

        private void request(String at, Step step, String who, ArmRequest request, Effect effect,
                             List<BodyField> fields) throws InputException {
            switch (effect) {
                case CHANGES_INSIDE_CLUSTER -> {
                    if (request != null) {
                        throw new InputException(file, at, who + " makes no ARM request; the plan gives "
                                + request.method() + " " + request.path());
                    }
                }
                case READS -> {
                    if (request != null && request.mutating()) {
                        throw new InputException(file, at + "/method", who + " only reads; the plan gives it "
                                + request.method());
                    }
                    if (request != null && !request.path().toLowerCase(java.util.Locale.ROOT)
                            .startsWith(plan.clusterId().toLowerCase(java.util.Locale.ROOT))) {
                        throw new InputException(file, at + "/path", who + " reads the planned cluster "
                                + plan.clusterId() + " only; the plan gives " + request.path());
                    }
                }
                case UPDATES_CLUSTER -> update(at, who, request, fields);
            }
        }

        private void update(String at, String who, ArmRequest request, List<BodyField> fields)
                throws InputException {
            if (request == null) {
                throw new InputException(file, at, who + " needs its cluster update; the plan gives none");
            }
            if (!request.path().equalsIgnoreCase(plan.clusterId())) {
                throw new InputException(file, at + "/path", "a write to \"" + request.path() + "\", which is not"
                        + " the planned cluster " + plan.clusterId() + " (" + who + ")");
            }
            if (!"PUT".equals(request.method()) || !ArmRequest.MERGE_INTO_CURRENT.equals(request.bodyMode())) {
                throw new InputException(file, at + "/bodyMode", who + ": the executor sends cluster updates as PUT"
                        + " with bodyMode \"" + ArmRequest.MERGE_INTO_CURRENT + "\" only, found " + request.method()
                        + " \"" + request.bodyMode() + "\"");
            }
            if (!ApiVersions.AKS.equals(request.apiVersion())) {
                throw new InputException(file, at + "/apiVersion", who + " is sent with api-version "
                        + ApiVersions.AKS + " only, found \"" + request.apiVersion() + "\" (re-plan with this"
                        + " version of the tool)");
            }
            for (Map.Entry<String, String> header : request.headers().entrySet()) {
                if (!header.getKey().equalsIgnoreCase("If-Match")) {
                    throw new InputException(file, at + "/headers/" + pointerToken(header.getKey()), who
                            + " may not send header " + header.getKey() + " (the executor sends If-Match only)");
                }
                if (!ArmRequest.ETAG_OF_READ.equals(header.getValue())) {
                    throw new InputException(file, at + "/headers/" + pointerToken(header.getKey()), who
                            + " sends If-Match with the ETag of the executor's own read just before it ("
                            + ArmRequest.ETAG_OF_READ + "), found \"" + header.getValue() + "\" (re-plan with this"
                            + " version of the tool)");
                }
            }
            if (!request.headers().containsKey("If-Match")) {
                throw new InputException(file, at + "/headers", who + " is sent with If-Match "
                        + ArmRequest.ETAG_OF_READ + "; the plan leaves it out");
            }
            body(at + "/body", who, request.body(), fields);
        }

        private void body(String at, String who, Map<String, Object> body, List<BodyField> fields)
                throws InputException {
            List<List<String>> leaves = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            leaves(body, new ArrayList<>(), leaves, values);
            String allowed = fields.stream().map(BodyField::shortName).collect(Collectors.joining(", "));
            Map<BodyField, Integer> seen = new LinkedHashMap<>();
            for (int i = 0; i < leaves.size(); i++) {
                List<String> leaf = leaves.get(i);
                String pointer = at + leaf.stream().map(k -> "/" + pointerToken(k)).collect(Collectors.joining());
                BodyField field = fields.stream().filter(f -> f.matches(leaf)).findFirst().orElse(null);
                if (field == null) {
                    throw new InputException(file, pointer, who + " may not change " + String.join(".", leaf)
                            + " (it changes only " + (allowed.isEmpty() ? "nothing" : allowed) + ")");
                }
                Optional<String> problem = field.value().problem(values.get(i), leaf, plan);
                if (problem.isPresent()) {
                    throw new InputException(file, pointer, who + ": " + field.shortName() + " " + problem.get());
                }
                int count = seen.merge(field, 1, Integer::sum);
                if (field.single() && count > 1) {
                    throw new InputException(file, pointer, who + " sets more than one " + field.shortName());
                }
            }
            for (BodyField field : fields) {
                if (field.required() && !seen.containsKey(field)) {
                    throw new InputException(file, at, who + " must set " + field.name());
                }
            }
        }

        private void presence() throws InputException {
            List<String> missing = new ArrayList<>();
            for (StepId always : List.of(StepId.PRECHECK, StepId.BACKUP, StepId.UPDATE_NETWORK_PLUGIN,
                    StepId.OBSERVE_ROLLOUT, StepId.VALIDATE)) {
                if (!present.contains(always.id())) {
                    missing.add(always.id());
                }
            }
            if (!missing.isEmpty()) {
                throw new InputException(file, "/stages", "the plan has no step " + String.join(", ", missing)
                        + "; every run has precheck, backup, update-network-plugin, observe-rollout and validate");
            }
            boolean assign = present.contains(StepId.ASSIGN_IDENTITY.id());
            boolean settle = present.contains(StepId.SETTLE_IDENTITY.id());
            if (assign != settle) {
                throw new InputException(file, "/stages", assign
                        ? "step assign-identity is not followed by settle-identity: a new identity must hold its"
                        + " rights and be given time before anything needs them (re-plan with this version of the"
                        + " tool)"
                        : "step settle-identity without assign-identity");
            }
            AzureValue<NetworkPolicy> engine = plan.original().policyEngine();
            boolean engineOn = engine != null;
            boolean disable = present.contains(StepId.DISABLE_NETWORK_POLICY.id());
            if (engineOn && !disable) {
                throw new InputException(file, "/stages", "the cluster has network policy engine " + engine
                        + " (network.policy), so update-network-plugin must come after disable-network-policy;"
                        + " the plan has no disable-network-policy");
            }
            boolean cilium = plan.target().cilium();
            boolean enable = present.contains(StepId.ENABLE_CILIUM.id());
            if (cilium != enable) {
                throw new InputException(file, "/stages", cilium
                        ? "the plan's target data plane is cilium (target.dataplane) but it has no enable-cilium"
                        : "step enable-cilium, but the plan's target data plane is not cilium (target.dataplane)");
            }
            boolean restore = present.contains(StepId.RESTORE_NETWORK_POLICY.id());
            if (restore && (enable || !disable)) {
                throw new InputException(file, "/stages", "step restore-network-policy only follows"
                        + " disable-network-policy, and never with enable-cilium");
            }
            if (disable && !restore && !enable) {
                throw new InputException(file, "/stages", "step disable-network-policy leaves the cluster without"
                        + " policy enforcement: the plan must end the gap with restore-network-policy or"
                        + " enable-cilium");
            }
            String podCidr = plan.target().podCidr();
            boolean setsPodCidr = plan.steps().stream()
                    .filter(s -> s.id().equals(StepId.UPDATE_NETWORK_PLUGIN.id()))
                    .anyMatch(s -> s.request() != null && s.request().body() != null
                            && profile(s.request().body()).containsKey("podCidr"));
            // No target pod CIDR: the planner found none usable; precheck's pod CIDR rules stop such a run.
            if (!setsPodCidr && podCidr != null && !Objects.equals(podCidr, plan.original().podCidr())) {
                throw new InputException(file, "/target/podCidr", "the target pod CIDR " + podCidr + " differs from"
                        + " the cluster's " + plan.original().podCidr() + " (network.podCidr), but"
                        + " update-network-plugin does not set podCidr");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> profile(Map<String, Object> body) {
        Object properties = body.get("properties");
        if (properties instanceof Map<?, ?> p && p.get("networkProfile") instanceof Map<?, ?> np) {
            return (Map<String, Object>) np;
        }
        return Map.of();
    }

    /** The body's leaves: scalars, nulls, lists and empty objects, with their paths. */
    @SuppressWarnings("unchecked")
    private static void leaves(Map<String, Object> map, List<String> path, List<List<String>> leaves,
                               List<Object> values) {
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            List<String> here = new ArrayList<>(path);
            here.add(entry.getKey());
            if (entry.getValue() instanceof Map<?, ?> child && !child.isEmpty()) {
                leaves((Map<String, Object>) child, here, leaves, values);
            } else {
                leaves.add(here);
                values.add(entry.getValue());
            }
        }
    }

    private static String pointerToken(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
