package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.stats.Grouping;

import java.util.ArrayList;
import java.util.List;

/** Builds the figures of one spec: one per facet value, or just one. */
public final class Figures {

    private Figures() {
    }

    public static List<Figure> build(PlotSpec spec, FigureContext ctx) {
        if (spec.facet() == null) {
            return List.of(buildOne(spec, ctx));
        }
        if (!ctx.grouping().axes().contains(spec.facet())) {
            throw new IllegalArgumentException("plot " + spec.name() + ": facet '" + spec.facet()
                    + "' is not a swept axis (swept: " + String.join(", ", ctx.grouping().axes()) + ")");
        }
        List<Figure> figures = new ArrayList<>();
        for (Object value : ctx.grouping().values(spec.facet())) {
            Grouping part = ctx.grouping().where(spec.facet(), value);
            String suffix = spec.facet() + "-" + String.valueOf(value).replaceAll("[^A-Za-z0-9.]+", "");
            Figure f = buildOne(spec.named(spec.name() + "_" + suffix), ctx.with(part));
            String title = f.title() + " (" + spec.facet() + "=" + value + ")";
            f.chart().setTitle(title);
            f.chart().getTitle().setFont(Palette.TITLE);
            figures.add(new Figure(f.name(), title, f.chart(), f.data(), f.caption()));
        }
        return figures;
    }

    static Figure buildOne(PlotSpec spec, FigureContext ctx) {
        return switch (spec.type()) {
            case LINE -> LineFigure.build(spec, ctx);
            case BARS -> BarsFigure.build(spec, ctx);
            case PER_CPU -> PerCpuFigure.build(spec, ctx);
            case RELATIVE -> RelativeFigure.build(spec, ctx);
            case DUAL_AXIS -> DualAxisFigure.build(spec, ctx);
            case SCATTER -> ScatterFigure.build(spec, ctx);
            case CDF -> CdfFigure.build(spec, ctx);
            case PANELS -> PanelsFigure.build(spec, ctx);
            case COUNTS -> CountsFigure.build(spec, ctx);
            case SWEEP -> LineFigure.build(spec, ctx, true);
        };
    }
}
