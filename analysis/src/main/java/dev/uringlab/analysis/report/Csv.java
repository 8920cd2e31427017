package dev.uringlab.analysis.report;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 rows by Jackson's CSV writer: a cell is quoted only when it holds a comma, a quote or a
 * line break (strict quoting), lines end in LF, so the files diff cleanly and match the goldens.
 */
final class Csv {

    private static final ObjectWriter ROW = new CsvMapper()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .writerFor(String[].class)
            .with(CsvSchema.emptySchema().withLineSeparator("\n"));

    private Csv() {
    }

    /**
     * One row, with its line end. Rows of plain cells (names, numbers, units: almost all) are joined
     * directly; the CSV writer, which costs a writer per row, is used only where a cell needs quoting.
     */
    static String line(List<String> cells) {
        if (cells.stream().allMatch(Csv::plain)) {
            return String.join(",", cells) + "\n";
        }
        StringWriter out = new StringWriter();
        try (SequenceWriter rows = rows(out)) {
            rows.write(cells.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** True when the CSV writer writes the cell as it is: letters, digits and a few marks, no space, comma or quote. */
    static boolean plain(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (!Character.isLetterOrDigit(c) && "_-.[]:/%+@=".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Rows streamed to {@code out} (closing it closes {@code out}); write each as a String[]. */
    static SequenceWriter rows(Writer out) throws IOException {
        return ROW.writeValues(out);
    }
}
