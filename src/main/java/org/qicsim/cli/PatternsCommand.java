package org.qicsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.LocalPool;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.patterns.Pattern;
import org.qicsim.patterns.PatternLoader;
import org.qicsim.patterns.PatternResult;
import org.qicsim.patterns.PatternRunner;
import org.qicsim.patterns.PatternSet;
import org.qicsim.patterns.Scorecard;
import org.qicsim.results.Manifest;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.UserInputException;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.tree.DidYouMean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qicsim patterns}: runs the published patterns (scenarios/patterns/*.yaml) on the model as
 * it is and prints the scorecard, one line per pattern; writes
 * {@code results/patterns/<stamp>-<hash8>/} with scorecard.csv, scorecard.json, one subfolder per
 * pattern with its run tables, and manifest.json. A failing pattern is a finding: the exit code is 0
 * whatever the verdicts (docs/MODEL.md §14).
 *
 * <p>By default every pattern runs at the scenario defaults, the calibration's point estimate.
 * {@code --parameters FILE} judges the validation patterns with the posterior instead (replicate k
 * of every design, or trial k of a review, runs draw k), so that a validation verdict accounts for
 * what the calibration left uncertain; the calibration patterns keep the defaults, since the point
 * estimate was fitted to them and re-judging them on its own posterior would say nothing new.
 */
@Command(name = "patterns", mixinStandardHelpOptions = true,
        description = {"Run the published patterns (shared/PATTERNS.md) and print the scorecard: estimate, CI, band, verdict.",
                "With --parameters FILE the validation patterns run the posterior (replicate k draw k); the calibration "
                        + "patterns always run the defaults, the point estimate they were fitted to."})
public final class PatternsCommand implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(PatternsCommand.class.getName());

    @Spec
    private CommandSpec spec;

    @Option(names = "--only", split = ",", paramLabel = "ID", description = "Run only these patterns, e.g. --only C1,P5.")
    private List<String> only = new ArrayList<>();

    @Option(names = "--pattern-set", paramLabel = "SET", description = "Run only this set: calibration or validation.")
    private String patternSet;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a scenario key in every scenario every pattern runs (repeatable).")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--reps", paramLabel = "N",
            description = "Replicates per design, or trials per simulated review, for every pattern (default: each pattern's).")
    private Integer reps;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed for every pattern (default: each pattern's seed).")
    private Long seed;

    @Option(names = "--patterns", paramLabel = "DIR", defaultValue = "scenarios/patterns",
            description = "Folder of pattern files (default: ${DEFAULT-VALUE}).")
    private Path patternsDir;

    @Mixin
    private FolderOptions folders;

    @Mixin
    private ParameterOption parameters;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        GlobalOptions options = GlobalOptions.of(spec);
        if (reps != null && reps < 2) {
            throw new UserInputException("--reps must be at least 2, was " + reps);
        }
        List<KeyOverride> overrides = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            overrides.add(KeyOverride.parseSet(sets.get(i), i + 1));
        }
        List<Pattern> patterns = select(PatternLoader.loadAll(patternsDir));
        // Read and checked before anything runs, so that a bad file leaves no folder behind.
        ParameterOption.Sample posterior = parameters.read(ParameterOption.Default.NONE);
        Instant start = Instant.now();
        String hash = hash(patterns, overrides, posterior);
        ResultsFolder folder = folders.create(root -> ResultsFolder.forRun(root, "patterns", start, hash));
        List<PatternResult> results = new ArrayList<>();
        try (folder; RunExecutor executor = new LocalPool(options.threads())) {
            var log = folder.log();
            try {
                for (Pattern p : patterns) {
                    Instant t0 = Instant.now();
                    PatternRunner.ReplicateDraws draws = p.set() == PatternSet.VALIDATION ? posterior : null;
                    LOG.info("pattern " + p.id() + " (" + p.kind().yamlName() + ", "
                            + (reps != null ? reps : p.replicates()) + (p.kind() == Pattern.Kind.REVIEW ? " trials" : " replicates")
                            + (posterior == null ? "" : draws != null ? ", with the posterior " + posterior.source()
                            : ", at the defaults: a calibration pattern") + ")");
                    PatternResult r = PatternRunner.evaluate(p, overrides, seed != null ? seed : p.seed(),
                            reps != null ? reps : 0, draws, executor);
                    // The whole line, so that a long run's log tells each verdict as soon as it is known.
                    LOG.info(String.format(Locale.ROOT, "pattern %s: %s (%.1f s): estimate %s [%s, %s]; %s", p.id(),
                            r.verdict().text(), Duration.between(t0, Instant.now()).toMillis() / 1000.0, r.estimate(),
                            r.ciLow(), r.ciHigh(), r.reason()));
                    results.add(r);
                }
            } finally {
                log.close();
            }
            Scorecard.write(folder, results);
            List<String> ids = patterns.stream().map(Pattern::id).toList();
            Manifest manifest = ExperimentSession.manifest(spec.commandLine().getParseResult().originalArgs(), start,
                    hash, seed != null ? seed : PatternLoader.DEFAULT_SEED, executor)
                    .withExtra("patterns", ids).withExtra("replicatesOverride", reps == null ? "none" : reps.toString());
            if (posterior != null) {
                // Only then: without --parameters the manifest stays as it was.
                manifest = manifest.withExtra("parameters", describe(posterior));
            }
            folder.writeManifest("", manifest.withEnd(Instant.now()));
            Path done = folder.commit();
            Scorecard.print(stdout, results);
            if (posterior != null) {
                stdout.println(POSTERIOR_NOTE.formatted(posterior.source(), posterior.sha256().substring(0, 8)));
            }
            stdout.println(done);
        }
        return ExitCodes.OK;
    }

    /** Under the printed scorecard: which rows ran the posterior, and why the others did not. */
    private static final String POSTERIOR_NOTE = "Validation patterns ran the posterior %s (sha256 %s, draw k for "
            + "replicate k); calibration patterns ran the defaults, the point estimate they were fitted to";

    /** The manifest's record of the posterior: the sample, and which patterns ran it how. */
    private static Map<String, Object> describe(ParameterOption.Sample posterior) {
        Map<String, Object> m = posterior.describe();
        m.put("appliesTo", "validation patterns; calibration patterns ran the defaults");
        m.put("perReplicate", "replicate k of every design (trial k of a review) runs the sample's draw for replicate k, "
                + "assigned from the pattern's master seed as run --parameters does");
        return m;
    }

    /** The patterns chosen by --only and --pattern-set, in file order; unknown ids are invalid input. */
    private List<Pattern> select(List<Pattern> all) {
        List<String> ids = all.stream().map(Pattern::id).toList();
        for (String id : only) {
            if (!ids.contains(id)) {
                throw new UserInputException("--only: no pattern \"" + id + "\"" + DidYouMean.phrase(DidYouMean.among(id, ids))
                        + " (valid: " + String.join(", ", ids) + ")");
            }
        }
        PatternSet wanted = null;
        if (patternSet != null) {
            for (PatternSet s : PatternSet.values()) {
                if (s.yamlName().equals(patternSet)) {
                    wanted = s;
                }
            }
            if (wanted == null) {
                throw new UserInputException("--pattern-set: unknown set \"" + patternSet + "\""
                        + DidYouMean.phrase(DidYouMean.among(patternSet, List.of("calibration", "validation")))
                        + " (valid: calibration, validation)");
            }
        }
        List<Pattern> out = new ArrayList<>();
        for (Pattern p : all) {
            if ((only.isEmpty() || only.contains(p.id())) && (wanted == null || p.set() == wanted)) {
                out.add(p);
            }
        }
        if (out.isEmpty()) {
            throw new UserInputException("no pattern matches --only " + String.join(",", only) + " and --pattern-set " + patternSet);
        }
        return out;
    }

    /**
     * SHA-256 of the chosen pattern files' contents, the overrides, seed, replicates and the
     * posterior's content if any (none adds nothing, so that folder names stay as they were), for
     * the folder name.
     */
    private String hash(List<Pattern> patterns, List<KeyOverride> overrides, ParameterOption.Sample posterior)
            throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Pattern p : patterns) {
                digest.update(Files.readAllBytes(p.file()));
                digest.update((byte) '\n');
            }
            for (KeyOverride o : overrides) {
                digest.update((o.path() + "=" + o.valueYaml() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            digest.update(("seed=" + seed + "\nreps=" + reps + "\n").getBytes(StandardCharsets.UTF_8));
            if (posterior != null) {
                digest.update(("parameters=" + posterior.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
