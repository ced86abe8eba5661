package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Shared checks on laid-out text: no overlaps, nothing outside the figure. */
final class LayoutAssertions {

    private LayoutAssertions() {}

    static void noOverlapsAndInside(List<TextBox> texts, double width, double height) {
        for (TextBox t : texts) {
            assertThat(t.inside(width, height))
                    .as("'%s' at x=%.2f..%.2f y=%.2f..%.2f inside %.2f × %.2f", t.text(), t.x(), t.right(), t.top(),
                            t.bottom(), width, height)
                    .isTrue();
        }
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                TextBox a = texts.get(i);
                TextBox b = texts.get(j);
                assertThat(a.overlaps(b)).as("'%s' %s overlaps '%s' %s", a.text(), a, b.text(), b).isFalse();
            }
        }
    }
}
