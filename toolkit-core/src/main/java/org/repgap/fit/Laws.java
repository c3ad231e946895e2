package org.repgap.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.repgap.InvalidInputException;

/** The laws the toolkit fits, by name. */
public final class Laws {
    private Laws() {
    }

    /** {@code rg}: {@code L = C n^(-2/d)}, {@code d} free ({@code fixedD} NaN) or fixed. */
    public static Law representationGap(double fixedD) {
        return new RepresentationGapLaw(fixedD);
    }

    /** {@code power}: {@code L = A n^(-alpha)}. */
    public static Law power() {
        return new PowerLaw();
    }

    /** {@code power+offset}: {@code L = E + A n^(-alpha)}. */
    public static Law powerWithOffset() {
        return new PowerLawWithOffset();
    }

    /** {@code broken}: Caballero et al.'s broken power law with {@code breaks} breaks. */
    public static Law broken(int breaks) {
        return new BrokenPowerLaw(breaks);
    }

    /** {@code chinchilla}: {@code L(N, D) = E + A/N^alpha + B/D^beta}. */
    public static Law chinchilla() {
        return new ChinchillaLaw();
    }

    /** Every one-input law name, then {@code chinchilla}. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of("rg", "power", "power+offset", "broken"));
        names.addAll(LearningCurveDatabaseLaws.all().keySet());
        names.add("chinchilla");
        return names;
    }

    /**
     * Laws from a comma-separated list of names, or {@code all} (every law whose number of inputs
     * matches {@code inputs}).
     *
     * @param fixedD {@code d} for {@code rg} (NaN: free)
     * @param breaks breaks of {@code broken}
     */
    public static List<Law> parse(String spec, int inputs, double fixedD, int breaks) {
        Map<String, Law> out = new LinkedHashMap<>();
        for (String raw : spec.split(",")) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("all")) {
                for (String n : names()) {
                    Law law = byName(n, fixedD, breaks);
                    if (law.inputs() == inputs) {
                        out.put(n, law);
                    }
                }
                continue;
            }
            out.put(name, byName(name, fixedD, breaks));
        }
        if (out.isEmpty()) {
            throw InvalidInputException.of("--law '%s': no law named; choose from %s or all", spec, String.join(", ", names()));
        }
        return List.copyOf(out.values());
    }

    /** One law by name. */
    public static Law byName(String name, double fixedD, int breaks) {
        switch (name) {
            case "rg":
                return representationGap(fixedD);
            case "power":
                return power();
            case "power+offset":
                return powerWithOffset();
            case "broken":
                return broken(breaks);
            case "chinchilla":
                return chinchilla();
            default:
                Law law = LearningCurveDatabaseLaws.all().get(name);
                if (law == null) {
                    throw InvalidInputException.of("--law %s: unknown law; choose from %s or all", name, String.join(", ", names()));
                }
                return law;
        }
    }
}
