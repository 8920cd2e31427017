package dev.uringlab.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Golden files and recorded tool outputs from the test classpath. */
public final class Goldens {

    private Goldens() {
    }

    /** The resource at {@code path} (e.g. "/fio/fio-3.33-…json"); a missing one says which, not a NullPointerException. */
    public static String read(String path) throws IOException {
        try (InputStream in = Goldens.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("test resource " + path + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
