package org.qicsim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.qicsim.cli.Main;

/**
 * Results folders of every kind for the report tests, made once per JVM under {@code java.io.tmpdir}:
 * run, compare and sweep folders by the real commands on a small michigan-cqi (10 sites, 24 months,
 * 3 replicates), and attribute, patterns, calibrate and sobol-sweep folders written by hand to the
 * file contracts of issue 13 (those commands live on other branches), plus a folder of missing
 * values and a compare folder with one design.
 */
final class ReportFixtures {
    private static ReportFixtures instance;

    final Path root;
    final Path run;
    final Path compare;
    final Path morris;
    final Path sobol;
    final Path attribute;
    final Path patterns;
    final Path calibrate;
    final Path missing;
    final Path oneDesign;
    /** {@link #compare} as an unpaired comparison (designs of different worlds): one counterfactual per design. */
    final Path unpaired;
    /** stdout of the compare command that made {@link #compare}. */
    final String compareOut;

    private ReportFixtures() throws IOException {
        root = Files.createTempDirectory("qicsim-report-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root), "qicsim-report-fixtures-cleanup"));
        Path scenarios = root.resolve("scenarios");
        Files.createDirectories(scenarios);
        Path a = small(scenarios, "michigan-cqi");
        Path b = small(scenarios, "registry-feedback-only");
        Path c = small(scenarios, "no-collaborative");
        run = root.resolve("run");
        check(qicsim("run", a.toString(), "--threads", "2", "--quiet", "--out", run.toString()));
        compare = root.resolve("compare");
        compareOut = check(qicsim("compare", a.toString(), b.toString(), c.toString(), "--threads", "2", "--quiet",
                "--out", compare.toString()));
        // The cost-effectiveness files the decision branch's compare adds (contract of issue 13).
        write(compare.resolve("cea.csv"), """
                design,comparator,perspective,incrementalCost,incrementalCostLow,incrementalCostHigh,eventsAverted,\
                eventsAvertedLow,eventsAvertedHigh,icer,icerLow,icerHigh,quadrant,wtp,nmb,nmbLow,nmbHigh
                michigan-cqi,no-collaborative,payer,1500000.5,1200000,1800000,120.25,80,160.5,12474.01,9000,19000,\
                northeast,19626,860107.6,-100000,1900000
                registry-feedback-only,no-collaborative,payer,900000,700000,1100000,-10,-40,20,,,,dominated,19626,\
                -1096260,-1800000,-300000
                """);
        StringBuilder ceac = new StringBuilder("design,comparator,perspective,wtp,probabilityCostEffective\n");
        for (int w = 0; w <= 20; w++) {
            ceac.append("michigan-cqi,no-collaborative,payer,").append(w * 2500).append(',')
                    .append(Math.min(1, w / 12.0)).append('\n');
            ceac.append("registry-feedback-only,no-collaborative,payer,").append(w * 2500).append(",0.0\n");
        }
        write(compare.resolve("ceac.csv"), ceac.toString());
        Files.delete(compare.resolve("report.html"));
        Reports.write(compare);

        Path experiment = root.resolve("morris.yaml");
        write(experiment, "scenario: " + a + "\nreplications: 1\nfactors:\n"
                + "  behaviour.effort.motivationWeight: {min: 1, max: 3}\n"
                + "  behaviour.learning.copyError: {min: 0.1, max: 0.5}\n"
                + "design: {type: morris, r: 3, levels: 4}\noutputs:\n  metrics: [finalRate, eventsAverted]\n");
        morris = root.resolve("morris");
        check(qicsim("sweep", experiment.toString(), "--threads", "2", "--quiet", "--csv", "--out", morris.toString()));

        sobol = handMade("sobol", List.of(
                "manifest.json", """
                        {"toolVersion": "test", "commandLine": ["sweep", "sobol.yaml"], "design": "sobol",
                         "factors": ["collaborative.incentives.performance.share", "collaborative.community.siteVisitsPerYear"],
                         "points": 4, "replications": 1, "masterSeed": 1}
                        """,
                "design.csv", """
                        point,block,row,varied,collaborative.incentives.performance.share,collaborative.community.siteVisitsPerYear
                        1,A,1,,0.01,4
                        2,B,1,,0.04,20
                        3,AB,1,collaborative.incentives.performance.share,0.04,4
                        4,AB,1,collaborative.community.siteVisitsPerYear,0.01,20
                        """,
                "points.csv", """
                        point,metric,mean,sd,ciLow,ciHigh,n
                        1,eventsAverted,812.5,10,790.25,834.75,2
                        2,eventsAverted,1025.125,12,998,1052.25,2
                        3,eventsAverted,,,,,0
                        4,eventsAverted,640,8,620,660,2
                        1,finalRate,0.101,0.001,0.099,0.103,2
                        """,
                "sensitivity.csv", """
                        metric,factor,S1,S1ciLow,S1ciHigh,ST,STciLow,STciHigh
                        eventsAverted,collaborative.incentives.performance.share,0.125,0.05,0.2,0.25,0.15,0.35
                        eventsAverted,collaborative.community.siteVisitsPerYear,0.625,0.5,0.75,0.7,0.6,0.8125
                        """));

        attribute = handMade("attribute", List.of(
                "manifest.json", """
                        {"toolVersion": "test", "commandLine": ["attribute", "michigan-cqi.yaml"], "masterSeed": 7}
                        """,
                "summary.json", """
                        {"kind": "attribute", "scenario": "michigan-cqi", "replications": 30}
                        """,
                "attribution.csv", attribution(),
                "designs.csv", """
                        design,pd,coordination,measurement,levers,community,eventsAverted
                        0,off,off,off,off,off,0
                        31,on,on,on,on,on,1345.5
                        """,
                "cea.csv", """
                        design,comparator,perspective,incrementalCost,incrementalCostLow,incrementalCostHigh,eventsAverted,\
                        eventsAvertedLow,eventsAvertedHigh,icer,icerLow,icerHigh,quadrant,wtp,nmb,nmbLow,nmbHigh
                        all-on,all-off,societal,-500,-900,-100,300,200,400,,,,dominant,19626,5888300,3900000,7800000
                        """,
                "ceac.csv", """
                        design,comparator,perspective,wtp,probabilityCostEffective
                        all-on,all-off,societal,0,0.9
                        all-on,all-off,societal,10000,1
                        """));

        patterns = handMade("patterns", List.of(
                "manifest.json", """
                        {"toolVersion": "test", "commandLine": ["patterns"]}
                        """,
                "scorecard.csv", """
                        id,set,title,metric,estimate,ciLow,ciHigh,bandLow,bandHigh,verdict,reason
                        C1,component,"Audit and feedback: median 4.3% gain, ""modest""\",absoluteChange,0.043,0.03,0.055,0.01,0.07,pass,inside the band
                        P3,collaborative,Median design gain,relativeEffect,0.21,0.15,0.27,0.05,0.2,fail,"interval above the band, by 0.07"
                        P7,collaborative,Five features together,interaction,,,,,,not expressible,needs the attribute command
                        """));

        calibrate = handMade("calibrate", List.of(
                "manifest.json", """
                        {"toolVersion": "test", "commandLine": ["calibrate", "targets.yaml"]}
                        """,
                "posterior-summary.csv", """
                        parameter,priorLow,priorHigh,mean,sd,q025,q50,q975
                        behaviour.effort.intercept,-4,0,-2.125,0.25,-2.625,-2.1,-1.625
                        behaviour.learning.copyError,0.05,0.6,0.3,0.1,0.12,0.29,0.5
                        """,
                "diagnostics.csv", """
                        generation,epsilon,particles,evaluations,acceptanceRate,ess
                        1,2.5,200,400,0.5,200
                        2,1.25,200,1000,0.2,150.5
                        3,0.625,200,2600,0.0769,120.25
                        """,
                "posterior.csv", """
                        draw,weight,distance,behaviour.effort.intercept,behaviour.learning.copyError
                        0,0.5,0.5,-2.1,0.3
                        1,0.5,0.6,-2.2,0.28
                        """));

        missing = handMade("missing", List.of(
                "manifest.json", """
                        {"toolVersion": "test", "commandLine": ["run", "x.yaml"], "masterSeed": 1}
                        """,
                "summary.json", """
                        {"scenario": "empty-design", "replications": 1, "costPerEventAverted": "dominated",
                         "metrics": {"finalRate": {"mean": null, "ciLow": null, "ciHigh": null, "sd": null, "n": 0},
                                     "eventsAverted": {"mean": null, "ciLow": null, "ciHigh": null, "sd": null, "n": 0}}}
                        """,
                "runs.csv", "point,replicate,runSeed,eventsAverted,eventsAvertedDiscounted,costTotal\n0,0,00,,,\n",
                "timeseries.csv", "point,replicate,runSeed,month,trueRate,cfTrueRate\n0,0,00,0,,\n0,0,00,1,,\n",
                "sites.csv", "point,replicate,runSeed,site,volume,member,baselineTrueRate,finalTrueRate,"
                        + "baselineMeasuredRate,finalMeasuredRate\n0,0,00,0,10,false,,,,\n"));

        unpaired = root.resolve("unpaired");
        copyTree(compare, unpaired);
        String manifest = Files.readString(unpaired.resolve("manifest.json"));
        write(unpaired.resolve("manifest.json"), manifest.replace("\"paired\": true", "\"paired\": false"));

        // A compare folder with one design: the run folder's design under designs/1-<name>/.
        oneDesign = root.resolve("one-design");
        Path design = oneDesign.resolve("designs").resolve("1-michigan-cqi");
        Files.createDirectories(design);
        for (String f : List.of("summary.json", "runs.csv", "timeseries.csv", "sites.csv")) {
            Files.copy(run.resolve(f), design.resolve(f));
        }
        Files.copy(run.resolve("manifest.json"), oneDesign.resolve("manifest.json"));
        // As a run with a posterior would write it: a prediction interval beside the Monte Carlo CI.
        ObjectMapper json = new ObjectMapper();
        ObjectNode summary = (ObjectNode) json.readTree(design.resolve("summary.json").toFile());
        ObjectNode events = (ObjectNode) summary.path("metrics").path("eventsAverted");
        events.put("piLow", events.path("ciLow").asDouble() - 250.5).put("piHigh", events.path("ciHigh").asDouble()
                + 250.5);
        json.writerWithDefaultPrettyPrinter().writeValue(design.resolve("summary.json").toFile(), summary);
        write(oneDesign.resolve("compare.csv"), "design,name,metric,mean,ciLow,ciHigh,sd,n,diffMean,diffCiLow,"
                + "diffCiHigh,diffN,paired\n1,michigan-cqi,eventsAverted,1,0,2,1,3,,,,,true\n");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("report.html")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    static synchronized ReportFixtures get() throws IOException {
        if (instance == null) {
            instance = new ReportFixtures();
        }
        return instance;
    }

    /** Every folder with the kind it should be recognised as. */
    List<Object[]> folders() {
        return List.of(new Object[] {"run", run, FolderKind.RUN}, new Object[] {"compare", compare, FolderKind.COMPARE},
                new Object[] {"morris", morris, FolderKind.SWEEP}, new Object[] {"sobol", sobol, FolderKind.SWEEP},
                new Object[] {"attribute", attribute, FolderKind.ATTRIBUTE},
                new Object[] {"patterns", patterns, FolderKind.PATTERNS},
                new Object[] {"calibrate", calibrate, FolderKind.CALIBRATE},
                new Object[] {"missing", missing, FolderKind.RUN},
                new Object[] {"one-design", oneDesign, FolderKind.COMPARE},
                new Object[] {"unpaired", unpaired, FolderKind.COMPARE});
    }

    private static String attribution() {
        StringBuilder b = new StringBuilder("metric,feature,quantity,estimate,ciLow,ciHigh,piLow,piHigh\n");
        String[] features = {"positiveDeviance", "coordination", "measurement", "motivationalLevers", "community"};
        double[] shapley = {400.5, 120.25, 520, -15.5, 310};
        for (int i = 0; i < features.length; i++) {
            b.append("eventsAverted,").append(features[i]).append(",main,").append(shapley[i] * 0.75).append(',')
                    .append(shapley[i] * 0.5).append(',').append(shapley[i]).append(",,\n");
            b.append("eventsAverted,").append(features[i]).append(",shapley,").append(shapley[i]).append(',')
                    .append(shapley[i] - 100).append(',').append(shapley[i] + 100).append(',')
                    .append(shapley[i] - 250).append(',').append(shapley[i] + 250).append('\n');
            b.append("netSavings,").append(features[i]).append(",shapley,").append(shapley[i] * 1000).append(',')
                    .append(shapley[i] * 500).append(',').append(shapley[i] * 1500).append(",,\n");
        }
        b.append("eventsAverted,all,interactionShare,0.125,0.05,0.2,,\n");
        b.append("netSavings,all,interactionShare,,,,,\n");
        return b.toString();
    }

    private Path handMade(String name, List<String> files) throws IOException {
        Path folder = root.resolve(name);
        Files.createDirectories(folder);
        for (int i = 0; i < files.size(); i += 2) {
            write(folder.resolve(files.get(i)), files.get(i + 1));
        }
        return folder;
    }

    private static Path small(Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        write(file, "extends: " + Path.of("scenarios", name + ".yaml").toAbsolutePath()
                + "\nreplications: 3\nhorizonMonths: 24\nsites: {count: 10}\n");
        return file;
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort: the folder is under target/tmp, which mvn clean removes anyway.
        }
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Runs {@code qicsim args} in process; returns stdout. */
    static String[] qicsim(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    private static String check(String[] result) {
        if (!result[0].equals("0")) {
            throw new IllegalStateException("qicsim failed (exit " + result[0] + "): " + result[2]);
        }
        return result[1];
    }
}
