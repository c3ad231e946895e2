package org.repgap.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.json.Json;
import org.repgap.neighbors.Metric;
import org.repgap.neighbors.NeighborGraph;
import org.repgap.neighbors.NeighborSearch;
import org.repgap.progress.Progress;

/** The shared graph, metric handling, options validation and JSON form of results. */
class IdContextTest {
    static final PointCloud X = TestClouds.sphere(400, 2, 3);

    /** A search that counts how often it is asked for a graph. */
    static final class CountingSearch implements NeighborSearch {
        final NeighborSearch inner;
        final AtomicInteger calls = new AtomicInteger();

        CountingSearch(Metric m) {
            inner = NeighborSearch.bruteForce(m);
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Metric metric() {
            return inner.metric();
        }

        @Override
        public NeighborGraph allKnn(PointCloud x, int k) {
            calls.incrementAndGet();
            return inner.allKnn(x, k);
        }

        @Override
        public NeighborGraph query(PointCloud data, PointCloud queries, int k) {
            return inner.query(data, queries, k);
        }

        @Override
        public long[] countPairsWithin(PointCloud x, double[] radii) {
            return inner.countPairsWithin(x, radii);
        }
    }

    /** The Manhattan distance: a non-Euclidean metric. */
    static final Metric L1 = new Metric() {
        @Override
        public String name() {
            return "l1";
        }

        @Override
        public double distance(double[] x, double[] y) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += Math.abs(x[i] - y[i]);
            }
            return s;
        }
    };

    @Test
    void oneGraphServesEveryEstimator() {
        CountingSearch search = new CountingSearch(Metric.euclidean());
        IdContext ctx = IdContext.of(X, search, DuplicatePolicy.DEDUPLICATE, Progress.NONE);
        // knn (Carter et al.) is the one estimator whose method builds graphs of random subsamples of the
        // data, one search per subsample size; every other estimator reads the context's one graph
        List<IdEstimator> all = IdEstimators.names().stream().filter(n -> !n.equals("knn"))
                .flatMap(n -> IdEstimators.createScales(n, IdEstimators.Settings.defaults(), X.n()).stream()).toList();
        IdEstimation.run(all, ctx, IdEstimation.Options.defaults());
        assertEquals(1, search.calls.get());
        NeighborGraph g20 = ctx.graph(20);
        NeighborGraph g100 = ctx.graph(100);
        assertSame(g100, ctx.graph(100));
        assertEquals(g100.distance(7, 19), g20.distance(7, 19), 0.0);
        assertEquals(1, search.calls.get());
    }

    @Test
    void tooManyNeighboursIsAnInputError() {
        PointCloud small = TestClouds.sphere(50, 2, 4);
        InvalidInputException ex = assertThrows(InvalidInputException.class,
                () -> IdEstimation.run(MomEstimator.withDefaults(), IdContext.of(small)));
        assertTrue(ex.getMessage().contains("k = 100"), ex.getMessage());
    }

    @Test
    void nearestNeighbourEstimatorsAcceptAnyMetricButPcaRefuses() {
        IdContext ctx = IdContext.of(X, L1);
        double d = IdEstimation.run(MleEstimator.withDefaults(), ctx).value();
        assertEquals(2.0, d, 0.2);
        assertEquals("l1", IdEstimation.run(TleEstimator.withDefaults(), ctx).metric());
        InvalidInputException ex = assertThrows(InvalidInputException.class,
                () -> IdEstimation.run(LocalPcaEstimator.withDefaults(), ctx));
        assertTrue(ex.getMessage().contains("Euclidean"), ex.getMessage());
    }

    @Test
    void optionsValidateThemselves() {
        assertThrows(InvalidInputException.class, () -> new MleEstimator.Options(1, Combination.MLE, false));
        assertThrows(InvalidInputException.class, () -> new TwoNnEstimator.Options(Double.NaN, TwoNnEstimator.Fit.LINEAR));
        assertThrows(InvalidInputException.class, () -> new GrideEstimator.Options(0, 0.001, 1000, 1e-7));
        assertThrows(InvalidInputException.class, () -> new CorrIntEstimator.Options(20, 10));
        assertThrows(InvalidInputException.class, () -> new TleEstimator.Options(20, 1e-4, Combination.MLE));
        assertThrows(InvalidInputException.class, () -> LocalPcaEstimator.Options.defaults().withNeighborhood(1));
        assertThrows(InvalidInputException.class, () -> IdEstimators.parseNames("mle,dance"));
        assertEquals(IdEstimators.names(), IdEstimators.parseNames("all"));
        assertEquals(List.of("twonn", "mle"), IdEstimators.parseNames(" TwoNN, mle ,twonn"));
    }

    @Test
    void jsonUsesSnakeCaseWritesNullIntervalsAndOmitsPointwise() throws Exception {
        IdResult r = IdEstimation.run(MleEstimator.withDefaults(), IdContext.of(X),
                IdEstimation.Options.defaults().withPointwise(false));
        JsonNode node = Json.mapper().readTree(Json.write(r));
        assertEquals("mle", node.get("estimator").asText());
        assertEquals(r.value(), node.get("dimension").asDouble(), 0.0);
        assertTrue(node.get("ci_low").isNull());
        assertTrue(node.get("ci_high").isNull());
        assertEquals(20, node.get("params").get("k").asInt());
        assertEquals(3, node.get("ambient_dim").asInt());
        assertFalse(node.has("pointwise"));
        assertEquals("MleEstimator", node.get("provenance").get("component").asText());
        assertEquals(X.sha256(), node.get("provenance").get("data_hash").asText());
        JsonNode withPw = Json.mapper().readTree(Json.write(IdEstimation.run(MleEstimator.withDefaults(), IdContext.of(X),
                IdEstimation.Options.defaults().withPointwise(true))));
        assertEquals(X.n(), withPw.get("pointwise").size());
    }

    /**
     * Issue 12, defect 9: the context used to report the search as "0/1" before and "1/1" after it, so a 41 s
     * search showed nothing until its end. 4,000 points are 16 blocks of 256 queries: each search must report
     * query points done as blocks finish, in increasing order, up to every point.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"brute", "kdtree", "auto"})
    void theSearchReportsProgressWhileItRuns(String name) {
        PointCloud x = TestClouds.sphere(4000, 2, 5);
        NeighborSearch search = switch (name) {
            case "brute" -> NeighborSearch.bruteForce(Metric.euclidean());
            case "kdtree" -> NeighborSearch.kdTree();
            default -> IdContext.defaultSearch(Metric.euclidean(), x.dim());
        };
        List<long[]> updates = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        IdContext ctx = IdContext.of(x, search, DuplicatePolicy.DEDUPLICATE, (task, done, total) -> updates.add(new long[] {done, total}));
        ctx.graph(10);
        long before = updates.stream().filter(u -> u[0] > 0 && u[0] < u[1]).count();
        assertTrue(before > 1, name + ": " + before + " updates before the end");
        for (int i = 1; i < updates.size(); i++) {
            assertTrue(updates.get(i)[0] >= updates.get(i - 1)[0], name + ": update " + i + " went backwards");
        }
        assertEquals(4000, updates.get(updates.size() - 1)[0]);
        assertEquals(4000, updates.get(updates.size() - 1)[1]);
    }
}
