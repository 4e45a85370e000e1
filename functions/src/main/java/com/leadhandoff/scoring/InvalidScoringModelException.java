package com.leadhandoff.scoring;

import com.leadhandoff.config.ConfigProblem;
import com.leadhandoff.config.InvalidConfigException;
import java.util.List;

/** A scoring model file that cannot be used, with every problem found in it. */
public final class InvalidScoringModelException extends InvalidConfigException {
  InvalidScoringModelException(String file, List<ConfigProblem> problems) {
    super("Scoring model " + file + " is", problems);
  }
}
