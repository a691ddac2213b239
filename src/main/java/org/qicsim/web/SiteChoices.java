package org.qicsim.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.qicsim.results.CsvWriter;

/**
 * {@code choices.csv} of a site round's results folder: one row per question a participant's
 * hospital was asked, in the order asked per participant (participants in join order). The
 * {@code question} is {@code response} (a report's response: learn, lower, reject, withdraw,
 * maintain or ignore), {@code effort} (where the hospital put its improvement effort until its next
 * report: model, copy or own; asked with the report) or {@code gaming} (the yearly decision: game or
 * honest). {@code chosen} is what the hospital did, {@code model} what the model's rule chose for
 * the same draws ({@code model} for effort: the model's own monthly choice), and {@code by} who
 * chose ({@code you}: the participant; {@code model (timer)}, {@code model (round ended)}). A
 * report's rows carry its {@code cycle}; a gaming row its collaborative {@code year}. {@code query}
 * reads it as the table {@code choices}.
 */
final class SiteChoices {
    static final String FILE = "choices.csv";
    static final List<String> HEADER = List.of("participant", "site", "question", "cycle", "year", "month", "chosen",
            "model", "by");

    private SiteChoices() {
    }

    static void write(Path file, SiteRound round) throws IOException {
        try (CsvWriter csv = CsvWriter.create(file, HEADER)) {
            for (SiteRound.Player p : round.leaders()) {
                String name = p.participant.name();
                int site = p.site + 1;
                // A hospital's gaming decisions and reports interleave in time; rows go by month, a
                // year's gaming decision before that month's report (the model's phase order).
                int g = 0;
                int r = 0;
                while (g < p.gaming.size() || r < p.choices.size()) {
                    boolean gamingNext = r == p.choices.size() || g < p.gaming.size()
                            && p.gaming.get(g).choice().month() <= p.choices.get(r).report().month();
                    if (gamingNext) {
                        SiteRound.GamingAnswer a = p.gaming.get(g++);
                        csv.row(name, site, "gaming", null, a.choice().year(), a.choice().month(),
                                a.chosen() ? "game" : "honest", a.model() ? "game" : "honest", a.by());
                    } else {
                        SiteRound.Choice c = p.choices.get(r++);
                        csv.row(name, site, "response", c.report().cycle(), null, c.report().month(),
                                SiteRound.label(c.chosen()), SiteRound.label(c.model()), c.by());
                        csv.row(name, site, "effort", c.report().cycle(), null, c.report().month(), c.effort(),
                                "model", c.by());
                    }
                }
            }
        }
    }
}
