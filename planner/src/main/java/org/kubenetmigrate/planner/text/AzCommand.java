package org.kubenetmigrate.planner.text;

import java.util.List;
import java.util.Objects;

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
    private static final AzCommand AZ = new AzCommand(null, "az", "az", 1, null);

    // Each command is its last word on top of the shorter command it extends (shared, never copied): the rules build a
    // command for nearly every cluster of a fleet, and copying the word lists at each step made that quadratic.
    private final AzCommand previous;
    private final String word;
    private final String shown;
    private final int words;
    private final String redirect;

    private AzCommand(AzCommand previous, String word, String shown, int words, String redirect) {
        this.previous = previous;
        this.word = word;
        this.shown = shown;
        this.words = words;
        this.redirect = redirect;
    }

    /** {@code az} and its command group and verb, e.g. {@code az("network", "vnet", "subnet", "delete")}. */
    public static AzCommand az(String... words) {
        AzCommand command = AZ;
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
        return new AzCommand(previous, word, shown, words, file);
    }

    /** The words the command runs with, placeholders as printed, without the redirect. */
    public List<String> argv() {
        String[] argv = new String[words];
        int i = words;
        for (AzCommand c = this; c != null; c = c.previous) {
            argv[--i] = c.word;
        }
        return List.of(argv);
    }

    /** The command as printed for a POSIX shell. */
    public String render() {
        String[] printed = new String[words];
        int length = words - 1;
        int i = words;
        for (AzCommand c = this; c != null; c = c.previous) {
            printed[--i] = c.shown;
            length += c.shown.length();
        }
        StringBuilder line = new StringBuilder(length + (redirect == null ? 0 : redirect.length() + 8));
        for (int at = 0; at < printed.length; at++) {
            if (at > 0) {
                line.append(' ');
            }
            line.append(printed[at]);
        }
        return redirect == null ? line.toString() : line.append(" > ").append(Shell.quote(redirect)).toString();
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
        if (word == null || !isWord(word)) {
            throw new IllegalArgumentException("not an az command word or flag: " + word);
        }
        return append(word, word);
    }

    /**
     * Command words and flags, {@code -{0,2}[a-z][a-z0-9-]*}: fixed text of the az CLI itself, never data. Checked by
     * hand rather than by a regular expression: it runs for every word of every command of a fleet report.
     */
    static boolean isWord(String word) {
        int at = 0;
        while (at < 2 && at < word.length() && word.charAt(at) == '-') {
            at++;
        }
        if (at == word.length() || !lowerLetter(word.charAt(at))) {
            return false;
        }
        for (at++; at < word.length(); at++) {
            char c = word.charAt(at);
            if (!lowerLetter(c) && !(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean lowerLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private AzCommand append(String word, String shown) {
        return new AzCommand(this, word == null ? "" : word, Objects.requireNonNull(shown, "shown"), words + 1,
                redirect);
    }
}
