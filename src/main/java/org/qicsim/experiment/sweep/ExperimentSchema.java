package org.qicsim.experiment.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.qicsim.experiment.doe.DesignKind;
import org.qicsim.scenario.Doc;
import org.qicsim.scenario.KeySpec;
import org.qicsim.scenario.Nullable;
import org.qicsim.scenario.Range;
import org.qicsim.scenario.RecordSchema;
import org.qicsim.scenario.Required;
import org.qicsim.scenario.ScenarioSchema;
import org.qicsim.scenario.tree.LocatedTreeParser;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.TreeSyntaxException;

/**
 * The experiment file's keys, declared as the scenario's are ({@link RecordSchema}): the records
 * below give the keys, their order, types, ranges and descriptions, the bundled
 * {@code experiment-defaults.yaml} their defaults. {@link ExperimentParser} checks a file against
 * them (unknown keys with "did you mean", types and ranges, each at its line and column), and
 * {@link #jsonSchema()} is what {@code qicsim schema --experiment} prints. Where a key's values are
 * scenario keys ({@code set}, {@code factors}, {@code seed}, {@code replications}) the JSON Schema
 * takes them from the scenario's schema, so nothing is declared twice.
 */
public final class ExperimentSchema {

    /** The top level of an experiment file. */
    @Doc("A qicsim experiment file: a design of experiments over scenario keys (docs/SWEEPS.md)")
    record Keys(
            @Doc("What the experiment asks, for people") @Nullable String description,
            @Doc("The base scenario file, relative to this file") @Required String scenario,
            @Doc("SHA-256 the base scenario must resolve to (resolved experiments carry it)") @Nullable String scenarioHash,
            @Doc("Master seed; default: the base scenario's seed") @Nullable Long seed,
            @Doc("Replicates of every design point; default: the base scenario's replications") @Nullable Integer replications,
            @Doc("Whether replicate r of every point runs with the same seed (points of one world then share "
                    + "its counterfactual)") boolean commonRandomNumbers,
            @Doc("Scenario keys fixed at every point: dotted key path → value") Map<String, Object> set,
            @Doc("Scenario keys varied: dotted key path → a list of levels, a range {min, max[, levels]} or a "
                    + "distribution {distribution, ...}") @Required Map<String, Object> factors,
            @Required Design design,
            Outputs outputs) {
    }

    /** {@code design:}, a name or a mapping with the design's parameters. */
    @Doc("The design: grid, oneAtATime, lhs, sobol or morris; a mapping {type, n} for lhs and sobol, "
            + "{type, r, levels} for morris")
    record Design(
            @Doc("The kind of design") @Required DesignKind type,
            @Doc("Points (lhs), or base rows per Saltelli matrix, a power of two >= 64 (sobol)") @Nullable
            @Range(min = 1) Integer n,
            @Doc("Trajectories (morris)") @Nullable @Range(min = 1) Integer r,
            @Doc("Grid levels of every factor, even (morris)") @Range(min = 2) Integer levels) {
    }

    /** {@code outputs:}, what is kept beside the run rows. */
    @Doc("What a sweep keeps besides its runs table")
    record Outputs(
            @Doc("Metrics summarised per point (and given sensitivity indices): all, or a list of names") List<String> metrics,
            @Doc("Whether the monthly series (timeseries table) is kept") boolean monthly,
            @Doc("Whether the per-site rows (sites table) are kept") boolean sites) {
    }

    static final RecordSchema SCHEMA = RecordSchema.reflect(Keys.class, defaults());

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExperimentSchema() {
    }

    /** The declared keys (for checks and {@code qicsim schema --experiment --list}). */
    public static RecordSchema schema() {
        return SCHEMA;
    }

    /** The key at a dotted path of the experiment file. */
    static KeySpec key(String path) {
        return SCHEMA.declared(path);
    }

