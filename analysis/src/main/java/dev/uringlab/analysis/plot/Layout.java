package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Grouping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each group goes in a figure: which axis runs along x, and which series (line or bar
 * colour) it belongs to. Unset fields follow the sweep: x = first axis, series = the rest.
 */
final class Layout {

    final String x;
    final List<String> seriesAxes;

    private Layout(String x, List<String> seriesAxes) {
        this.x = x;
        this.seriesAxes = List.copyOf(seriesAxes);
    }

    static Layout of(PlotSpec spec, Grouping grouping) {
        List<String> axes = grouping.axes();
        String x = spec.x() != null ? spec.x() : axes.isEmpty() ? null : axes.get(0);
        if (x != null && !axes.contains(x)) {
            throw new IllegalArgumentException("plot " + spec.name() + ": x '" + x + "' is not a swept axis (swept: "
                    + (axes.isEmpty() ? "none" : String.join(", ", axes)) + ")");
        }
        List<String> series = new ArrayList<>();
        if (spec.series() != null) {
            if (!axes.contains(spec.series())) {
                throw new IllegalArgumentException("plot " + spec.name() + ": series '" + spec.series()
                        + "' is not a swept axis (swept: " + String.join(", ", axes) + ")");
            }
            series.add(spec.series());
        } else {
            axes.stream().filter(a -> !a.equals(x) && !a.equals(spec.facet())).forEach(series::add);
        }
        return new Layout(x, series);
    }

    /** "cpus=irq"; "all" when there is one series only. */
    String seriesOf(Group g) {
        if (seriesAxes.isEmpty()) {
            return "all";
        }
        Map<String, Object> values = new LinkedHashMap<>();
        seriesAxes.forEach(a -> values.put(a, g.get(a)));
        return Group.labelOf(values);
    }

    /** The x value as text; "all" when nothing is swept. */
    String xOf(Group g) {
        return x == null ? "all" : String.valueOf(g.get(x));
    }

    List<String> seriesNames(Grouping grouping) {
        Set<String> names = new LinkedHashSet<>();
        grouping.groups().forEach(g -> names.add(seriesOf(g)));
        return new ArrayList<>(names);
    }

    List<String> xValues(Grouping grouping) {
        Set<String> names = new LinkedHashSet<>();
        grouping.groups().forEach(g -> names.add(xOf(g)));
        return new ArrayList<>(names);
    }

    /** Groups sharing a series and x value (several when an unlisted axis also varies) become one point. */
    Map<String, Map<String, List<Group>>> cells(Grouping grouping) {
        Map<String, Map<String, List<Group>>> cells = new LinkedHashMap<>();
        for (String s : seriesNames(grouping)) {
            cells.put(s, new LinkedHashMap<>());
        }
        for (Group g : grouping.groups()) {
            cells.get(seriesOf(g)).computeIfAbsent(xOf(g), k -> new ArrayList<>()).add(g);
        }
        return cells;
    }
}
