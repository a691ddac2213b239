package org.qicsim.cli;

import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.qicsim.results.UserInputException;
import org.qicsim.results.duckdb.DuckDb;
import org.qicsim.results.duckdb.DuckDbUnavailableException;
import org.qicsim.results.duckdb.QueryException;
import org.qicsim.results.duckdb.QueryRunner;
import org.qicsim.results.duckdb.ResultsTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qicsim query DIR "SQL"}: DuckDB SQL over any results folder — {@code run}, {@code compare}
 * or {@code sweep}, finished or {@code .partial} — through the one reader ({@link ResultsTables}),
 * which offers the tables {@code design}, {@code runs}, {@code points}, {@code timeseries},
 * {@code sites}, {@code sensitivity} and {@code choices} (a workshop site round's) as far as the folder has them. Prints an aligned table, or
 * writes every row to a new CSV file with {@code --csv FILE}. A query DuckDB refuses is invalid
 * input (exit 2) reported with DuckDB's own message.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run DuckDB SQL over a results folder (run, compare or sweep) and print the result as a table, "
                + "or write it to a CSV file.",
            "Tables: design, runs, points, timeseries, sites, sensitivity, choices (those the folder has). Column names with "
                + "dots need double quotes: SELECT \"sites.heterogeneity\" FROM design."})
public final class QueryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Results folder.")
    private Path dir;

    @Parameters(index = "1", paramLabel = "SQL", description = "The query, e.g. \"SELECT point, avg(finalRate) FROM runs "
            + "GROUP BY point ORDER BY point\".")
    private String sql;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write every row to this new CSV file instead.")
    private Path csv;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "100",
            description = "Rows shown in the table (default: ${DEFAULT-VALUE}); --csv writes them all.")
    private int maxRows;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("not a results folder: " + dir);
        }
        if (csv != null && Files.exists(csv)) {
            throw new UserInputException("--csv " + csv + " exists; qicsim never overwrites a file");
        }
        if (maxRows < 0) {
            throw new UserInputException("--max-rows must be >= 0, was " + maxRows);
        }
        try (DuckDb db = DuckDb.openWithTemporarySpill()) {
            List<String> tables = ResultsTables.register(db, dir);
            if (tables.isEmpty()) {
                throw new UserInputException(dir + " holds no results tables (runs.csv, runs/part-*.parquet, "
                        + "summary.json, design.csv, ...)");
            }
            QueryRunner runner = new QueryRunner(db);
            if (csv != null) {
                long rows = runner.writeCsv(sql, csv);
                err.println("wrote " + rows + (rows == 1 ? " row" : " rows") + " to " + csv);
            } else {
                runner.printTable(sql, out, maxRows);
            }
            out.flush();
            return ExitCodes.OK;
        } catch (QueryException e) {
            throw new UserInputException(e.getMessage(), e);
        } catch (FileAlreadyExistsException e) {
            throw new UserInputException("--csv " + csv + " exists; qicsim never overwrites a file", e);
        } catch (DuckDbUnavailableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
