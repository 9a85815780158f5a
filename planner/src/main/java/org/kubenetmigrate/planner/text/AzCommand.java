package org.kubenetmigrate.planner.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An {@code az} command line a person can paste into a POSIX shell: every value is quoted ({@link Shell#quote}), so
 * a resource group named {@code rg (prod)} or a subnet id with spaces stays one argument. Immutable; each method
 * returns a longer command.
 *
 * <pre>{@code AzCommand.az("aks", "update").arg("-g", rg).arg("-n", name).arg("--network-policy", "none")}</pre>
 *
 * <p>Placeholders ({@code <n>}, {@code PRINCIPAL_ID}) are printed as they are: the reader replaces them before
 * running the command. A redirect ({@code > file}) may end it.
 */
public final class AzCommand {
    /** Command words and flags: fixed text of the az CLI itself, never data. */
    private static final Pattern WORD = Pattern.compile("-{0,2}[a-z][a-z0-9-]*");

    private final List<String> argv;
    private final List<String> printed;
    private final String redirect;

    private AzCommand(List<String> argv, List<String> printed, String redirect) {
        this.argv = List.copyOf(argv);
        this.printed = List.copyOf(printed);
        this.redirect = redirect;
    }

    /** {@code az} and its command group and verb, e.g. {@code az("network", "vnet", "subnet", "delete")}. */
    public static AzCommand az(String... words) {
        AzCommand command = new AzCommand(List.of("az"), List.of("az"), null);
        for (String word : words) {
            command = command.word(word);
        }
        return command;
    }

    /** {@code az aks VERB -g GROUP -n CLUSTER}; a verb of two words ({@code "command invoke"}) is split. */
    public static AzCommand aks(String verb, String resourceGroup, String cluster) {
        return az(("aks " + verb).split(" ")).arg("-g", resourceGroup).arg("-n", cluster);
    }

    /** {@code az aks nodepool VERB -g GROUP --cluster-name CLUSTER}, for the pool's own flags to follow. */
    public static AzCommand nodepool(String verb, String resourceGroup, String cluster) {
        return az("aks", "nodepool", verb).arg("-g", resourceGroup).arg("--cluster-name", cluster);
    }

    /** A flag and its value, the value quoted; an absent value is an empty word. */
    public AzCommand arg(String flag, String value) {
        return word(flag).append(value, Shell.quote(value));
    }

    /** A flag without a value, e.g. {@code --yes}. */
    public AzCommand flag(String flag) {
        return word(flag);
    }

    /** A flag whose value the reader fills in, printed as is, e.g. {@code --max-surge <n>}. */
    public AzCommand placeholder(String flag, String placeholder) {
        return word(flag).append(placeholder, placeholder);
    }

    /** The output written to a file, e.g. {@code -o json > cluster.json}. */
    public AzCommand into(String file) {
        return new AzCommand(argv, printed, file);
    }

    /** The words the command runs with, placeholders as printed, without the redirect. */
    public List<String> argv() {
        return argv;
    }

    /** The command as printed for a POSIX shell. */
    public String render() {
        String line = String.join(" ", printed);
        return redirect == null ? line : line + " > " + Shell.quote(redirect);
    }

    @Override
    public String toString() {
        return render();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AzCommand other && render().equals(other.render());
    }

    @Override
    public int hashCode() {
        return render().hashCode();
    }

    private AzCommand word(String word) {
        if (word == null || !WORD.matcher(word).matches()) {
            throw new IllegalArgumentException("not an az command word or flag: " + word);
        }
        return append(word, word);
    }

    private AzCommand append(String word, String shown) {
        List<String> a = new ArrayList<>(argv);
        List<String> p = new ArrayList<>(printed);
        a.add(word == null ? "" : word);
        p.add(shown);
        return new AzCommand(a, p, redirect);
    }
}
