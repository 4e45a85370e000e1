package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.parse.DefinitionParser;
import com.leadhandoff.local.asl.parse.InvalidDefinitionException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Error names in Retry and Catch, per the developer guide's "Handling errors in Step Functions
 * workflows": custom names are accepted, those that start with "States." too, as published
 * definitions use them.
 */
class StatesErrorNamesTest {
  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void customStatesPrefixedName_isAcceptedAndCaught() {
    // GIVEN a branch failing with "States.LeadRejected", caught under that very name
    String definition =
        q(
            "{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[{'StartAt':'F','States':"
                + "{'F':{'Type':'Fail','Error':'States.LeadRejected','Cause':'spam'}}}],"
                + "'Catch':[{'ErrorEquals':['States.LeadRejected'],'ResultPath':'$.error','Next':'Handled'}],"
                + "'End':true},'Handled':{'Type':'Pass','End':true}}}");

    // WHEN it runs
    String arn = fixture.run(definition, "{}");

    // THEN the catcher took it, with the Fail state's error and cause unchanged
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(List.of("P", "F", "Handled"), fixture.statesEntered(arn));
    assertEquals(
        EngineFixture.json("{\"error\":{\"Error\":\"States.LeadRejected\",\"Cause\":\"spam\"}}"),
        fixture.output(arn));
  }

  @Test
  void nonStringErrorName_isRefused() {
    InvalidDefinitionException refused =
        assertThrows(
            InvalidDefinitionException.class,
            () ->
                DefinitionParser.parse(
                    q(
                        "{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[{'StartAt':'S',"
                            + "'States':{'S':{'Type':'Succeed'}}}],'Retry':[{'ErrorEquals':[42]}],"
                            + "'End':true}}}")));
    assertTrue(refused.problems().get(0).contains("ErrorEquals"), refused.problems().toString());
  }
}
