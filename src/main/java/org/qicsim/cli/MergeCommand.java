package org.qicsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.Seeds;
import org.qicsim.experiment.StopSignal;
import org.qicsim.experiment.sweep.ExperimentFile;
import org.qicsim.experiment.sweep.ShardMerge;
import org.qicsim.experiment.sweep.ShardMerge.ShardFolder;
import org.qicsim.experiment.sweep.SweepFolder;
import org.qicsim.experiment.sweep.SweepPlan;
import org.qicsim.experiment.sweep.SweepSummaries;
import org.qicsim.results.BuildInfo;
import org.qicsim.results.Manifest;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.RunLog;
import org.qicsim.results.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qicsim merge SHARD_FOLDER... [--out DIR]}: joins the folders of {@code sweep --shard i/N}
 * into one sweep folder equal, table for table, to the unsharded sweep: the rows copied, then the
 * {@code points} table and sensitivity indices computed from them in (point, replicate) order.
 * Refuses (exit 2, naming what differs) unless the folders are all N complete shards of one
 * resolved experiment and build, each holding exactly its own runs.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the shard folders of `qicsim sweep --shard i/N` into one sweep folder, equal table for "
                + "table to an unsharded sweep (points and sensitivity computed from the joined rows).",
            "Refuses unless the folders are every shard, once, of one resolved experiment and build."})
public final class MergeCommand implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(MergeCommand.class.getName());

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FOLDER", description = "The shard folders (every shard, once).")
    private List<Path> folders;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder to create (must not exist).")
    private Path out;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "Where the stamped results folder goes without --out (default: ${DEFAULT-VALUE}).")
    private Path resultsRoot;

    @picocli.CommandLine.Mixin
    private ReportOption report;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        GlobalOptions options = GlobalOptions.of(spec);
        Instant start = Instant.now();
        List<ShardFolder> shards = ShardMerge.inspect(folders);
        ShardFolder first = shards.get(0);
        ExperimentFile experiment = ExperimentFile.load(first.dir().resolve(ExperimentFile.RESOLVED));
        String recorded = String.valueOf(first.manifest().extra().get("experimentHash")).replace("\"", "");
        if (!experiment.sha256().equals(recorded)) {
            throw new UserInputException("cannot merge: " + first.dir().resolve(ExperimentFile.RESOLVED)
                    + " now resolves to experiment hash " + experiment.hash8() + ", not the recorded "
                    + recorded.substring(0, Math.min(8, recorded.length())) + "; merge with the build that ran the shards");
        }
        BuildInfo build = BuildInfo.load();
        String shardBuild = first.manifest().toolVersion() + " " + first.manifest().commit();
        if (!(build.version() + " " + build.commit()).equals(shardBuild)) {
            LOG.warning("the shards were run by qicsim " + shardBuild + " and are merged by " + build.version() + " "
                    + build.commit() + "; the points table is computed by this build");
        }
        SweepScope scope = SweepScope.recorded(first.manifest(), first.dir()).unsharded();
        SweepPlan plan = scope.plan(experiment, options.threads());
        BitSet held = ShardMerge.checkRuns(shards, plan, scope.adaptive());
        ResultsFolder created = out != null ? ResultsFolder.at(out)
                : ResultsFolder.forSweep(resultsRoot, start, experiment.sha256());
        try (created) {
            SweepFolder.writeExperiment(created, experiment);
            ShardMerge.copyRows(shards, created);
        }
        // The joined rows are then finished like an interrupted sweep with nothing left to run.
        ResultsFolder folder = ResultsFolder.reopen(created.dir());
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        String storage = first.storage();
        Manifest manifest = SweepFolder.describe(Manifest.start(BuildInfo.load(), args, start)
                .withScenario(experiment.base().sha256(), experiment.masterSeed(), Seeds.SCHEME), experiment, plan)
                .withExecution("mason-18/shards", options.threads())
                .withExtra("storage", storage)
                .withExtra("mergedFrom", mergedFrom(shards));
        boolean sensitivity;
        RunLog log = folder.log();
        StopSignal stop = new StopSignal();
        try (ExperimentSession session = ExperimentSession.open(folder, plan, plan.experiment().outputs().monthly(),
                plan.experiment().outputs().sites(), storage.equals("csv"))) {
            // Adaptive replication: replay the rounds from the joined rows; each must be there.
            for (SweepPlan next = plan; next != null; next = scope.nextRound(session, plan)) {
                plan = next;
                if (session.remaining() > 0) {
                    throw new UserInputException("cannot merge: the shards lack " + session.remaining() + " of the "
                            + plan.plannedCount() + " runs their experiment needs");
                }
            }
            BitSet planned = plan.plannedRuns();
            if (!planned.equals(held)) {
                held.andNot(planned);
                throw new UserInputException("cannot merge: the shards hold " + held.cardinality() + " runs beyond "
                        + "the rounds of adaptive replication their rows imply");
            }
            manifest = scope.describe(manifest, plan);
            sensitivity = SweepSummaries.write(folder, plan, session, stop);
            manifest = manifest.withExtra("status", "complete").withExtra("runsStored", planned.cardinality())
                    .withEnd(Instant.now());
            SweepFolder.writeManifest(folder, manifest);
        } finally {
            log.close();
        }
        Path done = folder.commit();
        stdout.printf(Locale.ROOT, "merged %d shards: %d points, %d runs%s%n", shards.size(), plan.points(),
                held.cardinality(), sensitivity ? "; sensitivity indices computed" : "");
        boolean reported = report.write(done, stdout);
        stdout.println(done);
        return reported ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** Each shard as the merged manifest records it: folder, shard, host, times, threads, runs. */
    private static List<Object> mergedFrom(List<ShardFolder> shards) {
        List<Object> list = new ArrayList<>();
        for (ShardFolder s : shards) {
            Manifest m = s.manifest();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("folder", s.dir().toAbsolutePath().normalize().toString().replace('\\', '/'));
            e.put("shard", s.shard().toString());
            e.put("host", m.host());
            e.put("startUtc", m.startUtc() == null ? null : m.startUtc().truncatedTo(ChronoUnit.MILLIS).toString());
            e.put("endUtc", m.endUtc() == null ? null : m.endUtc().truncatedTo(ChronoUnit.MILLIS).toString());
            e.put("threads", m.threads());
            e.put("runs", m.extra().get("runsStored"));
            list.add(e);
        }
        return list;
    }
}
