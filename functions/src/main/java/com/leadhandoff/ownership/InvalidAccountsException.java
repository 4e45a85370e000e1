package com.leadhandoff.ownership;

import com.leadhandoff.config.ConfigProblem;
import com.leadhandoff.config.InvalidConfigException;
import java.util.List;

/** An accounts file that cannot be used, with every problem found in it. */
public final class InvalidAccountsException extends InvalidConfigException {
  InvalidAccountsException(String file, List<ConfigProblem> problems) {
    super("Accounts file " + file + " is", problems);
  }
}
