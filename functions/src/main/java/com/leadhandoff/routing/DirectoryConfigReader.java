package com.leadhandoff.routing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.leadhandoff.config.ConfigSnapshots;
import com.leadhandoff.config.ParsedConfig;
import com.leadhandoff.json.JsonTrees;
import com.leadhandoff.sla.WorkingInterval;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * Reads and validates a directory file. Each entry is read as a tree first, with the line it starts
 * on, so one bad entry never hides the problems of the others and every problem can name its line.
 */
final class DirectoryConfigReader {
  // Parsed on demand only: a function's bundled file is read from its build-time snapshot.
  private static final class Yaml {
    static final YAMLMapper MAPPER = new YAMLMapper();
  }

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  // Deliberately loose: catches typos (no @, no domain, spaces), not every RFC 5322 corner.
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
  private static final Set<String> SECTIONS = Set.of("teams", "reps");
  private static final Set<String> TEAM_FIELDS = Set.of("id", "name", "default", "manager");
  private static final Set<String> MANAGER_FIELDS = Set.of("name", "email");
  private static final String QUEUE_SECTION = "fallbackQueue";

  /** The fields a rep may have. */
  static final Set<String> REP_FIELDS =
      Set.of(
          "id",
          "name",
          "email",
          "team",
          "active",
          "timeZone",
          "weight",
          "paused",
          "workingHours",
          "outOfOffice",
          "maxOpenOffers",
          "maxLeadsPerDay");

  private record Located(int line, JsonNode node) {}

  /** What an entry declares, kept even when its other fields are wrong, for the cross-checks. */
  private record Declared(int line, String id, boolean isDefault, Optional<String> teamId) {}

  private final String file;
  private final List<String> problems = new ArrayList<>();
  private final List<Declared> declaredTeams = new ArrayList<>();
  private final List<Declared> declaredReps = new ArrayList<>();
  private Optional<Located> queue = Optional.empty();

  private DirectoryConfigReader(String file) {
    this.file = file;
  }

  /** Reads {@code in}, naming it {@code file} in any error. */
  static DirectoryConfig read(String file, InputStream in) {
    return new DirectoryConfigReader(file).read(in);
  }

  /**
   * One rep written outside a file, e.g. the body of the admin API: the rep, or every problem
   * worded as for the file (without a line). Whether its team exists is the caller's check.
   */
  static RepRead rep(JsonNode node) {
    DirectoryConfigReader reader = new DirectoryConfigReader("");
    Optional<Rep> rep = reader.rep(new Located(0, node), 1);
    return new RepRead(reader.problems.isEmpty() ? rep : Optional.empty(), reader.problems);
  }

  /** What {@link #rep(JsonNode)} found. */
  record RepRead(Optional<Rep> rep, List<String> problems) {
    RepRead {
      problems = List.copyOf(problems);
    }
  }

  private DirectoryConfig read(InputStream in) {
    Map<String, List<Located>> sections = sections(in);
    List<Team> teams = new ArrayList<>();
    List<Rep> reps = new ArrayList<>();
    int number = 0;
    for (Located entry : sections.get("teams")) {
      number++;
      team(entry, number).ifPresent(teams::add);
    }
    number = 0;
    for (Located entry : sections.get("reps")) {
      number++;
      rep(entry, number).ifPresent(reps::add);
    }
    checkTeams(sections.get("teams").isEmpty());
    checkReps(sections.get("reps").isEmpty());
    Optional<DirectoryConfig.FallbackQueue> fallbackQueue = queue.flatMap(this::fallbackQueue);
    if (!problems.isEmpty()) {
      throw new DirectoryConfigException(file, problems);
    }
    return new DirectoryConfig(teams, reps, fallbackQueue);
  }

