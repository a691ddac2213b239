package org.qicsim.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.Problem;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.ScenarioLoader;
import org.qicsim.scenario.tree.LocatedTreeParser;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.ScalarNode;
import org.qicsim.scenario.tree.TreeSyntaxException;

/**
 * The scenarios a workshop may start from, bundled in the jar under {@code org/qicsim/web/scenarios/}
 * (so a served jar works from any working directory), and the gate for uploaded scenarios.
 *
 * <p>The loader reads files, so the bundled scenarios are copied at start-up into a private
 * temporary folder that mirrors {@code scenarios/}; an upload is written there under a random name,
 * so that its {@code extends} resolves among the bundled files. Before the loader sees an upload,
 * its {@code extends} must name one of the bundled scenarios exactly (no other path can reach the
 * loader), and of the loader's problems only those located in the upload reach the page: a parent's
 * lines are never echoed.
 */
public final class Catalogue implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Catalogue.class.getName());

    /** The bundled scenarios offered, relative to {@code scenarios/}, in the order they are listed. */
    public static final List<String> BUNDLED = List.of("michigan-cqi.yaml", "registry-feedback-only.yaml",
            "teaching/champion-turnover.yaml", "teaching/punitive-weak-community.yaml",
            "teaching/punitive-strong-community.yaml", "teaching/regional-groups.yaml");

    /** Files that bundled scenarios extend but that are not offered on their own. */
    private static final List<String> PARENTS_ONLY = List.of("base.yaml", "no-collaborative.yaml");

    /**
     * The five features file (docs/MODEL.md §13) the debrief's attribution switches off; extracted
     * beside the scenarios but never a parent an upload may extend.
     */
    static final String FEATURES = "features.yaml";

    private static final String RESOURCE_ROOT = "/org/qicsim/web/scenarios/";

    /** What a page shows as the file name of an upload's problems. */
    public static final String UPLOAD_NAME = "upload.yaml";

    /** Largest upload accepted, in characters. */
    public static final int MAX_UPLOAD_CHARS = 64 * 1024;

    /** Workshop bounds on uploaded worlds, so one upload cannot occupy the server for hours. */
    public static final int MAX_SITES = 200;
    public static final int MAX_HORIZON_MONTHS = 120;

    /** One bundled scenario as the facilitator's page lists it. */
    public record Entry(String id, String name, String description) {
    }

    private final Path dir;
    private final List<Entry> entries;
    private final SecureRandom random = new SecureRandom();

    private Catalogue(Path dir, List<Entry> entries) {
        this.dir = dir;
        this.entries = List.copyOf(entries);
    }

    /** Copies the bundled scenarios out of the jar and loads each once (they must be valid). */
    public static Catalogue extract() throws IOException {
        Path dir = Files.createTempDirectory("qicsim-workshop-");
        List<String> all = new ArrayList<>(PARENTS_ONLY);
        all.addAll(BUNDLED);
        all.add(FEATURES);
        for (String id : all) {
            Path target = dir.resolve(id);
            Files.createDirectories(target.getParent());
            try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE_ROOT + id)) {
                if (in == null) {
                    throw new IOException("bundled scenario missing from the jar: " + id);
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (String id : BUNDLED) {
            try {
                var s = ScenarioLoader.load(dir.resolve(id), List.of()).scenario();
                entries.add(new Entry(id, s.name(), s.description()));
            } catch (ScenarioException e) {
                throw new IllegalStateException("bundled scenario " + id + " is invalid:\n" + e.format(), e);
            }
        }
        return new Catalogue(dir, entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** A bundled scenario by id; 400 for anything else (the id never becomes a path unless listed). */
    ResolvedScenario bundled(String id) throws ScenarioException {
        if (id == null || !BUNDLED.contains(id)) {
            throw ApiException.badRequest("unknown scenario; choose one of: " + String.join(", ", BUNDLED));
        }
        return ScenarioLoader.load(dir.resolve(id), List.of());
    }

    /**
     * Loads an uploaded scenario text. Problems are located in {@link #UPLOAD_NAME}.
     *
     * @throws ApiException 413 when too large, 422 with the upload's located problems when invalid
     */
    ResolvedScenario upload(String text) throws IOException {
        if (text == null || text.isBlank()) {
            throw new ApiException(422, "the upload is empty");
        }
        if (text.length() > MAX_UPLOAD_CHARS) {
            throw new ApiException(413, "the upload is larger than " + MAX_UPLOAD_CHARS / 1024 + " KiB");
        }
        checkExtends(text);
        Path file = dir.resolve("upload-" + HexFormat.of().formatHex(randomBytes()) + ".yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            ResolvedScenario resolved = ScenarioLoader.load(file, List.of());
            checkWorkshopBounds(resolved);
            return resolved;
        } catch (ScenarioException e) {
            throw new ApiException(422, "the upload is not a valid scenario", uploadProblems(e, file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * A design of a session's world: the session's scenario file with the levers as overrides.
     * The session file lives in this catalogue's folder (written by {@link #sessionFile}).
     */
    ResolvedScenario design(Path sessionFile, List<KeyOverride> levers) throws ScenarioException {
        return ScenarioLoader.load(sessionFile, levers);
    }

    /** Writes a session's resolved scenario (no {@code extends}) under a random name. */
    Path sessionFile(ResolvedScenario base) throws IOException {
        Path file = dir.resolve("session-" + HexFormat.of().formatHex(randomBytes()) + ".yaml");
        Files.writeString(file, base.canonicalYaml(), StandardCharsets.UTF_8);
        return file;
    }

    private byte[] randomBytes() {
        byte[] b = new byte[12];
        synchronized (random) {
            random.nextBytes(b);
        }
        return b;
    }

    /**
     * Refuses an {@code extends} that is not exactly a bundled scenario's id, before any file is
     * read: so no path from an upload reaches the loader.
     */
    private static void checkExtends(String text) {
        Node root;
        try {
            root = LocatedTreeParser.parseYaml(text, UPLOAD_NAME, 0);
        } catch (TreeSyntaxException e) {
            throw new ApiException(422, "the upload is not valid YAML",
                    List.of(Problem.error(e.location(), "", e.getMessage())));
        }
        if (!(root instanceof MapNode map)) {
            throw new ApiException(422, "the upload is not a scenario",
                    List.of(Problem.error(root.location(), "", "expected a mapping of keys such as name, sites, collaborative")));
        }
        MapNode.Entry parent = map.entry("extends");
        if (parent == null) {
            return;
        }
        Node value = parent.value();
        boolean allowed = value instanceof ScalarNode scalar && scalar.value() instanceof String name
                && (BUNDLED.contains(name) || PARENTS_ONLY.contains(name));
        boolean isNull = value instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.NULL;
        if (!allowed && !isNull) {
            List<String> valid = new ArrayList<>(PARENTS_ONLY);
            valid.addAll(BUNDLED);
            throw new ApiException(422, "the upload extends a file that is not bundled",
                    List.of(Problem.error(value.location(), "extends",
                            "an uploaded scenario may extend only a bundled scenario (valid: "
                                    + String.join(", ", valid) + ")")));
        }
    }

    private static void checkWorkshopBounds(ResolvedScenario resolved) {
        var s = resolved.scenario();
        List<String> too = new ArrayList<>();
        if (s.sites().count() > MAX_SITES) {
            too.add("sites.count is " + s.sites().count() + " (a workshop allows at most " + MAX_SITES + ")");
        }
        if (s.horizonMonths() > MAX_HORIZON_MONTHS) {
            too.add("horizonMonths is " + s.horizonMonths() + " (a workshop allows at most " + MAX_HORIZON_MONTHS + ")");
        }
        if (!too.isEmpty()) {
            throw new ApiException(422, "the upload is too large for a workshop: " + String.join("; ", too));
        }
    }

    /**
     * The problems located in the upload, renamed to {@link #UPLOAD_NAME}; problems located in a
     * bundled parent are counted, not shown (a parent's lines never reach the page).
     */
    private List<Problem> uploadProblems(ScenarioException e, Path file) {
        String uploadDisplay = file.normalize().toString();
        List<Problem> shown = new ArrayList<>();
        int hidden = 0;
        for (Problem p : e.problems()) {
            if (uploadDisplay.equals(p.file())) {
                shown.add(new Problem(p.severity(), UPLOAD_NAME, p.line(), p.column(), p.path(), scrub(p.message())));
            } else {
                hidden++;
                LOG.fine(() -> "upload problem outside the upload (not shown): " + p.format());
            }
        }
        if (hidden > 0) {
            shown.add(new Problem(Problem.Severity.ERROR, UPLOAD_NAME, 0, 0, "",
                    hidden + " problem(s) located in a bundled scenario, caused by the upload's values"));
        }
        return shown;
    }

    /** Removes the private folder's path from a message, should one ever carry it. */
    private String scrub(String message) {
        return message.replace(dir.toString() + java.io.File.separator, "").replace(dir.toString(), "");
    }

    /** The bundled features file, as extracted. */
    Path features() {
        return dir.resolve(FEATURES);
    }

    /** The catalogue's private folder (for tests). */
    Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            List<Path> all = walk.sorted(java.util.Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
