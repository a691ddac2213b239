package org.qicsim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The scenarios the jar bundles are the repository's, and each loads. */
class CatalogueTest {

    @Test
    void theBundledScenariosAreTheRepositorysFilesAndAllLoad() throws Exception {
        Path dir;
        try (Catalogue catalogue = Catalogue.extract()) {
            assertThat(catalogue.entries()).extracting(Catalogue.Entry::id).containsExactlyElementsOf(Catalogue.BUNDLED);
            assertThat(catalogue.entries()).extracting(Catalogue.Entry::name).contains("michigan-cqi", "regional-groups");
            for (String id : Catalogue.BUNDLED) {
                assertThat(Files.readString(catalogue.dir().resolve(id)))
                        .isEqualTo(Files.readString(Path.of("scenarios").resolve(id)));
                assertThat(catalogue.bundled(id).scenario().name()).isNotBlank();
            }
            dir = catalogue.dir();
        }
        // Closing the catalogue removes its private copy of the scenarios.
        assertThat(dir).doesNotExist();
    }
}
