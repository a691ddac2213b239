package org.qicsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.qicsim.experiment.sweep.ExperimentSchema;
import org.qicsim.scenario.KeySpec;
import org.qicsim.scenario.ScenarioSchema;
import org.qicsim.scenario.ValueType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qicsim schema [--experiment] [--out FILE] [--list]}: the scenario file's JSON Schema (draft
 * 2020-12), or with {@code --experiment} the experiment file's, for editors and other tools, or a
 * plain table of every key with its type, default and range.
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema (draft 2020-12) of scenario files (of experiment files with --experiment), or "
                + "with --list a table of "
                + "every key: path, type, default and valid range.",
        footer = {"", "Exit status: 0 done; 2 invalid input (e.g. --out names an existing file); 1 write failed."})
public final class SchemaCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    private Path out;

    @Option(names = "--force", description = "With --out, replace FILE if it exists.")
    private boolean force;

    @Option(names = "--list", description = "Print a plain table: path, type, default, range.")
    private boolean list;

    @Option(names = "--experiment", description = "The experiment file's schema (qicsim sweep) instead of the "
            + "scenario's.")
    private boolean experiment;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text = experiment ? (list ? experimentTable() : ExperimentSchema.jsonSchema())
                : list ? table() : ScenarioSchema.jsonSchema();
        if (out == null) {
            stdout.print(text);
            stdout.flush();
            return 0;
        }
        if (Files.exists(out) && !force) {
            err.println(out + ": already exists (use --force to replace it)");
            err.flush();
            return 2;
        }
        try {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(out + ": cannot write: " + e.getMessage());
            err.flush();
            return 1;
        }
        stdout.println(out);
        stdout.flush();
        return 0;
    }

    /** Every key, one row each, in declaration order, columns padded to line up. */
    static String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"path", "type", "default", "range"});
        rows.add(new String[] {"extends", "string|null", "null", "a scenario file, relative to this one"});
        for (KeySpec key : ScenarioSchema.all()) {
            String type = key.type().label() + (key.nullable() ? "|null" : "");
            String range = key.type() == ValueType.ENUM ? String.join(", ", key.enumValues())
                    : key.path().equals("name") ? "[a-z0-9][a-z0-9._-]{0,99}" : key.interval();
            rows.add(new String[] {key.path(), type, key.defaultYaml(), range});
        }
        return aligned(rows);
    }

    /** The experiment file's keys, one row each; a required key's default reads "required". */
    static String experimentTable() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"path", "type", "default", "range"});
        for (KeySpec key : ExperimentSchema.schema().all()) {
            String type = key.type().label() + (key.nullable() ? "|null" : "");
            boolean required = key.defaultValue() == null && !key.nullable();
            String range = key.type() == ValueType.ENUM ? String.join(", ", key.enumValues())
                    : ScenarioSchema.key(key.path()).filter(k -> !key.path().contains(".")).map(KeySpec::interval)
                            .orElse(key.interval());
            String fallback = switch (key.path()) {
                case "seed", "replications" -> "the base scenario's";
                case "outputs.metrics" -> "all";
                case "set" -> "{}";
                default -> required ? "required" : key.defaultYaml();
            };
            rows.add(new String[] {key.path(), type, fallback, range});
        }
        return aligned(rows);
    }

    private static String aligned(List<String[]> rows) {
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
            }
            line.append(row[3]);
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
