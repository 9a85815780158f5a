package org.kubenetmigrate.planner.iac;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the files of --terraform, --bicep and --arm arguments. The only part of this package that touches the file
 * system. A diff path is the file's path relative to the parent of the folder given (for a file argument: of the
 * folder holding it), so the diff applies with git apply or patch -p1 from that parent.
 */
public final class IacInputs {
    private static final long MAX_BYTES = 8L << 20;

    private IacInputs() {
    }

    public static IacInput terraform(Path dir) throws IacSyntaxException {
        if (!Files.isDirectory(dir)) {
            throw new IacSyntaxException(dir.toString(), 0, "not a folder (--terraform takes the root module's"
                    + " folder)");
        }
        return new IacInput(IacInput.Format.TERRAFORM, dir.toString(), read(dir, dir, name -> name.endsWith(".tf")
                || name.endsWith(".tfvars") || name.equals(".terraform.lock.hcl")));
    }

    /** A folder whose format is told by its files: *.tf Terraform, *.bicep Bicep, else ARM JSON templates. */
    public static IacInput guess(Path dir) throws IacSyntaxException {
        if (!Files.isDirectory(dir)) {
            throw new IacSyntaxException(dir.toString(), 0, "not a folder (--iac takes a folder of Terraform, Bicep or"
                    + " ARM code)");
        }
        List<SourceFile> all = read(dir, dir, name -> true);
        if (all.stream().anyMatch(f -> f.name().endsWith(".tf"))) {
            return terraform(dir);
        }
        if (all.stream().anyMatch(f -> f.name().endsWith(".bicep"))) {
            return bicep(dir);
        }
        if (all.stream().anyMatch(f -> f.name().endsWith(".json"))) {
            return arm(dir);
        }
        throw new IacSyntaxException(dir.toString(), 0, "no *.tf, *.bicep or *.json files in this folder");
    }

    public static IacInput bicep(Path path) throws IacSyntaxException {
        return templates(IacInput.Format.BICEP, path, name -> name.endsWith(".bicep") || name.endsWith(".bicepparam")
                || name.endsWith(".json"));
    }

    public static IacInput arm(Path path) throws IacSyntaxException {
        return templates(IacInput.Format.ARM, path, name -> name.endsWith(".json"));
    }

    private static IacInput templates(IacInput.Format format, Path path, java.util.function.Predicate<String> wanted)
            throws IacSyntaxException {
        if (Files.isDirectory(path)) {
            return new IacInput(format, path.toString(), read(path, path, wanted));
        }
        if (!Files.isRegularFile(path)) {
            throw new IacSyntaxException(path.toString(), 0, "no such file or folder");
        }
        Path dir = path.toAbsolutePath().getParent();
        List<SourceFile> files = new ArrayList<>();
        files.add(file(dir, path.toAbsolutePath()));
        // parameter files beside the template
        for (SourceFile f : read(dir, dir, name -> name.endsWith(".bicepparam") || name.endsWith(".parameters.json"))) {
            if (!f.path().equals(files.get(0).path())) {
                files.add(f);
            }
        }
        return new IacInput(format, path.toString(), files);
    }

    private static List<SourceFile> read(Path base, Path dir, java.util.function.Predicate<String> wanted)
            throws IacSyntaxException {
        List<Path> paths;
        try (Stream<Path> list = Files.list(dir)) {
            paths = list.filter(Files::isRegularFile).filter(p -> wanted.test(p.getFileName().toString())).sorted()
                    .toList();
        } catch (IOException e) {
            throw new IacSyntaxException(dir.toString(), 0, "cannot read the folder: " + e.getMessage());
        }
        List<SourceFile> files = new ArrayList<>();
        for (Path p : paths) {
            files.add(file(base.toAbsolutePath(), p.toAbsolutePath()));
        }
        return files;
    }

    private static SourceFile file(Path base, Path file) throws IacSyntaxException {
        Path parent = base.getParent();
        String name = (parent == null ? file : parent.relativize(file)).toString().replace('\\', '/');
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IacSyntaxException(file.toString(), 0, "larger than 8 MiB; not infrastructure code");
            }
            return new SourceFile(name, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            throw new IacSyntaxException(file.toString(), 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new IacSyntaxException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }
}
