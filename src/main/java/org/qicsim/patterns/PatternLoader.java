package org.qicsim.patterns;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.qicsim.patterns.ChecksSpec.Check;
import org.qicsim.patterns.ChecksSpec.Combine;
import org.qicsim.patterns.ChecksSpec.Design;
import org.qicsim.patterns.ChecksSpec.Rule;
import org.qicsim.patterns.ReviewSpec.DistributionKind;
import org.qicsim.patterns.ReviewSpec.Measure;
import org.qicsim.patterns.ReviewSpec.Moderator;
import org.qicsim.patterns.ReviewSpec.Published;
import org.qicsim.patterns.ReviewSpec.Setting;
import org.qicsim.scenario.InputFile;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.Problem;
import org.qicsim.scenario.Problems;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.ScenarioSchema;
import org.qicsim.scenario.SettingsBlock;
import org.qicsim.scenario.tree.DidYouMean;
import org.qicsim.scenario.tree.ListNode;
import org.qicsim.scenario.tree.Location;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.ScalarNode;

/**
 * Reads pattern files ({@code scenarios/patterns/<id>.yaml}) through the located pipeline: every
 * problem of a file is collected and reported at its file, line and column, unknown keys and values
 * with a "did you mean", as for scenarios (exit code 2 at the command line). Scenario files a
 * pattern names are resolved relative to the pattern file and checked to exist here; their content
 * is validated when the pattern runs. The file format is documented in docs/MODEL.md §14.
 */
public final class PatternLoader {

    /** The bundled patterns folder, relative to the working directory. */
    public static final Path DEFAULT_DIR = Path.of("scenarios", "patterns");

    /** Default master seed of a pattern's runs (the bundled scenarios' seed). */
    public static final long DEFAULT_SEED = 20231201L;

    private static final List<String> COMMON = List.of("id", "title", "source", "set", "kind", "metric", "criterion",
            "replicates", "seed");
    private static final List<String> REVIEW = List.of("trial", "published", "moderators", "share");
    private static final List<String> REPLICATES = List.of("designs", "checks");
    private static final List<String> FEATURES = List.of("scenario", "features", "statistic");
    private static final List<String> NOT_EXPRESSIBLE = List.of("reason");

    private PatternLoader() {
    }

