package org.repgap.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.repgap.InvalidInputException;

/** Files written by NumPy itself (resources {@code numpy/}, made by {@code make_fixtures.py}, numpy 1.24.2). */
class NumpyFixturesTest {
    @TempDir
    Path dir;

    /** {@code np.arange(12).reshape(3, 4) * 1.5 - 4}. */
    private static final double[][] A = {{-4, -2.5, -1, 0.5}, {2, 3.5, 5, 6.5}, {8, 9.5, 11, 12.5}};

    private Path fixture(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("numpy/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @ParameterizedTest
    @CsvSource({"c_f8.npy, 1", "fortran_be_f4.npy, 1", "v2_f8.npy, 1", "v3_f8.npy, 1", "c_i8.npy, 2", "fortran_be_i4.npy, 2"})
    void readsNumpyArrays(String file, double factor) throws IOException {
        PointCloud x = PointClouds.read(fixture(file), null);
        assertEquals(3, x.n());
        assertEquals(4, x.dim());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(A[i][j] * factor, x.get(i, j), 0.0);
            }
        }
    }

    @Test
    void readsNpzStoredAndDeflated() throws IOException {
        Path stored = fixture("stored.npz");
        assertArrayEquals(A[2], PointClouds.read(stored, "x").row(2));
        assertArrayEquals(new double[] {7, 8}, PointClouds.read(stored, "y.npy").values());
        assertTrue(assertThrows(InvalidInputException.class, () -> PointClouds.read(stored, null)).getMessage()
                .endsWith("holds 2 arrays (x, y); choose one by name"));
        assertArrayEquals(A[1], PointClouds.read(fixture("deflated.npz"), null).row(1));
    }

    @Test
    void vectorIsOneColumn() throws IOException {
        PointCloud x = PointClouds.read(fixture("vector.npy"), null);
        assertEquals(3, x.n());
        assertEquals(1, x.dim());
        assertArrayEquals(new double[] {3, 1, 2}, x.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"complex.npy:unsupported dtype '<c16' (complex)", "structured.npy:structured dtype",
        "objects.npy:unsupported dtype '|O' (Python objects)", "cube.npy:shape (2, 2, 2) has 3 dimensions"})
    void rejectsWhatIsNotAPointCloud(String fileAndMessage) throws IOException {
        String[] parts = fileAndMessage.split(":", 2);
        Path p = fixture(parts[0]);
        String msg = assertThrows(InvalidInputException.class, () -> PointClouds.read(p, null)).getMessage();
        assertTrue(msg.startsWith(p + ": ") && msg.contains(parts[1]), msg);
    }

    /** What we write, NumPy reads: our header must be byte-identical to np.save's for the same shape. */
    @Test
    void ourHeaderIsNumpys() throws IOException {
        Path ours = dir.resolve("ours.npy");
        PointClouds.write(PointCloud.of(A), ours);
        assertArrayEquals(Files.readAllBytes(fixture("c_f8.npy")), Files.readAllBytes(ours));
    }
}
