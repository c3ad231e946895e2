package org.repgap.diffusion;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.repgap.InvalidInputException;
import org.repgap.io.AtomicFiles;

/**
 * A trained denoiser on disk: the architecture, then the EMA weights and the last weights, each as
 * named float32 arrays (big-endian {@code DataOutputStream}). Written atomically.
 */
public final class Checkpoint {
    private static final int MAGIC = 0x52474450; // "RGDP"
    private static final int VERSION = 1;

    private Checkpoint() {
    }

    /** Writes {@code ema} and {@code last} (same architecture) to {@code file}. */
    public static void write(Path file, MlpDenoiser ema, MlpDenoiser last) throws IOException {
        AtomicFiles.write(file, os -> {
            DataOutputStream out = new DataOutputStream(os);
            MlpDenoiser.Architecture a = ema.architecture();
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(a.dim());
            out.writeInt(a.width());
            out.writeInt(a.depth());
            out.writeInt(a.fourierFeatures());
            out.writeDouble(a.sigmaData());
            for (MlpDenoiser m : new MlpDenoiser[] {ema, last}) {
                out.writeInt(m.parameters().size());
                for (var p : m.parameters()) {
                    out.writeUTF(p.name());
                    out.writeInt(p.size());
                    for (float v : p.value()) {
                        out.writeFloat(v);
                    }
                }
            }
            out.flush();
        });
    }

    /** Reads the EMA model (index 0) and the last weights (index 1). */
    public static MlpDenoiser[] read(Path file) throws IOException {
        try (InputStream is = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            DataInputStream in = new DataInputStream(is);
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw InvalidInputException.of("%s: not a repgap denoiser checkpoint (version %d)", file, VERSION);
            }
            MlpDenoiser.Architecture a = new MlpDenoiser.Architecture(in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                    in.readDouble());
            MlpDenoiser[] out = new MlpDenoiser[2];
            for (int k = 0; k < 2; k++) {
                MlpDenoiser m = MlpDenoiser.init(a, 0);
                int count = in.readInt();
                if (count != m.parameters().size()) {
                    throw InvalidInputException.of("%s: %d parameter arrays, expected %d", file, count, m.parameters().size());
                }
                float[][] v = new float[count][];
                for (int i = 0; i < count; i++) {
                    in.readUTF();
                    v[i] = new float[in.readInt()];
                    for (int j = 0; j < v[i].length; j++) {
                        v[i][j] = in.readFloat();
                    }
                }
                m.setParameterValues(v);
                out[k] = m;
            }
            return out;
        }
    }
}
