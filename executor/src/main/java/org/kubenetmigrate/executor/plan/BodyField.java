package org.kubenetmigrate.executor.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.kubenetmigrate.planner.cidr.CidrFormatException;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.NetworkPolicy;
import org.kubenetmigrate.planner.planfile.PlanDocument;

/**
 * One request-body field a step may change, and the values it may set there.
 *
 * @param path the field's path from the resource root; {@value #ANY_KEY} matches any one key (a map keyed by id)
 * @param required true when the request must set it
 * @param single true when at most one key may match {@value #ANY_KEY}
 * @param value which values are allowed
 * @param allowed the allowed values in words, for the documentation table
 */
public record BodyField(List<String> path, boolean required, boolean single, Value value, String allowed) {
    /** Matches one key of a map whose keys are ids. */
    public static final String ANY_KEY = "*";

    public BodyField {
        path = List.copyOf(path);
        Objects.requireNonNull(value, "value");
    }

    /** Judges a value against the plan it is in; empty when allowed, else what is wrong. */
    @FunctionalInterface
    public interface Value {
        Optional<String> problem(Object value, List<String> path, PlanDocument plan);
    }

    static BodyField required(String dotted, String allowed, Value value) {
        return new BodyField(List.of(dotted.split("\\.")), true, false, value, allowed);
    }

    static BodyField optional(String dotted, String allowed, Value value) {
        return new BodyField(List.of(dotted.split("\\.")), false, false, value, "optional, " + allowed);
    }

    /** A required map entry keyed by id, exactly one. */
    static BodyField oneKey(String dottedMap, String allowed, Value value) {
        List<String> path = new java.util.ArrayList<>(List.of(dottedMap.split("\\.")));
        path.add(ANY_KEY);
        return new BodyField(path, true, true, value, allowed);
    }

    /** "`networkPlugin` (= `azure`)", for the documentation table. */
    public String describe() {
        return "`" + shortName() + "` (" + allowed + ")";
    }

    /** The field's name for people: the path with {@value #ANY_KEY} for an id. */
    public String name() {
        return String.join(".", path);
    }

    /**
     * The name a reader recognises: network profile fields by their own name ({@code networkPlugin}), others from
     * the resource root ({@code identity.type}), an id key as {@code {id}}.
     */
    public String shortName() {
        return name().replace(ANY_KEY, "{id}").replaceFirst("^properties\\.networkProfile\\.", "");
    }

    boolean matches(List<String> leaf) {
        if (leaf.size() != path.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            if (!path.get(i).equals(ANY_KEY) && !path.get(i).equals(leaf.get(i))) {
                return false;
            }
        }
        return true;
    }

    // ---- values ----

    /** Exactly this string. */
    static Value is(String expected) {
        return (v, p, plan) -> expected.equals(v) ? Optional.empty()
                : Optional.of("must be \"" + expected + "\", found " + shown(v));
    }

    /** null: the field is removed. */
    static Value isNull() {
        return (v, p, plan) -> v == null ? Optional.empty() : Optional.of("must be null, found " + shown(v));
    }

    /** An empty object, as ARM takes an entry of {@code userAssignedIdentities}. */
    static Value emptyObject() {
        return (v, p, plan) -> v instanceof Map<?, ?> m && m.isEmpty() ? Optional.empty()
                : Optional.of("must be {}, found " + shown(v));
    }

    /** The policy engine the cluster had when planned ({@code network.policy}), which must be one AKS installs. */
    static Value originalPolicyEngine() {
        return (v, p, plan) -> {
            AzureValue<NetworkPolicy> engine = plan.original().networkPolicy();
            if (engine == null || !(engine.is(NetworkPolicy.CALICO) || engine.is(NetworkPolicy.AZURE))) {
                return Optional.of("re-enables " + shown(v) + ", but the cluster had no policy engine"
                        + " (network.policy " + shown(AzureValue.text(engine)) + ")");
            }
            return engine.text().equals(v) ? Optional.empty()
                    : Optional.of("must be the engine the cluster had, \"" + engine + "\", found " + shown(v));
        };
    }

    /** The plan's target pod CIDR, a valid IPv4 prefix. */
    static Value targetPodCidr() {
        return (v, p, plan) -> {
            if (!(v instanceof String text)) {
                return Optional.of("must be a CIDR, found " + shown(v));
            }
            try {
                IpPrefix.parse(text);
            } catch (CidrFormatException e) {
                return Optional.of("is not a valid CIDR: " + e.getMessage());
            }
            return text.equals(plan.target().podCidr()) ? Optional.empty()
                    : Optional.of("must be the plan's target pod CIDR " + shown(plan.target().podCidr())
                    + " (target.podCidr, which precheck judges), found " + shown(v));
        };
    }

    private static final Pattern USER_ASSIGNED_IDENTITY = Pattern.compile(
            "(?i)/subscriptions/[^/]+/resourcegroups/[^/]+/providers/microsoft\\.managedidentity/"
                    + "userassignedidentities/[^/]+");

    /** An entry keyed by a user-assigned identity's ARM id, with an empty object as value. */
    static Value userAssignedIdentity() {
        return (v, p, plan) -> {
            String key = p.get(p.size() - 1);
            if (!USER_ASSIGNED_IDENTITY.matcher(key).matches()) {
                return Optional.of("key \"" + key + "\" is not the ARM id of a user-assigned identity");
            }
            return emptyObject().problem(v, p, plan);
        };
    }

    static String shown(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
