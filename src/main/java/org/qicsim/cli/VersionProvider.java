package org.qicsim.cli;

import org.qicsim.results.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the build properties bundled in the jar, then the Java runtime. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfo.load();
        return new String[] {
            "qicsim " + build.version(),
            "commit: " + build.commit(),
            "dirty: " + build.dirty(),
            "built: " + build.buildTime(),
            "java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
