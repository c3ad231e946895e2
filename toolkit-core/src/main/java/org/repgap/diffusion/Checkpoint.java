package org.repgap.diffusion;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.repgap.InvalidInputException;
import org.repgap.io.AtomicFiles;

/**
 * Trained networks on disk: for each network its architecture and its named float32 parameter arrays
 * (big-endian {@code DataOutputStream}). The sweep writes the EMA weights of every part of the model,
 * then the last weights. Written atomically.
 */
public final class Checkpoint {
    private static final int MAGIC = 0x52474450; // "RGDP"
    private static final int VERSION = 4;

    private Checkpoint() {
    }

    /** Writes the networks (e.g. EMA weights then last weights of each part of a model) to {@code file}. */
    public static void write(Path file, List<MlpDenoiser> nets) throws IOException {
        AtomicFiles.write(file, os -> {
            DataOutputStream out = new DataOutputStream(os);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(nets.size());
            for (MlpDenoiser m : nets) {
                MlpDenoiser.Architecture a = m.architecture();
                out.writeInt(a.dim());
                out.writeInt(a.width());
                out.writeInt(a.depth());
                out.writeInt(a.fourierFeatures());
                out.writeDouble(a.sigmaData());
                out.writeUTF(a.layers().name());
                out.writeInt(a.sites());
                out.writeBoolean(m.hasFreeBranch());
                if (m.hasFreeBranch()) {
                    out.writeInt(m.gammas().length);
                    for (double g : m.gammas()) {
                        out.writeDouble(g);
                    }
                }
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

    private static MlpDenoiser.Layers layersOf(Path file, String name) {
        try {
            return MlpDenoiser.Layers.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("%s: unknown layer kind %s", file, name);
        }
    }

    /** Reads the networks in the order written. */
    public static List<MlpDenoiser> read(Path file) throws IOException {
        try (InputStream is = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            DataInputStream in = new DataInputStream(is);
            int version = in.readInt() == MAGIC ? in.readInt() : -1;
            if (version < 2 || version > VERSION) {
                throw InvalidInputException.of("%s: not a repgap denoiser checkpoint (version 2 to %d)", file, VERSION);
            }
            int count0 = in.readInt();
            List<MlpDenoiser> out = new java.util.ArrayList<>();
            for (int k = 0; k < count0; k++) {
                int dim = in.readInt();
                int width = in.readInt();
                int depth = in.readInt();
                int features = in.readInt();
                double sigmaData = in.readDouble();
                MlpDenoiser.Architecture a = version == 2
                        ? new MlpDenoiser.Architecture(dim, width, depth, features, sigmaData, in.readBoolean())
                        : new MlpDenoiser.Architecture(dim, width, depth, features, sigmaData, layersOf(file, in.readUTF()), in.readInt());
                MlpDenoiser m = MlpDenoiser.init(a, 0);
                if (version >= 4 && in.readBoolean()) {
                    m = MlpDenoiser.initWithFreeBranch(a, 0);
                    int layers = in.readInt();
                    if (layers != m.gammas().length) {
                        throw InvalidInputException.of("%s: %d gamma values, expected %d", file, layers, m.gammas().length);
                    }
                    for (int l = 0; l < layers; l++) {
                        m.gammas()[l] = in.readDouble();
                    }
                }
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
                out.add(m);
            }
            return out;
        }
    }
}
