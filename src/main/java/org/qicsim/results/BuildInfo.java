package org.qicsim.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Provenance written by the build into {@code qicsim-build.properties} at the jar root: version, git
 * commit, dirty flag and build time. A value the build could not fill (no git repository, an
 * unfiltered {@code ${…}} placeholder, a missing file) reads {@value #UNKNOWN}.
 */
public record BuildInfo(String version, String commit, String dirty, String buildTime) {

    public static final String UNKNOWN = "unknown";
    static final String RESOURCE = "/qicsim-build.properties";

    public BuildInfo {
        version = clean(version);
        commit = clean(commit);
        dirty = clean(dirty);
        buildTime = clean(buildTime);
    }

    /** Reads the properties bundled with this build. */
    public static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return of(properties);
    }

    /** Reads the four keys {@code version, commit, dirty, buildTime}. */
    public static BuildInfo of(Properties properties) {
        return new BuildInfo(properties.getProperty("version"), properties.getProperty("commit"),
                properties.getProperty("dirty"), properties.getProperty("buildTime"));
    }

    private static String clean(String value) {
        if (value == null || value.isBlank() || value.contains("${")) {
            return UNKNOWN;
        }
        return value.strip();
    }
}
