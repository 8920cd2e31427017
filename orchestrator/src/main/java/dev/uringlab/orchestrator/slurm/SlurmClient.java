package dev.uringlab.orchestrator.slurm;

import dev.uringlab.orchestrator.process.ToolException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Slurm calls uringlab makes, each a short call with a timeout and parsed output. */
public class SlurmClient {

    private final SlurmTool tool;

    public SlurmClient(SlurmTool tool) {
        this.tool = tool;
    }

    public SlurmClient() {
        this(new SlurmTool());
    }

    /** A node as {@code sinfo -N} lists it. */
    public record Node(String name, List<String> features, String state) {
    }

    /** The nodes of a partition (null: all); also the check that Slurm answers at all. */
    public List<Node> nodes(String partition) throws ToolException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-h", "-N", "-o", "%N|%f|%T"));
        if (partition != null) {
            args.addAll(List.of("-p", partition));
        }
        return parseNodes(tool.checked("sinfo", args));
    }

    static List<Node> parseNodes(String out) {
        List<Node> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length == 3 && !f[0].isEmpty() && nodes.stream().noneMatch(n -> n.name().equals(f[0]))) {
                List<String> features = f[1].equals("(null)") || f[1].isEmpty() ? List.of() : List.of(f[1].split(","));
                nodes.add(new Node(f[0], features, f[2]));
            }
        }
        return nodes;
    }

    /** sbatch --parsable; returns the job id ("12" of "12;cluster"). */
    public String sbatch(List<String> args) throws ToolException, InterruptedException {
        String out = tool.checked("sbatch", args).strip();
        String id = out.split(";")[0].strip();
        if (!id.matches("\\d+")) {
            throw new ToolException("sbatch: unexpected answer '" + out + "' (expected a job id with --parsable)");
        }
        return id;
    }

    /** True while any task of the job is queued or running ({@code squeue -h -j ID -o %i}). */
    public boolean active(String jobId) throws ToolException, InterruptedException {
        SlurmTool.Result r = tool.call("squeue", List.of("-h", "-r", "-j", jobId, "-o", "%i|%T"));
        if (r.exit() != 0) {
            if (r.stderr().contains("Invalid job id")) {
                return false; // long finished: Slurm forgot it
            }
            throw new ToolException("squeue: " + r.firstErrorLine());
        }
        return !r.stdout().isBlank();
    }

    /** Every task of the job as {@code scontrol show job -o ID} reports it; empty once Slurm forgot the job. */
    public Optional<List<SlurmJob>> job(String jobId) throws ToolException, InterruptedException {
        SlurmTool.Result r = tool.call("scontrol", List.of("show", "job", "-o", jobId));
        if (r.exit() != 0) {
            if (r.stderr().contains("Invalid job id")) {
                return Optional.empty();
            }
            throw new ToolException("scontrol: " + r.firstErrorLine());
        }
        return Optional.of(ShowJobParser.parse(r.stdout()));
    }

    public static String shortHostname() {
        try {
            String name = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
            return name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
