package org.repgap.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link PointCloud#sha256()} against Python's hashlib on the documented byte layout (int32 n, int32 dim,
 * then the values as little-endian IEEE-754 doubles):
 * {@code hashlib.sha256(struct.pack('<ii', n, d) + struct.pack('<%dd' % (n * d), *vals)).hexdigest()}
 * (Python 3.11).
 */
class PointCloudHashTest {

    @Test
    void smallCloudIncludingSignedZeroAndHugeValues() {
        PointCloud x = PointCloud.wrap(2, 3, new double[] {1, 2.5, -3, 4e300, 0, -0.0}, "small");
        assertEquals("fd3f00c7f641b2e8d879b885a42d0f0466fc86c3b7d87f56ed5c1d72fb5b6b72", x.sha256());
    }

    @Test
    void cloudLongerThanOneHashingChunk() {
        // 15,000 values: more than the 8,192 hashed per chunk, and not a multiple of it
        int n = 3000;
        int d = 5;
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.5 - 1000.25;
        }
        assertEquals(HASH_3000_BY_5, PointCloud.wrap(n, d, v, "long").sha256());
    }

    /** {@code vals = [i * 0.5 - 1000.25 for i in range(15000)]}, n = 3000, d = 5. */
    private static final String HASH_3000_BY_5 = "04ecd6a2de6957f505120a26721c2a3b2c141ba4eb021cdaaebe7aaba46c95a8";
}
