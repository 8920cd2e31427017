package dev.uringlab.analysis.plot;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A PNG writer for chart images: 8-bit RGB, every row with the "Sub" filter, deflate at its
 * fastest. The JDK's ImageIO writer reads pixels through the generic sample model and tries all
 * five filters on every row; for a 1800×1120 chart that was most of `plot`'s PNG time
 * (JFR on bench-plot), while a chart's flat colours compress about as well with one filter.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int FILTER_SUB = 1;

    private PngEncoder() {
    }

    /** @param image TYPE_INT_RGB (what FigureWriter draws into) */
    static byte[] encode(BufferedImage image) throws IOException {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("PngEncoder writes TYPE_INT_RGB images, got type " + image.getType());
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        out.write(SIGNATURE);
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream(13);
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.writeByte(8); // bits per sample
        d.writeByte(2); // colour type: RGB
        d.writeByte(0); // deflate
        d.writeByte(0); // adaptive filtering, one filter byte per row
        d.writeByte(0); // not interlaced
        chunk(out, "IHDR", ihdr.toByteArray());

        ByteArrayOutputStream idat = new ByteArrayOutputStream(256 * 1024);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 64 * 1024)) {
            byte[] row = new byte[1 + 3 * w];
            row[0] = FILTER_SUB;
            // A chart row is a few dozen runs of one colour (1,800 pixels, 30-90 colour changes):
            // with Sub, a run is its first pixel's difference and then zeros. So only where the
            // colour changes is a byte written, and only those bytes are zeroed again for the next
            // row: a compare per pixel instead of three subtractions and stores (a third of `plot`'s
            // PNG time went to this loop, in code the JIT had not got to yet).
            int[] written = new int[w];
            int count = 0;
            for (int y = 0; y < h; y++) {
                for (int k = 0; k < count; k++) {
                    int i = written[k];
                    row[i] = 0;
                    row[i + 1] = 0;
                    row[i + 2] = 0;
                }
                count = 0;
                int base = y * w;
                int left = 0; // the Sub filter's "pixel" left of the first one
                for (int x = 0; x < w; x++) {
                    int p = pixels[base + x] & 0xffffff; // TYPE_INT_RGB's top byte is not part of the colour
                    if (p != left) {
                        int i = 1 + 3 * x;
                        row[i] = (byte) ((p >> 16) - (left >> 16));
                        row[i + 1] = (byte) (((p >> 8) & 0xff) - ((left >> 8) & 0xff));
                        row[i + 2] = (byte) ((p & 0xff) - (left & 0xff));
                        written[count++] = i;
                        left = p;
                    }
                }
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        d.write(name);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        d.writeInt((int) crc.getValue());
        d.flush();
    }
}
