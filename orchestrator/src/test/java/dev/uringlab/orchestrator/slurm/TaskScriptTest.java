package dev.uringlab.orchestrator.slurm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated scripts parse as bash, and a path with a quote or a space stays one word. */
class TaskScriptTest {

    @Test
    void scriptsAreValidBash(@TempDir Path dir) throws Exception {
        Path odd = dir.resolve("it's a dir");
        String task = TaskScript.task(odd, odd.resolve("slurm/sub-1"), List.of(Path.of("/opt/u lab/uringlab.jar")),
                odd.resolve("exp.yaml"), List.of("--set", "workload.runtime=1"));
        assertTrue(task.contains("cp='/opt/u lab/uringlab.jar'"), task);
        assertTrue(task.contains("dir='" + dir + "/it'\\''s a dir'"), task);
        assertTrue(task.contains("'--set' 'workload.runtime=1'"), task);
        assertEquals(0, bashN(dir.resolve("task.sh"), task));
        assertEquals(0, bashN(dir.resolve("replicate.sh"), TaskScript.replicate(odd.resolve("slurm/sub-1"))));
    }

    @Test
    void aTaskWithoutJavaEndsAtOnceWithItsReason(@TempDir Path dir) throws Exception {
        Path sub = dir.resolve("slurm/sub-1");
        Files.createDirectories(sub);
        Path script = dir.resolve("task.sh");
        Files.writeString(script, TaskScript.task(dir, sub, List.of(dir.resolve("uringlab.jar")), dir.resolve("e.yaml"), List.of()));
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().put("URINGLAB_JAVA", "no-such-java");
        pb.environment().put("SLURM_JOB_ID", "42");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), out);
        assertTrue(out.contains("java not found on "), out);
        String host = SlurmClient.shortHostname();
        String state = Files.readString(SubmitLayout.stateDir(sub).resolve("42_" + host + ".state"));
        assertTrue(state.contains("exit=3") && state.contains("reason=java not found"), state);
    }

    private static int bashN(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Process p = new ProcessBuilder("bash", "-n", file.toString()).inheritIO().start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return p.exitValue();
    }
}
