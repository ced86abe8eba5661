package org.trialmeta.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/reviewer-check.md lists every rule with the sentence the check prints. */
class ReviewerCheckDocTest {

    @Test
    void docsListEveryRuleWithItsSentence() throws IOException {
        String doc = Files.readString(Path.of("docs/reviewer-check.md"), StandardCharsets.UTF_8);
        for (Rule r : Rule.values()) {
            assertThat(doc).as("rule %s in docs/reviewer-check.md", r.id())
                    .contains("| `" + r.id() + "` | " + r.sentence() + " |");
        }
    }
}
