package org.repgap.runs;

import java.util.Locale;
import org.repgap.InvalidInputException;

/** Formats of saved runs ({@code --format-in}). */
public enum RunFormat {
    /** decide from the file name, extension and content */
    AUTO,
    /** tidy delimited text (CSV or TSV), one learning-curve point per row */
    CSV,
    /** tidy JSON Lines (or a JSON array of objects) */
    JSONL,
    /** Weights &amp; Biases history exports (CSV or JSON Lines with {@code _step}, {@code _runtime}) */
    WANDB,
    /** an MLflow {@code mlruns/} directory */
    MLFLOW,
    /** PyTorch Lightning {@code CSVLogger} directories ({@code metrics.csv}, {@code hparams.yaml}) */
    LIGHTNING,
    /** TensorBoard event files ({@code events.out.tfevents.*}) */
    TENSORBOARD;

    /** Parses a {@code --format-in} value. */
    public static RunFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("--format-in %s: expected auto, csv, jsonl, wandb, mlflow, lightning or tensorboard", s);
        }
    }

    /** Whether runs of this format are tidy tables (one row per point) rather than per-run series. */
    public boolean tidy() {
        return this == CSV || this == JSONL;
    }
}
