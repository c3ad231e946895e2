package org.repgap.plots;

import java.nio.file.Path;
import java.util.Locale;
import org.repgap.InvalidInputException;

/** Output formats, chosen by file extension. */
public enum OutputFormat {
    /** Raster at a given DPI. */
    PNG,
    /** Vector; text stays text. */
    SVG,
    /** Vector, one page of the figure's size; text stays text with the font embedded. */
    PDF,
    /** Vector for older LaTeX tool chains; no transparency (bands are flattened over white), text as outlines. */
    EPS;

    /** The format of {@code file} by its extension ({@code .png}, {@code .svg}, {@code .pdf}, {@code .eps}). */
    public static OutputFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        switch (ext) {
            case "png":
                return PNG;
            case "svg":
                return SVG;
            case "pdf":
                return PDF;
            case "eps":
            case "ps":
                return EPS;
            default:
                throw InvalidInputException.of("%s: cannot tell the figure format from the extension '%s'; use .png, .svg, .pdf or .eps",
                        file, ext);
        }
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