    /**
     * JSON Schema (draft 2020-12) of the experiment file: the declared keys, with {@code set},
     * {@code factors}, {@code seed} and {@code replications} in terms of the scenario's keys,
     * {@code design} as a name or a mapping, and {@code outputs.metrics} as {@code all} or names.
     */
    public static String jsonSchema() {
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(SCHEMA.jsonSchema("qicsim experiment", "A qicsim experiment "
                    + "file (docs/SWEEPS.md): a base scenario, fixed settings, factors and a design. scenario, factors "
                    + "and design are required; paths are relative to the file."));
            JsonNode scenario = JSON.readTree(ScenarioSchema.jsonSchema());
            ObjectNode properties = (ObjectNode) schema.get("properties");
            for (String key : List.of("seed", "replications")) {
                ObjectNode own = (ObjectNode) scenario.get("properties").get(key).deepCopy();
                own.remove("default");
                own.put("description", properties.get(key).get("description").asText());
                properties.set(key, own);
            }
            ObjectNode leaves = JSON.createObjectNode();
            collectLeaves(scenario.get("properties"), "", leaves);
            ObjectNode set = (ObjectNode) properties.get("set");
            ObjectNode settable = leaves.deepCopy();
            // seed and replications are set at the top of the experiment file (ExperimentParser).
            settable.remove(List.of("seed", "replications"));
            set.set("properties", settable);
            set.put("additionalProperties", false);
            ObjectNode factors = (ObjectNode) properties.get("factors");
            factors.put("minProperties", 1);
            ArrayNode names = factors.putObject("propertyNames").putArray("enum");
            // FactorParser refuses seed and replications as factors, as the set block does.
            settable.fieldNames().forEachRemaining(names::add);
            ArrayNode forms = factors.putObject("additionalProperties").putArray("oneOf");
            forms.addObject().put("type", "array").put("minItems", 1).put("description", "the levels");
            forms.addObject().put("type", "object").put("description",
                    "a range {min, max[, levels]} or a distribution {distribution: uniform|normal|triangular|beta|"
                            + "lognormal, ...}");
            ObjectNode design = (ObjectNode) properties.get("design");
            ObjectNode asMapping = design.deepCopy();
            design.removeAll();
            design.put("description", asMapping.get("description").asText());
            ArrayNode designForms = design.putArray("oneOf");
            ObjectNode asName = designForms.addObject();
            asName.put("type", "string");
            asName.set("enum", asMapping.get("properties").get("type").get("enum").deepCopy());
            designForms.add(asMapping);
            ObjectNode outputs = (ObjectNode) properties.get("outputs").get("properties");
            ObjectNode metrics = (ObjectNode) outputs.get("metrics");
            String doc = metrics.get("description").asText();
            metrics.removeAll();
            metrics.put("description", doc);
            metrics.put("default", "all");
            ArrayNode metricForms = metrics.putArray("oneOf");
            metricForms.addObject().put("const", "all");
            ObjectNode list = metricForms.addObject().put("type", "array").put("minItems", 1).put("uniqueItems", true);
            ArrayNode available = list.putObject("items").putArray("enum");
            SweepOutputs.available().forEach(available::add);
            return JSON.writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the experiment's JSON Schema", e);
        }
    }

    /** Every leaf of the scenario schema's properties under its dotted path, except {@code schedule} and {@code extends}. */
    private static void collectLeaves(JsonNode properties, String prefix, ObjectNode out) {
        for (Map.Entry<String, JsonNode> f : properties.properties()) {
            String path = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            JsonNode node = f.getValue();
            if ("object".equals(node.path("type").asText()) && node.has("properties")) {
                collectLeaves(node.get("properties"), path, out);
            } else if (ScenarioSchema.key(path).isPresent() && !path.equals("schedule")) {
                ObjectNode leaf = node.deepCopy();
                leaf.remove("default");
                out.set(path, leaf);
            }
        }
    }

    private static MapNode defaults() {
        try (InputStream in = ExperimentSchema.class.getResourceAsStream("experiment-defaults.yaml")) {
            if (in == null) {
                throw new IllegalStateException("experiment-defaults.yaml is missing from the class path");
            }
            return (MapNode) LocatedTreeParser.parseYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "<experiment defaults>", 0);
        } catch (IOException | TreeSyntaxException | ClassCastException e) {
            throw new IllegalStateException("cannot read the bundled experiment-defaults.yaml: " + e.getMessage(), e);
        }
    }
}
