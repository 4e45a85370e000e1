/**
 * ValidateStateMachineDefinition: the parser's problems as the API's diagnostics (severity, code,
 * message, location as a JSON pointer such as {@code /States/Offer To Rep/Next}).
 */
package com.leadhandoff.local.asl.validate;
