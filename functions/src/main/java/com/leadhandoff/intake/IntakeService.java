package com.leadhandoff.intake;

import com.leadhandoff.history.Change;
import com.leadhandoff.history.Changes;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.intake.IntakeResult.Refusal;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.workflow.Workflow;
import com.leadhandoff.workflow.WorkflowUnavailableException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The intake step: turns a web-form post into a stored lead with one running workflow, or into a
 * clear refusal that changes nothing. A repeat of a submission (same {@code Idempotency-Key}, or
 * the same email on the same form within the duplicate window) answers with the first one's lead.
 */
public final class IntakeService {
  /** The largest body accepted, in bytes after base64 decoding. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** History type of a lead stored whose workflow could not be started. */
  public static final String START_FAILED = "START_FAILED";

  /** What a 503 asks the client to wait before retrying. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(30);

  private final SubmissionParser parser = new SubmissionParser();
  private final SubmissionValidator validator;
  private final LeadStore leads;
  private final LeadHistory history;
  private final IntakeKeys keys;
  private final Workflow workflow;
  private final Clock clock;
  private final Duration duplicateWindow;
  private final LeadIds ids;

  /**
   * @param duplicateWindow how long the same email on the same form counts as the same submission;
   *     zero turns that off
   * @param redirectOrigins where a plain HTML form may send the prospect afterwards
   */
  public IntakeService(
      LeadStore leads,
      LeadHistory history,
      IntakeKeys keys,
      Workflow workflow,
      Clock clock,
      Duration duplicateWindow,
      RedirectOrigins redirectOrigins) {
    this.validator = new SubmissionValidator(redirectOrigins);
    this.leads = leads;
    this.history = history;
    this.keys = keys;
    this.workflow = workflow;
    this.clock = clock;
    this.duplicateWindow = duplicateWindow;
    this.ids = new LeadIds(clock);
  }

  /** Handles one {@code POST /leads}. */
  public IntakeResult submit(IntakeRequest request) {
    Optional<BodyFormat> format = request.contentType().flatMap(BodyFormat::of);
    if (format.isEmpty()) {
      return new IntakeResult.Rejected(
          Refusal.UNSUPPORTED_MEDIA_TYPE,
          BodyFormat.refusal(request.contentType()),
          List.of(
              new FieldError(
                  "Content-Type",
                  "must be application/json or"
                      + " application/x-www-form-urlencoded, in a charset Java knows (UTF-8 when absent)")));
    }
    byte[] body;
    try {
      body =
          request.base64Encoded()
              ? Base64.getDecoder().decode(request.body())
              : request.body().getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return invalid("The body is marked as base64 but is not valid base64");
    }
    if (body.length > MAX_BODY_BYTES) {
      return new IntakeResult.Rejected(
          Refusal.TOO_LARGE,
          "The body is " + body.length + " bytes; at most " + MAX_BODY_BYTES + " are accepted",
          List.of());
    }
    Charset charset = format.get().charset();
    // API Gateway passes a JSON body as text it decoded as UTF-8, where bytes that were not UTF-8
    // became U+FFFD: what they were is lost, so refuse rather than store a mangled name.
    if (!request.base64Encoded() && request.body().indexOf('\uFFFD') >= 0) {
      return invalid(
          "The body is not valid UTF-8 (it reached intake with bytes replaced by U+FFFD): send"
              + " it in UTF-8, or name its charset in Content-Type");
    }
    // Either way the bytes are what the client sent; read them in the charset it named, strictly:
    // bytes that are not valid in it are a 400, never a U+FFFD in a stored lead.
    String text;
    try {
      text = Charsets.decode(body, charset);
    } catch (CharacterCodingException e) {
      return invalid(
          "The body is not valid "
              + charset.name()
              + ": send it in the charset Content-Type names (UTF-8 when none is named)");
    }
    ParsedBody parsed = parser.parse(format.get(), text);
    if (parsed instanceof ParsedBody.Unreadable unreadable) {
      return new IntakeResult.Rejected(Refusal.INVALID, unreadable.message(), unreadable.errors());
    }
    Validation validation =
        validator.validate((ParsedBody.Fields) parsed, request.idempotencyKey());
    if (validation instanceof Validation.Invalid invalid) {
      return new IntakeResult.Rejected(
          Refusal.INVALID,
          "The lead was not accepted; fix these fields: "
              + SubmissionValidator.describe(invalid.errors()),
          invalid.errors());
    }
    if (validation instanceof Validation.Trapped trapped) {
      return new IntakeResult.Accepted(ids.next(), trapped.redirect());
    }
    return accept((Validation.Valid) validation);
  }

