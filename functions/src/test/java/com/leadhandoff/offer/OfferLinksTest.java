package com.leadhandoff.offer;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfferLinksTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:05:00Z");

  private static Offer offerWithHash(String tokenHash) {
    return new Offer(
        OfferScenario.LEAD_ID,
        "001",
        1,
        "emea",
        "rep-ana",
        "Ana Ruiz",
        "ana.ruiz@example.com",
        tokenHash,
        "task-token",
        NOW.minusSeconds(300),
        NOW.plusSeconds(600),
        OfferStatus.OPEN,
        Optional.empty(),
        Optional.empty());
  }

  /** An offer store whose token index still points at an offer whose token was replaced. */
  private static OfferStore laggingIndex(Offer current) {
    return new OfferStore() {
      @Override
      public void put(Offer offer) {}

      @Override
      public Optional<Offer> findByTokenHash(String tokenHash) {
        return Optional.of(current);
      }

      @Override
      public Optional<Offer> find(String leadId, String offerId) {
        return Optional.of(current);
      }

      @Override
      public List<Offer> forLead(String leadId) {
        return List.of(current);
      }

      @Override
      public boolean accept(String leadId, String offerId, Instant now) {
        throw new AssertionError("a replaced token must not act");
      }

      @Override
      public boolean decline(String leadId, String offerId, String reason, Instant now) {
        throw new AssertionError("a replaced token must not act");
      }

      @Override
      public boolean expire(String leadId, String offerId, Instant now) {
        throw new AssertionError("not expected");
      }

      @Override
      public Reminded remind(String leadId, String offerId, int number, String taskToken) {
        throw new AssertionError("not expected");
      }
    };
  }

  private static final LeadStore LEADS =
      new LeadStore() {
        @Override
        public Optional<Lead> find(String leadId) {
          return Optional.of(OfferScenario.lead("Acme"));
        }

        @Override
        public boolean create(Lead lead) {
          return false;
        }

        @Override
        public void saveScore(String leadId, Score score, LeadStatus status) {}

        @Override
        public void setStatus(String leadId, LeadStatus status) {}

        @Override
        public boolean setStatusIf(String leadId, LeadStatus expected, LeadStatus status) {
          throw new UnsupportedOperationException();
        }

        @Override
        public boolean claimOwner(String leadId, Owner owner, LeadStatus status) {
          throw new AssertionError("a replaced token must not act");
        }

        @Override
        public List<Lead> withEmail(String email, Instant since) {
          throw new AssertionError("not expected");
        }

        @Override
        public List<Lead> fromDomain(
            String domain, Instant since, Set<LeadStatus> statuses, int limit) {
          throw new AssertionError("not expected");
        }

        @Override
        public boolean markMerged(String leadId, String intoLeadId) {
          throw new AssertionError("not expected");
        }
      };

  @Test
  void replacedToken_stillInTheLaggingIndex_isUnknown() {
    OfferToken old = OfferToken.generate();
    Offer replaced = offerWithHash(OfferToken.generate().hash());
    OfferLinks links = new OfferLinks(laggingIndex(replaced), LEADS, new MutableClock(NOW));

    assertInstanceOf(OfferView.Unknown.class, links.show(old.value()));
  }

  @Test
  void replacedToken_stillInTheLaggingIndex_cannotAnswer() {
    OfferToken old = OfferToken.generate();
    Offer replaced = offerWithHash(OfferToken.generate().hash());
    OfferAnswers answers =
        new OfferAnswers(
            laggingIndex(replaced),
            LEADS,
            new LeadHistory() {
              @Override
              public void record(String leadId, HistoryEvent event) {
                throw new AssertionError("nothing to record");
              }

              @Override
              public List<HistoryEvent> of(String leadId) {
                return List.of();
              }

              @Override
              public boolean claim(String leadId, String action) {
                throw new AssertionError("nothing to claim");
              }

              @Override
              public void release(String leadId, String action) {
                throw new AssertionError("nothing to release");
              }
            },
            new com.leadhandoff.testing.RecordingWorkflow(),
            new MutableClock(NOW));

    assertInstanceOf(OfferView.Unknown.class, answers.accept(old.value()));
    assertInstanceOf(
        OfferView.Unknown.class,
        answers.decline(old.value(), new DeclineForm.Reason(Optional.empty(), "busy")));
  }
}
