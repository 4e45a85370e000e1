package com.leadhandoff.scoring;

/**
 * One rule of the scoring model.
 *
 * @param id unique in the model; named in the lead's history
 * @param group which list of the model file the rule is in
 * @param description why the rule matters, as shown to the rep
 * @param points what the rule adds when it fires (negative for negative rules)
 * @param when what must be true of the submission for the rule to fire
 */
public record Rule(String id, Group group, String description, int points, Condition when) {
  /** The lists of a model file, in the order their rules are applied and listed. */
  public enum Group {
    FIT("fit"),
    INTENT("intent"),
    NEGATIVE("negative");

    private final String yamlName;

    Group(String yamlName) {
      this.yamlName = yamlName;
    }

    /** The list's key in the model file. */
    public String yamlName() {
      return yamlName;
    }
  }
}
