package org.kubenetmigrate.planner.iac.terraform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kubenetmigrate.planner.iac.IacSyntaxException;
import org.kubenetmigrate.planner.iac.SourceFile;
import org.kubenetmigrate.planner.iac.terraform.HclBody.Attribute;
import org.kubenetmigrate.planner.iac.terraform.HclBody.Block;

/**
 * One Terraform root module as parsed: its .tf files, its variable values (defaults and .tfvars) and the lock file.
 * Pure: it is handed the files' text.
 */
final class TerraformCode {
    record Parsed(SourceFile file, HclBody body) {
    }

    /** A literal value of a variable and where it is written. */
    record Value(String value, Parsed where, Attribute attribute, boolean autoLoaded) {
        String describe() {
            return where.file().name() + ":" + where.file().lineOf(attribute.start());
        }
    }

    final List<Parsed> tf = new ArrayList<>();
    final List<Parsed> tfvars = new ArrayList<>();
    Parsed lock;
    final Map<String, Attribute> defaults = new LinkedHashMap<>();
    final Map<String, Parsed> defaultFiles = new LinkedHashMap<>();

    static TerraformCode parse(List<SourceFile> files) throws IacSyntaxException {
        TerraformCode code = new TerraformCode();
        for (SourceFile f : files) {
            String name = f.name();
            boolean tfFile = name.endsWith(".tf");
            boolean vars = name.endsWith(".tfvars");
            boolean lockFile = name.equals(".terraform.lock.hcl");
            if (!tfFile && !vars && !lockFile) {
                continue;
            }
            HclBody body;
            try {
                body = HclBody.parse(f.text());
            } catch (HclSyntaxException e) {
                throw new IacSyntaxException(f.path(), e.line(), "does not parse as HCL: " + e.getMessage());
            }
            Parsed p = new Parsed(f, body);
            if (tfFile) {
                code.tf.add(p);
                for (Block v : body.blocks("variable")) {
                    v.body().attribute("default").ifPresent(d -> {
                        code.defaults.put(v.label(0), d);
                        code.defaultFiles.put(v.label(0), p);
                    });
                }
            } else if (vars) {
                code.tfvars.add(p);
            } else {
                code.lock = p;
            }
        }
        return code;
    }

    static boolean autoLoaded(SourceFile f) {
        return f.name().equals("terraform.tfvars") || f.name().endsWith(".auto.tfvars");
    }

    /** Every literal value the variable has in the code: its default and each .tfvars file that sets it. */
    List<Value> values(String variable) {
        List<Value> out = new ArrayList<>();
        Attribute d = defaults.get(variable);
        if (d != null) {
            d.literal().ifPresent(v -> out.add(new Value(v, defaultFiles.get(variable), d, true)));
        }
        for (Parsed p : tfvars) {
            p.body().attribute(variable).flatMap(a -> a.literal().map(v -> new Value(v, p, a, autoLoaded(p.file()))))
                    .ifPresent(out::add);
        }
        return out;
    }

    /**
     * Where Terraform takes the variable from without -var-file: the last auto-loaded .tfvars that sets it
     * (terraform.tfvars, then *.auto.tfvars in name order), else its default.
     */
    Optional<Value> autoValue(String variable) {
        Value best = null;
        Attribute d = defaults.get(variable);
        if (d != null && d.literal().isPresent()) {
            best = new Value(d.literal().get(), defaultFiles.get(variable), d, true);
        }
        List<Parsed> auto = tfvars.stream().filter(p -> autoLoaded(p.file()))
                .sorted((a, b) -> rank(a.file()).compareTo(rank(b.file()))).toList();
        for (Parsed p : auto) {
            Optional<Attribute> a = p.body().attribute(variable);
            if (a.isPresent() && a.get().literal().isPresent()) {
                best = new Value(a.get().literal().get(), p, a.get(), true);
            }
        }
        return Optional.ofNullable(best);
    }

    private static String rank(SourceFile f) {
        return (f.name().equals("terraform.tfvars") ? "0" : "1") + f.name().toLowerCase(Locale.ROOT);
    }

    /** The azurerm version constraint from required_providers (or a legacy provider block), if written. */
    Optional<Located> azurermConstraint() throws IacSyntaxException {
        for (Parsed p : tf) {
            for (Block t : p.body().blocks("terraform")) {
                for (Block rp : t.body().blocks("required_providers")) {
                    Optional<Attribute> azurerm = rp.body().attribute("azurerm");
                    if (azurerm.isPresent()) {
                        Attribute a = azurerm.get();
                        if (a.literal().isPresent()) {
                            return Optional.of(new Located(a.literal().get(), p, a));
                        }
                        try {
                            Optional<HclBody> object = a.object(p.file().text());
                            Optional<Attribute> version = object.flatMap(o -> o.attribute("version"));
                            if (version.isPresent()) {
                                return Optional.of(new Located(version.get().literal().orElse(null), p, version.get()));
                            }
                        } catch (HclSyntaxException e) {
                            throw new IacSyntaxException(p.file().path(), p.file().lineOf(a.start()), e.getMessage());
                        }
                        return Optional.of(new Located(null, p, a));
                    }
                }
            }
            for (Block provider : p.body().blocks("provider")) {
                if (provider.label(0).equals("azurerm")) {
                    Optional<Attribute> version = provider.body().attribute("version");
                    if (version.isPresent()) {
                        return Optional.of(new Located(version.get().literal().orElse(null), p, version.get()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The azurerm release .terraform.lock.hcl selects, if the lock file was given. */
    Optional<String> lockedAzurerm() {
        if (lock == null) {
            return Optional.empty();
        }
        for (Block b : lock.body().blocks("provider")) {
            if (b.label(0).toLowerCase(Locale.ROOT).endsWith("/hashicorp/azurerm")) {
                return b.body().attribute("version").flatMap(Attribute::literal);
            }
        }
        return Optional.empty();
    }

    record Located(String value, Parsed where, Attribute attribute) {
    }
}
