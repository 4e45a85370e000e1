package com.leadhandoff.local.ses;

import com.fasterxml.jackson.core.type.TypeReference;
import com.leadhandoff.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every email the local SES endpoint accepted. Safe to use from many threads. When it has a data
 * directory it keeps the emails in {@code outbox.json} there, rewritten after each send, so a
 * restarted runtime still shows the links a person has not clicked yet.
 */
public final class Outbox {
  /** The file the outbox keeps in its data directory. */
  public static final String FILE_NAME = "outbox.json";

  private final List<SentEmail> emails = new ArrayList<>();
  private final Optional<Path> file;

  private Outbox(Optional<Path> file) {
    this.file = file;
    file.filter(Files::exists).ifPresent(f -> emails.addAll(read(f)));
  }

  /** An outbox that forgets everything when the runtime stops. */
  public static Outbox inMemory() {
    return new Outbox(Optional.empty());
  }

  /** An outbox kept in {@code dataDir}, loading what an earlier run left there. */
  public static Outbox persistedIn(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
    }
    return new Outbox(Optional.of(dataDir.resolve(FILE_NAME)));
  }

  /** Adds a sent email and, if the outbox is persisted, saves it before returning. */
  public synchronized void add(SentEmail email) {
    emails.add(email);
    file.ifPresent(this::write);
  }

  /** All emails, the most recently sent first. */
  public synchronized List<SentEmail> newestFirst() {
    List<SentEmail> copy = new ArrayList<>(emails);
    // Stable sort on a reversed list: emails sent at the same instant keep newest-first order too.
    Collections.reverse(copy);
    copy.sort(Comparator.comparing(SentEmail::sentAt).reversed());
    return copy;
  }

  /** The email SES answered with {@code messageId}, if any. */
  public synchronized Optional<SentEmail> byMessageId(String messageId) {
    return emails.stream().filter(e -> e.messageId().equals(messageId)).findFirst();
  }

  /** Forgets every email (and empties the file, if persisted). */
  public synchronized void clear() {
    emails.clear();
    file.ifPresent(this::write);
  }

  private void write(Path target) {
    try {
      Path temp = Files.createTempFile(target.getParent(), FILE_NAME, ".tmp");
      Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), emails);
      // A crash mid-write must not leave half a file that the next start cannot read.
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the outbox to " + target, e);
    }
  }

  private static List<SentEmail> read(Path source) {
    try {
      return Json.MAPPER.readValue(source.toFile(), new TypeReference<List<SentEmail>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the outbox " + source + "; delete the file to start with an empty outbox",
          e);
    }
  }
}
