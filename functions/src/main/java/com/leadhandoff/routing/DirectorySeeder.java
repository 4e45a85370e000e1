package com.leadhandoff.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Adds the teams and reps of the directory file that the stored directory does not have yet. What
 * is stored wins: revenue ops may have edited a rep since, and a team's round-robin position must
 * survive a redeploy. Then has every stored team list its reps (see {@link Team#members}), which
 * teams stored before the lists do not.
 */
public final class DirectorySeeder {
  private final Directory directory;
  private final Consumer<Team> saveTeam;
  private final Consumer<Rep> saveRep;
  private final Runnable listMembers;

  /** A seeder that leaves the teams' lists of reps as they are. */
  public DirectorySeeder(Directory directory, Consumer<Team> saveTeam, Consumer<Rep> saveRep) {
    this(directory, saveTeam, saveRep, () -> {});
  }

  /**
   * @param directory the stored directory, read to find what exists
   * @param saveTeam stores a new team
   * @param saveRep stores a new rep (listing it in its team)
   * @param listMembers has every stored team list all its reps, once the new ones are stored
   */
  public DirectorySeeder(
      Directory directory, Consumer<Team> saveTeam, Consumer<Rep> saveRep, Runnable listMembers) {
    this.directory = directory;
    this.saveTeam = saveTeam;
    this.saveRep = saveRep;
    this.listMembers = listMembers;
  }

  /** What seeding added and what it left as stored, by id. */
  public record Result(
      List<String> teamsAdded,
      List<String> teamsKept,
      List<String> repsAdded,
      List<String> repsKept) {
    public Result {
      teamsAdded = List.copyOf(teamsAdded);
      teamsKept = List.copyOf(teamsKept);
      repsAdded = List.copyOf(repsAdded);
      repsKept = List.copyOf(repsKept);
    }
  }

  /** Stores every team and rep of {@code config} that is not stored yet. */
  public Result seed(DirectoryConfig config) {
    List<String> teamsAdded = new ArrayList<>();
    List<String> teamsKept = new ArrayList<>();
    List<String> repsAdded = new ArrayList<>();
    List<String> repsKept = new ArrayList<>();
    // Teams first, so no rep is ever stored pointing at a team that is not there yet.
    for (Team team : config.teams()) {
      if (directory.team(team.teamId()).isPresent()) {
        teamsKept.add(team.teamId());
      } else {
        saveTeam.accept(team);
        teamsAdded.add(team.teamId());
      }
    }
    for (Rep rep : config.reps()) {
      if (directory.rep(rep.repId()).isPresent()) {
        repsKept.add(rep.repId());
      } else {
        saveRep.accept(rep);
        repsAdded.add(rep.repId());
      }
    }
    // Last, so the lists hold the reps just stored too; a seed that dies before it leaves those
    // teams read as before the lists, and the next seed lists them.
    listMembers.run();
    return new Result(teamsAdded, teamsKept, repsAdded, repsKept);
  }
}
