package com.leadhandoff.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.intake.FieldError;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.routing.RepFields;
import com.leadhandoff.routing.Team;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What revenue ops do to reps between deploys: add or update a rep, set their out-of-office dates,
 * pause and resume them. Every change is validated like {@code config/directory.yaml} and recorded
 * with who made it and when.
 */
public final class RepAdmin {
  private final RepAdminStore store;
  private final Clock clock;

  public RepAdmin(RepAdminStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** What a change came to. */
  public sealed interface Outcome {}

  /**
   * The rep as stored now.
   *
   * @param created true when the rep did not exist before
   */
  public record Saved(Rep rep, boolean created) implements Outcome {}

  /** Nothing was changed: these fields are wrong. */
  public record Invalid(List<FieldError> errors) implements Outcome {}

  /** There is no rep with this id. */
  public record NotFound(String repId) implements Outcome {}

  /** A team and its reps. */
  public record TeamReps(Team team, List<Rep> reps) {}

  /** Every team with its reps. */
  public List<TeamReps> list() {
    return store.teams().stream().map(t -> new TeamReps(t, store.reps(t.teamId()))).toList();
  }

  /** One rep. */
  public Optional<Rep> rep(String repId) {
    return store.rep(repId);
  }

  /** The rep's recorded changes, oldest first. */
  public List<RepChange> changes(String repId) {
    return store.changes(repId);
  }

  /** Adds rep {@code repId} or replaces every field of it with {@code body}. */
  public Outcome put(String repId, JsonNode body, String by) {
    Optional<FieldError> badId = RepFields.idProblem(repId);
    if (badId.isPresent()) {
      return new Invalid(List.of(badId.get()));
    }
    Set<String> teamIds = store.teams().stream().map(Team::teamId).collect(Collectors.toSet());
    RepFields.Result read = RepFields.read(repId, body, teamIds);
    if (read instanceof RepFields.Invalid invalid) {
      return new Invalid(invalid.errors());
    }
    Rep rep = ((RepFields.Valid) read).rep();
    Optional<Rep> before = store.rep(repId);
    String what = before.map(old -> "updated: " + differences(old, rep)).orElse("added");
    store.save(rep, new RepChange(clock.instant(), by, what));
    return new Saved(rep, before.isEmpty());
  }

  /** Replaces the rep's out-of-office dates with those in {@code body}. */
  public Outcome outOfOffice(String repId, JsonNode body, String by) {
    Optional<FieldError> badId = RepFields.idProblem(repId);
    if (badId.isPresent()) {
      return new Invalid(List.of(badId.get()));
    }
    RepFields.OutOfOfficeResult read = RepFields.outOfOffice(body);
    if (!read.errors().isEmpty()) {
      return store.rep(repId).isEmpty() ? new NotFound(repId) : new Invalid(read.errors());
    }
    String what =
        read.away().isEmpty()
            ? "out of office cleared"
            : "out of office "
                + read.away().stream()
                    .map(a -> a.from() + " to " + a.until())
                    .collect(Collectors.joining(", "));
    return change(repId, by, what, change -> store.setOutOfOffice(repId, read.away(), change));
  }

  /** Takes the rep out of the rotation until {@link #resume}. */
  public Outcome pause(String repId, String by) {
    return change(repId, by, "paused", change -> store.setPaused(repId, true, change));
  }

  /** Puts a paused rep back into the rotation. */
  public Outcome resume(String repId, String by) {
    return change(repId, by, "resumed", change -> store.setPaused(repId, false, change));
  }

  /** One field of an existing rep, written alone so a concurrent edit of another one stays. */
  private Outcome change(
      String repId, String by, String what, Function<RepChange, Optional<Rep>> write) {
    Optional<FieldError> badId = RepFields.idProblem(repId);
    if (badId.isPresent()) {
      return new Invalid(List.of(badId.get()));
    }
    return write
        .apply(new RepChange(clock.instant(), by, what))
        .<Outcome>map(rep -> new Saved(rep, false))
        .orElseGet(() -> new NotFound(repId));
  }

  /** The fields that differ, e.g. {@code weight 1 → 2, paused false → true}. */
  private static String differences(Rep before, Rep after) {
    List<String> changed = new ArrayList<>();
    RepView old = RepView.of(before);
    RepView now = RepView.of(after);
    RepView.FIELDS.forEach(
        (name, field) -> {
          Object was = field.apply(old);
          Object is = field.apply(now);
          if (!was.equals(is)) {
            changed.add(name + " " + was + " → " + is);
          }
        });
    return changed.isEmpty() ? "nothing changed" : String.join(", ", changed);
  }
}
