package dev.tandem.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The jars the launcher runs from, as a classpath for a child JVM. They are found through the class loader
 * rather than read from {@code java.class.path}, which under test runners and IDEs is often a single jar whose
 * manifest lists the real classpath.
 */
final class LauncherClasspath {

    private LauncherClasspath() {
    }

    static String get() {
        Set<String> jars = new LinkedHashSet<>();
        try {
            // build tools give every jar a manifest, so the manifests name each jar the class loader sees, once
            for (URL manifest : Collections.list(LauncherClasspath.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
                if ("jar".equals(manifest.getProtocol())) {
                    String jarUrl = manifest.getPath().substring(0, manifest.getPath().indexOf("!/"));
                    jars.add(Path.of(URI.create(jarUrl)).toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(File.pathSeparator, jars);
    }
}