    /** Every {@code *.yaml} file of {@code dir}, in file-name order; all problems of all files at once. */
    public static List<Pattern> loadAll(Path dir) throws ScenarioException {
        if (!Files.isDirectory(dir)) {
            throw new ScenarioException(Problem.error(Location.ofFile(dir.toString()), "",
                    "no patterns folder " + dir + " (run from the project folder, or pass --patterns DIR)"));
        }
        Set<Path> files = new TreeSet<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.yaml")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new ScenarioException(Problem.error(Location.ofFile(dir.toString()), "", "cannot list " + dir + ": " + e.getMessage()));
        }
        List<Pattern> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (Path file : files) {
            try {
                Pattern p = load(file);
                if (!ids.add(p.id())) {
                    problems.add(Problem.error(Location.ofFile(file.toString()), "id", "duplicate pattern id " + p.id()));
                }
                out.add(p);
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return out;
    }

    /** One pattern file. */
    public static Pattern load(Path file) throws ScenarioException {
        String display = file.normalize().toString();
        Node root = InputFile.parse(file, display, "a pattern file");
        Problems problems = new Problems();
        if (!(root instanceof MapNode map)) {
            problems.error(root.location(), "", "expected a map of pattern keys (id, title, source, set, kind, …), got "
                    + root.describe());
            problems.throwIfErrors();
            return null;
        }
        Fields f = new Fields(map, "", problems);
        String id = f.text("id");
        String title = f.text("title");
        String source = f.text("source");
        PatternSet set = f.choice("set", PatternSet.values(), PatternSet::yamlName);
        Pattern.Kind kind = f.choice("kind", Pattern.Kind.values(), Pattern.Kind::yamlName);
        String metric = f.text("metric");
        String criterion = f.text("criterion");
        Integer replicates = kind == null || kind == Pattern.Kind.NOT_EXPRESSIBLE ? f.optionalInteger("replicates", 1, 100_000)
                : f.integer("replicates", 1, 100_000);
        Long seed = f.optionalLong("seed");
        String stem = stem(file);
        if (id != null && !id.equals(stem)) {
            problems.error(map.get("id").location(), "id", "the id \"" + id + "\" must be the file's name (" + stem
                    + ".yaml), so that --only finds it");
        }
        List<String> valid = new ArrayList<>(COMMON);
        List<String> specific = kind == null ? List.of() : switch (kind) {
            case REVIEW -> REVIEW;
            case REPLICATES -> REPLICATES;
            case FEATURES -> FEATURES;
            case NOT_EXPRESSIBLE -> NOT_EXPRESSIBLE;
        };
        valid.addAll(specific);
        if (kind != null) {
            f.checkKeys(valid, " for kind " + kind.yamlName());
        }
        Path dir = file.toAbsolutePath().getParent();
        Pattern.Body body = kind == null ? null : switch (kind) {
            case REVIEW -> review(f, dir);
            case REPLICATES -> replicates(f, dir);
            case FEATURES -> new FeaturesSpec(f.file("scenario", dir), f.file("features", dir), f.statistic("statistic"));
            case NOT_EXPRESSIBLE -> new Pattern.NotExpressibleSpec(f.text("reason"));
        };
        problems.throwIfErrors();
        return new Pattern(id, title, source, set, kind, metric, criterion, replicates == null ? 0 : replicates,
                seed == null ? DEFAULT_SEED : seed, body, file);
    }

    private static String stem(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    // ---- review -------------------------------------------------------------------------------

    private static ReviewSpec review(Fields top, Path dir) {
        Fields trial = top.map("trial", List.of("intervention", "control", "measure", "followUpMonths", "settings"));
        Fields published = top.map.has("share") ? null : top.map("published", List.of("median", "band", "iqr"));
        if (trial == null) {
            return null;
        }
        Path intervention = trial.file("intervention", dir);
        String controlText = trial.text("control");
        Path control = null;
        if (controlText != null && !controlText.equals("counterfactual")) {
            control = trial.file("control", dir);
        }
        Measure measure = trial.choice("measure", Measure.values(), Measure::yamlName);
        Setting followUp = setting(trial, "followUpMonths", null, false);
        List<Setting> settings = new ArrayList<>();
        Fields settingsMap = trial.map("settings", null);
        if (settingsMap != null) {
            for (String name : settingsMap.map.keys()) {
                Setting s = setting(settingsMap, name, name, true);
                if (s != null) {
                    if (s.perSite() && settings.stream().noneMatch(e -> Setting.SITES_KEY.equals(e.key()))) {
                        settingsMap.problems.error(s.at(), settingsMap.path(name + ".perSite"), "a perSite setting multiplies"
                                + " by the trial's " + Setting.SITES_KEY + ": declare a setting of " + Setting.SITES_KEY
                                + " before \"" + name + "\"");
                    }
                    settings.add(s);
                }
            }
        }
        Double median = published == null ? null : published.number("median");
        double[] band = published == null ? null : published.optionalPair("band");
        double[] iqr = published == null ? null : published.optionalPair("iqr");
        Published pub = null;
        if (median != null) {
            double a = 0.67 * median;
            double b = 1.5 * median;
            pub = band != null ? new Published(median, band[0], band[1], iqr)
                    : new Published(median, Math.min(a, b), Math.max(a, b), iqr);
        }
        List<Moderator> moderators = new ArrayList<>();
        Node list = top.map.get("moderators");
        if (list != null) {
            if (!(list instanceof ListNode items)) {
                top.problems.error(list.location(), "moderators", "expected a list of moderators, got " + list.describe());
            } else {
                Set<String> names = new LinkedHashSet<>();
                settings.forEach(s -> names.add(s.name()));
                names.add("baselineCompliance");
                for (int i = 0; i < items.items().size(); i++) {
                    Moderator m = moderator(items.items().get(i), "moderators[" + i + "]", top.problems, names, settings);
                    if (m != null) {
                        moderators.add(m);
                    }
                }
            }
        }
        if (followUp != null && (followUp.low() < 1 || followUp.high() > 120 || !followUp.round())) {
            top.problems.error(followUp.at(), "trial.followUpMonths",
                    "follow-up is a whole number of months in [1, 120]: set round: true and low, high in that range");
        }
        ReviewSpec.Share share = null;
        if (top.map.has("share")) {
            Fields sh = top.map("share", List.of("band", "better", "worse"));
            double[] b = sh == null ? null : sh.optionalPair("band");
            if (sh != null && b == null) {
                top.problems.error(sh.map.location(), "share.band", "missing key band ([low, high] for the share)");
            }
            List<String> names = settings.stream().map(Setting::name).toList();
            List<ReviewSpec.Bound> better = sh == null ? List.of() : bounds(sh, "better", names);
            List<ReviewSpec.Bound> worse = sh == null ? List.of() : bounds(sh, "worse", names);
            if (b != null) {
                share = new ReviewSpec.Share(b[0], b[1], better, worse);
            }
        }
        return new ReviewSpec(intervention, control, measure, followUp, settings, pub, moderators, share);
    }

    private static List<ReviewSpec.Bound> bounds(Fields parent, String key, List<String> settings) {
        Fields f = parent.map(key, null);
        List<ReviewSpec.Bound> out = new ArrayList<>();
        if (f == null) {
            return out;
        }
        for (String name : f.map.keys()) {
            if (!settings.contains(name)) {
                f.problems.error(f.map.entry(name).keyLocation(), f.path(name), "unknown trial setting \"" + name + "\""
                        + DidYouMean.phrase(DidYouMean.among(name, settings)) + " (valid: " + String.join(", ", settings) + ")");
                continue;
            }
            double[] range = f.optionalPair(name);
            if (range != null) {
                out.add(new ReviewSpec.Bound(name, range[0], range[1]));
            }
        }
        return out;
    }

    private static Setting setting(Fields parent, String name, String settingName, boolean needsKey) {
        List<String> valid = needsKey ? List.of("key", "arm", "distribution", "low", "high", "round", "perSite", "values", "source")
                : List.of("distribution", "low", "high", "round", "source");
        Fields s = parent.map(name, valid);
        if (s == null) {
            return null;
        }
        String key = null;
        if (needsKey) {
            key = s.text("key");
            if (key != null && ScenarioSchema.key(key).isEmpty()) {
                s.problems.error(s.map.get("key").location(), s.path("key"), "\"" + key + "\" is not a scenario key"
                        + DidYouMean.phrase(ScenarioSchema.suggest(key)) + " (valid: a key path listed by qicsim schema --list)");
            }
        }
        boolean interventionOnly = false;
        if (needsKey && s.map.has("arm")) {
            String arm = s.text("arm");
            if ("intervention".equals(arm)) {
                interventionOnly = true;
            } else if (arm != null && !arm.equals("both")) {
                s.problems.error(s.map.get("arm").location(), s.path("arm"), "unknown arm \"" + arm + "\""
                        + DidYouMean.phrase(DidYouMean.among(arm, List.of("both", "intervention"))) + " (valid: both, intervention)");
            }
        }
        DistributionKind kind = s.choice("distribution", DistributionKind.values(), DistributionKind::yamlName);
        String source = s.optionalText("source");
        boolean round = Boolean.TRUE.equals(s.optionalBoolean("round"));
        boolean perSite = needsKey && Boolean.TRUE.equals(s.optionalBoolean("perSite"));
        if (kind == DistributionKind.CHOICE) {
            Node values = s.map.get("values");
            List<Object> out = new ArrayList<>();
            if (!(values instanceof ListNode items) || items.items().isEmpty()) {
                s.problems.error(values == null ? s.map.location() : values.location(), s.path("values"),
                        "a choice needs a non-empty list of values");
            } else {
                for (Node item : items.items()) {
                    if (item instanceof ScalarNode scalar && scalar.value() != null) {
                        out.add(scalar.value());
                    } else {
                        s.problems.error(item.location(), s.path("values"), "expected a single value, got " + item.describe());
                    }
                }
            }
            if (perSite) {
                s.problems.error(s.map.get("perSite").location(), s.path("perSite"),
                        "perSite multiplies a number by the trial's sites: a choice cannot be per site (use uniform or logUniform)");
            }
            return new Setting(settingName, key, kind, Double.NaN, Double.NaN, false, out, interventionOnly, false, source,
                    s.map.location());
        }
        Double low = s.number("low");
        Double high = s.number("high");
        if (low != null && high != null) {
            if (!(low <= high)) {
                s.problems.error(s.map.get("high").location(), s.path("high"), "high must be at least low (" + low + ")");
            } else if (kind == DistributionKind.LOG_UNIFORM && !(low > 0)) {
                s.problems.error(s.map.get("low").location(), s.path("low"), "a logUniform distribution needs low > 0");
            }
        }
        if (kind == null || low == null || high == null) {
            return null;
        }
        return new Setting(settingName, key, kind, low, high, round, List.of(), interventionOnly, perSite, source,
                s.map.location());
    }

    private static Moderator moderator(Node node, String path, Problems problems, Set<String> variables,
            List<Setting> settings) {
        if (!(node instanceof MapNode map)) {
            problems.error(node.location(), path, "expected a map with name, variable and sign, got " + node.describe());
            return null;
        }
        Fields m = new Fields(map, path, problems);
        m.checkKeys(List.of("name", "variable", "level", "sign", "notExpressible"), "");
        String name = m.text("name");
        String notExpressible = m.optionalText("notExpressible");
        String sign = m.text("sign");
        int s = 0;
        if (sign != null) {
            if (sign.equals("positive")) {
                s = 1;
            } else if (sign.equals("negative")) {
                s = -1;
            } else {
                problems.error(map.get("sign").location(), path + ".sign", "unknown sign \"" + sign + "\""
                        + DidYouMean.phrase(DidYouMean.among(sign, List.of("positive", "negative")))
                        + " (valid: positive, negative)");
            }
        }
        if (notExpressible != null) {
            return new Moderator(name, null, null, s, notExpressible, map.location());
        }
        String variable = m.text("variable");
        if (variable != null && !variables.contains(variable)) {
            problems.error(map.get("variable").location(), path + ".variable", "unknown variable \"" + variable + "\""
                    + DidYouMean.phrase(DidYouMean.among(variable, variables)) + " (valid: " + String.join(", ", variables) + ")");
        }
        Object level = null;
        Node levelNode = map.get("level");
        if (levelNode instanceof ScalarNode scalar) {
            level = scalar.value();
            for (Setting setting : settings) {
                if (setting.name().equals(variable) && !setting.values().contains(level)) {
                    problems.error(levelNode.location(), path + ".level", "level " + level + " is not among the values of "
                            + variable + " (valid: " + setting.values() + ")");
                }
            }
        }
        for (Setting setting : settings) {
            if (setting.name().equals(variable) && setting.distribution() == DistributionKind.CHOICE && level == null
                    && !setting.values().stream().allMatch(v -> v instanceof Boolean || v instanceof Number)) {
                problems.error(map.location(), path + ".level", "a choice of words enters the regression as the indicator of one "
                        + "value: set level to one of " + setting.values());
            }
        }
        return new Moderator(name, variable, level, s, null, map.location());
    }

    // ---- replicates ---------------------------------------------------------------------------

    private static ChecksSpec replicates(Fields top, Path dir) {
        Fields designsMap = top.map("designs", null);
        List<Design> designs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (designsMap != null) {
            for (String name : designsMap.map.keys()) {
                Fields d = designsMap.map(name, List.of("scenario", "set", "replicates", "seedOffset"));
                if (d == null) {
                    continue;
                }
                names.add(name);
                Path scenario = d.file("scenario", dir);
                Integer reps = d.optionalInteger("replicates", 1, 100_000);
                Long offset = d.optionalLong("seedOffset");
                // The set: parser of experiment and calibration files: each value checked against its
                // key's type and range here, and a problem the scenario finds later is moved back to
                // this line through its origin.
                java.util.Map<String, Location> origins = new java.util.LinkedHashMap<>();
                List<KeyOverride> overrides = SettingsBlock.parse(d.map.get("set"), d.path("set"), java.util.Map.of(),
                        (key, at) -> at.file() + " design " + name + " " + key, d.problems, origins);
                if (scenario != null) {
                    designs.add(new Design(name, scenario, overrides, origins, reps, offset == null ? 0 : offset));
                }
            }
        }
        List<Check> checks = new ArrayList<>();
        Node list = top.map.get("checks");
        if (list == null) {
            top.problems.error(top.map.location(), "checks", "missing key checks (a list of checks)");
        } else if (!(list instanceof ListNode items) || items.items().isEmpty()) {
            top.problems.error(list.location(), "checks", "expected a non-empty list of checks, got " + list.describe());
        } else {
            for (int i = 0; i < items.items().size(); i++) {
                Check c = check(items.items().get(i), "checks[" + i + "]", top.problems, names);
                if (c != null) {
                    checks.add(c);
                    pairing(c, designs, items.items().get(i).location(), "checks[" + i + "]", top.problems);
                }
            }
        }
        return new ChecksSpec(designs, checks);
    }

    /** A paired difference needs two designs with the same seeds and replicates; an independent one other seeds. */
    private static void pairing(Check c, List<Design> designs, Location at, String path, Problems problems) {
        if (c.combine() == Combine.MEDIAN_OVER || c.combine() == Combine.MEAN_OVER) {
            // Combined replicate by replicate: the designs must be paired.
            Design first = c.among().isEmpty() ? null : find(designs, c.among().get(0));
            for (String name : c.among()) {
                Design d = find(designs, name);
                if (first != null && d != null && (d.seedOffset() != first.seedOffset()
                        || !java.util.Objects.equals(d.replicates(), first.replicates()))) {
                    problems.error(at, path, "designs " + first.name() + " and " + d.name() + " must have the same "
                            + "seedOffset and replicates to be combined replicate by replicate");
                    return;
                }
            }
            return;
        }
        if (c.minus() == null) {
            return;
        }
        Design a = find(designs, c.design());
        Design b = find(designs, c.minus());
        if (a != null && b != null && (a.seedOffset() != b.seedOffset() || !java.util.Objects.equals(a.replicates(), b.replicates()))) {
            problems.error(at, path, "designs " + a.name() + " and " + b.name() + " must have the same seedOffset and "
                    + "replicates to be paired");
        }
        Design i = c.independent() == null ? null : find(designs, c.independent());
        if (a != null && i != null && (a.seedOffset() == i.seedOffset() || !java.util.Objects.equals(a.replicates(), i.replicates()))) {
            problems.error(at, path, "design " + i.name() + " needs another seedOffset than " + a.name()
                    + " (independent seeds) and the same replicates");
        }
    }

    private static Design find(List<Design> designs, String name) {
        return designs.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    private static Check check(Node node, String path, Problems problems, List<String> designs) {
        if (!(node instanceof MapNode map)) {
            problems.error(node.location(), path, "expected a map describing a check, got " + node.describe());
            return null;
        }
        Fields c = new Fields(map, path, problems);
        c.checkKeys(List.of("name", "combine", "statistic", "design", "minus", "factor", "independent", "among",
                "inside", "below", "above", "pointBelow", "within3SeOf", "negligible"), "");
        String name = c.text("name");
        Combine combine = c.choice("combine", Combine.values(), PatternLoader::camel);
        String statistic = c.statistic("statistic");
        String design = null;
        String minus = null;
        String independent = null;
        List<String> among = new ArrayList<>();
        double factor = 1;
        if (combine != null) {
            switch (combine) {
                case MEAN -> design = c.design("design", designs);
                case DIFFERENCE -> {
                    design = c.design("design", designs);
                    minus = c.design("minus", designs);
                    Double fac = c.optionalNumber("factor");
                    factor = fac == null ? 1 : fac;
                }
                case PAIRING_RATIO -> {
                    design = c.design("design", designs);
                    minus = c.design("minus", designs);
                    independent = c.design("independent", designs);
                }
                case LOWEST_MEAN, MEDIAN_OVER, MEAN_OVER -> {
                    Node a = map.get("among");
                    if (!(a instanceof ListNode items) || items.items().size() < 2) {
                        problems.error(a == null ? map.location() : a.location(), path + ".among",
                                camel(combine) + " needs a list of at least two designs in among");
                    } else {
                        for (Node item : items.items()) {
                            String d = item instanceof ScalarNode s && s.value() instanceof String t ? t : null;
                            if (d == null || !designs.contains(d)) {
                                problems.error(item.location(), path + ".among", "unknown design " + (d == null ? item.describe() : "\"" + d + "\"")
                                        + (d == null ? "" : DidYouMean.phrase(DidYouMean.among(d, designs))) + " (valid: " + String.join(", ", designs) + ")");
                            } else {
                                among.add(d);
                            }
                        }
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        List<String> rules = List.of("inside", "below", "above", "pointBelow", "within3SeOf", "negligible");
        List<String> present = rules.stream().filter(map::has).toList();
        if (present.size() != 1) {
            problems.error(map.location(), path, "a check needs exactly one criterion among " + String.join(", ", rules)
                    + (present.isEmpty() ? "" : "; found " + String.join(", ", present)));
            return null;
        }
        String ruleKey = present.get(0);
        double low = Double.NaN;
        double high = Double.NaN;
        String target = null;
        String targetDesign = null;
        Rule rule;
        switch (ruleKey) {
            case "inside" -> {
                rule = Rule.INSIDE;
                double[] pair = c.optionalPair("inside");
                if (pair != null) {
                    low = pair[0];
                    high = pair[1];
                }
            }
            case "below" -> {
                rule = Rule.BELOW;
                high = nz(c.number("below"));
            }
            case "above" -> {
                rule = Rule.ABOVE;
                low = nz(c.number("above"));
            }
            case "pointBelow" -> {
                rule = Rule.POINT_BELOW;
                high = nz(c.number("pointBelow"));
            }
            case "negligible" -> {
                rule = Rule.NEGLIGIBLE;
                high = nz(c.number("negligible"));
            }
            default -> {
                rule = Rule.WITHIN_3_SE;
                Fields t = c.map("within3SeOf", List.of("statistic", "design"));
                if (t != null) {
                    target = t.statistic("statistic");
                    targetDesign = t.design("design", designs);
                }
            }
        }
        if (name == null || combine == null || statistic == null) {
            return null;
        }
        return new Check(name, combine, statistic, design, minus, factor, independent, among, rule, low, high, target,
                targetDesign);
    }

    private static double nz(Double d) {
        return d == null ? Double.NaN : d;
    }

    /** {@code PAIRING_RATIO} → {@code pairingRatio}. */
    static String camel(Enum<?> e) {
        String[] parts = e.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return out.toString();
    }
}
