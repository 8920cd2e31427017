package dev.uringlab.analysis.stats;

import java.util.ArrayList;
import java.util.List;

/** The numbers behind a figure or a finding, as text cells: what the report prints under each figure. */
public record DataTable(List<String> header, List<List<String>> rows) {

    public DataTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    public static Builder builder(String... header) {
        return new Builder(List.of(header));
    }

    /** Collects rows; each row must have one cell per header column. */
    public static final class Builder {
        private final List<String> header;
        private final List<List<String>> rows = new ArrayList<>();

        private Builder(List<String> header) {
            this.header = header;
        }

        public Builder row(Object... cells) {
            if (cells.length != header.size()) {
                throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
            }
            List<String> row = new ArrayList<>();
            for (Object c : cells) {
                row.add(c instanceof Double d ? Numbers.cell(d) : String.valueOf(c));
            }
            rows.add(row);
            return this;
        }

        public DataTable build() {
            return new DataTable(header, rows);
        }
    }
}
