package org.repgap.id;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of scikit-dimension 0.3.4 / DADApy {@code reference.csv} and the estimator of this package that
 * computes the same quantity (null for estimators not implemented here: DANCo, ESS, FisherS, MiND_ML).
 */
final class ReferenceCases {
    private ReferenceCases() {
    }

    record Row(String dataset, int n, int ambientDim, int trueId, String library, String estimator, String params,
               double estimate, String status) {
        Map<String, String> paramMap() {
            Map<String, String> m = new HashMap<>();
            for (String kv : params.split(";")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    m.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            return m;
        }

        String label() {
            return library + ":" + estimator + (params.startsWith("default") ? "" : "[" + variant() + "]");
        }

        String variant() {
            Map<String, String> p = paramMap();
            if (estimator.equals("lPCA")) {
                return p.get("ver");
            }
            if (estimator.equals("MLE")) {
                return "comb=" + p.get("fit.comb");
            }
            if (p.containsKey("algorithm")) {
                return "algorithm=" + p.get("algorithm");
            }
            return params;
        }
    }

    static List<Row> parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = splitCsv(line);
            double est = f.get(7).isEmpty() || f.get(7).equals("nan") ? Double.NaN : Double.parseDouble(f.get(7));
            rows.add(new Row(f.get(0), Integer.parseInt(f.get(1)), Integer.parseInt(f.get(2)), Integer.parseInt(f.get(3)),
                    f.get(4), f.get(5), f.get(6), est, f.get(9)));
        }
        return rows;
    }

    static List<Row> read(Path csv) {
        try {
            return parse(Files.readAllLines(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** Our estimator for a reference row, or null if not implemented. */
    static IdEstimator estimatorFor(Row row) {
        Map<String, String> p = row.paramMap();
        if (row.n() != 2500 || !row.status().equals("ok")) {
            return null;
        }
        switch (row.library() + ":" + row.estimator()) {
            case "skdim:TwoNN":
                return TwoNnEstimator.withDefaults();
            case "dadapy:TwoNN":
                return p.get("algorithm").equals("ml")
                        ? TwoNnEstimator.of(TwoNnEstimator.Options.defaults().withFit(TwoNnEstimator.Fit.ML))
                        : TwoNnEstimator.withDefaults();
            case "skdim:MLE":
                return MleEstimator.of(MleEstimator.Options.defaults().withCombination(Combination.parse(p.get("fit.comb"))));
            case "skdim:MOM":
                return MomEstimator.withDefaults();
            case "skdim:TLE":
                return TleEstimator.withDefaults();
            case "skdim:MADA":
                return MadaEstimator.withDefaults();
            case "skdim:KNN":
                return KnnGraphLengthEstimator.withDefaults(); // seed 0: the reference ran np.random.seed(0) before each fit
            case "skdim:CorrInt":
                return CorrIntEstimator.withDefaults();
            case "skdim:lPCA":
                return LocalPcaEstimator.of(LocalPcaEstimator.Options.defaults()
                        .withVersion(LocalPcaEstimator.Version.parse(p.get("ver"))));
            default:
                break;
        }
        if (row.library().equals("dadapy") && row.estimator().startsWith("GRIDE[n1=")) {
            int n1 = Integer.parseInt(row.estimator().substring(9, row.estimator().indexOf(',')));
            return GrideEstimator.of(GrideEstimator.Options.defaults().withN1(n1));
        }
        return null;
    }

    /** Relative difference, with equal NaNs (or infinities) counting as agreement. */
    static double relativeDifference(double ours, double ref) {
        if (Double.compare(ours, ref) == 0) {
            return 0;
        }
        return Math.abs(ours - ref) / Math.max(Math.abs(ref), Double.MIN_NORMAL);
    }
}
