package org.repgap.plots.data;

import java.util.List;
import org.repgap.plots.ChartKind;

/**
 * Constrained training (Manolache, Chamon & Niepert): the per-layer scales {@code gamma_l} of the
 * non-equivariant parts and their dual variables against the step. Gammas are drawn solid, duals
 * dashed, layer {@code l} in colour {@code l}.
 */
public record ConstraintTrajectoriesData(List<Curve> gammas, List<Curve> duals) implements ChartData {
    public ConstraintTrajectoriesData {
        gammas = List.copyOf(gammas);
        duals = List.copyOf(duals);
    }

    @Override
    public ChartKind kind() {
        return ChartKind.CONSTRAINTS;
    }
}
