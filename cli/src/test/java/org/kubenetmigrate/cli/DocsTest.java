package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The user documentation (README.md, docs/, runbooks/, examples/) holds together: the README opens with the set-up
 * commands and links every command page; the example-fleet commands shown run as shown; every relative link and image
 * resolves, including {@code #anchors} into Markdown headings; every image in docs/images is shown somewhere; and
 * the pages cite sources by URL, never by the tags of the project's internal notes.
 */
class DocsTest {
    private static final Path REPOSITORY = ReferenceDocsTest.REPOSITORY;
    /** {@code [text](target)} and {@code ![alt](target "title")}; the target has no spaces. */
    private static final Pattern INLINE_LINK = Pattern.compile(
            "!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile(
            "^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern HTML_LINK = Pattern.compile("(?:href|src)=\"([^\"]+)\"");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /** Tags of the internal fact base (a letter and a number, or a dated release-note tag) and words about how the work was organised. */
    private static final Pattern INTERNAL = Pattern.compile(
            "(?<![\\w./#-])(?:[DFHQ][1-9][0-9]?|R[1-9][0-9]?[a-z]?|C1:\\d{4}-\\d{2}-\\d{2})(?![\\w-])"
                    + "|(?i:\\bwork items?\\b|\\bissue \\d+|\\bphase [0-9]\\b|closing note|shared/docs|/work/)");

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<Path> pages = markdownPages();
        assertThat(pages).as("Markdown pages found").extracting(p -> REPOSITORY.relativize(p).toString())
                .contains("README.md", "docs/README.md", "docs/reference/exit-codes.md");
        for (Path page : pages) {
            for (String target : links(Files.readString(page, StandardCharsets.UTF_8))) {
                String problem = problem(page, target, anchors);
                if (problem != null) {
                    broken.add(REPOSITORY.relativize(page) + ": (" + target + ") " + problem);
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void everyImageInDocsImagesIsShownOnSomePage() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path page : markdownPages()) {
            all.append(Files.readString(page, StandardCharsets.UTF_8));
        }
        List<String> unused = new ArrayList<>();
        try (Stream<Path> images = Files.list(REPOSITORY.resolve("docs/images"))) {
            images.map(p -> p.getFileName().toString()).filter(n -> !all.toString().contains("images/" + n))
                    .forEach(unused::add);
        }
        assertThat(unused).as("images in docs/images no page shows").isEmpty();
    }

    @Test
    void pagesCiteUrlsNotInternalTags() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path page : markdownPages()) {
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = INTERNAL.matcher(lines.get(i));
                while (m.find()) {
                    found.add(REPOSITORY.relativize(page) + ":" + (i + 1) + ": '" + m.group() + "'");
                }
            }
        }
        assertThat(found).as("internal tags or words about how the work was organised").isEmpty();
    }

    @Test
    void readmeOpensWithTheTwoSetUpCommandsAndLinksEveryCommandPage() throws IOException {
        String readme = Files.readString(REPOSITORY.resolve("README.md"), StandardCharsets.UTF_8);
        int open = readme.indexOf("```");
        String firstBlock = readme.substring(readme.indexOf('\n', open) + 1, readme.indexOf("```", open + 3));
        assertThat(firstBlock.lines().map(l -> l.replaceAll("\\s*#.*", "").strip()).toList())
                .as("the first code block of README.md").containsExactly(
                        "./kubenet-migrate report --from examples/fleet", "./mvnw verify");
        assertThat(readme.substring(0, open)).as("nothing but the title before the set-up commands")
                .isEqualTo("# kubenet-migrate\n\n");
        List<String> unlinked = new ArrayList<>();
        picocli.CommandLine root = ReferenceDocs.root();
        for (picocli.CommandLine command : ReferenceDocs.commands(root)) {
            String page = ReferenceDocs.COMMANDS_DIR + "/" + ReferenceDocs.fileName(command) + ".md";
            if (command.getParent() == root && !readme.contains("](" + page + ")")) {
                unlinked.add(page);
            }
        }
        assertThat(unlinked).as("command pages missing from the README's table of commands").isEmpty();
    }

    /** Every example-fleet command shown in README.md and docs/ runs as shown (from the repository root). */
    @Test
    void documentedCommandsOnTheExampleFleetRunAsShown(@org.junit.jupiter.api.io.TempDir Path out)
            throws IOException {
        Pattern command = Pattern.compile("^(?:\\$ )?\\./kubenet-migrate ((?:report|plan) [^#|>]*examples/[^#|>]*?)\\s*(?:#.*)?$");
        Set<String> commands = new LinkedHashSet<>();
        for (Path page : markdownPages()) {
            for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
                Matcher m = command.matcher(line);
                if (m.matches()) {
                    commands.add(m.group(1));
                }
            }
        }
        assertThat(commands).as("example commands found").hasSizeGreaterThanOrEqualTo(3);
        List<String> failed = new ArrayList<>();
        for (String line : commands) {
            List<String> args = new ArrayList<>();
            String[] words = line.strip().split("\\s+");
            for (int i = 0; i < words.length; i++) {
                String word = words[i];
                args.add(word.startsWith("examples/") ? REPOSITORY.resolve(word).toString()
                        : i > 0 && words[i - 1].equals("--out") ? out.resolve(word).toString() : word);
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            boolean gate = line.contains("--fail-on") && run.exitCode() == ExitCodes.THRESHOLD_MET;
            if (run.exitCode() != ExitCodes.OK && !gate) {
                failed.add(line + " -> exit " + run.exitCode() + ": " + run.err().strip());
            }
        }
        assertThat(failed).as("documented commands that fail").isEmpty();
    }

    @Test
    void theLinkCheckerCatchesWhatItShould() throws IOException {
        Path readme = REPOSITORY.resolve("README.md");
        Map<Path, Set<String>> anchors = new HashMap<>();
        assertThat(problem(readme, "docs/no-such-page.md", anchors)).contains("no such file");
        assertThat(problem(readme, "docs/README.md#no-such-heading", anchors)).contains("no heading");
        assertThat(problem(readme, "docs/README.md", anchors)).isNull();
        assertThat(problem(readme, "https://example.com/x", anchors)).isNull();
        assertThat(slugs("# `apply`: running a plan\n## Exit codes\n## Exit codes\n```\n# not a heading\n```\n"))
                .containsExactly("apply-running-a-plan", "exit-codes", "exit-codes-1");
        assertThat(links("see [a](x.md) and `[b](y.md)` and\n```\n[c](z.md)\n```\n![i](img.png \"t\")\n[r]: ref.md\n"))
                .containsExactly("x.md", "img.png", "ref.md");
        // Built from parts so that this file itself cites no tag.
        assertThat(INTERNAL.matcher("a source (" + "D" + "1, " + "F" + "15) or " + "C1" + ":2023-11-28").results().count()).isEqualTo(3);
        assertThat(INTERNAL.matcher("Standard_D2s_v3, /24, Azure/AKS#3720, ED25519, R2D2-x, 1.27").find()).isFalse();
    }

    private static List<Path> markdownPages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(REPOSITORY.resolve("README.md"));
        for (String dir : List.of("docs", "runbooks", "examples")) {
            try (Stream<Path> files = Files.walk(REPOSITORY.resolve(dir))) {
                files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(pages::add);
            }
        }
        return pages;
    }

    /** Link targets outside code: inline links and images, reference definitions, HTML href/src. */
    static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        for (String line : withoutCode(markdown).split("\n", -1)) {
            Matcher definition = REFERENCE_DEFINITION.matcher(line);
            if (definition.matches()) {
                targets.add(definition.group(1));
                continue;
            }
            for (Pattern p : List.of(INLINE_LINK, HTML_LINK)) {
                Matcher m = p.matcher(line);
                while (m.find()) {
                    targets.add(m.group(1));
                }
            }
        }
        return targets;
    }

    /** Null when the link resolves, else why not. */
    private static String problem(Path page, String target, Map<Path, Set<String>> anchors) throws IOException {
        if (SCHEME.matcher(target).find()) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        if (path.startsWith("/")) {
            return "absolute path; use a relative one";
        }
        Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
        if (!file.startsWith(REPOSITORY)) {
            return "points outside the repository";
        }
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (anchor == null || anchor.isEmpty() || !file.toString().endsWith(".md")) {
            return null;
        }
        Set<String> known = anchors.computeIfAbsent(file, f -> {
            try {
                return slugs(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return known.contains(URLDecoder.decode(anchor, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)) ? null
                : "no heading or anchor '" + anchor + "' in " + REPOSITORY.relativize(file);
    }

    /** The anchors GitHub gives a page: heading slugs (repeats get -1, -2, …) and HTML {@code <a id>}. */
    static Set<String> slugs(String markdown) {
        Set<String> slugs = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : withoutFences(markdown).split("\n", -1)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                slugs.add(n == 0 ? slug : slug + "-" + n);
            }
            Matcher a = HTML_ANCHOR.matcher(line);
            while (a.find()) {
                slugs.add(a.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return slugs;
    }

    /** GitHub's heading slug: link text kept, lower case, punctuation other than '-' and '_' dropped, spaces to '-'. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
        StringBuilder slug = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    /** Fenced code blocks blanked (lines kept, so line structure stays). */
    private static String withoutFences(String markdown) {
        StringBuilder out = new StringBuilder();
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            String stripped = line.stripLeading();
            if (fence == null && (stripped.startsWith("```") || stripped.startsWith("~~~"))) {
                fence = stripped.substring(0, 3);
                out.append('\n');
            } else if (fence != null) {
                if (stripped.startsWith(fence)) {
                    fence = null;
                }
                out.append('\n');
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** Fenced blocks and inline code spans removed: a link written as code is an example, not a link. */
    private static String withoutCode(String markdown) {
        return withoutFences(markdown).replaceAll("(`+)(?:(?!\\1).)+?\\1", "");
    }
}
