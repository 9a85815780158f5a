package org.kubenetmigrate.planner.iac;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff (three lines of context, {@code a/} and {@code b/} prefixes) that {@code git apply} and
 * {@code patch -p1} accept. The edits this package makes are few and small, so a plain longest-common-subsequence
 * over lines is fast enough and gives the minimal hunks.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    public static String of(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<int[]> ops = script(a, b); // {kind, indexA, indexB}: 0 same, 1 delete, 2 insert
        StringBuilder out = new StringBuilder();
        out.append("diff --git a/").append(path).append(" b/").append(path).append('\n');
        out.append("--- a/").append(path).append('\n');
        out.append("+++ b/").append(path).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0] == 0) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while changes are no more than 2*CONTEXT lines apart
            int lastChange = i;
            while (end < ops.size()) {
                if (ops.get(end)[0] != 0) {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            hunk(out, ops.subList(start, end), a, b);
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<int[]> ops, List<String> a, List<String> b) {
        int aStart = -1;
        int bStart = -1;
        int aCount = 0;
        int bCount = 0;
        for (int[] op : ops) {
            if (op[0] != 2) {
                aCount++;
            }
            if (op[0] != 1) {
                bCount++;
            }
            if (aStart < 0) {
                aStart = op[1];
            }
            if (bStart < 0) {
                bStart = op[2];
            }
        }
        out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n");
        for (int[] op : ops) {
            String line = switch (op[0]) {
                case 0 -> " " + a.get(op[1]);
                case 1 -> "-" + a.get(op[1]);
                default -> "+" + b.get(op[2]);
            };
            if (line.endsWith("\n")) {
                out.append(line);
            } else {
                out.append(line).append("\n\\ No newline at end of file\n");
            }
        }
    }

    private static String range(int start, int count) {
        // 1-based start; an empty range names the line before it
        return (count == 0 ? start : start + 1) + "," + count;
    }

    /** Lines with their line breaks, so that a missing final newline is visible. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int nl = text.indexOf('\n', at);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(at, end));
            at = end;
        }
        return lines;
    }

    private static List<int[]> script(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<int[]> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add(new int[] {0, i++, j++});
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new int[] {1, i++, j}); // deletions before insertions, as diff prints them
            } else {
                ops.add(new int[] {2, i, j++});
            }
        }
        return ops;
    }
}
