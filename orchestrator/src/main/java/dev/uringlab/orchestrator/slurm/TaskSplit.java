package dev.uringlab.orchestrator.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Spread mode: the runs not yet finished, dealt round-robin over at most {@code tasks} array tasks
 * in plan order, so each task gets a similar mix of the sweep and no run is in two tasks. Run ids
 * derive from parameters, so a resubmission that leaves out the finished ones resumes the sweep.
 */
public final class TaskSplit {

    private TaskSplit() {
    }

    public static List<List<String>> split(List<String> plannedRunIds, Set<String> finished, int tasks) {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be at least 1");
        }
        List<String> todo = plannedRunIds.stream().distinct().filter(id -> !finished.contains(id)).toList();
        int n = Math.min(tasks, todo.size());
        List<List<String>> shares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < todo.size(); i++) {
            shares.get(i % n).add(todo.get(i));
        }
        return shares.stream().map(List::copyOf).toList();
    }
}
