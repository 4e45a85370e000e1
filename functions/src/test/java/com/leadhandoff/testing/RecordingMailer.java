package com.leadhandoff.testing;

import com.leadhandoff.email.Email;
import com.leadhandoff.email.Mailer;
import java.util.ArrayList;
import java.util.List;

/** A mailer that keeps what it was asked to send, for assertions. */
public final class RecordingMailer implements Mailer {
  private final List<Email> sent = new ArrayList<>();

  @Override
  public synchronized void send(Email email) {
    sent.add(email);
  }

  /** Every email sent so far, oldest first. */
  public synchronized List<Email> sent() {
    return List.copyOf(sent);
  }

  /** The emails sent to {@code address}. */
  public synchronized List<Email> sentTo(String address) {
    return sent.stream().filter(e -> e.to().equals(address)).toList();
  }
}
