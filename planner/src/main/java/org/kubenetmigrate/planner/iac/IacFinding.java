package org.kubenetmigrate.planner.iac;

/**
 * Something the patch cannot settle, for a person to decide: a value computed in a way the patch cannot follow,
 * a provider version that would plan a replacement, a module input whose name is not confirmed.
 *
 * @param file the file it concerns (as the diff names it), or empty
 * @param line the 1-based line, or 0 when it concerns the whole file
 * @param message what and what to do, one line
 */
public record IacFinding(String file, int line, String message) {
    public String location() {
        return file.isEmpty() ? "" : line > 0 ? file + ":" + line : file;
    }

    @Override
    public String toString() {
        String where = location();
        return where.isEmpty() ? message : where + ": " + message;
    }
}
