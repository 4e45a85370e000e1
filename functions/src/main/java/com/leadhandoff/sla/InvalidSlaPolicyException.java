package com.leadhandoff.sla;

import com.leadhandoff.config.ConfigProblem;
import com.leadhandoff.config.InvalidConfigException;
import java.util.List;

/** An SLA policy file that cannot be used, with every problem found in it. */
public final class InvalidSlaPolicyException extends InvalidConfigException {
  InvalidSlaPolicyException(String file, List<ConfigProblem> problems) {
    super("SLA policy " + file + " is", problems);
  }
}
