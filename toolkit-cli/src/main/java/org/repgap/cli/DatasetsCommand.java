package org.repgap.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.data.PointClouds;
import org.repgap.datasets.Datasets;
import org.repgap.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code repgap datasets}: lists the generators of known intrinsic dimension, or writes a sample of one. */
@Command(name = "datasets",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Generates point clouds of known intrinsic dimension, or lists the generators.",
                "",
                "Generators: the 24 manifolds of scikit-dimension's BenchmarkManifolds (M1_Sphere ... Mp3_Paraboloid, "
                        + "same formulas and true IDs; our random streams differ from NumPy's, the distributions do not), "
                        + "sphere:d (S^d in R^(d+1)), torus:d (flat torus of volume 1 in R^(2d)), ball:d, cube:d, "
                        + "swissroll (uniform in area) and subspace:d:D ([0,1]^d rotated into R^D). "
                        + "The same name, n, seed and options give the same points on every machine.",
                "",
                "The format of --output follows its extension: .csv (shortest exact decimals) or .npy (float64)."},
        footer = {
                "",
                "Examples:",
                "  repgap datasets --list",
                "  repgap datasets --name M7_Roll --n 2500 --seed 1 --output roll.csv",
                "  repgap datasets --name subspace:10:100 --n 20000 --output sub.npy",
                "  repgap datasets --name sphere:2 --n 5000 --noise 0.01 --ambient 10 -o s2.npy"})
public final class DatasetsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--list", description = "List the generators (name, true intrinsic dimension, ambient dimension, description).")
    boolean list;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Format of --list: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Output.Format format;

    @Option(names = "--name", paramLabel = "NAME", description = "Generator to sample, e.g. M1_Sphere, sphere:2, subspace:10:100 (see --list).")
    String name;

    @Option(names = "--n", paramLabel = "N", defaultValue = "2500", description = "Number of points (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--noise", paramLabel = "SIGMA", defaultValue = "0",
            description = "Standard deviation of Gaussian noise added to every coordinate (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--ambient", paramLabel = "D", defaultValue = "0",
            description = "Ambient dimension: pad with zeros to R^D and apply a seeded random rotation; 0 keeps the native one (default: ${DEFAULT-VALUE}).")
    int ambient;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the points (.csv or .npy); with --list, where to write the list (default: stdout).")
    Path output;

    /** One line of the list; dimensions are numbers for fixed generators and formulas (d, d+1) for families. */
    record Row(String name, Object intrinsicDim, Object ambientDim, String description, String example) {
    }

    @Override
    public Integer call() {
        Output.checkOutputs(null, output, null);
        if (list) {
            if (name != null) {
                throw InvalidInputException.of("--list and --name exclude each other: list the generators, or generate one");
            }
            Output.emit(output, render(format));
            return 0;
        }
        if (name == null) {
            throw InvalidInputException.of("--name is required (or --list to see the generators), e.g. --name M7_Roll");
        }
        if (output == null) {
            throw InvalidInputException.of("--output FILE is required (.csv or .npy), e.g. --output %s.csv",
                    name.replace(':', '_'));
        }
        String ext = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!ext.endsWith(".csv") && !ext.endsWith(".npy")) {
            throw InvalidInputException.of("--output %s: unknown format; expected a file name ending in .csv or .npy", output);
        }
        Datasets.Info info = Datasets.info(name);
        PointCloud x = Datasets.generate(name, n, seed, new Datasets.Options(noise, ambient));
        PointClouds.write(x, output);
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d points of %s (intrinsic dimension %d) in R^%d to %s%n",
                x.n(), x.source(), info.intrinsicDim(), x.dim(), output);
        spec.commandLine().getOut().flush();
        return 0;
    }

    static String render(Output.Format format) {
        List<Row> rows = new ArrayList<>();
        for (Datasets.Template t : Datasets.templates()) {
            rows.add(new Row(t.name(), number(t.intrinsicDim()), number(t.ambientDim()), t.description(), t.example()));
        }
        return switch (format) {
            case json -> Json.write(rows);
            case csv -> csv(rows);
            case text -> table(rows);
        };
    }

    private static Object number(String s) {
        return s.chars().allMatch(Character::isDigit) ? (Object) Integer.valueOf(s) : s;
    }

    private static String table(List<Row> rows) {
        String[] head = {"name", "true ID", "ambient dim", "description"};
        int[] w = {head[0].length(), head[1].length(), head[2].length()};
        for (Row r : rows) {
            w[0] = Math.max(w[0], r.name().length());
            w[1] = Math.max(w[1], String.valueOf(r.intrinsicDim()).length());
            w[2] = Math.max(w[2], String.valueOf(r.ambientDim()).length());
        }
        String fmt = "%-" + w[0] + "s  %" + w[1] + "s  %" + w[2] + "s  %s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, fmt, (Object[]) head));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, fmt, r.name(), r.intrinsicDim(), r.ambientDim(), r.description()));
        }
        return sb.toString();
    }

    private static String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("name,intrinsic_dim,ambient_dim,description,example\n");
        for (Row r : rows) {
            sb.append(r.name()).append(',').append(r.intrinsicDim()).append(',').append(r.ambientDim()).append(',')
                    .append('"').append(r.description().replace("\"", "\"\"")).append('"').append(',').append(r.example()).append('\n');
        }
        return sb.toString();
    }
}
