package org.repgap.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.repgap.InvalidInputException;

/**
 * Delimited text (RFC 4180 CSV, or TSV): a header row of column names, then rows. Fields may be
 * quoted with {@code "} (a doubled {@code ""} inside is a quote; quoted fields may hold the
 * delimiter and line breaks); a UTF-8 byte-order mark is ignored; blank lines are skipped. The
 * delimiter is a tab for {@code .tsv} files or when the header has tabs and no commas, else a comma.
 */
public final class Delimited {
    private Delimited() {
    }

    /** Reads a table; a row with the wrong number of fields or an unterminated quote is bad input. */
    public static Table read(Path file, ReadOptions o) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw InvalidInputException.of("%s: not UTF-8 text", file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstBreak = text.indexOf('\n');
        String head = firstBreak < 0 ? text : text.substring(0, firstBreak);
        char delim = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tsv")
                || (head.indexOf('\t') >= 0 && head.indexOf(',') < 0) ? '\t' : ',';
        return parse(text, delim, file.toString(), o);
    }

    /** Parses text with the given delimiter; {@code name} is used in messages. */
    public static Table parse(String text, char delim, String name, ReadOptions o) {
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        int pos = 0;
        int line = 1;
        int n = text.length();
        while (pos < n) {
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean ended = false;
            while (pos < n && !ended) {
                char c = text.charAt(pos);
                if (quoted) {
                    if (c == '"') {
                        if (pos + 1 < n && text.charAt(pos + 1) == '"') {
                            field.append('"');
                            pos += 2;
                            continue;
                        }
                        quoted = false;
                        pos++;
                        continue;
                    }
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                    pos++;
                    continue;
                }
                if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                    field.setLength(0);
                    pos++;
                } else if (c == delim) {
                    fields.add(wasQuoted ? field.toString() : field.toString().trim());
                    field.setLength(0);
                    wasQuoted = false;
                    pos++;
                } else if (c == '\n' || c == '\r') {
                    pos++;
                    if (c == '\r' && pos < n && text.charAt(pos) == '\n') {
                        pos++;
                    }
                    line++;
                    ended = true;
                } else {
                    field.append(c);
                    pos++;
                }
            }
            if (quoted) {
                o.bad(String.format(java.util.Locale.ROOT, "%s:%d: unterminated quoted field (the file ends inside quotes)", name, recordLine));
                break;
            }
            fields.add(wasQuoted ? field.toString() : field.toString().trim());
            if (fields.size() == 1 && fields.get(0).isEmpty() && !wasQuoted) {
                continue;
            }
            if (header == null) {
                header = fields;
                continue;
            }
            if (fields.size() != header.size()) {
                o.bad(String.format(java.util.Locale.ROOT, "%s:%d: %d field(s), but the header has %d", name, recordLine,
                        fields.size(), header.size()));
                continue;
            }
            rows.add(fields.toArray(new String[0]));
            sources.add(name + ":" + recordLine);
        }
        if (header == null) {
            throw InvalidInputException.of("%s: empty file (no header row)", name);
        }
        return new Table(header, rows, sources);
    }
}
