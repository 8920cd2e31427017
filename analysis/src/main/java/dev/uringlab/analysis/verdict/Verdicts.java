package dev.uringlab.analysis.verdict;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A results directory's verdicts: the expectations the run stored (expectations.json) judged
 * against its runs.csv, written to verdicts.csv.
 */
public final class Verdicts {

    public static final String EXPECTATIONS = "expectations.json";
    public static final String VERDICTS = "verdicts.csv";

    private Verdicts() {
    }

    /** Empty when the experiment declared no expectations. */
    public static Optional<List<VerdictResult>> judge(Path experimentDir) throws IOException {
        Path json = experimentDir.resolve(EXPECTATIONS);
        Path runs = experimentDir.resolve("runs.csv");
        if (!Files.exists(json) || !Files.exists(runs)) {
            return Optional.empty();
        }
        List<Expectation> expectations = ExpectationsJson.read(json);
        if (expectations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Evaluator.evaluate(expectations, readRows(runs)));
    }

    public static List<Map<String, String>> readRows(Path runsCsv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(runsCsv.toFile())) {
            return it.readAll();
        }
    }

    static String selectionText(Map<String, String> where) {
        return new TreeMap<>(where).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
