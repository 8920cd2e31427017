package dev.uringlab.orchestrator.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The checks an experiment file's text gets before the YAML parser sees it, because the parser's
 * own messages for them point elsewhere: a byte that is not UTF-8 ("Input length = 1") and a tab
 * in the indentation (reported at the next token, as "while scanning for the next token").
 */
public final class YamlText {

    private YamlText() {
    }

    /** Strict UTF-8; a bad byte is named with its line, column and offset. */
    public static String decode(String fileName, byte[] bytes) throws ConfigException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
            throw new ConfigException(new Node.Position(fileName, line, column), String.format(Locale.ROOT,
                    "not UTF-8: byte 0x%02X at offset %d (line %d, column %d); save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)",
                    bytes[offset] & 0xff, offset, line, column));
        }
        try {
            decoder.flush(out);
        } catch (IllegalStateException e) {
            // flushed already
        }
        return out.flip().toString();
    }

    /** The first tab in a line's indentation (spaces and "- " markers), where YAML allows only spaces. */
    public static void checkIndentation(String fileName, String text) throws ConfigException {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int c = 0;
            while (c < line.length()) {
                char ch = line.charAt(c);
                if (ch == '\t') {
                    throw new ConfigException(new Node.Position(fileName, i + 1, c + 1),
                            "tab at " + (i + 1) + ":" + (c + 1) + "; YAML indents with spaces");
                }
                boolean marker = ch == '-' && c + 1 < line.length() && Character.isWhitespace(line.charAt(c + 1));
                if (ch != ' ' && !marker) {
                    break;
                }
                c++;
            }
        }
    }
}
