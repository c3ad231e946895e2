package org.repgap.runs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training run read from a tracker's files: its metrics as series of (step, value) in logging
 * order, and its parameters (hyper-parameters, config) as text.
 *
 * @param name    the run's name (tracker name, or its directory relative to the input)
 * @param source  the file or directory it was read from
 * @param metrics metric name to its series
 * @param params  parameter name to value
 * @param otherTags tags that hold something other than scalars (histograms, images, ...), name to
 *                what they hold, so that asking for one can say why it is not a metric
 */
public record Run(String name, String source, Map<String, List<MetricPoint>> metrics, Map<String, String> params,
                  Map<String, String> otherTags) {

    /** A run whose every tag is a scalar metric. */
    public Run(String name, String source, Map<String, List<MetricPoint>> metrics, Map<String, String> params) {
        this(name, source, metrics, params, Map.of());
    }

    /** One logged value. */
    public record MetricPoint(long step, double value) {
    }

    public Run {
        Map<String, List<MetricPoint>> m = new LinkedHashMap<>();
        metrics.forEach((k, v) -> m.put(k, List.copyOf(v)));
        metrics = Collections.unmodifiableMap(m);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        otherTags = Collections.unmodifiableMap(new LinkedHashMap<>(otherTags));
    }
}
