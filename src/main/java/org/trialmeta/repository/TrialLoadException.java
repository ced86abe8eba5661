package org.trialmeta.repository;

import java.util.List;
import java.util.stream.Collectors;
import org.trialmeta.model.InputException;

/**
 * The trial files are invalid. Carries every problem found (all files, all problems of each file,
 * sorted); the message is one line per problem.
 */
public final class TrialLoadException extends InputException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public TrialLoadException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems: [] (a load exception needs at least one problem)");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
