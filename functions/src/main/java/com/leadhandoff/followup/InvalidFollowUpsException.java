package com.leadhandoff.followup;

import com.leadhandoff.config.ConfigProblem;
import com.leadhandoff.config.InvalidConfigException;
import java.util.List;

/** A follow-ups file that cannot be used, with every problem found in it. */
public final class InvalidFollowUpsException extends InvalidConfigException {
  InvalidFollowUpsException(String file, List<ConfigProblem> problems) {
    super("Follow-ups " + file + " are", problems);
  }
}
