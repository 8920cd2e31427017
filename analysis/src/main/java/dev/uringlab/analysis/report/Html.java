package dev.uringlab.analysis.report;

import dev.uringlab.analysis.stats.DataTable;

import java.util.List;

/** Small HTML helpers: escaping and tables. */
final class Html {

    private Html() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static void table(StringBuilder out, DataTable table) {
        out.append("<table><thead><tr>");
        table.header().forEach(h -> out.append("<th>").append(esc(h)).append("</th>"));
        out.append("</tr></thead><tbody>\n");
        for (List<String> row : table.rows()) {
            out.append("<tr>");
            row.forEach(c -> out.append("<td>").append(esc(c)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
    }
}
