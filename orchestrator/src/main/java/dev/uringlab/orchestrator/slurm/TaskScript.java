package dev.uringlab.orchestrator.slurm;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The scripts Slurm runs. task.sh is one task: it checks what this node needs (a writable shared
 * results directory, java, the uringlab build), then runs `uringlab run` exactly as a user would
 * on this host, into DIR/hosts/HOST, with the task's run ids in spread mode; uringlab itself then
 * preflights the workload tools and journals and restores every host change, also on the SIGTERM
 * of scancel. Each task leaves a small state file, so status and collect can still say what
 * happened after Slurm has forgotten the job. replicate.sh starts task.sh once per node.
 */
public final class TaskScript {

    private TaskScript() {
    }

    /** @param runArgs options passed on to `uringlab run` (--only, --set) */
    public static String task(Path dir, Path subDir, List<Path> classpath, Path experimentFile, List<String> runArgs) {
        return """
                #!/bin/bash
                # Written by uringlab submit; one Slurm task = one `uringlab run` on this node.
                # sbatch exports the submitter's environment, and with it the marker uringlab puts on its
                # own children: a task carrying a dead submitter's marker would be stopped as its leftover.
                [ -n "${URINGLAB_SWEEP:-}" ] && exec /usr/bin/env -u URINGLAB_SWEEP /bin/bash "$0" "$@"
                set -u
                dir=%s
                sub=%s
                cp=%s
                file=%s
                # Slurm's node name (what --nodelist and sinfo say); the short hostname outside Slurm.
                host=${SLURMD_NODENAME:-$(hostname -s)}
                if [ -n "${SLURM_ARRAY_TASK_ID:-}" ]; then task=${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}; else task=${SLURM_JOB_ID:-local}_$host; fi
                say() { echo "uringlab task $task on $host: $*"; }
                if ! mkdir -p "$sub/state" "$dir/hosts/$host" 2>/dev/null || [ ! -w "$sub/state" ]; then
                  say "cannot write $dir (the results directory must be on a file system every node shares)"; exit 3
                fi
                state="$sub/state/$task.state"
                note() { printf '%%s\\n' "$@" >> "$state"; }
                end() { note "exit=$1" "ended=$(date -u +%%FT%%TZ)" "reason=$2"; say "$2"; exit "$1"; }
                note "task=$task" "host=$host" "slurm_job=${SLURM_JOB_ID:-}" "started=$(date -u +%%FT%%TZ)"
                # scancel sends SIGTERM to every process of the task: uringlab restores the host and keeps finished runs.
                trap 'note "signal=TERM"' TERM
                java_bin=${URINGLAB_JAVA:-java}
                command -v "$java_bin" >/dev/null 2>&1 || end 3 "java not found on $host (install a JDK 17 there, or set URINGLAB_JAVA)"
                [ -r "${cp%%%%:*}" ] || end 3 "${cp%%%%:*} is not readable on $host (the uringlab build must be on a file system every node shares)"
                runs=()
                if [ -n "${SLURM_ARRAY_TASK_ID:-}" ] && [ -f "$sub/task-$SLURM_ARRAY_TASK_ID.runs" ]; then
                  runs=(--runs "$(paste -sd, "$sub/task-$SLURM_ARRAY_TASK_ID.runs")")
                  say "$(wc -l < "$sub/task-$SLURM_ARRAY_TASK_ID.runs") runs"
                else
                  say "the whole sweep"
                fi
                "$java_bin" ${URINGLAB_JAVA_OPTS:--Xmx512m} -cp "$cp" dev.uringlab.orchestrator.cli.Main run "$file" --results "$dir/hosts/$host" "${runs[@]}"%s
                rc=$?
                case $rc in
                  0) end 0 "done" ;;
                  3) end 3 "a tool or privilege uringlab needs is missing on $host (exit 3; the line above names it)" ;;
                  130|143) end "$rc" "stopped by a signal (scancel, time limit); finished runs are kept, submit again to resume" ;;
                  *) end "$rc" "uringlab run exited $rc (see the lines above)" ;;
                esac
                """.formatted(quote(dir), quote(subDir),
                quote(classpath.stream().map(Path::toString).collect(Collectors.joining(":"))), quote(experimentFile),
                runArgs.isEmpty() ? "" : " " + runArgs.stream().map(TaskScript::quote).collect(Collectors.joining(" ")));
    }

    /** The batch script of a replicate submission: task.sh once on every node of the allocation. */
    public static String replicate(Path subDir) {
        return """
                #!/bin/bash
                # Written by uringlab submit: the whole sweep once on every node of this allocation.
                exec /usr/bin/env -u URINGLAB_SWEEP srun --ntasks-per-node=1 --kill-on-bad-exit=0 --output=%s bash %s
                """.formatted(quote(SubmitLayout.logsDir(subDir).resolve("%j-%N.out")), quote(subDir.resolve("task.sh")));
    }

    static String quote(Object value) {
        return dev.uringlab.orchestrator.process.ShellQuote.quote(value.toString());
    }
}