  /**
   * Claims the submission's keys, stores the lead with its RECEIVED entry, all in one write, then
   * starts its workflow: one DynamoDB request for a new lead. A crash after the write is finished
   * by the client's retry (a repeat starts the held lead's workflow, idempotently) or by the
   * watchdog, which finds the lead RECEIVED with no execution.
   */
  private IntakeResult accept(Validation.Valid valid) {
    Instant now = clock.instant();
    String leadId = ids.next();
    String requestHash = IntakeKey.requestHash(valid.submission(), valid.redirect());
    List<IntakeKey> submissionKeys =
        IntakeKey.of(valid.submission(), valid.idempotencyKey(), duplicateWindow);
    Map<String, IntakeKeys.Holder> found = new HashMap<>();
    List<Change> changes = new ArrayList<>();
    for (IntakeKey key : submissionKeys) {
      changes.add(
          keys.claiming(
              key.name(),
              leadId,
              hashFor(key, requestHash),
              key.expiresAt(now),
              now,
              holder -> found.put(key.name(), holder)));
    }
    changes.add(leads.creation(Lead.received(leadId, now, valid.submission())));
    // One TransactWriteItems (IntakeKeys, Leads, History): each key claimed only if free, the
    // lead with its RECEIVED entry, all or nothing. A key is never held by a lead that is not
    // stored, so no request marks it afterwards; a key another lead holds cancels the write and
    // its reason names that lead (ALL_OLD), which the repeat answers with.
    if (history.recordWith(leadId, received(now, valid.submission()), new Changes(changes))) {
      return start(leadId, valid.redirect());
    }
    return repeat(valid, submissionKeys, found, leadId, requestHash, now);
  }

  /**
   * A submission whose keys another lead holds (or, rarely, whose write failed for another reason
   * the keys' claims then find out): answers with the lead its keys lead to, leaves every key
   * claimed so far pointing at it, and finishes what a crash or a 503 may have left undone, as
   * intake did key by key before the keys joined the lead's write.
   *
   * @param found the holders the cancelled write named, by key
   * @param fresh the id this request would have given a new lead
   */
  private IntakeResult repeat(
      Validation.Valid valid,
      List<IntakeKey> submissionKeys,
      Map<String, IntakeKeys.Holder> found,
      String fresh,
      String requestHash,
      Instant now) {
    String leadId = firstAnswer(submissionKeys, found, fresh);
    List<String> held = new ArrayList<>();
    for (IntakeKey key : submissionKeys) {
      Optional<String> hash = hashFor(key, requestHash);
      IntakeKeys.Holder holder = found.get(key.name());
      if (holder == null) {
        // PutItem IntakeKeys: a key the cancelled write found free (or did not say who holds),
        // claimed for the lead the other keys lead to; it answers the holder if one won meanwhile.
        holder = keys.claim(key.name(), leadId, hash, key.expiresAt(now), now);
      }
      if (hash.isPresent()
          && holder.requestHash().isPresent()
          && !holder.requestHash().equals(hash)) {
        // The IETF Idempotency-Key draft (draft-ietf-httpapi-idempotency-key-header): a key
        // reused with a different payload is 422. It is the first key, so nothing was written for
        // this request; keys claimed before hashes were stored have none and replay.
        return new IntakeResult.Rejected(
            Refusal.IDEMPOTENCY_KEY_REUSED,
            "This Idempotency-Key was already used for a different lead: send a new key with"
                + " each new submission, and the same key only to retry the same one",
            List.of(
                new FieldError(
                    "Idempotency-Key",
                    "was used within the last "
                        + IntakeKey.IDEMPOTENCY_KEPT_FOR.toHours()
                        + " hours for a request with a different body")));
      }
      if (!holder.leadId().equals(leadId)) {
        // The keys claimed so far must lead to the same answer next time.
        for (String earlier : held) {
          keys.repoint(earlier, leadId, holder);
        }
        leadId = holder.leadId();
      }
      if (holder.started()) {
        // A key an earlier version marked once the lead's execution ran.
        return new IntakeResult.Accepted(leadId, valid.redirect());
      }
      held.add(key.name());
    }
    Lead lead = Lead.received(leadId, now, valid.submission());
    if (leadId.equals(fresh)) {
      // This request's own claims stand after all (the write failed on something else): store
      // the lead as the first try meant to.
      if (!history.recordWith(leadId, received(now, valid.submission()), leads.creation(lead))) {
        throw new IllegalStateException("Lead id " + leadId + " was given twice");
      }
      return start(leadId, valid.redirect());
    }
    // GetItem Leads: only the workflow and the watchdog move a lead on from RECEIVED, so a lead
    // past it has (had) its execution and is answered as it is; one still RECEIVED may have none
    // yet (a crash or a 503 after its write), and is started again below, idempotently.
    Optional<Lead> stored = leads.find(leadId);
    if (stored.isPresent() && stored.get().status() != LeadStatus.RECEIVED) {
      return new IntakeResult.Accepted(leadId, valid.redirect());
    }
    if (stored.isEmpty()) {
      // A key an earlier version claimed before storing its lead, and a crash in between: the
      // lead is stored under the claimed id now (a no-op if a racing repeat stored it first).
      history.recordWith(leadId, received(now, valid.submission()), leads.creation(lead));
    }
    return start(leadId, valid.redirect());
  }

