package dev.uringlab.analysis.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.uringlab.analysis.model.RunRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** run.json in both directions. Unknown fields are tolerated on read so newer writers stay readable. */
public final class RunRecordJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RunRecordJson() {
    }

    public static String write(RunRecord run) {
        try {
            return MAPPER.writeValueAsString(run) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise run " + run.runId(), e);
        }
    }

    // The fast double parser: FloatingDecimal was a third of reading ten thousand run.json files.
    private static final com.fasterxml.jackson.databind.ObjectReader READER = MAPPER.readerFor(RunRecord.class)
            .with(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER);

    public static RunRecord read(Path file) throws IOException {
        try {
            return READER.readValue(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException(file + ": not a readable run.json: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
