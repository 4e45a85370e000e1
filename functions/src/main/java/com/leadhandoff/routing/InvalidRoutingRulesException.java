package com.leadhandoff.routing;

import com.leadhandoff.config.ConfigProblem;
import com.leadhandoff.config.InvalidConfigException;
import java.util.List;

/** A routing rules file that cannot be used, with every problem found in it. */
public final class InvalidRoutingRulesException extends InvalidConfigException {
  InvalidRoutingRulesException(String file, List<ConfigProblem> problems) {
    super("Routing rules " + file + " are", problems);
  }
}