  /**
   * The lead a repeat will answer, as far as the cancelled write tells it: the holder of the last
   * held key, or of the first key an earlier version marked started (the repeat stops there). Free
   * keys are then claimed for that lead directly, rather than for this request's and moved.
   */
  private static String firstAnswer(
      List<IntakeKey> submissionKeys, Map<String, IntakeKeys.Holder> found, String fresh) {
    String answer = fresh;
    for (IntakeKey key : submissionKeys) {
      IntakeKeys.Holder holder = found.get(key.name());
      if (holder != null) {
        answer = holder.leadId();
        if (holder.started()) {
          break;
        }
      }
    }
    return answer;
  }

  /**
   * Starts the lead's workflow. A repeat may always start it again: the execution is named after
   * the lead, and a StartExecution with the name and input of an open execution succeeds without
   * running another, while one whose execution closed is refused with ExecutionAlreadyExists (Step
   * Functions API Reference, StartExecution, {@code name}), which {@link Workflow#start} takes as
   * started. Names are kept 90 days; keys, 24 hours at most.
   */
  private IntakeResult start(String leadId, Optional<String> redirect) {
    try {
      workflow.start(leadId);
    } catch (WorkflowUnavailableException e) {
      // Not acknowledged: the client's retry starts this lead (its keys hold it, its lead stays
      // RECEIVED), and so does the watchdog, which finds it RECEIVED, if the client never retries.
      history.record(
          leadId,
          new HistoryEvent(
              clock.instant(),
              START_FAILED,
              "The workflow could not be started; the form was asked to retry, and the watchdog"
                  + " starts it if nobody does",
              Map.of("error", String.valueOf(e.getMessage()))));
      return new IntakeResult.Unavailable(leadId, RETRY_AFTER);
    }
    return new IntakeResult.Accepted(leadId, redirect);
  }

  private static Optional<String> hashFor(IntakeKey key, String requestHash) {
    return key.isIdempotencyKey() ? Optional.of(requestHash) : Optional.empty();
  }

  private static HistoryEvent received(Instant now, Submission submission) {
    Map<String, String> details = new LinkedHashMap<>();
    put(details, "formId", submission.formId());
    put(details, "utmSource", submission.utmSource());
    put(details, "utmMedium", submission.utmMedium());
    put(details, "utmCampaign", submission.utmCampaign());
    String form = submission.formId() == null ? "the web form" : "form " + submission.formId();
    return new HistoryEvent(
        now, "RECEIVED", "Received from " + form + " (" + submission.email() + ")", details);
  }

  private static void put(Map<String, String> details, String name, String value) {
    if (value != null) {
      details.put(name, value);
    }
  }

  private static IntakeResult.Rejected invalid(String message) {
    return new IntakeResult.Rejected(Refusal.INVALID, message, List.of());
  }
}
