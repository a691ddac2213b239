package org.qicsim.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.qicsim.scenario.tree.LocatedTreeParser;
import org.qicsim.scenario.tree.Location;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.TreeSyntaxException;

/**
 * Reads any qicsim input file other than a scenario (experiments, calibrations, patterns, the
 * features file) into a located tree, with the same whole-file messages as scenarios: a folder,
 * a missing file, a device or pipe, a file too large or not UTF-8, or a syntax error, each an
 * invalid-input problem located at the file (exit code 2), never an exception's trace.
 */
public final class InputFile {
    private InputFile() {
    }

    /**
     * The file's located tree.
     *
     * @param display the file name as messages show it
     * @param what what the file should be, for messages (e.g. {@code an experiment file})
     * @throws ScenarioException the whole-file problem, located
     */
    public static Node parse(Path file, String display, String what) throws ScenarioException {
        try {
            if (Files.isDirectory(file)) {
                throw new ScenarioException(Problem.error(Location.ofFile(display), "", display + " is a directory, not "
                        + what));
            }
            return LocatedTreeParser.parseFile(file, display);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(Problem.error(Location.ofFile(display), "", "cannot read: no such file"));
        } catch (IOException e) {
            throw new ScenarioException(Problem.error(Location.ofFile(display), "", "cannot read: " + e.getMessage()));
        } catch (TreeSyntaxException e) {
            throw new ScenarioException(Problem.error(e.location(), "", e.getMessage()));
        }
    }
}