  /** The entries of {@code teams:} and {@code reps:}; a file that is not YAML stops here. */
  private Map<String, List<Located>> sections(InputStream in) {
    Map<String, List<Located>> sections = new LinkedHashMap<>();
    SECTIONS.forEach(s -> sections.put(s, new ArrayList<>()));
    Optional<ParsedConfig> snapshot;
    String text;
    try {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      snapshot = ConfigSnapshots.find(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
    try (JsonParser parser =
        snapshot.isPresent()
            ? JsonTrees.tokens(snapshot.get().root().orElseThrow())
            : Yaml.MAPPER.createParser(text)) {
      IntSupplier lineHere = () -> line(parser, snapshot);
      JsonToken top = parser.nextToken();
      if (top == null) {
        problems.add("the file is empty; list the teams under `teams:` and the reps under `reps:`");
        throw new DirectoryConfigException(file, problems);
      }
      if (top != JsonToken.START_OBJECT) {
        problems.add(
            at(lineHere.getAsInt())
                + "expected the sections `teams:` and `reps:` at the top level");
        throw new DirectoryConfigException(file, problems);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        int line = lineHere.getAsInt();
        JsonToken value = parser.nextToken();
        if (name.equals(QUEUE_SECTION)) {
          queue = Optional.of(new Located(line, parser.readValueAsTree()));
        } else if (!SECTIONS.contains(name)) {
          problems.add(
              at(line)
                  + "unknown section `"
                  + name
                  + ":`; the file has only `teams:`, `reps:` and `fallbackQueue:`");
          parser.skipChildren();
        } else if (value == JsonToken.START_ARRAY) {
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            int entryLine = lineHere.getAsInt();
            sections.get(name).add(new Located(entryLine, parser.readValueAsTree()));
          }
        } else if (value != JsonToken.VALUE_NULL) {
          problems.add(
              at(line)
                  + "`"
                  + name
                  + ":` must be a list, one entry per "
                  + name.substring(0, name.length() - 1)
                  + ", each starting with `- id:`");
          parser.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      problems.add(
          at(line)
              + "not valid YAML ("
              + e.getOriginalMessage()
              + "); check the indentation and quoting there");
      throw new DirectoryConfigException(file, problems);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
    return sections;
  }

  private Optional<Team> team(Located entry, int number) {
    JsonNode node = entry.node();
    String where = at(entry.line()) + "team " + label(node, number) + ": ";
    if (!node.isObject()) {
      problems.add(where + "not a team; write `- id: ...` followed by name, manager and default");
      return Optional.empty();
    }
    unknownFields(node, TEAM_FIELDS, where);
    Optional<String> id = id(node, where, "inbound-sales");
    Optional<String> name =
        text(node, "name", where, "the team's display name, e.g. `name: Inbound Sales`");
    boolean isDefault = flag(node, "default", false, where);
    id.ifPresent(
        i -> declaredTeams.add(new Declared(entry.line(), i, isDefault, Optional.empty())));
    JsonNode manager = node.get("manager");
    Optional<String> managerName = Optional.empty();
    Optional<String> managerEmail = Optional.empty();
    if (manager == null || manager.isNull()) {
      problems.add(
          where
              + "missing `manager:`; add the manager leads escalate to, with `name:` and `email:`"
              + " indented below it");
    } else if (!manager.isObject()) {
      problems.add(where + "`manager:` must have `name:` and `email:` indented below it");
    } else {
      String managerWhere = where + "manager ";
      unknownFields(manager, MANAGER_FIELDS, managerWhere);
      managerName = text(manager, "name", managerWhere, "e.g. `name: Morgan Lee`");
      managerEmail = email(manager, managerWhere, "morgan.lee@sales.example.com");
    }
    if (id.isEmpty() || name.isEmpty() || managerName.isEmpty() || managerEmail.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Team(id.get(), name.get(), managerName.get(), managerEmail.get(), isDefault));
  }

  private Optional<DirectoryConfig.FallbackQueue> fallbackQueue(Located entry) {
    JsonNode node = entry.node();
    String where = at(entry.line()) + QUEUE_SECTION + ": ";
    if (node == null || !node.isObject()) {
      problems.add(
          where
              + "must have `name:` and `email:` indented below it, e.g. `name: Unassigned leads`"
              + " and `email: sales-ops@example.com`");
      return Optional.empty();
    }
    unknownFields(node, MANAGER_FIELDS, where);
    Optional<String> name =
        text(node, "name", where, "the queue's name, e.g. `name: Unassigned leads`");
    Optional<String> email = email(node, where, "sales-ops@sales.example.com");
    return name.isEmpty() || email.isEmpty()
        ? Optional.empty()
        : Optional.of(new DirectoryConfig.FallbackQueue(name.get(), email.get()));
  }

  private Optional<Rep> rep(Located entry, int number) {
    JsonNode node = entry.node();
    String where = at(entry.line()) + "rep " + label(node, number) + ": ";
    if (!node.isObject()) {
      problems.add(where + "not a rep; write `- id: ...` followed by name, email, team and active");
      return Optional.empty();
    }
    unknownFields(node, REP_FIELDS, where);
    Optional<String> id = id(node, where, "ana-ruiz");
    Optional<String> name = text(node, "name", where, "the rep's full name, e.g. `name: Ana Ruiz`");
    Optional<String> email = email(node, where, "ana.ruiz@sales.example.com");
    Optional<String> team = text(node, "team", where, "the id of the rep's team");
    boolean active = flag(node, "active", true, where);
    int problemsBefore = problems.size();
    Optional<ZoneId> timeZone = timeZone(node, where);
    boolean paused = flag(node, "paused", false, where);
    RepScheduleReader schedule = new RepScheduleReader(problems);
    int weight = schedule.weight(node, where);
    Map<DayOfWeek, List<WorkingInterval>> hours = schedule.workingHours(node, where);
    List<OutOfOffice> away = schedule.outOfOffice(node, where);
    Optional<Integer> maxOpenOffers =
        schedule.cap(node, "maxOpenOffers", where, "offers waiting for the rep's answer at once");
    Optional<Integer> maxLeadsPerDay =
        schedule.cap(
            node, "maxLeadsPerDay", where, "offers the rep gets in one day, in their time zone");
    id.ifPresent(i -> declaredReps.add(new Declared(entry.line(), i, false, team)));
    if (id.isEmpty()
        || name.isEmpty()
        || email.isEmpty()
        || team.isEmpty()
        || problems.size() > problemsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new Rep(
            id.get(),
            name.get(),
            email.get(),
            team.get(),
            active,
            timeZone,
            weight,
            paused,
            hours,
            away,
            maxOpenOffers,
            maxLeadsPerDay));
  }

  private void checkTeams(boolean noneWritten) {
    if (noneWritten) {
      problems.add(
          "no teams: add at least one under `teams:` with id, name, manager and `default: true`");
      return;
    }
    Map<String, Integer> firstLine = new LinkedHashMap<>();
    for (Declared team : declaredTeams) {
      Integer earlier = firstLine.putIfAbsent(team.id(), team.line());
      if (earlier != null) {
        problems.add(
            at(team.line())
                + "team '"
                + team.id()
                + "': id already used by the team on line "
                + earlier
                + "; give each team its own id");
      }
    }
    List<Declared> defaults = declaredTeams.stream().filter(Declared::isDefault).toList();
    if (defaults.isEmpty() && !declaredTeams.isEmpty()) {
      problems.add(
          "no team has `default: true`; add it to the team leads go to when no rule sends them"
              + " elsewhere, e.g. team '"
              + declaredTeams.get(0).id()
              + "' on line "
              + declaredTeams.get(0).line());
    } else if (defaults.size() > 1) {
      problems.add(
          "teams "
              + String.join(
                  ", ",
                  defaults.stream().map(t -> "'" + t.id() + "' (line " + t.line() + ")").toList())
              + " all have `default: true`; keep it on exactly one team");
    }
  }

  private void checkReps(boolean noneWritten) {
    if (noneWritten) {
      problems.add("no reps: add at least one under `reps:` with id, name, email and team");
      return;
    }
    Set<String> teamIds = new TreeSet<>();
    declaredTeams.forEach(t -> teamIds.add(t.id()));
    Map<String, Integer> firstLine = new LinkedHashMap<>();
    for (Declared rep : declaredReps) {
      String where = at(rep.line()) + "rep '" + rep.id() + "': ";
      Integer earlier = firstLine.putIfAbsent(rep.id(), rep.line());
      if (earlier != null) {
        problems.add(
            where
                + "id already used by the rep on line "
                + earlier
                + "; rep ids must be unique across all teams");
      }
      rep.teamId()
          .filter(team -> !teamIds.isEmpty() && !teamIds.contains(team))
          .ifPresent(
              team ->
                  problems.add(
                      where
                          + "team '"
                          + team
                          + "' is not defined under `teams:`; use one of: "
                          + String.join(", ", teamIds)));
    }
  }

  /** Whether {@code id} is one a team or rep may have: letters, digits, '.', '_' or '-'. */
  static boolean isId(String id) {
    return ID.matcher(id).matches();
  }

  private Optional<String> id(JsonNode node, String where, String example) {
    Optional<String> id = text(node, "id", where, "a short unique id, e.g. `id: " + example + "`");
    if (id.isPresent() && !ID.matcher(id.get()).matches()) {
      problems.add(
          where
              + "id '"
              + id.get()
              + "' has characters ids cannot have; use letters, digits, '.', '_' or '-', e.g. "
              + example);
      return Optional.empty();
    }
    return id;
  }

  /** The rep's optional zone; only region names, which follow daylight saving. */
  private Optional<ZoneId> timeZone(JsonNode node, String where) {
    JsonNode value = node.get("timeZone");
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    String text = value.asText().trim();
    String fix =
        "; use an IANA zone name such as Europe/Berlin or America/New_York, or leave `timeZone:`"
            + " out to show the rep times in their team's zone";
    try {
      ZoneId zone = ZoneId.of(text);
      if (!(zone instanceof ZoneOffset) && (text.contains("/") || text.equals("UTC"))) {
        return Optional.of(zone);
      }
      problems.add(where + "timeZone '" + text + "' is not a region" + fix);
    } catch (DateTimeException e) {
      problems.add(where + "unknown timeZone '" + text + "'" + fix);
    }
    return Optional.empty();
  }

  private Optional<String> email(JsonNode node, String where, String example) {
    Optional<String> email =
        text(node, "email", where, "the work address, e.g. `email: " + example + "`");
    if (email.isPresent() && !EMAIL.matcher(email.get()).matches()) {
      problems.add(
          where
              + "email '"
              + email.get()
              + "' is not an email address; write it as name@domain, e.g. "
              + example);
      return Optional.empty();
    }
    return email;
  }

  private Optional<String> text(JsonNode node, String field, String where, String fix) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || (value.isValueNode() && value.asText().isBlank())) {
      problems.add(where + "missing `" + field + ":`; add " + fix);
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      problems.add(where + "`" + field + ":` must be a single value on its line; write " + fix);
      return Optional.empty();
    }
    return Optional.of(value.asText().trim());
  }

  private boolean flag(JsonNode node, String field, boolean fallback, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      problems.add(where + "`" + field + ": " + value.asText() + "` must be `true` or `false`");
      return fallback;
    }
    return value.booleanValue();
  }

  private void unknownFields(JsonNode node, Set<String> known, String where) {
    node.fieldNames()
        .forEachRemaining(
            field -> {
              if (!known.contains(field)) {
                problems.add(
                    where
                        + "unknown field `"
                        + field
                        + ":`; the fields are "
                        + String.join(", ", new TreeSet<>(known)));
              }
            });
  }

  private static String label(JsonNode node, int number) {
    JsonNode id = node.isObject() ? node.get("id") : null;
    return id != null && id.isValueNode() && !id.asText().isBlank()
        ? "'" + id.asText().trim() + "'"
        : "#" + number;
  }

  // The snapshot's parser walks a tree, which has no locations: the snapshot keeps the lines.
  private static int line(JsonParser parser, Optional<ParsedConfig> snapshot) {
    if (snapshot.isEmpty()) {
      return parser.currentTokenLocation().getLineNr();
    }
    String pointer = parser.getParsingContext().pathAsPointer().toString();
    return snapshot.get().lines().getOrDefault(pointer, 0);
  }

  private static String at(int line) {
    return line > 0 ? "line " + line + ", " : "";
  }
}
