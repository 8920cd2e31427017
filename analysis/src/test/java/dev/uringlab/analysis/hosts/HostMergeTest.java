package dev.uringlab.analysis.hosts;

import dev.uringlab.analysis.io.ResultsDirectory;
import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.analysis.model.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostMergeTest {

    @Test
    void runsOfTwoHostsGetHostColumnsFromTheirManifests(@TempDir Path dir) throws Exception {
        Path a = host(dir, "nvme1", "6.1.0-56-amd64", "AMD EPYC 7302", "SAMSUNG MZPLJ1T6HBJR", 61000);
        Path b = host(dir, "nvme2", "6.8.0-1-amd64", "Intel Xeon Gold 6230", "unknown", 48000);
        Path out = dir.resolve("collected").resolve("exp");
        Files.createDirectories(out.resolve("runs").resolve("stale-from-an-earlier-collect"));

        HostMerge.Merged merged = HostMerge.merge(List.of(new HostMerge.HostDir("nvme1", a),
                new HostMerge.HostDir("nvme2", b)), out);

        assertEquals(2, merged.runs());
        assertEquals(List.of("nvme1", "nvme2"), merged.hosts());
        List<String> csv = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals("experiment,run_id,repetition,status,host,host_kernel,host_cpu,host_disk_model,iodepth,"
                + "cpus_resolved,iops,wall_s,workload_s,error,warnings", csv.get(0));
        assertEquals("exp,nvme1--iodepth-16_r1_abcd1234,1,ok,nvme1,6.1.0-56-amd64,AMD EPYC 7302,SAMSUNG MZPLJ1T6HBJR,16,"
                + "0,61000,2,1,,", csv.get(1));
        assertEquals("exp,nvme2--iodepth-16_r1_abcd1234,1,ok,nvme2,6.8.0-1-amd64,Intel Xeon Gold 6230,unknown,16,"
                + "0,48000,2,1,,", csv.get(2));
        ResultsDirectory back = ResultsDirectory.load(out);
        assertEquals(2, back.runs().size(), "the merged directory reads like any results directory, nothing stale");
        assertEquals("nvme1, nvme2", back.manifest().hostname());
        assertTrue(back.manifest().raw().path("hosts").size() == 2);
    }

    private static Path host(Path dir, String name, String kernel, String cpu, String disk, double iops) throws Exception {
        Path exp = dir.resolve("hosts").resolve(name).resolve("exp");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("iodepth", 16L);
        RunRecord run = new RunRecord("exp", "iodepth-16_r1_abcd1234", 1, 1, RunRecord.OK, null, params, "0", "0",
                "scratch", Map.of(), Map.of("iops", iops), Map.of(), "2026-11-28T12:00:00Z", 2.0, 1.0);
        Files.createDirectories(exp.resolve("runs").resolve(run.runId()));
        Files.writeString(exp.resolve("runs").resolve(run.runId()).resolve("run.json"), RunRecordJson.write(run));
        Files.writeString(exp.resolve("manifest.json"), """
                {"experiment": "exp", "host": {"hostname": "%s", "kernel": "%s", "cpu_model": "%s"},
                 "target": {"disk": "nvme0n1", "disk_model": "%s"}}
                """.formatted(name, kernel, cpu, disk));
        return exp;
    }
}
